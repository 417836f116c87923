//! An actor's ego network: every actor within a number of hops (relations walked
//! either way), and every relation among them, grouped by type.

use super::index::{Index, TypeSet, Walk};
use super::report::sorted_keys;
use super::timeline::chrono_key;
use crate::graph::NewsGraph;
use crate::model::{Actor, Relation, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The ego network of an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ego {
    /// The actor at the centre.
    pub center: NodeIndex,
    /// How many hops out the network reaches.
    pub depth: usize,
    /// Every actor in the network with its distance from the centre (the centre
    /// first at 0), by distance then name.
    pub members: Vec<(NodeIndex, usize)>,
    /// The relations among the members, grouped by type (schema order); within a
    /// type, the centre's own relations first, then by source name, target name
    /// and timeline order.
    pub by_type: Vec<(RelationType, Vec<EdgeIndex>)>,
}

impl Ego {
    /// Number of relations in the network.
    pub fn relation_count(&self) -> usize {
        self.by_type.iter().map(|(_, v)| v.len()).sum()
    }
}

/// Every actor within `depth` hops of any of `centers` (relations of the given
/// types, walked either way), with its distance: a map sized to what is reached.
pub fn within(
    idx: &Index,
    centers: &[NodeIndex],
    depth: usize,
    types: TypeSet,
) -> HashMap<u32, usize> {
    let mut dist: HashMap<u32, usize> = HashMap::new();
    let mut frontier = Vec::new();
    for c in centers {
        if c.index() < idx.node_bound() && dist.insert(c.index() as u32, 0).is_none() {
            frontier.push(c.index() as u32);
        }
    }
    for d in 1..=depth {
        let mut next = Vec::new();
        for &u in &frontier {
            for arc in idx.arcs(u as usize, Walk::Both) {
                if types.contains(arc.kind) && !dist.contains_key(&arc.to) {
                    dist.insert(arc.to, d);
                    next.push(arc.to);
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    dist
}

/// The `n` neighbours of `x` (over relations of the given types, either way)
/// most worth adding to a drawing when `x` is expanded: the most relations
/// with `x` first, then the best connected, then by id (the same store always
/// expands the same way). `x` itself and actors in `skip` are not listed.
pub fn top_neighbours(
    g: &NewsGraph,
    idx: &Index,
    x: NodeIndex,
    n: usize,
    types: TypeSet,
    skip: &std::collections::HashSet<NodeIndex>,
) -> Vec<NodeIndex> {
    let mut with_x: HashMap<u32, usize> = HashMap::new();
    for arc in idx.arcs(x.index(), Walk::Both) {
        let m = NodeIndex::new(arc.to as usize);
        if types.contains(arc.kind) && m != x && !skip.contains(&m) {
            *with_x.entry(arc.to).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize, NodeIndex)> = with_x
        .into_iter()
        .map(|(m, k)| {
            (
                k,
                idx.arcs(m as usize, Walk::Both).len(),
                NodeIndex::new(m as usize),
            )
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then_with(|| g.actor(a.2).id.cmp(&g.actor(b.2).id))
    });
    ranked.into_iter().take(n).map(|(_, _, m)| m).collect()
}

/// The ego network of `center` up to `depth` hops over relations of the given types.
pub fn ego(g: &NewsGraph, idx: &Index, center: NodeIndex, depth: usize, types: TypeSet) -> Ego {
    let dist = within(idx, &[center], depth, types);
    let mut groups: Vec<Vec<EdgeIndex>> = vec![Vec::new(); RelationType::ALL.len()];
    for &u in dist.keys() {
        for arc in idx.arcs(u as usize, Walk::Out) {
            if types.contains(arc.kind) && dist.contains_key(&arc.to) {
                groups[arc.kind as usize].push(arc.edge_index());
            }
        }
    }
    let by_type = RelationType::ALL
        .into_iter()
        .zip(groups)
        .filter(|(_, v)| !v.is_empty())
        .map(|(t, mut v)| {
            v.sort_by_cached_key(|&e| {
                let (s, t) = g
                    .graph
                    .edge_endpoints(e)
                    .map_or((None, None), |(s, t)| (Some(s), Some(t)));
                let name = |n: Option<NodeIndex>| n.map(|n| g.actor(n).name.as_str()).unwrap_or("");
                let id = |n: Option<NodeIndex>| n.map(|n| g.actor(n).id.as_str()).unwrap_or("");
                (name(s), id(s), name(t), id(t), chrono_key(g, idx, e))
            });
            (t, v)
        })
        .collect();
    let mut members: Vec<(NodeIndex, usize)> = dist
        .into_iter()
        .map(|(n, d)| (NodeIndex::new(n as usize), d))
        .collect();
    members.sort_by(|a, b| {
        a.1.cmp(&b.1)
            .then_with(|| g.actor(a.0).name.cmp(&g.actor(b.0).name))
            .then_with(|| a.0.cmp(&b.0))
    });
    Ego {
        center,
        depth,
        members,
        by_type,
    }
}

/// A member of an ego network, as [`EgoReport`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MemberReport {
    /// The actor.
    #[serde(serialize_with = "sorted_keys")]
    pub actor: Actor,
    /// Hops from the centre (0 for the centre itself).
    pub distance: usize,
}

/// An ego network as `newsgraph neighbors --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EgoReport {
    /// The actor at the centre.
    #[serde(serialize_with = "sorted_keys")]
    pub actor: Actor,
    /// The members, by distance then name (the centre first).
    pub actors: Vec<MemberReport>,
    /// How many hops out the network reaches.
    pub depth: usize,
    /// The relations among the members by type, in [`Ego::by_type`] order
    /// within a type (in JSON an object keyed by type name, alphabetically).
    #[serde(serialize_with = "sorted_keys")]
    pub relations: BTreeMap<RelationType, Vec<Relation>>,
    /// The relation types walked, as asked for (empty: every type).
    pub types: Vec<RelationType>,
}

impl EgoReport {
    /// The report of `e`, found over the relation types `types` (listed as the
    /// question gave them; empty for every type).
    pub fn new(g: &NewsGraph, e: &Ego, types: &[RelationType]) -> EgoReport {
        EgoReport {
            actor: g.actor(e.center).clone(),
            actors: e
                .members
                .iter()
                .map(|&(n, distance)| MemberReport {
                    actor: g.actor(n).clone(),
                    distance,
                })
                .collect(),
            depth: e.depth,
            relations: e
                .by_type
                .iter()
                .map(|(t, v)| (*t, v.iter().map(|&x| g.relation(x)).collect()))
                .collect(),
            types: types.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    #[test]
    fn ego_network_by_depth_and_type() {
        let g = graph(&[
            ("k", "a", RelationType::Meet),
            ("b", "k", RelationType::Call),
            ("a", "b", RelationType::Meet),
            ("a", "far", RelationType::Support),
            ("far", "farther", RelationType::Support),
            ("k", "iq", RelationType::Affiliation),
        ]);
        let idx = Index::new(&g);
        let k = g.node("k").unwrap();
        let e1 = ego(&g, &idx, k, 1, TypeSet::ALL);
        let ids = |e: &Ego| -> Vec<(String, usize)> {
            e.members
                .iter()
                .map(|&(n, d)| (g.actor(n).id.clone(), d))
                .collect()
        };
        assert_eq!(
            ids(&e1),
            [
                ("k".to_string(), 0),
                ("a".to_string(), 1),
                ("b".to_string(), 1),
                ("iq".to_string(), 1)
            ]
        );
        // Induced relations: a–b is in, a–far is not.
        assert_eq!(e1.relation_count(), 4);
        let types: Vec<RelationType> = e1.by_type.iter().map(|(t, _)| *t).collect();
        assert_eq!(
            types,
            [
                RelationType::Call,
                RelationType::Meet,
                RelationType::Affiliation
            ]
        );
        let e2 = ego(&g, &idx, k, 2, TypeSet::ALL);
        assert_eq!(e2.members.len(), 5);
        assert_eq!(e2.relation_count(), 5);
        let meets = ego(&g, &idx, k, 5, TypeSet::of(&[RelationType::Meet]));
        assert_eq!(meets.members.len(), 3);
        let zero = ego(&g, &idx, k, 0, TypeSet::ALL);
        assert_eq!(zero.members.len(), 1);
        assert_eq!(zero.relation_count(), 0);
    }

    #[test]
    fn expanding_adds_the_closest_neighbours_first() {
        let g = graph(&[
            ("x", "a", RelationType::Meet),
            ("x", "b", RelationType::Meet),
            ("b", "x", RelationType::Call),
            ("x", "c", RelationType::Call),
            ("c", "d", RelationType::Call),
            ("x", "land", RelationType::Affiliation),
        ]);
        let idx = Index::new(&g);
        let x = g.node("x").unwrap();
        let ids = |v: Vec<NodeIndex>| -> Vec<String> {
            v.into_iter().map(|n| g.actor(n).id.clone()).collect()
        };
        let none = std::collections::HashSet::new();
        // b: two relations with x; c: one, but better connected than a.
        assert_eq!(
            ids(top_neighbours(
                &g,
                &idx,
                x,
                3,
                TypeSet::of(&[RelationType::Meet, RelationType::Call]),
                &none
            )),
            ["b", "c", "a"]
        );
        let skip = [g.node("b").unwrap()].into_iter().collect();
        assert_eq!(
            ids(top_neighbours(&g, &idx, x, 9, TypeSet::ALL, &skip)),
            ["c", "a", "land"]
        );
    }

    #[test]
    fn ego_report_serializes_as_the_cli_prints_it() {
        use crate::query::report::testing::json;
        use serde_json::json;
        let g = graph(&[
            ("k", "a", RelationType::Visit),
            ("a", "k", RelationType::Affiliation),
            ("a", "b", RelationType::Call),
        ]);
        let idx = Index::new(&g);
        let k = g.node("k").unwrap();
        let e = ego(&g, &idx, k, 1, TypeSet::ALL);
        let v: serde_json::Value =
            serde_json::from_str(&json(&EgoReport::new(&g, &e, &[]))).unwrap();
        let actor = |id: &str| serde_json::to_value(g.actor(g.node(id).unwrap())).unwrap();
        let rel = |i: usize| serde_json::to_value(g.relation(EdgeIndex::new(i))).unwrap();
        assert_eq!(
            v,
            json!({
                "actor": actor("k"),
                "actors": [{"actor": actor("k"), "distance": 0}, {"actor": actor("a"), "distance": 1}],
                "depth": 1,
                // Keyed by name: affiliation before visit, unlike the schema's order.
                "relations": {"affiliation": [rel(1)], "visit": [rel(0)]},
                "types": [],
            })
        );
        let text = json(&EgoReport::new(&g, &e, &[]));
        assert!(text.find("\"affiliation\"").unwrap() < text.find("\"visit\": [").unwrap());
    }
}
