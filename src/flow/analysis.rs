//! The search: every path from each flow's `StartAction`, over (flow, block,
//! state) with a visited set so that loops end, following `TransferToFlow`
//! into other flows of the set and `InvokeFlowModule` into modules and back.
//! Each finding keeps the path of its first visit.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use super::blocks::{resolve_target, sensitive, step, State, Stored};
use super::{Analysis, Finding, FindingKind, FlowAction, FlowFile, FlowVerdict, Logging, PathStep};

#[derive(Debug)]
struct Node {
    flow: usize,
    action: usize,
    state: State,
    parent: Option<usize>,
    via: Option<String>,
}

/// First triggering visits of one (flow, block, kind).
#[derive(Debug, Default)]
struct Slot {
    explicit: Option<(usize, Vec<String>)>,
    default: Option<(usize, Vec<String>)>,
}

struct Analyzer<'a> {
    flows: &'a [FlowFile],
    index: Vec<HashMap<&'a str, usize>>,
    starts: Vec<Option<usize>>,
    targets: Vec<Vec<Option<usize>>>,
    nodes: Vec<Node>,
    visited: HashMap<(usize, usize, State), usize>,
    queue: VecDeque<usize>,
    slots: BTreeMap<(usize, usize, FindingKind), Slot>,
    exits_memo: HashMap<(usize, State), Vec<State>>,
    exits_busy: HashSet<(usize, State)>,
}

/// Walks every path of every flow and reports sensitive handling with logging on.
///
/// Flows that no flow in `flows` transfers to (or invokes) start in
/// `default_logging`; the others start in the state carried in by the
/// transfer. Flows only referenced from blocks that are never reached, or only
/// from each other in a cycle, fall back to `default_logging` too.
pub fn analyze(flows: &[FlowFile], default_logging: Logging) -> Analysis {
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
    for (from, per_action) in targets.iter().enumerate() {
        for target in per_action.iter().flatten() {
            if *target != from {
                referenced[*target] = true;
            }
        }
    }

    let mut an = Analyzer {
        flows,
        index,
        starts,
        targets,
        nodes: Vec::new(),
        visited: HashMap::new(),
        queue: VecDeque::new(),
        slots: BTreeMap::new(),
        exits_memo: HashMap::new(),
        exits_busy: HashSet::new(),
    };
    let entry = State {
        logging: default_logging,
        from_default: true,
        stored: Stored::Unknown,
    };
    for (f, is_referenced) in referenced.iter().enumerate() {
        if !is_referenced {
            an.enter(f, entry, None, None);
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
            Some(f) => an.enter(f, entry, None, None),
            None => break,
        }
    }
    an.finish()
}

impl<'a> Analyzer<'a> {
    fn enter(&mut self, flow: usize, state: State, parent: Option<usize>, via: Option<&str>) {
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
        let key = (flow, action, state);
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
        let (flow, a, state) = (node.flow, node.action, node.state);
        let Some(action) = self.action(flow, a) else {
            return;
        };

        if let Some((kind, refs)) = sensitive(action, state) {
            let slot = self.slots.entry((flow, a, kind)).or_default();
            let first = if state.from_default {
                &mut slot.default
            } else {
                &mut slot.explicit
            };
            if first.is_none() {
                *first = Some((n, refs));
            }
        }

        let after = step(action, state);
        let target = self.target(flow, a);
        match (action.action_type.as_str(), target) {
            ("TransferToFlow", Some(t)) => self.enter(t, state, Some(n), Some("TransferToFlow")),
            ("InvokeFlowModule", Some(t)) => {
                self.enter(t, state, Some(n), Some("InvokeFlowModule"))
            }
            _ => {}
        }
        for tr in &action.transitions {
            let Some(next) = self.next_index(flow, &tr.next_action) else {
                continue;
            };
            let states = match (action.action_type.as_str(), target) {
                ("InvokeFlowModule", Some(t)) if tr.via == "NextAction" => {
                    self.module_exits(t, state)
                }
                _ => vec![after],
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
        if let Some(exits) = self.exits_memo.get(&(m, entry)) {
            return exits.clone();
        }
        let Some(start) = self.starts.get(m).copied().flatten() else {
            return vec![entry];
        };
        if !self.exits_busy.insert((m, entry)) {
            return vec![entry];
        }
        let mut exits = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![(start, entry)];
        while let Some((a, state)) = stack.pop() {
            if !seen.insert((a, state)) {
                continue;
            }
            let Some(action) = self.action(m, a) else {
                continue;
            };
            if action.action_type == "EndFlowModuleExecution" && !exits.contains(&state) {
                exits.push(state);
            }
            let after = step(action, state);
            let nested = match action.action_type.as_str() {
                "InvokeFlowModule" => self.target(m, a),
                _ => None,
            };
            for tr in &action.transitions {
                let Some(next) = self.next_index(m, &tr.next_action) else {
                    continue;
                };
                let states = match nested {
                    Some(t) if tr.via == "NextAction" => self.module_exits(t, state),
                    _ => vec![after],
                };
                stack.extend(states.into_iter().map(|s| (next, s)));
            }
        }
        exits.sort();
        self.exits_busy.remove(&(m, entry));
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
            flagged[*flow] = true;
            findings.push(Finding {
                flow_source: file.source.clone(),
                flow_name: file.name.clone(),
                block_id: action.identifier.clone(),
                block_name: action.name.clone(),
                kind: *kind,
                references: chosen.1.clone(),
                path: self.path_to(chosen.0),
                logging_from_default: from_default,
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
                entry_state_assumed: self.nodes.iter().any(|node| {
                    node.flow == f && Some(node.action) == self.starts[f] && node.state.from_default
                }),
            })
            .collect();
        Analysis { flows, findings }
    }
}
