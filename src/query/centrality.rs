//! The most central actors: by degree, PageRank or betweenness.
//!
//! * **degree**: the number of distinct actors an actor has a relation with
//!   (either direction); ties by the number of relations.
//! * **pagerank**: PageRank (damping 0.85) with relations as links from source to
//!   target; symmetric relations (call, meet, agree) link both ways, since "A met
//!   B" says B met A. Parallel relations weigh more. Dangling actors spread their
//!   rank evenly. Same parameters and stopping rule as networkx's `pagerank`
//!   (at most 100 iterations, total change below 1e-6 per actor).
//! * **betweenness**: Brandes' algorithm on the undirected graph of distinct
//!   neighbours, normalized like networkx's `betweenness_centrality` (by
//!   (n − 1)(n − 2)). Exact up to [`EXACT_BETWEENNESS_LIMIT`] actors; beyond, it is
//!   estimated from a deterministic sample of source actors (Brandes and Pich),
//!   since the exact figure costs one breadth-first search per actor: 16 to 256
//!   sources, as many as fit a fixed work budget (about 25 on a million relations).
//!
//! petgraph's own `page_rank` scans every pair of nodes per iteration (quadratic),
//! so both PageRank and betweenness are computed here on the [`Index`].

use super::index::{Index, TypeSet, Walk};
use super::report::sorted_keys;
use crate::graph::NewsGraph;
use crate::model::{Actor, ActorKind};
use petgraph::stable_graph::NodeIndex;
use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Largest graph (in actors) whose betweenness is computed exactly by default.
pub const EXACT_BETWEENNESS_LIMIT: usize = 5_000;
/// Most source actors sampled to estimate betweenness on larger graphs.
pub const DEFAULT_BETWEENNESS_SAMPLES: usize = 256;
/// Fewest source actors sampled (below this the estimate is noise).
pub const MIN_BETWEENNESS_SAMPLES: usize = 16;
/// Work budget of a default betweenness estimate, in arcs scanned: each sampled
/// source costs two passes over the graph, so on a million relations the default
/// is about 25 sources (a few seconds) and on smaller graphs up to 256.
const BETWEENNESS_WORK: usize = 100_000_000;

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Centrality {
    /// Distinct neighbours.
    Degree,
    /// PageRank.
    PageRank,
    /// Betweenness.
    Betweenness,
}

impl Centrality {
    /// The name used on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Centrality::Degree => "degree",
            Centrality::PageRank => "pagerank",
            Centrality::Betweenness => "betweenness",
        }
    }
}

impl fmt::Display for Centrality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Centrality {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "degree" => Ok(Centrality::Degree),
            "pagerank" | "page-rank" | "page_rank" => Ok(Centrality::PageRank),
            "betweenness" => Ok(Centrality::Betweenness),
            _ => Err(format!(
                "unknown centrality {s:?} (expected degree, pagerank or betweenness)"
            )),
        }
    }
}

/// Whether each node index holds an actor (a `StableGraph` may have holes).
fn live_nodes(g: &NewsGraph, idx: &Index) -> Vec<bool> {
    let mut live = vec![false; idx.node_bound()];
    for n in g.graph.node_indices() {
        if let Some(x) = live.get_mut(n.index()) {
            *x = true;
        }
    }
    live
}

/// Distinct neighbours and number of relations of every node (indexed by node index).
pub fn degrees(idx: &Index, types: TypeSet) -> (Vec<u32>, Vec<u32>) {
    let n = idx.node_bound();
    let mut distinct = vec![0u32; n];
    let mut relations = vec![0u32; n];
    let mut mark = vec![u32::MAX; n];
    for u in 0..n {
        for arc in idx.arcs(u, Walk::Both) {
            if !types.contains(arc.kind) {
                continue;
            }
            relations[u] += 1;
            if mark[arc.to as usize] != u as u32 {
                mark[arc.to as usize] = u as u32;
                distinct[u] += 1;
            }
        }
    }
    (distinct, relations)
}

/// PageRank of every node (0 for holes); see the module docs.
pub fn pagerank(g: &NewsGraph, idx: &Index, types: TypeSet) -> Vec<f64> {
    const DAMPING: f64 = 0.85;
    const MAX_ITER: usize = 100;
    const TOL: f64 = 1e-6;
    let live = live_nodes(g, idx);
    let count = live.iter().filter(|&&x| x).count();
    let bound = idx.node_bound();
    if count == 0 {
        return vec![0.0; bound];
    }
    let links = |u: usize| {
        idx.arcs(u, Walk::Both)
            .iter()
            .filter(move |a| types.contains(a.kind) && (a.outgoing || a.kind.is_symmetric()))
    };
    let out_degree: Vec<f64> = (0..bound).map(|u| links(u).count() as f64).collect();
    let n = count as f64;
    let mut rank: Vec<f64> = live
        .iter()
        .map(|&l| if l { 1.0 / n } else { 0.0 })
        .collect();
    let mut next = vec![0.0; bound];
    for _ in 0..MAX_ITER {
        let dangling: f64 = (0..bound)
            .filter(|&u| live[u] && out_degree[u] == 0.0)
            .map(|u| rank[u])
            .sum();
        let base = (1.0 - DAMPING) / n + DAMPING * dangling / n;
        for u in 0..bound {
            next[u] = if live[u] { base } else { 0.0 };
        }
        for u in 0..bound {
            if out_degree[u] > 0.0 {
                let share = DAMPING * rank[u] / out_degree[u];
                for a in links(u) {
                    next[a.to as usize] += share;
                }
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < n * TOL {
            break;
        }
    }
    rank
}

/// Betweenness of every node (0 for holes), normalized; see the module docs.
/// `samples`: how many source actors to use (`None`: exact up to
/// [`EXACT_BETWEENNESS_LIMIT`] actors, else as many as a fixed work budget
/// allows, between [`MIN_BETWEENNESS_SAMPLES`] and [`DEFAULT_BETWEENNESS_SAMPLES`]).
/// Returns the scores and the number of sources used.
pub fn betweenness(
    g: &NewsGraph,
    idx: &Index,
    types: TypeSet,
    samples: Option<usize>,
) -> (Vec<f64>, usize) {
    let live = live_nodes(g, idx);
    let bound = idx.node_bound();
    let nodes: Vec<u32> = (0..bound as u32).filter(|&u| live[u as usize]).collect();
    let n = nodes.len();
    let mut score = vec![0.0f64; bound];
    if n <= 2 {
        return (score, n);
    }
    // The undirected graph of distinct neighbours (parallel relations would
    // otherwise count as several shortest paths).
    let mut off = Vec::with_capacity(bound + 1);
    let mut nbr: Vec<u32> = Vec::new();
    let mut mark = vec![u32::MAX; bound];
    for u in 0..bound {
        off.push(nbr.len());
        for a in idx.arcs(u, Walk::Both) {
            if types.contains(a.kind) && mark[a.to as usize] != u as u32 {
                mark[a.to as usize] = u as u32;
                nbr.push(a.to);
            }
        }
    }
    off.push(nbr.len());
    let k = match samples {
        Some(s) => s.clamp(1, n),
        None if n <= EXACT_BETWEENNESS_LIMIT => n,
        None => (BETWEENNESS_WORK / (2 * nbr.len() + n).max(1))
            .clamp(MIN_BETWEENNESS_SAMPLES, DEFAULT_BETWEENNESS_SAMPLES)
            .min(n),
    };
    let sources = sample(&nodes, k);
    let mut dist = vec![-1i32; bound];
    let mut sigma = vec![0.0f64; bound];
    let mut delta = vec![0.0f64; bound];
    let mut order: Vec<u32> = Vec::new();
    for &s in &sources {
        order.clear();
        dist[s as usize] = 0;
        sigma[s as usize] = 1.0;
        order.push(s);
        let mut head = 0;
        while head < order.len() {
            let v = order[head] as usize;
            head += 1;
            for &w in &nbr[off[v]..off[v + 1]] {
                let w = w as usize;
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    order.push(w as u32);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        for &w in order.iter().rev() {
            let w = w as usize;
            for &v in &nbr[off[w]..off[w + 1]] {
                let v = v as usize;
                if dist[v] == dist[w] - 1 {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s as usize {
                score[w] += delta[w];
            }
        }
        for &w in &order {
            let w = w as usize;
            dist[w] = -1;
            sigma[w] = 0.0;
            delta[w] = 0.0;
        }
    }
    let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64) * (n as f64 / k as f64);
    for x in &mut score {
        *x *= scale;
    }
    (score, k)
}

/// `k` distinct nodes, the same for the same graph (a fixed-seed partial shuffle).
fn sample(nodes: &[u32], k: usize) -> Vec<u32> {
    if k >= nodes.len() {
        return nodes.to_vec();
    }
    let mut v = nodes.to_vec();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..k {
        // splitmix64
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let j = i + (z % (v.len() - i) as u64) as usize;
        v.swap(i, j);
    }
    v.truncate(k);
    v
}

/// One actor of a ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    /// The actor.
    pub node: NodeIndex,
    /// Distinct actors it has relations with.
    pub degree: usize,
    /// Relations it takes part in.
    pub relations: usize,
    /// The score of the measure ranked by (the degree itself for `degree`).
    pub score: f64,
}

/// The most central actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The measure.
    pub by: Centrality,
    /// The actors, most central first.
    pub entries: Vec<Ranked>,
    /// For betweenness: the number of source actors used, when fewer than all
    /// (the scores are then estimates).
    pub sampled: Option<usize>,
}

/// What [`top`] ranks.
#[derive(Debug, Clone)]
pub struct TopOptions {
    /// The measure.
    pub by: Centrality,
    /// Only list actors of this kind (scores are computed on the whole graph).
    pub kind: Option<ActorKind>,
    /// Relation types that count.
    pub types: TypeSet,
    /// How many actors to list.
    pub limit: usize,
    /// Betweenness sources (see [`betweenness`]).
    pub samples: Option<usize>,
}

/// The `limit` most central actors; ties by degree, relations, then name.
pub fn top(g: &NewsGraph, idx: &Index, opts: &TopOptions) -> Ranking {
    let (distinct, relations) = degrees(idx, opts.types);
    let mut sampled = None;
    let score: Vec<f64> = match opts.by {
        Centrality::Degree => distinct.iter().map(|&d| d as f64).collect(),
        Centrality::PageRank => pagerank(g, idx, opts.types),
        Centrality::Betweenness => {
            let (s, k) = betweenness(g, idx, opts.types, opts.samples);
            if k < g.actor_count() {
                sampled = Some(k);
            }
            s
        }
    };
    let mut entries: Vec<Ranked> = g
        .graph
        .node_indices()
        .filter(|&n| opts.kind.is_none_or(|k| g.actor(n).kind == k))
        .map(|n| Ranked {
            node: n,
            degree: distinct.get(n.index()).copied().unwrap_or(0) as usize,
            relations: relations.get(n.index()).copied().unwrap_or(0) as usize,
            score: score.get(n.index()).copied().unwrap_or(0.0),
        })
        .collect();
    entries.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| b.degree.cmp(&a.degree))
            .then_with(|| b.relations.cmp(&a.relations))
            .then_with(|| g.actor(a.node).name.cmp(&g.actor(b.node).name))
            .then_with(|| a.node.cmp(&b.node))
    });
    entries.truncate(opts.limit);
    Ranking {
        by: opts.by,
        entries,
        sampled,
    }
}

impl Serialize for Centrality {
    /// As its name ([`Centrality::as_str`]).
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One actor of a [`TopReport`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankedReport {
    /// The actor.
    #[serde(serialize_with = "sorted_keys")]
    pub actor: Actor,
    /// Distinct actors it has relations with.
    pub degree: usize,
    /// Its place in the ranking, from 1.
    pub rank: usize,
    /// Relations it takes part in.
    pub relations: usize,
    /// The score of the measure ranked by.
    pub score: f64,
}

/// The most central actors as `newsgraph top --format json` prints them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopReport {
    /// The actors, most central first.
    pub actors: Vec<RankedReport>,
    /// The measure.
    pub by: Centrality,
    /// The kind of actor listed, when only one was asked for.
    pub kind: Option<ActorKind>,
    /// See [`Ranking::sampled`].
    pub sampled: Option<usize>,
}

impl TopReport {
    /// The report of `r`, ranked with `kind` as [`TopOptions::kind`].
    pub fn new(g: &NewsGraph, r: &Ranking, kind: Option<ActorKind>) -> TopReport {
        TopReport {
            actors: r
                .entries
                .iter()
                .enumerate()
                .map(|(i, e)| RankedReport {
                    actor: g.actor(e.node).clone(),
                    degree: e.degree,
                    rank: i + 1,
                    relations: e.relations,
                    score: e.score,
                })
                .collect(),
            by: r.by,
            kind,
            sampled: r.sampled,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RelationType;
    use crate::query::testing::graph;

    /// A path a - b - c - d plus e hanging off b, and a parallel relation a - b.
    fn g() -> NewsGraph {
        graph(&[
            ("a", "b", RelationType::Meet),
            ("a", "b", RelationType::Call),
            ("b", "c", RelationType::Support),
            ("c", "d", RelationType::Attack),
            ("e", "b", RelationType::Visit),
        ])
    }

    fn by_id(g: &NewsGraph, v: &[f64], id: &str) -> f64 {
        v[g.node(id).unwrap().index()]
    }

    #[test]
    fn degree_counts_distinct_neighbours() {
        let g = g();
        let idx = Index::new(&g);
        let (d, r) = degrees(&idx, TypeSet::ALL);
        let b = g.node("b").unwrap().index();
        assert_eq!((d[b], r[b]), (3, 4));
        let t = top(
            &g,
            &idx,
            &TopOptions {
                by: Centrality::Degree,
                kind: None,
                types: TypeSet::ALL,
                limit: 2,
                samples: None,
            },
        );
        assert_eq!(g.actor(t.entries[0].node).id, "b");
        assert_eq!(g.actor(t.entries[1].node).id, "c");
    }

    #[test]
    fn betweenness_matches_hand_computation() {
        // Undirected: a-b, b-c, c-d, e-b. Pairs through b: (a,c),(a,d),(e,c),(e,d),(a,e) = 5;
        // through c: (a,d),(b,d),(e,d) = 3. Normalized by (n-1)(n-2)/2 = 6 → b 5/6, c 1/2.
        let g = g();
        let idx = Index::new(&g);
        let (s, k) = betweenness(&g, &idx, TypeSet::ALL, None);
        assert_eq!(k, 5);
        assert!((by_id(&g, &s, "b") - 5.0 / 6.0).abs() < 1e-12);
        assert!((by_id(&g, &s, "c") - 0.5).abs() < 1e-12);
        assert_eq!(by_id(&g, &s, "a"), 0.0);
        // Sampling every source gives the exact figure.
        let (s2, _) = betweenness(&g, &idx, TypeSet::ALL, Some(5));
        assert_eq!(s, s2);
    }

    #[test]
    fn betweenness_counts_shortest_path_multiplicity() {
        // A square a-b-d, a-c-d: b and c each carry half of the a–d pair.
        let g = graph(&[
            ("a", "b", RelationType::Meet),
            ("b", "d", RelationType::Meet),
            ("a", "c", RelationType::Meet),
            ("c", "d", RelationType::Meet),
        ]);
        let idx = Index::new(&g);
        let (s, _) = betweenness(&g, &idx, TypeSet::ALL, None);
        // Raw (both directions) 1.0 for b; normalized by (3*2) → 1/6.
        assert!((by_id(&g, &s, "b") - 1.0 / 6.0).abs() < 1e-12);
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_targets() {
        let g = graph(&[
            ("a", "hub", RelationType::Support),
            ("b", "hub", RelationType::Support),
            ("c", "hub", RelationType::Support),
            ("hub", "d", RelationType::Support),
            ("x", "y", RelationType::Meet),
        ]);
        let idx = Index::new(&g);
        let r = pagerank(&g, &idx, TypeSet::ALL);
        let total: f64 = r.iter().sum();
        assert!((total - 1.0).abs() < 1e-6, "{total}");
        assert!(by_id(&g, &r, "hub") > by_id(&g, &r, "a"));
        assert!(by_id(&g, &r, "d") > by_id(&g, &r, "a"));
        // A meeting links both ways: x and y rank alike.
        assert!((by_id(&g, &r, "x") - by_id(&g, &r, "y")).abs() < 1e-9);
    }

    #[test]
    fn sample_is_distinct_and_stable() {
        let nodes: Vec<u32> = (0..100).collect();
        let s = sample(&nodes, 10);
        let mut d = s.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), 10);
        assert_eq!(s, sample(&nodes, 10));
    }

    #[test]
    fn top_report_serializes_as_the_cli_prints_it() {
        use crate::query::report::testing::json;
        use serde_json::json;
        let g = graph(&[
            ("a", "b", RelationType::Meet),
            ("a", "c", RelationType::Call),
            ("a", "c", RelationType::Visit),
        ]);
        let idx = Index::new(&g);
        let opts = TopOptions {
            by: Centrality::Degree,
            kind: Some(ActorKind::Person),
            types: TypeSet::ALL,
            limit: 1,
            samples: None,
        };
        let r = top(&g, &idx, &opts);
        let v: serde_json::Value =
            serde_json::from_str(&json(&TopReport::new(&g, &r, opts.kind))).unwrap();
        let a = serde_json::to_value(g.actor(g.node("a").unwrap())).unwrap();
        assert_eq!(
            v,
            json!({
                "actors": [{"actor": a, "degree": 2, "rank": 1, "relations": 3, "score": 2.0}],
                "by": "degree",
                "kind": "person",
                "sampled": null,
            })
        );
        let none = TopReport::new(&g, &r, None);
        assert!(json(&none).contains("\"kind\": null"));
    }
}
