//! Shortest paths between two actors, hop by hop with the relation behind each hop.

use crate::graph::model::RelationType;
use crate::graph::NewsGraph;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, NodeIndexable};
use petgraph::Direction;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Which edges a path may use.
#[derive(Debug, Clone, Default)]
pub struct PathOptions {
    /// Only these relation types (all when empty).
    pub types: Vec<RelationType>,
    /// Follow edges only from source to target (default: either way).
    pub directed: bool,
    /// Longest path allowed, in hops.
    pub max_hops: Option<usize>,
}

/// One step of a path: from one actor to the next over one relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hop {
    /// Actor the hop leaves.
    pub from: NodeIndex,
    /// Actor the hop reaches.
    pub to: NodeIndex,
    /// The relation walked (its own direction may be `to` → `from`).
    pub edge: EdgeIndex,
}

/// Cost of walking one relation: every hop counts, and among paths of equal
/// length those through contacts (call, meet, visit) win, then other events, then
/// affiliations — "who talked to whom" before "who belongs where".
fn hop_cost(t: RelationType) -> u64 {
    const HOP: u64 = 1 << 20;
    HOP + if t.is_contact() {
        0
    } else if t == RelationType::Affiliation {
        2
    } else {
        1
    }
}

/// A shortest path from `a` to `b`: fewest hops, ties broken towards contacts,
/// then by the graph's deterministic order. `None` when unconnected.
pub fn shortest_path(
    g: &NewsGraph,
    a: NodeIndex,
    b: NodeIndex,
    opts: &PathOptions,
) -> Option<Vec<Hop>> {
    if a == b {
        return Some(Vec::new());
    }
    let bound = g.graph.node_bound();
    let mut prev: Vec<Option<Hop>> = vec![None; bound];
    let mut best: Vec<(u64, usize)> = vec![(u64::MAX, usize::MAX); bound];
    best[a.index()] = (0, 0);
    let mut heap = BinaryHeap::from([Reverse((0u64, 0usize, a.index()))]);
    let allowed = |t: RelationType| opts.types.is_empty() || opts.types.contains(&t);
    while let Some(Reverse((cost, hops, ni))) = heap.pop() {
        if (cost, hops) > best[ni] {
            continue;
        }
        let n = NodeIndex::new(ni);
        if n == b {
            let mut path = Vec::new();
            let mut cur = b;
            while let Some(h) = prev[cur.index()] {
                path.push(h);
                cur = h.from;
            }
            path.reverse();
            return Some(path);
        }
        if opts.max_hops.is_some_and(|m| hops >= m) {
            continue;
        }
        let mut steps: Vec<(NodeIndex, EdgeIndex, RelationType)> = Vec::new();
        for e in g.graph.edges_directed(n, Direction::Outgoing) {
            steps.push((e.target(), e.id(), e.weight().kind));
        }
        if !opts.directed {
            for e in g.graph.edges_directed(n, Direction::Incoming) {
                steps.push((e.source(), e.id(), e.weight().kind));
            }
        }
        steps.sort_by_key(|&(m, e, _)| (m.index(), e.index()));
        for (m, e, t) in steps {
            if !allowed(t) {
                continue;
            }
            let next = (cost + hop_cost(t), hops + 1);
            if next < best[m.index()] {
                best[m.index()] = next;
                prev[m.index()] = Some(Hop {
                    from: n,
                    to: m,
                    edge: e,
                });
                heap.push(Reverse((next.0, next.1, m.index())));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::model::{Actor, ActorKind, Evidence, Relation};

    fn g(edges: &[(&str, &str, RelationType)]) -> NewsGraph {
        let mut g = NewsGraph::new();
        for (s, t, _) in edges {
            for id in [s, t] {
                if g.node(id).is_none() {
                    g.add_actor(Actor {
                        id: id.to_string(),
                        name: id.to_uppercase(),
                        kind: ActorKind::Person,
                        country: None,
                        aliases: vec![],
                    });
                }
            }
        }
        for (s, t, k) in edges {
            g.add_relation(Relation {
                source: s.to_string(),
                target: t.to_string(),
                kind: *k,
                cameo: None,
                date: None,
                planned: false,
                evidence: Evidence {
                    doc: "d".into(),
                    sentence: 0,
                    start: 0,
                    end: 0,
                    trigger: String::new(),
                    text: String::new(),
                    rule: None,
                },
            });
        }
        g
    }

    #[test]
    fn undirected_by_default_directed_on_request() {
        let gr = g(&[
            ("a", "b", RelationType::Call),
            ("c", "b", RelationType::Meet),
        ]);
        let (a, c) = (gr.node("a").unwrap(), gr.node("c").unwrap());
        assert_eq!(
            shortest_path(&gr, a, c, &PathOptions::default())
                .unwrap()
                .len(),
            2
        );
        assert!(shortest_path(
            &gr,
            a,
            c,
            &PathOptions {
                directed: true,
                ..Default::default()
            }
        )
        .is_none());
    }

    #[test]
    fn equal_length_paths_prefer_contacts() {
        let gr = g(&[
            ("a", "x", RelationType::Support),
            ("x", "b", RelationType::Demand),
            ("a", "y", RelationType::Call),
            ("y", "b", RelationType::Meet),
        ]);
        let p = shortest_path(
            &gr,
            gr.node("a").unwrap(),
            gr.node("b").unwrap(),
            &PathOptions::default(),
        )
        .unwrap();
        assert_eq!(gr.actor(p[0].to).id, "y");
    }

    #[test]
    fn type_filter_and_hop_limit() {
        let gr = g(&[
            ("a", "b", RelationType::Call),
            ("b", "c", RelationType::Attack),
            ("a", "d", RelationType::Meet),
            ("d", "e", RelationType::Meet),
            ("e", "c", RelationType::Meet),
        ]);
        let (a, c) = (gr.node("a").unwrap(), gr.node("c").unwrap());
        assert_eq!(
            shortest_path(&gr, a, c, &PathOptions::default())
                .unwrap()
                .len(),
            2
        );
        let only_meet = PathOptions {
            types: vec![RelationType::Meet],
            ..Default::default()
        };
        assert_eq!(shortest_path(&gr, a, c, &only_meet).unwrap().len(), 3);
        let short = PathOptions {
            types: vec![RelationType::Meet],
            max_hops: Some(2),
            ..Default::default()
        };
        assert!(shortest_path(&gr, a, c, &short).is_none());
    }
}
