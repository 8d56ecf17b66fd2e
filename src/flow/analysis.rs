//! The search: every path from each flow's `StartAction`, over (flow, block,
//! state) with a visited set so that loops end, following `TransferToFlow`
//! into other flows of the set and `InvokeFlowModule` into modules and back.
//! Each finding keeps the path of its first visit.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use super::blocks::{resolve_target, step, target_text, uses, Lg, State};
use super::{
    Analysis, DataClass, EntryState, Finding, FindingKind, FlowAction, FlowFile, FlowVerdict,
    Logging, PathStep, Unresolved,
};

/// What the analysis knows about how the flows are entered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The instance's `CONTACTFLOW_LOGS`: when disabled, no flow logs are
    /// written at all; when unknown or enabled, the blocks decide.
    pub instance_logs: Option<Logging>,
    /// The operator's assumption for flows entered some way shoko cannot
    /// see (`--flow-logging`); `None` keeps it unknown (findings `review`).
    pub unknown_entry: Option<Logging>,
    /// Ids or ARNs of flows where contacts start (a phone number or other
    /// resource is associated with them): entered with logging off.
    pub entry_off: Vec<String>,
}

#[derive(Debug)]
struct Node {
    flow: usize,
    action: usize,
    state: State,
    parent: Option<usize>,
    via: Option<String>,
}

/// First triggering visits of one (flow, block, kind): (node, references, class).
#[derive(Debug, Default)]
struct Slot {
    explicit: Option<(usize, Vec<String>, DataClass)>,
    default: Option<(usize, Vec<String>, DataClass)>,
}

struct Analyzer<'a> {
    flows: &'a [FlowFile],
    instance_on: bool,
    index: Vec<HashMap<&'a str, usize>>,
    starts: Vec<Option<usize>>,
    targets: Vec<Vec<Option<usize>>>,
    nodes: Vec<Node>,
    visited: HashMap<(usize, usize, State), usize>,
    queue: VecDeque<usize>,
    slots: BTreeMap<(usize, usize, FindingKind), Slot>,
    entries: Vec<BTreeSet<EntryState>>,
    exits_memo: HashMap<(usize, State), Vec<State>>,
    exits_busy: HashSet<(usize, State)>,
}

/// Walks every path of every flow, with flows entered from outside the set
/// taken to start in `unknown_entry` (an assumption): see [`analyze_with`].
pub fn analyze(flows: &[FlowFile], unknown_entry: Logging) -> Analysis {
    analyze_with(
        flows,
        &Options {
            unknown_entry: Some(unknown_entry),
            ..Options::default()
        },
    )
}

/// Walks every path of every flow and reports each place a sensitive value
/// is captured or used while logging may be on.
///
/// Entry states follow AWS's rule: the state a Set logging behavior block
/// sets holds for the rest of the contact and into later segments, so a
/// flow entered by a transfer or module call from the set inherits its
/// caller's state; a flow where contacts start (`entry_off`) starts off;
/// any other flow with no caller in the set is entered some way shoko
/// cannot see (`unknown`, or the operator's assumption). A flow only
/// referenced from blocks that are never reached is entered as unknown too.
pub fn analyze_with(flows: &[FlowFile], opts: &Options) -> Analysis {
    let index: Vec<HashMap<&str, usize>> = flows
        .iter()
        .map(|f| {
            f.actions
                .iter()
                .enumerate()
                .map(|(i, a)| (a.identifier.as_str(), i))
                .collect()
        })
        .collect();
    let starts = flows
        .iter()
        .zip(&index)
        .map(|(f, ix)| ix.get(f.start_action.as_str()).copied())
        .collect();
    let targets: Vec<Vec<Option<usize>>> = flows
        .iter()
        .map(|f| f.actions.iter().map(|a| resolve_target(flows, a)).collect())
        .collect();

    let mut referenced = vec![false; flows.len()];
    let mut unresolved = Vec::new();
    for (from, per_action) in targets.iter().enumerate() {
        for (a, target) in per_action.iter().enumerate() {
            match target {
                Some(t) if *t != from => referenced[*t] = true,
                Some(_) => {}
                None => {
                    if let Some(action) = flows[from].actions.get(a) {
                        if super::blocks::target_param(&action.action_type).is_some() {
                            unresolved.push(Unresolved {
                                flow_name: flows[from].name.clone(),
                                block_id: action.identifier.clone(),
                                target: target_text(action),
                            });
                        }
                    }
                }
            }
        }
    }

    let instance_on = opts.instance_logs != Some(Logging::Disabled);
    let mut an = Analyzer {
        flows,
        instance_on,
        index,
        starts,
        targets,
        nodes: Vec::new(),
        visited: HashMap::new(),
        queue: VecDeque::new(),
        slots: BTreeMap::new(),
        entries: vec![BTreeSet::new(); flows.len()],
        exits_memo: HashMap::new(),
        exits_busy: HashSet::new(),
    };
    let unknown_logging = match (instance_on, opts.unknown_entry) {
        (false, _) | (true, Some(Logging::Disabled)) => Lg::Off,
        (true, Some(Logging::Enabled)) => Lg::AssumedOn,
        (true, None) => Lg::Maybe,
    };
    let unknown = State {
        logging: unknown_logging,
        // An earlier segment may have stored input of any kind.
        stored: Some(DataClass::Unclassified),
        external: None,
        attrs: BTreeMap::new(),
    };
    let off = State {
        logging: Lg::Off,
        stored: None,
        external: None,
        attrs: BTreeMap::new(),
    };
    // An association names the flow by id or ARN: compare the last segments.
    let last = |s: &str| s.rsplit('/').next().unwrap_or(s).to_string();
    let is_off = |f: &FlowFile| {
        opts.entry_off.iter().any(|e| {
            [f.id.as_deref(), f.arn.as_deref()]
                .into_iter()
                .flatten()
                .any(|x| x == e || last(x) == last(e))
        })
    };
    for (f, file) in flows.iter().enumerate() {
        // Without CONTACTFLOW_LOGS nothing is written, whatever the way in.
        if !instance_on {
            an.entries[f].insert(EntryState::Off);
            an.enter(f, off.clone(), None, None);
        } else if file.entered_by_routing() {
            // A queue, hold, whisper or transfer flow: Connect's routing
            // enters it, whatever else does; no association shows that.
            an.entries[f].insert(EntryState::Unknown);
            an.enter(f, unknown.clone(), None, None);
        } else if is_off(file) {
            an.entries[f].insert(EntryState::Off);
            an.enter(f, off.clone(), None, None);
        } else if !referenced[f] {
            an.entries[f].insert(EntryState::Unknown);
            an.enter(f, unknown.clone(), None, None);
        }
    }
    loop {
        while let Some(n) = an.queue.pop_front() {
            an.expand(n);
        }
        let mut entered = vec![false; flows.len()];
        for node in &an.nodes {
            entered[node.flow] = true;
        }
        match (0..flows.len()).find(|f| !entered[*f] && an.starts[*f].is_some()) {
            Some(f) => {
                an.entries[f].insert(EntryState::Unknown);
                an.enter(f, unknown.clone(), None, None)
            }
            None => break,
        }
    }
    let mut analysis = an.finish();
    analysis.unresolved = unresolved;
    analysis.entry_assumption = opts.unknown_entry;
    analysis.routed = flows
        .iter()
        .filter(|f| f.entered_by_routing())
        .map(|f| f.name.clone())
        .collect();
    analysis
}

impl<'a> Analyzer<'a> {
    fn enter(&mut self, flow: usize, state: State, parent: Option<usize>, via: Option<&str>) {
        if parent.is_some() {
            if let Some(e) = self.entries.get_mut(flow) {
                e.insert(EntryState::Inherited);
            }
        }
        if let Some(start) = self.starts.get(flow).copied().flatten() {
            self.push(flow, start, state, parent, via);
        }
    }

    fn push(
        &mut self,
        flow: usize,
        action: usize,
        state: State,
        parent: Option<usize>,
        via: Option<&str>,
    ) {
        let key = (flow, action, state.clone());
        if self.visited.contains_key(&key) {
            return;
        }
        let n = self.nodes.len();
        self.nodes.push(Node {
            flow,
            action,
            state,
            parent,
            via: via.map(str::to_string),
        });
        self.visited.insert(key, n);
        self.queue.push_back(n);
    }

    fn action(&self, flow: usize, action: usize) -> Option<&'a FlowAction> {
        self.flows.get(flow)?.actions.get(action)
    }

    fn target(&self, flow: usize, action: usize) -> Option<usize> {
        self.targets.get(flow)?.get(action).copied().flatten()
    }

    fn next_index(&self, flow: usize, id: &str) -> Option<usize> {
        self.index.get(flow)?.get(id).copied()
    }

    fn expand(&mut self, n: usize) {
        let Some(node) = self.nodes.get(n) else {
            return;
        };
        let (flow, a, state) = (node.flow, node.action, node.state.clone());
        let Some(action) = self.action(flow, a) else {
            return;
        };

        if let Some((kind, refs, class)) = uses(action, &state) {
            let slot = self.slots.entry((flow, a, kind)).or_default();
            let first = if matches!(state.logging, Lg::On) {
                &mut slot.explicit
            } else {
                &mut slot.default
            };
            match first {
                None => *first = Some((n, refs, class)),
                // Keep the first path, but grade by the most sensitive value seen.
                Some((_, _, c)) if *c < class => *c = class,
                Some(_) => {}
            }
        }

        let after = step(action, &state, self.instance_on);
        let target = self.target(flow, a);
        match (action.action_type.as_str(), target) {
            ("TransferToFlow", Some(t)) => {
                self.enter(t, after.clone(), Some(n), Some("TransferToFlow"))
            }
            ("InvokeFlowModule", Some(t)) => {
                self.enter(t, state.clone(), Some(n), Some("InvokeFlowModule"))
            }
            _ => {}
        }
        for tr in &action.transitions {
            let Some(next) = self.next_index(flow, &tr.next_action) else {
                continue;
            };
            let states = match (action.action_type.as_str(), target) {
                ("InvokeFlowModule", Some(t)) if tr.via == "NextAction" => {
                    self.module_exits(t, state.clone())
                }
                _ => vec![after.clone()],
            };
            for s in states {
                self.push(flow, next, s, Some(n), Some(&tr.via));
            }
        }
    }

    /// States in which module `m`, entered in `entry`, returns to its caller
    /// (`EndFlowModuleExecution`). Nested modules are summarised the same way;
    /// a module that (indirectly) invokes itself is assumed to leave the state unchanged.
    fn module_exits(&mut self, m: usize, entry: State) -> Vec<State> {
        if let Some(exits) = self.exits_memo.get(&(m, entry.clone())) {
            return exits.clone();
        }
        let Some(start) = self.starts.get(m).copied().flatten() else {
            return vec![entry];
        };
        if !self.exits_busy.insert((m, entry.clone())) {
            return vec![entry];
        }
        let mut exits = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![(start, entry.clone())];
        while let Some((a, state)) = stack.pop() {
            if !seen.insert((a, state.clone())) {
                continue;
            }
            let Some(action) = self.action(m, a) else {
                continue;
            };
            if action.action_type == "EndFlowModuleExecution" && !exits.contains(&state) {
                exits.push(state.clone());
            }
            let after = step(action, &state, self.instance_on);
            let nested = match action.action_type.as_str() {
                "InvokeFlowModule" => self.target(m, a),
                _ => None,
            };
            for tr in &action.transitions {
                let Some(next) = self.next_index(m, &tr.next_action) else {
                    continue;
                };
                let states = match nested {
                    Some(t) if tr.via == "NextAction" => self.module_exits(t, state.clone()),
                    _ => vec![after.clone()],
                };
                stack.extend(states.into_iter().map(|s| (next, s)));
            }
        }
        exits.sort();
        self.exits_busy.remove(&(m, entry.clone()));
        self.exits_memo.insert((m, entry), exits.clone());
        exits
    }

    fn path_to(&self, n: usize) -> Vec<PathStep> {
        let mut steps = Vec::new();
        let mut cur = Some(n);
        while let Some(i) = cur {
            let Some(node) = self.nodes.get(i) else {
                break;
            };
            if let (Some(flow), Some(action)) = (
                self.flows.get(node.flow),
                self.action(node.flow, node.action),
            ) {
                steps.push(PathStep {
                    flow_name: flow.name.clone(),
                    block_id: action.identifier.clone(),
                    block_name: action.name.clone(),
                    via: node.via.clone(),
                });
            }
            cur = node.parent;
        }
        steps.reverse();
        steps
    }

    fn finish(self) -> Analysis {
        let mut findings = Vec::new();
        let mut flagged = vec![false; self.flows.len()];
        let mut ordered: Vec<_> = self.slots.iter().collect();
        ordered.sort_by(|((fa, aa, ka), _), ((fb, ab, kb), _)| {
            let id = |f: usize, a: usize| self.action(f, a).map(|x| x.identifier.as_str());
            (fa, id(*fa, *aa), ka).cmp(&(fb, id(*fb, *ab), kb))
        });
        for ((flow, a, kind), slot) in ordered {
            let (chosen, from_default) = match (&slot.explicit, &slot.default) {
                (Some(c), _) => (c, false),
                (None, Some(c)) => (c, true),
                (None, None) => continue,
            };
            let (Some(file), Some(action)) = (self.flows.get(*flow), self.action(*flow, *a)) else {
                continue;
            };
            flagged[*flow] |= chosen.2.is_sensitive();
            findings.push(Finding {
                flow_source: file.source.clone(),
                flow_name: file.name.clone(),
                block_id: action.identifier.clone(),
                block_name: action.name.clone(),
                kind: *kind,
                references: chosen.1.clone(),
                path: self.path_to(chosen.0),
                logging_from_default: from_default,
                class: chosen.2,
            });
        }
        let flows = self
            .flows
            .iter()
            .enumerate()
            .map(|(f, file)| FlowVerdict {
                source: file.source.clone(),
                name: file.name.clone(),
                sensitive_input_logged: flagged[f],
                entry_state_assumed: self.entries[f].contains(&EntryState::Unknown),
                entry: self.entries[f].iter().copied().collect(),
            })
            .collect();
        Analysis {
            flows,
            findings,
            unresolved: Vec::new(),
            entry_assumption: None,
            routed: Vec::new(),
            starts_unseen: Vec::new(),
        }
    }
}
