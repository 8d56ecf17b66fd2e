//! Source numbering: every cited source gets a number in the order a reader
//! first meets it, and the numbered sources list is made from those keys.

use crate::model::answer::Answers;
use crate::model::catalog::{Catalog, DocSource};
use crate::model::claim::SourceKey;
use crate::model::evidence::{FlowSource, ObservationRef};
use crate::model::report::Source;
use std::collections::HashMap;

/// Numbers sources as they are cited (number = order of first citation).
pub(crate) struct Numbering<'a> {
    catalog: &'a Catalog,
    answers: Option<&'a Answers>,
    observations: &'a [ObservationRef],
    flows: &'a [FlowSource],
    /// Keys in the order they were first cited (number = index + 1).
    keys: Vec<SourceKey>,
    /// The number of each key, so that numbering stays linear.
    index: HashMap<SourceKey, usize>,
}

impl<'a> Numbering<'a> {
    /// Nothing cited yet.
    pub(crate) fn new(
        catalog: &'a Catalog,
        answers: Option<&'a Answers>,
        observations: &'a [ObservationRef],
        flows: &'a [FlowSource],
    ) -> Self {
        Numbering {
            catalog,
            answers,
            observations,
            flows,
            keys: Vec::new(),
            index: HashMap::new(),
        }
    }
    pub(crate) fn number(&mut self, key: &SourceKey) -> usize {
        if let Some(n) = self.index.get(key) {
            return *n;
        }
        self.keys.push(key.clone());
        self.index.insert(key.clone(), self.keys.len());
        self.keys.len()
    }
    pub(crate) fn numbers(&mut self, keys: &[SourceKey]) -> Vec<usize> {
        let mut v: Vec<usize> = keys.iter().map(|k| self.number(k)).collect();
        v.sort_unstable();
        v.dedup();
        v
    }
    pub(crate) fn sources(&self) -> Vec<Source> {
        self.keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| {
                let number = i + 1;
                Some(match k {
                    SourceKey::Doc { id } => {
                        let DocSource {
                            url,
                            title,
                            checked,
                            ..
                        } = self.catalog.sources.get(id)?.clone();
                        Source::Doc {
                            number,
                            id: id.clone(),
                            url,
                            title,
                            checked,
                        }
                    }
                    SourceKey::Declaration { file, line } => {
                        let a = self.answers?;
                        let ans = a.answers.iter().find(|x| x.line == *line)?;
                        Source::Declaration {
                            number,
                            file: file.clone(),
                            line: *line,
                            category: ans.category.clone(),
                            property: ans.property,
                            declared_by: a.declared_by.clone(),
                            declared_at: a.declared_at.map(|d| d.to_string()),
                            reference: ans.reference.clone(),
                        }
                    }
                    SourceKey::Observation { id } => {
                        let o = self.observations.iter().find(|o| &o.id == id)?.clone();
                        Source::Observation {
                            number,
                            observation: o,
                        }
                    }
                    SourceKey::Flow { source } => {
                        let f = self.flows.iter().find(|f| &f.source == source)?.clone();
                        Source::Flow {
                            number,
                            source: f.source,
                            name: f.name,
                            sha256: f.sha256,
                        }
                    }
                })
            })
            .collect()
    }
}
