//! Selections for diagrams of answers: the part of the graph a diagram draws
//! (relation types, an ego network, the context of a path) and what it
//! highlights (a path's actors and relations).
//!
//! A selection is a new, smaller [`NewsGraph`] (actors, relations with their
//! evidence, and the documents they cite), so every exporter draws it like any
//! other graph; the [`Highlight`] names what to emphasize by actor id and by
//! [`RelationKey`], which survive the copy.

use super::index::{Index, TypeSet};
use super::neighbors::within;
use super::path::{walk_types, Path, PathFinder, PathOptions};
use crate::error::{Error, Result};
use crate::graph::NewsGraph;
use crate::model::{Relation, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{BTreeSet, HashSet};

/// What identifies a relation across copies of a graph: its ends, type and
/// evidence position. (Two relations with the same key say the same thing from
/// the same words; highlighting one highlights both.)
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationKey {
    /// Source actor id.
    pub source: String,
    /// Target actor id.
    pub target: String,
    /// Relation type.
    pub kind: RelationType,
    /// Document id.
    pub doc: String,
    /// Sentence index.
    pub sentence: usize,
    /// Byte offset of the sentence.
    pub start: usize,
    /// Trigger words.
    pub trigger: String,
}

impl RelationKey {
    /// The key of the relation on an edge of a graph.
    pub fn of_edge(g: &NewsGraph, e: EdgeIndex) -> Option<RelationKey> {
        let (s, t) = g.graph.edge_endpoints(e)?;
        let w = &g.graph[e];
        Some(RelationKey {
            source: g.actor(s).id.clone(),
            target: g.actor(t).id.clone(),
            kind: w.kind,
            doc: g.str(w.doc).to_string(),
            sentence: w.sentence as usize,
            start: w.start as usize,
            trigger: g.str(w.trigger).to_string(),
        })
    }

    /// The key of a relation.
    pub fn of(r: &Relation) -> RelationKey {
        RelationKey {
            source: r.source.clone(),
            target: r.target.clone(),
            kind: r.kind,
            doc: r.evidence.doc.clone(),
            sentence: r.evidence.sentence,
            start: r.evidence.start,
            trigger: r.evidence.trigger.clone(),
        }
    }
}

/// Actors and relations a diagram emphasizes (e.g. a path).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Actor ids.
    pub actors: BTreeSet<String>,
    /// Relations.
    pub relations: BTreeSet<RelationKey>,
}

impl Highlight {
    /// True when nothing is highlighted.
    pub fn is_empty(&self) -> bool {
        self.actors.is_empty() && self.relations.is_empty()
    }

    /// Whether an actor (by id) is highlighted.
    pub fn has_actor(&self, id: &str) -> bool {
        self.actors.contains(id)
    }

    /// Whether a relation is highlighted.
    pub fn has_relation(&self, r: &Relation) -> bool {
        !self.relations.is_empty() && self.relations.contains(&RelationKey::of(r))
    }

    /// Whether the relation on an edge of `g` is highlighted.
    pub fn has_edge(&self, g: &NewsGraph, e: EdgeIndex) -> bool {
        !self.relations.is_empty()
            && RelationKey::of_edge(g, e).is_some_and(|k| self.relations.contains(&k))
    }

    /// The highlight of paths: their actors (ends included) and the relation
    /// each hop walks.
    pub fn of_paths(g: &NewsGraph, start: NodeIndex, paths: &[Path]) -> Highlight {
        let mut h = Highlight::default();
        for p in paths {
            for n in p.nodes(start) {
                h.actors.insert(g.actor(n).id.clone());
            }
            for hop in &p.hops {
                if let Some(k) = RelationKey::of_edge(g, hop.edge) {
                    h.relations.insert(k);
                }
            }
        }
        h
    }
}

/// The sub-graph of the given actors: those actors, the relations among them
/// whose type is in `types`, and the documents those relations cite (in the
/// original load order).
pub fn subgraph(g: &NewsGraph, actors: &HashSet<NodeIndex>, types: TypeSet) -> NewsGraph {
    subgraph_where(g, actors, |e| types.contains(g.graph[e].kind))
}

/// The sub-graph of the given actors and the relations among them that `keep`
/// accepts, with the documents those relations cite (in load order).
pub fn subgraph_where(
    g: &NewsGraph,
    actors: &HashSet<NodeIndex>,
    keep: impl Fn(EdgeIndex) -> bool,
) -> NewsGraph {
    let mut out = NewsGraph::new();
    let mut nodes: Vec<NodeIndex> = actors
        .iter()
        .copied()
        .filter(|&n| g.graph.contains_node(n))
        .collect();
    nodes.sort_by(|a, b| g.actor(*a).id.cmp(&g.actor(*b).id));
    for &n in &nodes {
        out.add_actor(g.actor(n).clone());
    }
    let mut cited: HashSet<&str> = HashSet::new();
    for &n in &nodes {
        for e in g.graph.edges_directed(n, Direction::Outgoing) {
            let w = e.weight();
            if actors.contains(&e.target()) && keep(e.id()) {
                cited.insert(g.str(w.doc));
                out.add_relation(g.edge_to_relation(n, e.target(), w));
            }
        }
    }
    out.documents = g
        .documents
        .iter()
        .filter(|d| cited.contains(d.id.as_str()))
        .cloned()
        .collect();
    out
}

/// The whole graph with only relations of the given types (every actor kept, so
/// a diagram can still count the ones left without relations).
pub fn with_types(g: &NewsGraph, types: TypeSet) -> NewsGraph {
    if types.is_all() {
        return g.clone();
    }
    let all: HashSet<NodeIndex> = g.graph.node_indices().collect();
    subgraph(g, &all, types)
}

/// The ego network of one or more actors: everything within `depth` hops of
/// any of them over relations of the given types, and the relations among those
/// actors.
pub fn focus(
    g: &NewsGraph,
    idx: &Index,
    centers: &[NodeIndex],
    depth: usize,
    types: TypeSet,
) -> NewsGraph {
    let members: HashSet<NodeIndex> = within(idx, centers, depth, types)
        .into_keys()
        .map(|n| NodeIndex::new(n as usize))
        .collect();
    subgraph(g, &members, types)
}

/// Adds paths to a selection drawn from `g`: their actors and the relations
/// they walk, so a focused diagram always shows the whole path.
pub fn add_paths(selection: &mut NewsGraph, g: &NewsGraph, start: NodeIndex, paths: &[Path]) {
    let mut keys: HashSet<RelationKey> = selection
        .graph
        .edge_indices()
        .filter_map(|e| RelationKey::of_edge(selection, e))
        .collect();
    for p in paths {
        for n in p.nodes(start) {
            let a = g.actor(n);
            if selection.node(&a.id).is_none() {
                selection.add_actor(a.clone());
            }
        }
        for hop in &p.hops {
            let r = g.relation(hop.edge);
            if keys.insert(RelationKey::of(&r)) {
                selection.add_relation(r.clone());
                if !selection.documents.iter().any(|d| d.id == r.evidence.doc) {
                    if let Some(d) = g.documents.iter().find(|d| d.id == r.evidence.doc) {
                        selection.documents.push(d.clone());
                    }
                }
            }
        }
    }
}

/// What a diagram of an answer shows (see [`select`]).
#[derive(Debug, Clone, Default)]
pub struct SelectOptions {
    /// Only relations of these types (all when empty); paths walk only these too.
    pub types: Vec<RelationType>,
    /// Centres of an ego network.
    pub focus: Vec<NodeIndex>,
    /// Hops around the centres (default 1 with a focus). With a path and no
    /// focus, the path's actors are the centres (0: the path alone).
    pub depth: Option<usize>,
    /// A path to highlight: its shortest path (see [`PathFinder::shortest`]).
    pub path: Option<(NodeIndex, NodeIndex)>,
    /// Let the path walk affiliations too (see [`walk_types`]).
    pub via_affiliation: bool,
}

/// A selection ready to draw.
#[derive(Debug, Clone)]
pub struct Selected {
    /// The part of the graph to draw.
    pub graph: NewsGraph,
    /// What to emphasize in it.
    pub highlight: Highlight,
    /// The highlighted path, in the original graph's indices.
    pub path: Option<Path>,
}

/// The part of a graph a diagram of an answer draws:
///
/// * no focus, no path: the whole graph (only `types`);
/// * a focus: the ego network of the focus actors within `depth` hops;
/// * a path: its shortest path highlighted, in the whole graph, in the focus's
///   ego network (the path added when it leaves it), or, with `depth` and no
///   focus, in the network within `depth` hops of the path's actors.
pub fn select(g: &NewsGraph, opts: &SelectOptions) -> Result<Selected> {
    let types = TypeSet::of(&opts.types);
    let idx = Index::new(g);
    let path = match opts.path {
        Some((a, b)) => {
            let found = PathFinder::new(&idx).shortest(
                a,
                b,
                &PathOptions {
                    types: walk_types(&opts.types, opts.via_affiliation),
                    ..Default::default()
                },
            );
            let Some(p) = found else {
                return Err(Error::Invalid(format!(
                    "no path between {} and {}{}",
                    g.actor(a).name,
                    g.actor(b).name,
                    if !opts.types.is_empty() {
                        format!(
                            " over {}",
                            opts.types
                                .iter()
                                .map(|t| t.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    } else if opts.via_affiliation {
                        String::new()
                    } else {
                        " over events only (affiliations can be walked on request)".to_string()
                    }
                )));
            };
            Some((a, p))
        }
        None => None,
    };
    let centers: Vec<NodeIndex> = if !opts.focus.is_empty() {
        opts.focus.clone()
    } else if let (Some((a, p)), Some(_)) = (&path, opts.depth) {
        p.nodes(*a)
    } else {
        Vec::new()
    };
    let mut graph = if centers.is_empty() {
        if opts.depth.is_some() {
            return Err(Error::Invalid(
                "a depth needs a focus actor or a path to count hops from".into(),
            ));
        }
        with_types(g, types)
    } else {
        focus(g, &idx, &centers, opts.depth.unwrap_or(1), types)
    };
    let mut highlight = Highlight::default();
    if let Some((a, p)) = &path {
        add_paths(&mut graph, g, *a, std::slice::from_ref(p));
        highlight = Highlight::of_paths(g, *a, std::slice::from_ref(p));
    }
    Ok(Selected {
        graph,
        highlight,
        path: path.map(|(_, p)| p),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    fn g() -> NewsGraph {
        graph(&[
            ("a", "b", RelationType::Call),
            ("b", "c", RelationType::Meet),
            ("c", "d", RelationType::Support),
            ("a", "b", RelationType::Affiliation),
            ("x", "y", RelationType::Meet),
        ])
    }

    fn ids(g: &NewsGraph) -> Vec<String> {
        g.actors().iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn focus_and_type_filters() {
        let g = g();
        let idx = Index::new(&g);
        let b = g.node("b").unwrap();
        let f = focus(&g, &idx, &[b], 1, TypeSet::ALL);
        assert_eq!(ids(&f), ["a", "b", "c"]);
        assert_eq!(f.relation_count(), 3);
        assert_eq!(f.documents.len(), 0, "the test graph lists no documents");
        let calls = focus(&g, &idx, &[b], 3, TypeSet::of(&[RelationType::Call]));
        assert_eq!(ids(&calls), ["a", "b"]);
        assert_eq!(calls.relation_count(), 1);
        let meets = with_types(&g, TypeSet::of(&[RelationType::Meet]));
        assert_eq!(meets.actor_count(), g.actor_count());
        assert_eq!(meets.relation_count(), 2);
        assert_eq!(with_types(&g, TypeSet::ALL).relation_count(), 5);
    }

    #[test]
    fn path_highlight_names_exactly_the_walked_relations() {
        let g = g();
        let idx = Index::new(&g);
        let mut f = PathFinder::new(&idx);
        let (a, d) = (g.node("a").unwrap(), g.node("d").unwrap());
        let p = f.shortest(a, d, &PathOptions::default()).unwrap();
        let h = Highlight::of_paths(&g, a, std::slice::from_ref(&p));
        assert_eq!(
            h.actors.iter().cloned().collect::<Vec<_>>(),
            ["a", "b", "c", "d"]
        );
        assert_eq!(h.relations.len(), 3);
        // The call is walked, the parallel affiliation is not.
        let kinds: Vec<RelationType> = g
            .graph
            .edge_indices()
            .filter(|&e| h.has_edge(&g, e))
            .map(|e| g.graph[e].kind)
            .collect();
        assert!(g.relations().iter().filter(|r| h.has_relation(r)).count() == 3);
        assert!(kinds.contains(&RelationType::Call) && !kinds.contains(&RelationType::Affiliation));
        // A focus that misses part of the path gets the rest added.
        let mut sel = focus(&g, &idx, &[a], 1, TypeSet::ALL);
        assert_eq!(ids(&sel), ["a", "b"]);
        add_paths(&mut sel, &g, a, &[p]);
        assert_eq!(ids(&sel), ["a", "b", "c", "d"]);
        assert_eq!(sel.relation_count(), 4);
        assert_eq!(
            sel.graph
                .edge_indices()
                .filter(|&e| h.has_edge(&sel, e))
                .count(),
            3
        );
    }

    #[test]
    fn select_combines_focus_path_and_types() {
        let g = g();
        let n = |s| g.node(s).unwrap();
        let all = select(&g, &SelectOptions::default()).unwrap();
        assert_eq!(all.graph.relation_count(), 5);
        assert!(all.highlight.is_empty());
        let p = select(
            &g,
            &SelectOptions {
                path: Some((n("a"), n("d"))),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(p.graph.actor_count(), g.actor_count());
        assert_eq!(p.highlight.actors.len(), 4);
        let only = select(
            &g,
            &SelectOptions {
                path: Some((n("a"), n("c"))),
                depth: Some(0),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&only.graph), ["a", "b", "c"]);
        // Induced: the parallel affiliation a–b is drawn, not highlighted.
        assert_eq!(only.graph.relation_count(), 3);
        assert_eq!(only.highlight.relations.len(), 2);
        let focused = select(
            &g,
            &SelectOptions {
                focus: vec![n("x")],
                path: Some((n("a"), n("b"))),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(ids(&focused.graph), ["a", "b", "x", "y"]);
        let none = select(
            &g,
            &SelectOptions {
                path: Some((n("a"), n("x"))),
                ..Default::default()
            },
        );
        assert!(none
            .unwrap_err()
            .to_string()
            .contains("no path between A and X"));
        let typed = select(
            &g,
            &SelectOptions {
                path: Some((n("a"), n("d"))),
                types: vec![RelationType::Call, RelationType::Meet],
                ..Default::default()
            },
        );
        assert!(typed.is_err());
        let depth_alone = SelectOptions {
            depth: Some(1),
            ..Default::default()
        };
        assert!(select(&g, &depth_alone).is_err());
    }
}
