//! Who contacted whom: an actor's contacts in both directions, and the contact
//! matrix of a set of actors.
//!
//! A contact is a relation of the chosen types (call, meet and visit unless told
//! otherwise). Its direction is the one the text gives: the subject of "A called
//! B" or "A met B" contacted the other. Each counterpart is summarized by its
//! number of events, their types, the first and last date (see
//! [`timeline`](mod@super::timeline) for dates) and the documents they come from, in
//! load order; the relations themselves are kept for their evidence.

use super::index::{Index, TypeSet};
use super::report::sorted_keys;
use super::timeline::{chrono_key, relation_date};
use crate::graph::NewsGraph;
use crate::model::{Actor, Relation, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// An actor's contacts with one counterpart in one direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactSummary {
    /// The counterpart.
    pub actor: NodeIndex,
    /// Number of contact events.
    pub events: usize,
    /// Events per type, in schema order.
    pub types: Vec<(RelationType, usize)>,
    /// Date of the earliest dated event.
    pub first: Option<String>,
    /// Date of the latest dated event.
    pub last: Option<String>,
    /// Documents the events come from, in load order.
    pub documents: Vec<String>,
    /// The events, in timeline order.
    pub relations: Vec<EdgeIndex>,
}

/// Who an actor contacted and who contacted it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contacts {
    /// The actor asked about.
    pub actor: NodeIndex,
    /// The relation types counted as contacts.
    pub types: TypeSet,
    /// Actors it contacted (it is the relation's source), most events first.
    pub contacted: Vec<ContactSummary>,
    /// Actors that contacted it (it is the relation's target), most events first.
    pub contacted_by: Vec<ContactSummary>,
}

fn summarize(
    g: &NewsGraph,
    idx: &Index,
    groups: HashMap<NodeIndex, Vec<EdgeIndex>>,
) -> Vec<ContactSummary> {
    let mut out: Vec<ContactSummary> = groups
        .into_iter()
        .map(|(actor, mut relations)| {
            relations.sort_by_cached_key(|&e| chrono_key(g, idx, e));
            let mut types: Vec<(RelationType, usize)> = Vec::new();
            for t in RelationType::ALL {
                let n = relations.iter().filter(|&&e| g.graph[e].kind == t).count();
                if n > 0 {
                    types.push((t, n));
                }
            }
            let dates: Vec<&str> = relations
                .iter()
                .filter_map(|&e| relation_date(g, idx, &g.graph[e]))
                .collect();
            let mut documents: Vec<&str> =
                relations.iter().map(|&e| g.str(g.graph[e].doc)).collect();
            documents.sort_by_key(|d| (idx.doc_order(d), *d));
            documents.dedup();
            ContactSummary {
                actor,
                events: relations.len(),
                types,
                first: dates.iter().min().map(|s| s.to_string()),
                last: dates.iter().max().map(|s| s.to_string()),
                documents: documents.into_iter().map(String::from).collect(),
                relations,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| g.actor(a.actor).name.cmp(&g.actor(b.actor).name))
            .then_with(|| g.actor(a.actor).id.cmp(&g.actor(b.actor).id))
    });
    out
}

/// The contacts of actor `a` through relations of the given types.
pub fn contacts(g: &NewsGraph, idx: &Index, a: NodeIndex, types: TypeSet) -> Contacts {
    let mut out: HashMap<NodeIndex, Vec<EdgeIndex>> = HashMap::new();
    let mut inc: HashMap<NodeIndex, Vec<EdgeIndex>> = HashMap::new();
    for e in g.graph.edges_directed(a, Direction::Outgoing) {
        if types.contains(e.weight().kind) && e.target() != a {
            out.entry(e.target()).or_default().push(e.id());
        }
    }
    for e in g.graph.edges_directed(a, Direction::Incoming) {
        if types.contains(e.weight().kind) && e.source() != a {
            inc.entry(e.source()).or_default().push(e.id());
        }
    }
    Contacts {
        actor: a,
        types,
        contacted: summarize(g, idx, out),
        contacted_by: summarize(g, idx, inc),
    }
}

/// A who-contacted-whom matrix: `counts[i][j]` is the number of events in which
/// `actors[i]` contacted `actors[j]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactMatrix {
    /// Rows and columns, in the same order.
    pub actors: Vec<NodeIndex>,
    /// The relation types counted as contacts.
    pub types: TypeSet,
    /// Event counts, row actor → column actor.
    pub counts: Vec<Vec<usize>>,
}

/// The contact matrix of a list of actors.
pub fn contact_matrix(idx: &Index, actors: &[NodeIndex], types: TypeSet) -> ContactMatrix {
    let col: HashMap<usize, usize> = actors
        .iter()
        .enumerate()
        .map(|(j, n)| (n.index(), j))
        .collect();
    let mut counts = vec![vec![0usize; actors.len()]; actors.len()];
    for (i, &a) in actors.iter().enumerate() {
        for arc in idx.arcs(a.index(), super::index::Walk::Out) {
            if types.contains(arc.kind) {
                if let Some(&j) = col.get(&(arc.to as usize)) {
                    counts[i][j] += 1;
                }
            }
        }
    }
    ContactMatrix {
        actors: actors.to_vec(),
        types,
        counts,
    }
}

/// The `n` actors with the most contact events (either direction), most first;
/// ties by name. Actors without contacts are never listed.
pub fn most_contacted(g: &NewsGraph, idx: &Index, n: usize, types: TypeSet) -> Vec<NodeIndex> {
    let mut scored: Vec<(usize, NodeIndex)> = g
        .graph
        .node_indices()
        .map(|v| {
            let k = idx
                .arcs(v.index(), super::index::Walk::Both)
                .iter()
                .filter(|a| types.contains(a.kind))
                .count();
            (k, v)
        })
        .filter(|&(k, _)| k > 0)
        .collect();
    scored.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| g.actor(a.1).name.cmp(&g.actor(b.1).name))
            .then_with(|| a.1.cmp(&b.1))
    });
    scored.into_iter().take(n).map(|(_, v)| v).collect()
}

/// One counterpart of a [`ContactsReport`]: a [`ContactSummary`] with the
/// actor and relations written out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactReport {
    /// The counterpart.
    #[serde(serialize_with = "sorted_keys")]
    pub actor: Actor,
    /// Documents the events come from, in load order.
    pub documents: Vec<String>,
    /// Number of contact events.
    pub events: usize,
    /// Date of the earliest dated event.
    pub first: Option<String>,
    /// Date of the latest dated event.
    pub last: Option<String>,
    /// The events with their evidence, in timeline order.
    #[serde(serialize_with = "sorted_keys")]
    pub relations: Vec<Relation>,
    /// Events per type (in JSON an object keyed by type name, alphabetically).
    #[serde(serialize_with = "sorted_keys")]
    pub types: BTreeMap<RelationType, usize>,
}

impl ContactReport {
    /// The report of one summary.
    pub fn new(g: &NewsGraph, s: &ContactSummary) -> ContactReport {
        ContactReport {
            actor: g.actor(s.actor).clone(),
            documents: s.documents.clone(),
            events: s.events,
            first: s.first.clone(),
            last: s.last.clone(),
            relations: s.relations.iter().map(|&e| g.relation(e)).collect(),
            types: s.types.iter().copied().collect(),
        }
    }

    fn all(g: &NewsGraph, side: &[ContactSummary]) -> Vec<ContactReport> {
        side.iter().map(|s| ContactReport::new(g, s)).collect()
    }
}

/// An actor's contacts as `newsgraph contacts --format json` prints them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactsReport {
    /// The actor asked about.
    #[serde(serialize_with = "sorted_keys")]
    pub actor: Actor,
    /// Actors it contacted, most events first.
    pub contacted: Vec<ContactReport>,
    /// Actors that contacted it, most events first.
    pub contacted_by: Vec<ContactReport>,
    /// The relation types counted as contacts, as asked for.
    pub types: Vec<RelationType>,
}

impl ContactsReport {
    /// The report of `c`, found with the relation types `types` (listed as the
    /// question gave them; [`Contacts::types`] is only their set).
    pub fn new(g: &NewsGraph, c: &Contacts, types: &[RelationType]) -> ContactsReport {
        ContactsReport {
            actor: g.actor(c.actor).clone(),
            contacted: ContactReport::all(g, &c.contacted),
            contacted_by: ContactReport::all(g, &c.contacted_by),
            types: types.to_vec(),
        }
    }
}

/// A contact matrix as `newsgraph contacts --matrix --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatrixReport {
    /// Rows and columns, in the same order.
    #[serde(serialize_with = "sorted_keys")]
    pub actors: Vec<Actor>,
    /// Event counts, row actor → column actor.
    pub matrix: Vec<Vec<usize>>,
    /// The relation types counted as contacts, as asked for.
    pub types: Vec<RelationType>,
}

impl MatrixReport {
    /// The report of `m`, computed with the relation types `types`.
    pub fn new(g: &NewsGraph, m: &ContactMatrix, types: &[RelationType]) -> MatrixReport {
        MatrixReport {
            actors: m.actors.iter().map(|&n| g.actor(n).clone()).collect(),
            matrix: m.counts.clone(),
            types: types.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::{graph_of, relation};

    fn g() -> NewsGraph {
        let mut r = vec![
            relation("k", "b1", RelationType::Meet, "d1", 3),
            relation("k", "b2", RelationType::Meet, "d1", 3),
            relation("k", "b2", RelationType::Call, "d2", 1),
            relation("bl", "k", RelationType::Call, "d1", 0),
            relation("bl", "k", RelationType::Agree, "d1", 4),
            relation("k", "iraq", RelationType::Affiliation, "d1", 0),
            relation("b1", "b2", RelationType::Meet, "d2", 7),
        ];
        r[2].date = Some("2021-09-10".into());
        r[1].date = Some("2021-09-08".into());
        graph_of(&r)
    }

    #[test]
    fn contacts_in_both_directions() {
        let g = g();
        let idx = Index::new(&g);
        let c = contacts(&g, &idx, g.node("k").unwrap(), TypeSet::CONTACTS);
        let names = |v: &[ContactSummary]| -> Vec<String> {
            v.iter().map(|s| g.actor(s.actor).id.clone()).collect()
        };
        assert_eq!(names(&c.contacted), ["b2", "b1"]);
        assert_eq!(names(&c.contacted_by), ["bl"]);
        let b2 = &c.contacted[0];
        assert_eq!(b2.events, 2);
        assert_eq!(b2.types, [(RelationType::Call, 1), (RelationType::Meet, 1)]);
        assert_eq!(b2.first.as_deref(), Some("2021-09-08"));
        assert_eq!(b2.last.as_deref(), Some("2021-09-10"));
        assert_eq!(b2.documents, ["d1", "d2"]);
        assert_eq!(c.contacted_by[0].events, 1, "the agreement is no contact");
        let all = contacts(&g, &idx, g.node("k").unwrap(), TypeSet::ALL);
        assert_eq!(all.contacted.len(), 3);
        assert_eq!(all.contacted_by[0].events, 2);
    }

    #[test]
    fn matrix_and_most_contacted() {
        let g = g();
        let idx = Index::new(&g);
        let top = most_contacted(&g, &idx, 3, TypeSet::CONTACTS);
        let ids: Vec<&str> = top.iter().map(|&n| g.actor(n).id.as_str()).collect();
        assert_eq!(ids, ["k", "b2", "b1"]);
        let m = contact_matrix(&idx, &top, TypeSet::CONTACTS);
        assert_eq!(m.counts, [[0, 2, 1], [0, 0, 0], [0, 1, 0]]);
    }

    #[test]
    fn contact_reports_serialize_as_the_cli_prints_them() {
        use crate::query::report::testing::json;
        use serde_json::json;
        let g = g();
        let idx = Index::new(&g);
        let k = g.node("k").unwrap();
        let types = [RelationType::Visit, RelationType::Call, RelationType::Meet];
        let c = contacts(&g, &idx, k, TypeSet::of(&types));
        let r = ContactsReport::new(&g, &c, &types);
        let text = json(&r);
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["types"], json!(["visit", "call", "meet"]), "as asked");
        assert_eq!(v["actor"]["id"], "k");
        let b2 = &v["contacted"][0];
        assert_eq!(b2["actor"]["id"], "b2");
        assert_eq!(b2["types"], json!({"call": 1, "meet": 1}));
        assert_eq!(b2["events"], 2);
        assert_eq!(b2["first"], "2021-09-08");
        assert_eq!(b2["documents"], json!(["d1", "d2"]));
        assert_eq!(b2["relations"].as_array().unwrap().len(), 2);
        assert_eq!(v["contacted"][1]["first"], serde_json::Value::Null);
        assert_eq!(v["contacted_by"][0]["actor"]["id"], "bl");
        let m = contact_matrix(
            &idx,
            &most_contacted(&g, &idx, 2, TypeSet::CONTACTS),
            TypeSet::CONTACTS,
        );
        let v: serde_json::Value =
            serde_json::from_str(&json(&MatrixReport::new(&g, &m, &types))).unwrap();
        assert_eq!(
            v,
            json!({
                "actors": [
                    serde_json::to_value(g.actor(k)).unwrap(),
                    serde_json::to_value(g.actor(g.node("b2").unwrap())).unwrap(),
                ],
                "matrix": [[0, 2], [0, 0]],
                "types": ["visit", "call", "meet"],
            })
        );
    }
}
