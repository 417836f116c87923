//! What a store holds, listed: its documents, its actors, and its relations
//! filtered by type, actor, date or document (`newsgraph documents`, `actors`
//! and `relations`).

use super::report::with_keys;
use super::timeline::in_range;
use crate::graph::NewsGraph;
use crate::model::{Actor, ActorKind, Document, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::Direction;
use serde::{Serialize, Serializer};
use std::collections::HashMap;

/// A stored document with what the store knows about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentEntry {
    /// The document.
    pub document: Document,
    /// Number of relations read in it.
    pub relations: usize,
    /// Hash of its content, which lets a reload skip it (`None` for documents
    /// that did not come from a file the loader hashed).
    pub hash: Option<String>,
    /// The source that identifies the document on a reload (path below the
    /// folder loaded, URL or explicit id; `None` in stores from before sources).
    pub source: Option<String>,
}

impl Serialize for DocumentEntry {
    /// The document's object with `hash` and `relations` beside its fields,
    /// keys in alphabetical order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        with_keys(
            &self.document,
            [
                ("relations", self.relations.into()),
                ("hash", self.hash.clone().into()),
                ("source", self.source.clone().into()),
            ],
            s,
        )
    }
}

/// The stored documents in load order: what `newsgraph documents --format
/// json` prints, as a JSON array.
pub fn documents(g: &NewsGraph) -> Vec<DocumentEntry> {
    let mut per_doc: HashMap<&str, usize> = HashMap::new();
    for e in g.graph.edge_weights() {
        *per_doc.entry(g.str(e.doc)).or_default() += 1;
    }
    g.documents
        .iter()
        .map(|d| DocumentEntry {
            document: d.clone(),
            relations: per_doc.get(d.id.as_str()).copied().unwrap_or(0),
            hash: g.doc_hash(&d.id).map(str::to_string),
            source: g.doc_source(&d.id).map(str::to_string),
        })
        .collect()
}

/// A stored actor with the number of relations it takes part in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The actor.
    pub actor: Actor,
    /// Relations with the actor on either side (one on both sides counts twice).
    pub relations: usize,
}

impl Serialize for ActorEntry {
    /// The actor's object with `relations` beside its fields, keys in
    /// alphabetical order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        with_keys(&self.actor, [("relations", self.relations.into())], s)
    }
}

/// The stored actors in id order, only those of `kind` when given: what
/// `newsgraph actors --format json` prints, as a JSON array.
pub fn actors(g: &NewsGraph, kind: Option<ActorKind>) -> Vec<ActorEntry> {
    g.actors()
        .into_iter()
        .filter(|a| kind.is_none_or(|k| k == a.kind))
        .map(|a| ActorEntry {
            actor: a.clone(),
            relations: g.node(&a.id).map_or(0, |n| {
                g.graph.edges_directed(n, Direction::Outgoing).count()
                    + g.graph.edges_directed(n, Direction::Incoming).count()
            }),
        })
        .collect()
}

/// Which relations [`relations`] lists; the default lists them all.
#[derive(Debug, Clone, Default)]
pub struct RelationFilter {
    /// Only these types (every type when empty).
    pub types: Vec<RelationType>,
    /// Only relations with this actor on either side.
    pub actor: Option<NodeIndex>,
    /// Only relations dated on or after this (possibly partial) ISO date.
    pub since: Option<String>,
    /// Only relations dated on or before this (possibly partial) ISO date:
    /// "2024-05" includes all of May.
    pub until: Option<String>,
    /// Only relations read in the document with this id.
    pub doc: Option<String>,
}

/// The stored relations that pass `filter`, in the store's order (source,
/// target, type, document, sentence). With a date filter, relations without a
/// date of their own are left out: nothing says they fall inside it. For
/// `newsgraph relations --format json`, the relations ([`NewsGraph::relation`])
/// as a JSON array.
pub fn relations(g: &NewsGraph, filter: &RelationFilter) -> Vec<EdgeIndex> {
    let dated = filter.since.is_some() || filter.until.is_some();
    g.sorted_edges()
        .into_iter()
        .filter(|&e| {
            let w = &g.graph[e];
            if !filter.types.is_empty() && !filter.types.contains(&w.kind) {
                return false;
            }
            if filter.doc.as_deref().is_some_and(|d| d != g.str(w.doc)) {
                return false;
            }
            let Some((s, t)) = g.graph.edge_endpoints(e) else {
                return false;
            };
            if filter.actor.is_some_and(|a| a != s && a != t) {
                return false;
            }
            !dated
                || w.date.is_some_and(|d| {
                    in_range(g.str(d), filter.since.as_deref(), filter.until.as_deref())
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::report::testing::json;
    use crate::query::testing::{graph_of, relation};

    fn g() -> NewsGraph {
        let mut r = vec![
            relation("k", "b", RelationType::Meet, "d1", 0),
            relation("b", "c", RelationType::Call, "d2", 1),
            relation("c", "k", RelationType::Support, "d2", 2),
        ];
        r[0].date = Some("2024-05-31".into());
        r[1].date = Some("2024-06-01".into());
        let mut g = graph_of(&r);
        for id in ["d1", "d2"] {
            g.put_document(
                Document {
                    id: id.into(),
                    path: format!("{id}.txt"),
                    date: None,
                    title: (id == "d2").then(|| "Talks".into()),
                    url: None,
                },
                (id == "d1").then(|| "abc123".into()),
            );
        }
        g
    }

    #[test]
    fn documents_with_counts_hashes_and_sources() {
        let mut g = g();
        g.set_doc_source("d1", "news/d1.txt");
        let docs = documents(&g);
        assert_eq!(
            json(&docs),
            serde_json::to_string_pretty(&serde_json::json!([
                {"hash": "abc123", "id": "d1", "path": "d1.txt", "relations": 1, "source": "news/d1.txt"},
                {"hash": null, "id": "d2", "path": "d2.txt", "relations": 2, "source": null, "title": "Talks"},
            ]))
            .unwrap()
        );
    }

    #[test]
    fn actors_with_relation_counts() {
        let g = g();
        let all = actors(&g, None);
        assert_eq!(all.len(), 3);
        assert_eq!(
            json(&all[0]),
            "{\n  \"aliases\": [],\n  \"id\": \"b\",\n  \"kind\": \"person\",\n  \"name\": \"B\",\n  \"relations\": 2\n}"
        );
        assert!(actors(&g, Some(ActorKind::Country)).is_empty());
    }

    #[test]
    fn relations_by_type_actor_date_and_document() {
        let g = g();
        let kinds = |f: &RelationFilter| -> Vec<RelationType> {
            relations(&g, f).iter().map(|&e| g.graph[e].kind).collect()
        };
        assert_eq!(kinds(&RelationFilter::default()).len(), 3);
        let only = |f: RelationFilter| kinds(&f);
        assert_eq!(
            only(RelationFilter {
                types: vec![RelationType::Call, RelationType::Support],
                doc: Some("d2".into()),
                ..Default::default()
            })
            .len(),
            2
        );
        assert_eq!(
            only(RelationFilter {
                until: Some("2024-05".into()),
                ..Default::default()
            }),
            [RelationType::Meet]
        );
        assert_eq!(
            only(RelationFilter {
                since: Some("2024-06".into()),
                actor: g.node("c"),
                ..Default::default()
            }),
            [RelationType::Call]
        );
        assert!(only(RelationFilter {
            doc: Some("d3".into()),
            ..Default::default()
        })
        .is_empty());
    }
}
