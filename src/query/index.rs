//! A compact adjacency index over a loaded graph, built once and shared by every
//! query.
//!
//! petgraph's `StableDiGraph` keeps each node's edges as a linked list threaded
//! through the edge array, so walking a node's neighbours jumps around memory.
//! Path searches on an archive-sized graph (hundreds of thousands of actors) walk
//! thousands of neighbour lists per query, so they read a compressed sparse row
//! copy instead: every node's arcs are contiguous, outgoing first then incoming,
//! each sorted by neighbour. Building it is one pass over the edges (tens of
//! milliseconds for a million relations); it is never rebuilt per query.

use crate::graph::NewsGraph;
use crate::model::RelationType;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};
use std::collections::HashMap;

/// A set of relation types, as a bit mask (one bit per [`RelationType`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TypeSet(u16);

impl TypeSet {
    /// Every relation type.
    pub const ALL: TypeSet = TypeSet((1 << RelationType::ALL.len()) - 1);

    /// The contact types: call, meet and visit.
    pub const CONTACTS: TypeSet = TypeSet(
        (1 << RelationType::Call as u16)
            | (1 << RelationType::Meet as u16)
            | (1 << RelationType::Visit as u16),
    );

    /// The types listed; every type when the list is empty (the command-line
    /// convention: no `--type` means no filter).
    pub fn of(types: &[RelationType]) -> TypeSet {
        if types.is_empty() {
            return TypeSet::ALL;
        }
        TypeSet(types.iter().fold(0, |m, &t| m | (1 << t as u16)))
    }

    /// Whether `t` is in the set.
    #[inline]
    pub fn contains(self, t: RelationType) -> bool {
        self.0 & (1 << t as u16) != 0
    }

    /// The types in the set, in schema order.
    pub fn types(self) -> Vec<RelationType> {
        RelationType::ALL
            .into_iter()
            .filter(|&t| self.contains(t))
            .collect()
    }

    /// Whether every type is in the set.
    pub fn is_all(self) -> bool {
        self == TypeSet::ALL
    }
}

impl Default for TypeSet {
    fn default() -> Self {
        TypeSet::ALL
    }
}

/// Preference of a relation type when several paths are equally short: contacts
/// (call, meet, visit) first, then other events, then affiliations — "who talked
/// to whom" before "who belongs where".
#[inline]
pub fn preference(t: RelationType) -> u32 {
    if t.is_contact() {
        0
    } else if t == RelationType::Affiliation {
        2
    } else {
        1
    }
}

/// One end of a relation seen from a node: the neighbour, the relation and which
/// way it points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc {
    /// The neighbour's node index.
    pub to: u32,
    /// The relation's edge index.
    pub edge: u32,
    /// The relation type.
    pub kind: RelationType,
    /// True when the relation goes from this node to `to` (this node is its source).
    pub outgoing: bool,
}

impl Arc {
    /// The neighbour as a node index.
    #[inline]
    pub fn node(&self) -> NodeIndex {
        NodeIndex::new(self.to as usize)
    }

    /// The relation as an edge index.
    #[inline]
    pub fn edge_index(&self) -> EdgeIndex {
        EdgeIndex::new(self.edge as usize)
    }
}

/// Which of a node's arcs a walk may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// Relations leaving the node (it is their source).
    Out,
    /// Relations reaching the node (it is their target).
    In,
    /// Both.
    Both,
}

/// The adjacency index of a graph (see the module documentation). Self-loops are
/// left out: they never help a path and are not a tie between two actors.
#[derive(Debug, Clone)]
pub struct Index {
    /// `start[n]..mid[n]` are node n's outgoing arcs, `mid[n]..start[n + 1]` its incoming ones.
    start: Vec<u32>,
    mid: Vec<u32>,
    arcs: Vec<Arc>,
    /// `arcs[i].to` and `arcs[i].kind` for every i, alone: scans that mostly
    /// look at the far end only (the path search's meeting probe) read less
    /// than half the memory.
    targets: Vec<u32>,
    kinds: Vec<RelationType>,
    /// Position of each document id in the graph's load order.
    docs: HashMap<String, usize>,
}

impl Index {
    /// Builds the index of a graph (one pass over its relations).
    pub fn new(g: &NewsGraph) -> Index {
        let bound = g.graph.node_bound();
        let mut out_deg = vec![0u32; bound];
        let mut in_deg = vec![0u32; bound];
        for e in g.graph.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            if s != t {
                out_deg[s] += 1;
                in_deg[t] += 1;
            }
        }
        let mut start = Vec::with_capacity(bound + 1);
        let mut mid = Vec::with_capacity(bound);
        let mut total = 0u32;
        for n in 0..bound {
            start.push(total);
            mid.push(total + out_deg[n]);
            total += out_deg[n] + in_deg[n];
        }
        start.push(total);
        let placeholder = Arc {
            to: 0,
            edge: 0,
            kind: RelationType::Call,
            outgoing: true,
        };
        let mut arcs = vec![placeholder; total as usize];
        // Fill cursors: where each node's next outgoing / incoming arc goes.
        let mut out_fill = start[..bound].to_vec();
        let mut in_fill = mid.clone();
        for e in g.graph.edge_references() {
            let (s, t) = (e.source().index(), e.target().index());
            if s == t {
                continue;
            }
            let kind = e.weight().kind;
            let edge = e.id().index() as u32;
            arcs[out_fill[s] as usize] = Arc {
                to: t as u32,
                edge,
                kind,
                outgoing: true,
            };
            out_fill[s] += 1;
            arcs[in_fill[t] as usize] = Arc {
                to: s as u32,
                edge,
                kind,
                outgoing: false,
            };
            in_fill[t] += 1;
        }
        // Sorted by neighbour, then preference, then relation: the first arc to a
        // neighbour is the preferred relation with it, and output is deterministic.
        let key = |a: &Arc| (a.to, preference(a.kind), a.edge);
        for n in 0..bound {
            arcs[start[n] as usize..mid[n] as usize].sort_unstable_by_key(key);
            arcs[mid[n] as usize..start[n + 1] as usize].sort_unstable_by_key(key);
        }
        let targets = arcs.iter().map(|a| a.to).collect();
        let kinds = arcs.iter().map(|a| a.kind).collect();
        let docs = g
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        Index {
            start,
            mid,
            arcs,
            targets,
            kinds,
            docs,
        }
    }

    /// One more than the highest node index (the size of per-node arrays).
    pub fn node_bound(&self) -> usize {
        self.mid.len()
    }

    /// Position of a document in the graph's load order (documents the graph does
    /// not list come last).
    pub fn doc_order(&self, id: &str) -> usize {
        self.docs.get(id).copied().unwrap_or(usize::MAX)
    }

    /// A node's arcs in a walk direction.
    #[inline]
    pub fn arcs(&self, n: usize, walk: Walk) -> &[Arc] {
        if n >= self.mid.len() {
            return &[];
        }
        let (lo, hi) = match walk {
            Walk::Out => (self.start[n], self.mid[n]),
            Walk::In => (self.mid[n], self.start[n + 1]),
            Walk::Both => (self.start[n], self.start[n + 1]),
        };
        &self.arcs[lo as usize..hi as usize]
    }

    /// Where node `n`'s arcs lie in [`Index::all_arcs`]: outgoing ones at
    /// `[0]..[1]`, incoming ones at `[1]..[2]` (empty past the last node).
    #[inline]
    pub(crate) fn bounds(&self, n: usize) -> [u32; 3] {
        if n >= self.mid.len() {
            let end = self.arcs.len() as u32;
            return [end; 3];
        }
        [self.start[n], self.mid[n], self.start[n + 1]]
    }

    /// Every node's arcs, node after node (see [`Index::bounds`]).
    #[inline]
    pub(crate) fn all_arcs(&self) -> &[Arc] {
        &self.arcs
    }

    /// The far end of every arc of [`Index::all_arcs`], in the same order.
    #[inline]
    pub(crate) fn all_targets(&self) -> &[u32] {
        &self.targets
    }

    /// The relation type of every arc of [`Index::all_arcs`], in the same order.
    #[inline]
    pub(crate) fn all_kinds(&self) -> &[RelationType] {
        &self.kinds
    }

    /// The node whose arc list holds position `pos` of [`Index::all_arcs`]
    /// (a binary search: for rebuilding a path, not for inner loops).
    pub(crate) fn arc_owner(&self, pos: u32) -> u32 {
        // The last node whose arcs start at or before `pos`; empty lists before
        // it start at the same place and are skipped by taking the last one.
        (self.start.partition_point(|&s| s <= pos) - 1) as u32
    }

    /// Every relation between two actors that a walk from `a` to `b` may take,
    /// preferred first (contacts, then other events, then affiliations).
    pub fn relations_between(
        &self,
        a: NodeIndex,
        b: NodeIndex,
        types: TypeSet,
        directed: bool,
    ) -> Vec<EdgeIndex> {
        let walk = if directed { Walk::Out } else { Walk::Both };
        let mut v: Vec<&Arc> = self
            .arcs(a.index(), walk)
            .iter()
            .filter(|x| x.to as usize == b.index() && types.contains(x.kind))
            .collect();
        v.sort_by_key(|x| (preference(x.kind), x.edge));
        v.into_iter().map(Arc::edge_index).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    #[test]
    fn arcs_are_split_by_direction_and_sorted() {
        let g = graph(&[
            ("a", "b", RelationType::Affiliation),
            ("a", "c", RelationType::Support),
            ("a", "b", RelationType::Call),
            ("d", "a", RelationType::Meet),
            ("a", "a", RelationType::Meet),
        ]);
        let idx = Index::new(&g);
        let a = g.node("a").unwrap().index();
        let out: Vec<_> = idx.arcs(a, Walk::Out).iter().map(|x| x.kind).collect();
        // b before c (node order), and the call to b before the affiliation.
        assert_eq!(
            out,
            [
                RelationType::Call,
                RelationType::Affiliation,
                RelationType::Support
            ]
        );
        let inc = idx.arcs(a, Walk::In);
        assert_eq!(inc.len(), 1);
        assert_eq!(inc[0].to as usize, g.node("d").unwrap().index());
        assert!(!inc[0].outgoing);
        assert_eq!(idx.arcs(a, Walk::Both).len(), 4);
    }

    #[test]
    fn type_sets() {
        assert!(TypeSet::of(&[]).is_all());
        let t = TypeSet::of(&[RelationType::Meet, RelationType::Affiliation]);
        assert!(t.contains(RelationType::Meet) && !t.contains(RelationType::Call));
        assert_eq!(t.types(), [RelationType::Meet, RelationType::Affiliation]);
        assert_eq!(
            TypeSet::CONTACTS.types(),
            [RelationType::Call, RelationType::Meet, RelationType::Visit]
        );
    }

    #[test]
    fn relations_between_respects_direction() {
        let g = graph(&[
            ("a", "b", RelationType::Support),
            ("b", "a", RelationType::Call),
        ]);
        let idx = Index::new(&g);
        let (a, b) = (g.node("a").unwrap(), g.node("b").unwrap());
        let both = idx.relations_between(a, b, TypeSet::ALL, false);
        assert_eq!(g.graph[both[0]].kind, RelationType::Call);
        assert_eq!(both.len(), 2);
        let out = idx.relations_between(a, b, TypeSet::ALL, true);
        assert_eq!(out.len(), 1);
        assert_eq!(g.graph[out[0]].kind, RelationType::Support);
    }
}
