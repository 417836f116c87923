//! The readable part of a big graph: a diagram of two thousand actors is a
//! speck cloud at any page size, so diagrams keep the most connected actors
//! (by degree or PageRank) and say what they left out.
//!
//! Trimming runs in a fixed order, each step on what the previous kept:
//! relations of excluded types or dated outside the range go first (an actor
//! they leave with no relation goes with them); then actors below the minimum
//! degree; then all but the `top` ranked actors; then, when more than
//! `max_nodes` actors or `max_relations` relations are still left, the lowest
//! ranked actors until both caps hold. Actors named in `keep` (a focus, the
//! ends of a path) stay whatever their rank.

use super::centrality::{pagerank, Centrality};
use super::index::{Index, TypeSet};
use super::select::subgraph_where;
use super::timeline::{in_range, relation_date};
use crate::graph::NewsGraph;
use crate::model::RelationType;
use petgraph::stable_graph::NodeIndex;
use std::collections::HashSet;

/// What [`trim`] keeps; the default keeps everything.
#[derive(Debug, Clone)]
pub struct TrimOptions {
    /// Relation types left out.
    pub exclude_types: Vec<RelationType>,
    /// Only relations dated (their own date, else their document's) on or
    /// after this possibly partial ISO date; undated relations are left out.
    pub since: Option<String>,
    /// Only relations dated on or before this possibly partial ISO date
    /// ("2024-05" includes all of May).
    pub until: Option<String>,
    /// Actors with fewer distinct neighbours are left out.
    pub min_degree: Option<usize>,
    /// Only this many of the highest ranked actors.
    pub top: Option<usize>,
    /// How actors are ranked: degree (distinct neighbours, then relations) or PageRank.
    pub rank: Centrality,
    /// At most this many actors (a cap for readability, unlike `top` which is a question).
    pub max_nodes: Option<usize>,
    /// At most this many relations (Mermaid draws no more than 500 edges).
    pub max_relations: Option<usize>,
    /// Ids of actors kept whatever their rank.
    pub keep: Vec<String>,
}

impl Default for TrimOptions {
    fn default() -> Self {
        TrimOptions {
            exclude_types: Vec::new(),
            since: None,
            until: None,
            min_degree: None,
            top: None,
            rank: Centrality::Degree,
            max_nodes: None,
            max_relations: None,
            keep: Vec::new(),
        }
    }
}

impl TrimOptions {
    /// Whether any step can leave something out.
    pub fn is_some(&self) -> bool {
        !self.exclude_types.is_empty()
            || self.since.is_some()
            || self.until.is_some()
            || self.min_degree.is_some()
            || self.top.is_some()
            || self.max_nodes.is_some()
            || self.max_relations.is_some()
    }
}

/// A trimmed graph and what was left out.
#[derive(Debug, Clone)]
pub struct Trimmed {
    /// What is left.
    pub graph: NewsGraph,
    /// Actors before trimming.
    pub actors_before: usize,
    /// Relations before trimming.
    pub relations_before: usize,
    /// True when `max_nodes` cut (not only the filters asked for).
    pub capped_nodes: bool,
    /// True when `max_relations` cut.
    pub capped_relations: bool,
    /// The ranking used.
    pub rank: Centrality,
}

impl Trimmed {
    /// Whether a cap (not only the filters asked for) left something out.
    pub fn capped(&self) -> bool {
        self.capped_nodes || self.capped_relations
    }

    /// Whether anything was left out.
    pub fn dropped_any(&self) -> bool {
        self.graph.actor_count() < self.actors_before
            || self.graph.relation_count() < self.relations_before
    }

    /// "150 of 2163 actors (the highest ranked by degree) and 912 of 8314
    /// relations": what is left, for a note to the user.
    pub fn summary(&self) -> String {
        format!(
            "{} of {} actors (the highest ranked by {}) and {} of {} relations",
            self.graph.actor_count(),
            self.actors_before,
            self.rank,
            self.graph.relation_count(),
            self.relations_before
        )
    }
}

/// Trims `g` as `opts` says (see the module docs).
pub fn trim(g: &NewsGraph, opts: &TrimOptions) -> Trimmed {
    let idx = Index::new(g);
    let bound = idx.node_bound();
    let excluded = TypeSet::of(&opts.exclude_types);
    let dated = opts.since.is_some() || opts.until.is_some();
    let kept_edge = |e: petgraph::stable_graph::EdgeIndex| {
        let w = &g.graph[e];
        if !opts.exclude_types.is_empty() && excluded.contains(w.kind) {
            return false;
        }
        !dated
            || relation_date(g, &idx, w)
                .is_some_and(|d| in_range(d, opts.since.as_deref(), opts.until.as_deref()))
    };
    let edges: Vec<(u32, u32)> = g
        .graph
        .edge_indices()
        .filter(|&e| kept_edge(e))
        .filter_map(|e| g.graph.edge_endpoints(e))
        .map(|(s, t)| (s.index() as u32, t.index() as u32))
        .collect();
    let (distinct, relations) = degrees_of(bound, &edges);
    let keep: HashSet<NodeIndex> = opts.keep.iter().filter_map(|id| g.node(id)).collect();
    let filtered = edges.len() < g.relation_count();
    let mut ranked: Vec<NodeIndex> = g
        .graph
        .node_indices()
        .filter(|n| {
            let i = n.index();
            keep.contains(n)
                || ((!filtered || relations[i] > 0)
                    && opts.min_degree.is_none_or(|m| distinct[i] as usize >= m))
        })
        .collect();
    let score: Vec<f64> = match opts.rank {
        Centrality::PageRank => {
            let types: Vec<RelationType> = RelationType::ALL
                .into_iter()
                .filter(|t| !opts.exclude_types.contains(t))
                .collect();
            pagerank(g, &idx, TypeSet::of(&types))
        }
        _ => (0..bound)
            .map(|i| f64::from(distinct[i]) + f64::from(relations[i]) / 1e9)
            .collect(),
    };
    // Kept actors first, then by score, then by id (the same graph always
    // gives the same diagram).
    ranked.sort_by(|a, b| {
        keep.contains(b)
            .cmp(&keep.contains(a))
            .then(score[b.index()].total_cmp(&score[a.index()]))
            .then_with(|| g.actor(*a).id.cmp(&g.actor(*b).id))
    });
    let floor = keep.len().min(ranked.len());
    if let Some(t) = opts.top {
        ranked.truncate(t.max(floor));
    }
    let mut capped_nodes = false;
    if let Some(m) = opts.max_nodes {
        if ranked.len() > m.max(floor) {
            ranked.truncate(m.max(floor));
            capped_nodes = true;
        }
    }
    let mut capped_relations = false;
    if let Some(m) = opts.max_relations {
        let n = longest_prefix_within(bound, &ranked, &edges, m).max(floor);
        if n < ranked.len() {
            ranked.truncate(n);
            capped_relations = true;
        }
    }
    let members: HashSet<NodeIndex> = ranked.into_iter().collect();
    Trimmed {
        graph: subgraph_where(g, &members, kept_edge),
        actors_before: g.actor_count(),
        relations_before: g.relation_count(),
        capped_nodes,
        capped_relations,
        rank: opts.rank,
    }
}

/// Distinct neighbours and relations of every node over `edges`.
fn degrees_of(bound: usize, edges: &[(u32, u32)]) -> (Vec<u32>, Vec<u32>) {
    let mut relations = vec![0u32; bound];
    let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(edges.len() * 2);
    for &(s, t) in edges {
        relations[s as usize] += 1;
        relations[t as usize] += 1;
        if s != t {
            pairs.push((s, t));
            pairs.push((t, s));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut distinct = vec![0u32; bound];
    for (s, _) in pairs {
        distinct[s as usize] += 1;
    }
    (distinct, relations)
}

/// The longest prefix of `ranked` whose actors have at most `max` of `edges`
/// among them (the count only grows with the prefix, so a binary search finds it).
fn longest_prefix_within(
    bound: usize,
    ranked: &[NodeIndex],
    edges: &[(u32, u32)],
    max: usize,
) -> usize {
    let mut pos = vec![usize::MAX; bound];
    for (i, n) in ranked.iter().enumerate() {
        pos[n.index()] = i;
    }
    // An edge is inside a prefix of length n when both its ends rank below n.
    let mut needed: Vec<usize> = edges
        .iter()
        .map(|&(s, t)| pos[s as usize].max(pos[t as usize]))
        .filter(|&p| p != usize::MAX)
        .collect();
    needed.sort_unstable();
    if needed.len() <= max {
        return ranked.len();
    }
    // The (max+1)-th edge to come in closes the prefix just before its actor.
    needed[max]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::{graph, graph_of, relation};

    /// A hub with five spokes, a pair, and an affiliation from the hub.
    fn g() -> NewsGraph {
        graph(&[
            ("hub", "s1", RelationType::Meet),
            ("hub", "s2", RelationType::Call),
            ("hub", "s3", RelationType::Meet),
            ("hub", "s4", RelationType::Meet),
            ("s1", "s2", RelationType::Meet),
            ("p", "q", RelationType::Support),
            ("hub", "land", RelationType::Affiliation),
        ])
    }

    fn ids(g: &NewsGraph) -> Vec<String> {
        g.actors().iter().map(|a| a.id.clone()).collect()
    }

    #[test]
    fn top_keeps_the_most_connected_and_their_relations() {
        let g = g();
        let t = trim(
            &g,
            &TrimOptions {
                top: Some(3),
                ..Default::default()
            },
        );
        assert_eq!(ids(&t.graph), ["hub", "s1", "s2"]);
        assert_eq!(t.graph.relation_count(), 3);
        assert!(!t.capped() && t.dropped_any());
        assert_eq!(
            t.summary(),
            "3 of 8 actors (the highest ranked by degree) and 3 of 7 relations"
        );
        let pr = trim(
            &g,
            &TrimOptions {
                top: Some(1),
                rank: Centrality::PageRank,
                ..Default::default()
            },
        );
        assert_eq!(ids(&pr.graph), ["hub"]);
    }

    #[test]
    fn filters_drop_relations_and_the_actors_they_leave_alone() {
        let g = g();
        let t = trim(
            &g,
            &TrimOptions {
                exclude_types: vec![RelationType::Affiliation, RelationType::Support],
                ..Default::default()
            },
        );
        assert_eq!(ids(&t.graph), ["hub", "s1", "s2", "s3", "s4"]);
        let t = trim(
            &g,
            &TrimOptions {
                min_degree: Some(2),
                ..Default::default()
            },
        );
        assert_eq!(ids(&t.graph), ["hub", "s1", "s2"]);
        let mut rels = vec![
            relation("a", "b", RelationType::Meet, "d", 0),
            relation("b", "c", RelationType::Meet, "d", 1),
            relation("c", "d", RelationType::Meet, "d", 2),
        ];
        rels[0].date = Some("2023-12-30".into());
        rels[1].date = Some("2024-01-02".into());
        let dated = graph_of(&rels);
        let t = trim(
            &dated,
            &TrimOptions {
                since: Some("2024".into()),
                ..Default::default()
            },
        );
        assert_eq!(ids(&t.graph), ["b", "c"], "undated relations are out too");
    }

    #[test]
    fn caps_cut_by_rank_keep_named_actors_and_say_so() {
        let g = g();
        let t = trim(
            &g,
            &TrimOptions {
                max_nodes: Some(2),
                keep: vec!["q".into()],
                ..Default::default()
            },
        );
        assert_eq!(ids(&t.graph), ["hub", "q"]);
        assert!(t.capped_nodes && !t.capped_relations);
        let t = trim(
            &g,
            &TrimOptions {
                max_relations: Some(4),
                ..Default::default()
            },
        );
        assert!(
            t.graph.relation_count() <= 4 && t.capped_relations,
            "{:?}",
            ids(&t.graph)
        );
        assert!(ids(&t.graph).contains(&"hub".to_string()));
        let all = trim(&g, &TrimOptions::default());
        assert!(!all.dropped_any() && !all.capped());
        assert_eq!(all.graph.relation_count(), g.relation_count());
    }
}
