//! The graph: actors as nodes, relations as edges (petgraph), the documents they
//! came from, and the log of merges. [`merge`] pours extractions in; [`store`]
//! persists the graph to disk.

pub mod merge;
pub mod model;
pub mod store;

use crate::error::{Error, Result};
use crate::text::{edit_distance_within, name_key};
use model::{Actor, Document, Extraction, Relation};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use std::collections::HashMap;

/// A graph of actors and relations, with the documents behind them.
#[derive(Debug, Clone, Default)]
pub struct NewsGraph {
    /// Nodes are actors; edges are relations (each with its evidence).
    pub graph: StableDiGraph<Actor, Relation>,
    /// Documents loaded, in load order.
    pub documents: Vec<Document>,
    /// Merge decisions, in order ("merged X into Y because ...").
    pub merges: Vec<String>,
    by_id: HashMap<String, NodeIndex>,
}

impl NewsGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node of an actor id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The actor at a node.
    pub fn actor(&self, n: NodeIndex) -> &Actor {
        &self.graph[n]
    }

    /// All actors, in id order (deterministic).
    pub fn actors(&self) -> Vec<&Actor> {
        let mut v: Vec<&Actor> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// All relations, in a deterministic order (source, target, type, document, sentence).
    pub fn relations(&self) -> Vec<&Relation> {
        let mut v: Vec<&Relation> = self.graph.edge_weights().collect();
        v.sort_by(|a, b| {
            (
                &a.source,
                &a.target,
                a.kind,
                &a.evidence.doc,
                a.evidence.sentence,
            )
                .cmp(&(
                    &b.source,
                    &b.target,
                    b.kind,
                    &b.evidence.doc,
                    b.evidence.sentence,
                ))
        });
        v
    }

    /// Adds an actor (its id must be new) and returns its node.
    pub fn add_actor(&mut self, actor: Actor) -> NodeIndex {
        let id = actor.id.clone();
        let n = self.graph.add_node(actor);
        self.by_id.insert(id, n);
        n
    }

    /// Adds a relation between two existing actor ids.
    pub fn add_relation(&mut self, rel: Relation) -> Option<EdgeIndex> {
        let s = self.node(&rel.source)?;
        let t = self.node(&rel.target)?;
        Some(self.graph.add_edge(s, t, rel))
    }

    /// Builds a graph from an extraction (actor ids must be unique; relations
    /// whose ends are unknown are dropped).
    pub fn from_extraction(x: Extraction) -> Self {
        let mut g = NewsGraph::new();
        g.documents = x.documents;
        for a in x.actors {
            if g.node(&a.id).is_none() {
                g.add_actor(a);
            }
        }
        for r in x.relations {
            g.add_relation(r);
        }
        g
    }

    /// The graph as an extraction (documents, actors, relations), in deterministic order.
    pub fn to_extraction(&self) -> Extraction {
        Extraction {
            documents: self.documents.clone(),
            actors: self.actors().into_iter().cloned().collect(),
            relations: self.relations().into_iter().cloned().collect(),
        }
    }

    /// Finds the actor a user means by `name`: its id, its name or any alias,
    /// compared case- and diacritic-insensitively. Several matches are an error
    /// unless one is an exact name match; no match lists the closest names.
    pub fn find_actor(&self, name: &str) -> Result<NodeIndex> {
        if let Some(n) = self.node(name) {
            return Ok(n);
        }
        let key = name_key(name);
        let mut by_name = Vec::new();
        let mut by_alias = Vec::new();
        for n in self.graph.node_indices() {
            let a = &self.graph[n];
            if name_key(&a.name) == key {
                by_name.push(n);
            } else if a.aliases.iter().any(|x| name_key(x) == key) {
                by_alias.push(n);
            }
        }
        let hits = if by_name.is_empty() {
            by_alias
        } else {
            by_name
        };
        match hits.len() {
            1 => Ok(hits[0]),
            0 => Err(Error::UnknownActor {
                name: name.to_string(),
                candidates: self.closest(&key, 5),
            }),
            _ => {
                let mut c: Vec<String> = hits.iter().map(|&n| describe(&self.graph[n])).collect();
                c.sort();
                Err(Error::AmbiguousActor {
                    name: name.to_string(),
                    candidates: c,
                })
            }
        }
    }

    /// Names closest to a folded key, best first: containment, then edit distance.
    fn closest(&self, key: &str, k: usize) -> Vec<String> {
        let mut scored: Vec<(usize, String)> = Vec::new();
        for a in self.graph.node_weights() {
            let mut best = usize::MAX;
            for form in std::iter::once(&a.name).chain(a.aliases.iter()) {
                let f = name_key(form);
                let d = if !key.is_empty() && (f.contains(key) || key.contains(&f) && !f.is_empty())
                {
                    0
                } else {
                    edit_distance_within(&f, key, 4)
                };
                best = best.min(d);
            }
            if best <= 4 {
                scored.push((best, describe(a)));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(k).map(|(_, s)| s).collect()
    }
}

/// "Antony Blinken (person)": how an actor is named in messages.
pub fn describe(a: &Actor) -> String {
    format!("{} ({})", a.name, a.kind)
}
