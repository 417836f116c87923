//! Paths between two actors: the shortest one, the k shortest, or every simple
//! path up to a hop limit; hop by hop with the relation behind each hop.
//!
//! A path is a sequence of distinct actors; each hop walks the preferred relation
//! between two consecutive actors (contacts, then other events, then
//! affiliations). "Shortest" means fewest hops, and among equally short paths the
//! one whose hops are most preferred: "who talked to whom" before "who belongs
//! where".
//!
//! Searches run on an [`Index`] built once per loaded graph. The shortest path is a
//! bidirectional breadth-first search, layer by layer, always growing the side
//! with fewer arcs to scan; on a graph of 200,000 actors it touches a few
//! thousand nodes rather than the whole graph. Per-node scratch lives in the
//! [`PathFinder`] and is reset by raising a base mark, so a query allocates and
//! clears nothing in proportion to the graph.

use super::index::{preference, Index, TypeSet, Walk};
use crate::graph::model::RelationType;
use crate::graph::NewsGraph;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::collections::{BTreeMap, HashSet};

/// Which relations a path may walk.
#[derive(Debug, Clone, Default)]
pub struct PathOptions {
    /// Only these relation types (all when empty).
    pub types: Vec<RelationType>,
    /// Follow relations only from source to target (default: either way).
    pub directed: bool,
    /// Longest path allowed, in hops (no limit when `None`).
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
    /// The relation's type.
    pub kind: RelationType,
}

/// A path between two actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// The hops, from the first actor to the last (empty when both are the same actor).
    pub hops: Vec<Hop>,
}

impl Path {
    /// Number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// True for the empty path (an actor to itself).
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }

    /// Sum of the hops' preference ranks (lower is better; see the module docs).
    pub fn preference(&self) -> u32 {
        self.hops.iter().map(|h| preference(h.kind)).sum()
    }

    /// The actors along the path, both ends included.
    pub fn nodes(&self, start: NodeIndex) -> Vec<NodeIndex> {
        std::iter::once(start)
            .chain(self.hops.iter().map(|h| h.to))
            .collect()
    }
}

/// Every simple path found up to a hop limit (see [`PathFinder::all_paths`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllPaths {
    /// The paths, shortest first; among equally long ones, most preferred first.
    pub paths: Vec<Path>,
    /// False when the search stopped early (more paths than the limit asked for,
    /// or the work bound was reached): there may be more paths.
    pub complete: bool,
}

/// Arc examinations allowed to one [`PathFinder::all_paths`] call: enough for
/// thousands of paths on a dense archive, and a bound on the time a hub-to-hub
/// enumeration can take.
const ALL_PATHS_WORK: u64 = 20_000_000;

/// Per node, what both search directions check for every arc they walk, side by
/// side so that one arc costs one cache line: whether each side has reached the
/// node (and at which depth), and the node's degrees (for choosing which side to
/// grow). A mark `m` belongs to the current search when `m >= base`; its depth is
/// `m - base`. Starting a search raises `base` past every mark written before, so
/// nothing is cleared between searches.
#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    /// Forward and backward marks.
    side: [u32; 2],
    /// Outgoing and incoming arcs.
    deg: [u32; 2],
}

/// Per node and direction: how the best path found so far reaches it.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    /// Best preference sum over the paths of the node's depth.
    pref: u32,
    /// Previous node towards the side's start.
    parent: u32,
    /// Relation walked from `parent`.
    edge: u32,
    /// Its type.
    kind: u8,
}

const FWD: usize = 0;
const BWD: usize = 1;

const NO_NODE: u32 = u32::MAX;

/// A step of the all-paths enumeration: next actor, relation, its type.
type Step = (u32, u32, RelationType);

/// Extra constraints of a search (used by the k-shortest-paths algorithm).
#[derive(Clone, Copy)]
struct Constraints<'a> {
    /// Nodes with `banned[n] == ban_stamp` may not be entered.
    use_bans: bool,
    /// Steps `blocked_from → x` for x in `blocked_to` may not be taken.
    blocked_from: u32,
    blocked_to: &'a [u32],
}

const FREE: Constraints<'static> = Constraints {
    use_bans: false,
    blocked_from: NO_NODE,
    blocked_to: &[],
};

/// Path searches over one [`Index`], with scratch space reused across queries.
pub struct PathFinder<'i> {
    idx: &'i Index,
    marks: Vec<Mark>,
    info: [Vec<Info>; 2],
    banned: Vec<u32>,
    /// Marks of the current search are `>= base`.
    base: u32,
    /// Highest mark written so far.
    top: u32,
    ban_stamp: u32,
    front: Vec<u32>,
    back: Vec<u32>,
    next: Vec<u32>,
}

fn kind_of(k: u8) -> RelationType {
    RelationType::ALL[k as usize]
}

/// Arcs a walk direction takes from a node of these degrees.
#[inline]
fn volume(deg: [u32; 2], walk: Walk) -> usize {
    match walk {
        Walk::Out => deg[0] as usize,
        Walk::In => deg[1] as usize,
        Walk::Both => deg[0] as usize + deg[1] as usize,
    }
}

impl<'i> PathFinder<'i> {
    /// A finder over an index; allocates its scratch once (about 50 bytes per actor).
    pub fn new(idx: &'i Index) -> Self {
        let n = idx.node_bound();
        let marks = (0..n)
            .map(|v| Mark {
                side: [0, 0],
                deg: [
                    idx.arcs(v, Walk::Out).len() as u32,
                    idx.arcs(v, Walk::In).len() as u32,
                ],
            })
            .collect();
        PathFinder {
            idx,
            marks,
            info: [vec![Info::default(); n], vec![Info::default(); n]],
            banned: vec![0; n],
            base: 1,
            top: 0,
            ban_stamp: 0,
            front: Vec::new(),
            back: Vec::new(),
            next: Vec::new(),
        }
    }

    /// Starts a new search: every mark written so far falls below the new base
    /// (the marks are cleared only when the counter nears its end).
    fn new_generation(&mut self) {
        let room = self.marks.len() as u32 + 2;
        if self.top >= u32::MAX - room {
            self.marks.iter_mut().for_each(|m| m.side = [0, 0]);
            self.top = 0;
        }
        self.base = self.top + 1;
        self.top = self.base;
    }

    /// Marks node `v` as reached by `side` at `depth`.
    #[inline]
    fn mark(&mut self, side: usize, v: u32, depth: u32) {
        let m = self.base + depth;
        self.marks[v as usize].side[side] = m;
        self.top = self.top.max(m);
    }

    fn in_range(&self, n: NodeIndex) -> bool {
        n.index() < self.idx.node_bound()
    }

    /// A shortest path from `a` to `b` (see the module docs for what "shortest"
    /// means); `None` when they are not connected within the options.
    pub fn shortest(&mut self, a: NodeIndex, b: NodeIndex, opts: &PathOptions) -> Option<Path> {
        if !self.in_range(a) || !self.in_range(b) {
            return None;
        }
        let limit = opts.max_hops.unwrap_or(usize::MAX);
        self.search(
            a.index() as u32,
            b.index() as u32,
            TypeSet::of(&opts.types),
            opts.directed,
            limit,
            FREE,
        )
    }

    /// The core search: layered bidirectional breadth-first search.
    fn search(
        &mut self,
        a: u32,
        b: u32,
        types: TypeSet,
        directed: bool,
        max_hops: usize,
        c: Constraints<'_>,
    ) -> Option<Path> {
        if a == b {
            return Some(Path { hops: Vec::new() });
        }
        self.new_generation();
        let base = self.base;
        self.mark(FWD, a, 0);
        self.mark(BWD, b, 0);
        self.info[FWD][a as usize] = Info::default();
        self.info[BWD][b as usize] = Info::default();
        self.front.clear();
        self.front.push(a);
        self.back.clear();
        self.back.push(b);
        let (mut df, mut db) = (0usize, 0usize);
        let walks = if directed {
            [Walk::Out, Walk::In]
        } else {
            [Walk::Both, Walk::Both]
        };
        // Arcs the next expansion of each side would scan.
        let mut vols = [
            volume(self.marks[a as usize].deg, walks[FWD]),
            volume(self.marks[b as usize].deg, walks[BWD]),
        ];
        loop {
            if self.front.is_empty() || self.back.is_empty() || df + db >= max_hops {
                return None;
            }
            // Grow the side with fewer arcs to scan: on news graphs a frontier
            // holding a hub (a country, a head of state) can cost thousands of
            // times more than the other side.
            let side = if vols[FWD] <= vols[BWD] { FWD } else { BWD };
            let other_side = 1 - side;
            let walk = walks[side];
            let depth = if side == FWD { df } else { db };
            let (meet, vol) = {
                let PathFinder {
                    idx,
                    marks,
                    info,
                    banned,
                    ban_stamp,
                    front,
                    back,
                    next,
                    ..
                } = self;
                let [fwd_info, bwd_info] = info;
                let (this, other, frontier, other_frontier) = if side == FWD {
                    (fwd_info, &*bwd_info, &*front, &*back)
                } else {
                    (bwd_info, &*fwd_info, &*back, &*front)
                };
                // Every node of the new layer that the other side has reached
                // lies on a shortest path, and only those do (all at the other
                // side's current depth). Once one is found this layer is the
                // last, and nodes that cannot beat the best meeting are skipped.
                let other_min = other_frontier
                    .iter()
                    .map(|&v| other[v as usize].pref)
                    .min()
                    .unwrap_or(0);
                let mut best: Option<(u32, u32)> = None;
                next.clear();
                let mut vol = 0usize;
                let layer = base + depth as u32 + 1;
                for &u in frontier {
                    let pu = this[u as usize].pref;
                    if best.is_some_and(|(bp, _)| pu + other_min >= bp) {
                        continue;
                    }
                    for arc in idx.arcs(u as usize, walk) {
                        if !types.contains(arc.kind) {
                            continue;
                        }
                        let p = pu + preference(arc.kind);
                        if best.is_some_and(|(bp, _)| p + other_min >= bp) {
                            continue;
                        }
                        let v = arc.to;
                        if c.use_bans && banned[v as usize] == *ban_stamp {
                            continue;
                        }
                        // The step in path order: u → v forward, v → u backward.
                        let (from, to) = if side == FWD { (u, v) } else { (v, u) };
                        if from == c.blocked_from && c.blocked_to.contains(&to) {
                            continue;
                        }
                        let m = &mut marks[v as usize];
                        let mine = m.side[side];
                        let step = Info {
                            pref: p,
                            parent: u,
                            edge: arc.edge,
                            kind: arc.kind as u8,
                        };
                        if mine < base {
                            m.side[side] = layer;
                            this[v as usize] = step;
                            next.push(v);
                            vol += volume(m.deg, walk);
                        } else if mine == layer && p < this[v as usize].pref {
                            this[v as usize] = step;
                        } else {
                            continue;
                        }
                        if m.side[other_side] >= base {
                            let total = p + other[v as usize].pref;
                            if best.is_none_or(|(bp, _)| total < bp) {
                                best = Some((total, v));
                            }
                        }
                    }
                }
                if side == FWD {
                    std::mem::swap(front, next);
                } else {
                    std::mem::swap(back, next);
                }
                (best.map(|(_, v)| v), vol)
            };
            self.top = self.top.max(base + depth as u32 + 1);
            if side == FWD {
                df += 1;
            } else {
                db += 1;
            }
            vols[side] = vol;
            if let Some(m) = meet {
                return Some(self.reconstruct(a, b, m));
            }
        }
    }

    fn reconstruct(&self, a: u32, b: u32, m: u32) -> Path {
        let mut hops = Vec::new();
        let mut cur = m;
        while cur != a {
            let s = self.info[FWD][cur as usize];
            hops.push(Hop {
                from: NodeIndex::new(s.parent as usize),
                to: NodeIndex::new(cur as usize),
                edge: EdgeIndex::new(s.edge as usize),
                kind: kind_of(s.kind),
            });
            cur = s.parent;
        }
        hops.reverse();
        let mut cur = m;
        while cur != b {
            let s = self.info[BWD][cur as usize];
            hops.push(Hop {
                from: NodeIndex::new(cur as usize),
                to: NodeIndex::new(s.parent as usize),
                edge: EdgeIndex::new(s.edge as usize),
                kind: kind_of(s.kind),
            });
            cur = s.parent;
        }
        Path { hops }
    }

    /// The `k` shortest simple paths from `a` to `b`, shortest first (Yen's
    /// algorithm over actor sequences: two paths differ when they pass through
    /// different actors, not merely over different relations between the same ones).
    pub fn k_shortest(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        k: usize,
        opts: &PathOptions,
    ) -> Vec<Path> {
        if k == 0 || !self.in_range(a) || !self.in_range(b) {
            return Vec::new();
        }
        let types = TypeSet::of(&opts.types);
        let limit = opts.max_hops.unwrap_or(usize::MAX);
        let (ai, bi) = (a.index() as u32, b.index() as u32);
        let Some(first) = self.search(ai, bi, types, opts.directed, limit, FREE) else {
            return Vec::new();
        };
        let as_ids = |p: &Path| -> Vec<u32> {
            std::iter::once(ai)
                .chain(p.hops.iter().map(|h| h.to.index() as u32))
                .collect()
        };
        let mut found: Vec<(Vec<u32>, Path)> = vec![(as_ids(&first), first)];
        let mut seen: HashSet<Vec<u32>> = found.iter().map(|(n, _)| n.clone()).collect();
        // Candidates ordered by (hops, preference, actors): deterministic.
        let mut candidates: BTreeMap<(usize, u32, Vec<u32>), Path> = BTreeMap::new();
        while found.len() < k {
            let (prev_nodes, prev) = found.last().cloned().expect("found is never empty");
            for i in 0..prev.hops.len() {
                let spur = prev_nodes[i];
                let root = &prev_nodes[..=i];
                let blocked: Vec<u32> = found
                    .iter()
                    .filter(|(n, _)| n.len() > i + 1 && &n[..=i] == root)
                    .map(|(n, _)| n[i + 1])
                    .collect();
                self.ban(&prev_nodes[..i]);
                let c = Constraints {
                    use_bans: true,
                    blocked_from: spur,
                    blocked_to: &blocked,
                };
                let Some(spur_path) =
                    self.search(spur, bi, types, opts.directed, limit.saturating_sub(i), c)
                else {
                    continue;
                };
                let mut hops = prev.hops[..i].to_vec();
                hops.extend(spur_path.hops);
                let path = Path { hops };
                let ids = as_ids(&path);
                if !seen.contains(&ids) {
                    seen.insert(ids.clone());
                    candidates.insert((path.len(), path.preference(), ids), path);
                }
            }
            let Some(((_, _, ids), path)) = candidates.pop_first() else {
                break;
            };
            found.push((ids, path));
        }
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// Bans a set of nodes for the next searches (until the next call).
    fn ban(&mut self, nodes: &[u32]) {
        if self.ban_stamp == u32::MAX {
            self.banned.iter_mut().for_each(|s| *s = 0);
            self.ban_stamp = 0;
        }
        self.ban_stamp += 1;
        for &n in nodes {
            self.banned[n as usize] = self.ban_stamp;
        }
    }

    /// Every simple path from `a` to `b` of at most `max_hops` hops, shortest
    /// first, stopping after `limit` paths (then [`AllPaths::complete`] is false).
    /// Only actors from which `b` is still reachable within the remaining hops
    /// are explored, so the search stays near the paths it reports.
    pub fn all_paths(
        &mut self,
        a: NodeIndex,
        b: NodeIndex,
        max_hops: usize,
        limit: usize,
        types: &[RelationType],
        directed: bool,
    ) -> AllPaths {
        let none = |complete| AllPaths {
            paths: Vec::new(),
            complete,
        };
        if !self.in_range(a) || !self.in_range(b) {
            return none(true);
        }
        if a == b {
            return AllPaths {
                paths: vec![Path { hops: Vec::new() }],
                complete: true,
            };
        }
        if limit == 0 {
            return none(false);
        }
        let types = TypeSet::of(types);
        let (ai, bi) = (a.index() as u32, b.index() as u32);
        let (walk_f, walk_b) = if directed {
            (Walk::Out, Walk::In)
        } else {
            (Walk::Both, Walk::Both)
        };
        // Hops from every actor to b, up to the limit (breadth-first from b).
        self.new_generation();
        let base = self.base;
        self.mark(BWD, bi, 0);
        self.back.clear();
        self.back.push(bi);
        for d in 1..=max_hops.min(self.marks.len()) as u32 {
            self.next.clear();
            for &u in &self.back {
                for arc in self.idx.arcs(u as usize, walk_b) {
                    let m = &mut self.marks[arc.to as usize];
                    if types.contains(arc.kind) && m.side[BWD] < base {
                        m.side[BWD] = base + d;
                        self.next.push(arc.to);
                    }
                }
            }
            self.top = self.top.max(base + d);
            std::mem::swap(&mut self.back, &mut self.next);
            if self.back.is_empty() {
                break;
            }
        }
        let da = self.marks[ai as usize].side[BWD];
        if da < base {
            return none(true);
        }
        let da = da - base;
        let mut out: Vec<Path> = Vec::new();
        let mut work = 0u64;
        let mut complete = true;
        'lengths: for len in da as usize..=max_hops {
            let mut this_len: Vec<Path> = Vec::new();
            let stopped = self.dfs_exact(
                ai,
                bi,
                len,
                types,
                walk_f,
                limit + 1 - out.len(),
                &mut work,
                &mut this_len,
            );
            this_len.sort_by_key(|p| {
                (
                    p.preference(),
                    p.hops.iter().map(|h| h.to.index()).collect::<Vec<_>>(),
                )
            });
            out.extend(this_len);
            if stopped || out.len() > limit {
                complete = false;
                break 'lengths;
            }
        }
        out.truncate(limit);
        AllPaths {
            paths: out,
            complete,
        }
    }

    /// Depth-first enumeration of the simple paths of exactly `len` hops from `a`
    /// to `b`, pruned by the distances to `b` in the backward slots. Returns true
    /// when it stopped early (enough paths or out of work).
    #[allow(clippy::too_many_arguments)]
    fn dfs_exact(
        &mut self,
        a: u32,
        b: u32,
        len: usize,
        types: TypeSet,
        walk: Walk,
        want: usize,
        work: &mut u64,
        out: &mut Vec<Path>,
    ) -> bool {
        let base = self.base;
        // Forward marks flag the actors on the current path (the backward ones
        // hold the distances to b).
        let on_path = base;
        // Per depth: the distinct next actors (best relation to each), and a cursor.
        let mut frames: Vec<(Vec<Step>, usize)> = Vec::new();
        let mut path: Vec<u32> = vec![a];
        let mut edges: Vec<(u32, RelationType)> = Vec::new();
        self.marks[a as usize].side[FWD] = on_path;
        let mut stopped = false;
        let fill = |this: &Self, u: u32, depth: usize, frame: &mut Vec<Step>, work: &mut u64| {
            frame.clear();
            let remaining = len - depth - 1;
            for arc in this.idx.arcs(u as usize, walk) {
                *work += 1;
                if !types.contains(arc.kind) {
                    continue;
                }
                let v = arc.to;
                let m = this.marks[v as usize];
                if m.side[BWD] < base || (m.side[BWD] - base) as usize > remaining {
                    continue;
                }
                if m.side[FWD] == on_path || (v == b && remaining > 0) {
                    continue;
                }
                frame.push((v, arc.edge, arc.kind));
            }
            // One step per neighbour (its preferred relation); contacts tried first.
            frame.sort_unstable_by_key(|&(v, e, k)| (v, preference(k), e));
            frame.dedup_by_key(|x| x.0);
            frame.sort_by_key(|&(v, _, k)| (preference(k), v));
        };
        frames.push((Vec::new(), 0));
        fill(self, a, 0, &mut frames[0].0, work);
        while let Some(depth) = frames.len().checked_sub(1) {
            if *work > ALL_PATHS_WORK {
                stopped = true;
                break;
            }
            let (frame, cursor) = &mut frames[depth];
            let Some(&(v, e, k)) = frame.get(*cursor) else {
                // Exhausted: step back.
                frames.pop();
                let u = path.pop().unwrap_or(a);
                self.marks[u as usize].side[FWD] = 0;
                edges.pop();
                continue;
            };
            *cursor += 1;
            if depth + 1 == len {
                // v is b (the pruning admits nothing else at the last hop).
                let mut hops = Vec::with_capacity(len);
                let mut prev = a;
                for (i, &(edge, kind)) in edges.iter().chain([(e, k)].iter()).enumerate() {
                    let to = if i + 1 < path.len() { path[i + 1] } else { v };
                    hops.push(Hop {
                        from: NodeIndex::new(prev as usize),
                        to: NodeIndex::new(to as usize),
                        edge: EdgeIndex::new(edge as usize),
                        kind,
                    });
                    prev = to;
                }
                out.push(Path { hops });
                if out.len() >= want {
                    stopped = true;
                    break;
                }
                continue;
            }
            path.push(v);
            edges.push((e, k));
            self.marks[v as usize].side[FWD] = on_path;
            let mut frame = Vec::new();
            fill(self, v, depth + 1, &mut frame, work);
            frames.push((frame, 0));
        }
        // Leave no on-path marks behind.
        for &u in &path {
            self.marks[u as usize].side[FWD] = 0;
        }
        stopped
    }
}

/// A shortest path from `a` to `b` (fewest hops, ties broken towards contacts);
/// `None` when unconnected. Builds an [`Index`] first: for more than one query on
/// the same graph, build the index once and use a [`PathFinder`].
pub fn shortest_path(
    g: &NewsGraph,
    a: NodeIndex,
    b: NodeIndex,
    opts: &PathOptions,
) -> Option<Vec<Hop>> {
    let idx = Index::new(g);
    PathFinder::new(&idx).shortest(a, b, opts).map(|p| p.hops)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    fn ids(g: &NewsGraph, a: &str, p: &Path) -> Vec<String> {
        p.nodes(g.node(a).unwrap())
            .iter()
            .map(|&n| g.actor(n).id.clone())
            .collect()
    }

    #[test]
    fn undirected_by_default_directed_on_request() {
        let gr = graph(&[
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
        let directed = PathOptions {
            directed: true,
            ..Default::default()
        };
        assert!(shortest_path(&gr, a, c, &directed).is_none());
        // ...but c reaches a? No: c → b, and b has no relation to a in that direction.
        assert!(shortest_path(&gr, c, a, &directed).is_none());
        let b = gr.node("b").unwrap();
        assert_eq!(shortest_path(&gr, c, b, &directed).unwrap().len(), 1);
    }

    #[test]
    fn equal_length_paths_prefer_contacts() {
        let gr = graph(&[
            ("a", "x", RelationType::Support),
            ("x", "b", RelationType::Demand),
            ("a", "y", RelationType::Call),
            ("y", "b", RelationType::Meet),
            ("a", "z", RelationType::Affiliation),
            ("z", "b", RelationType::Meet),
        ]);
        for (from, to) in [("a", "b"), ("b", "a")] {
            let p = shortest_path(
                &gr,
                gr.node(from).unwrap(),
                gr.node(to).unwrap(),
                &PathOptions::default(),
            )
            .unwrap();
            assert_eq!(gr.actor(p[0].to).id, "y", "{from} → {to}");
        }
    }

    #[test]
    fn parallel_relations_use_the_preferred_one() {
        let gr = graph(&[
            ("a", "b", RelationType::Affiliation),
            ("b", "a", RelationType::Meet),
            ("a", "b", RelationType::Support),
        ]);
        let p = shortest_path(
            &gr,
            gr.node("a").unwrap(),
            gr.node("b").unwrap(),
            &PathOptions::default(),
        )
        .unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].kind, RelationType::Meet);
        assert_eq!(gr.graph[p[0].edge].kind, RelationType::Meet);
    }

    #[test]
    fn type_filter_and_hop_limit() {
        let gr = graph(&[
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
        let exact = PathOptions {
            types: vec![RelationType::Meet],
            max_hops: Some(3),
            ..Default::default()
        };
        assert_eq!(shortest_path(&gr, a, c, &exact).unwrap().len(), 3);
    }

    #[test]
    fn same_actor_is_the_empty_path() {
        let gr = graph(&[("a", "b", RelationType::Call)]);
        let a = gr.node("a").unwrap();
        assert_eq!(
            shortest_path(&gr, a, a, &PathOptions::default()),
            Some(vec![])
        );
    }

    /// A grid-like graph with many equal paths: a - {x1,x2,x3} - {y1,y2} - b.
    fn layered() -> NewsGraph {
        graph(&[
            ("a", "x1", RelationType::Call),
            ("a", "x2", RelationType::Support),
            ("a", "x3", RelationType::Meet),
            ("x1", "y1", RelationType::Meet),
            ("x2", "y1", RelationType::Meet),
            ("x2", "y2", RelationType::Call),
            ("x3", "y2", RelationType::Affiliation),
            ("y1", "b", RelationType::Visit),
            ("y2", "b", RelationType::Visit),
            ("a", "b", RelationType::Accuse),
        ])
    }

    #[test]
    fn k_shortest_lists_distinct_paths_in_order() {
        let gr = layered();
        let idx = Index::new(&gr);
        let mut f = PathFinder::new(&idx);
        let (a, b) = (gr.node("a").unwrap(), gr.node("b").unwrap());
        let ps = f.k_shortest(a, b, 10, &PathOptions::default());
        let seqs: Vec<Vec<String>> = ps.iter().map(|p| ids(&gr, "a", p)).collect();
        assert_eq!(seqs[0], ["a", "b"]);
        // Then the 3-hop paths, contacts first: a-x1-y1-b (pref 0) before the rest.
        assert_eq!(seqs[1], ["a", "x1", "y1", "b"]);
        // 1 direct, 4 of three hops, 2 of five hops (a-x1-y1-x2-y2-b, a-x3-y2-x2-y1-b).
        assert_eq!(ps.len(), 7, "{seqs:?}");
        for w in ps.windows(2) {
            assert!((w[0].len(), w[0].preference()) <= (w[1].len(), w[1].preference()));
        }
        let distinct: HashSet<_> = seqs.iter().collect();
        assert_eq!(distinct.len(), seqs.len());
        // The same as enumerating every simple path.
        let all = f.all_paths(a, b, 5, 100, &[], false);
        assert!(all.complete);
        let mut all_seqs: Vec<_> = all.paths.iter().map(|p| ids(&gr, "a", p)).collect();
        let mut k_seqs = seqs.clone();
        all_seqs.sort();
        k_seqs.sort();
        assert_eq!(all_seqs, k_seqs);
        assert_eq!(f.k_shortest(a, b, 2, &PathOptions::default()).len(), 2);
    }

    #[test]
    fn all_paths_respects_hop_limit_and_cap() {
        let gr = layered();
        let idx = Index::new(&gr);
        let mut f = PathFinder::new(&idx);
        let (a, b) = (gr.node("a").unwrap(), gr.node("b").unwrap());
        let one = f.all_paths(a, b, 2, 100, &[], false);
        assert!(one.complete);
        assert_eq!(one.paths.len(), 1);
        let capped = f.all_paths(a, b, 5, 2, &[], false);
        assert!(!capped.complete);
        assert_eq!(capped.paths.len(), 2);
        assert_eq!(capped.paths[0].len(), 1);
        let meets = f.all_paths(a, b, 5, 100, &[RelationType::Meet], false);
        assert!(meets.complete && meets.paths.is_empty());
        // Every path is simple and ends at b.
        for p in f.all_paths(a, b, 5, 100, &[], false).paths {
            let n = p.nodes(a);
            let set: HashSet<_> = n.iter().collect();
            assert_eq!(set.len(), n.len());
            assert_eq!(*n.last().unwrap(), b);
            for w in p.hops.windows(2) {
                assert_eq!(w[0].to, w[1].from);
            }
        }
    }

    /// Reference: plain Dijkstra on (hops, preference), over petgraph directly.
    fn reference(
        g: &NewsGraph,
        a: NodeIndex,
        b: NodeIndex,
        opts: &PathOptions,
    ) -> Option<(usize, u32)> {
        use petgraph::visit::EdgeRef;
        use petgraph::Direction;
        let types = TypeSet::of(&opts.types);
        let mut best: std::collections::HashMap<NodeIndex, (usize, u32)> = Default::default();
        let mut heap = std::collections::BinaryHeap::new();
        heap.push(std::cmp::Reverse((0usize, 0u32, a)));
        best.insert(a, (0, 0));
        while let Some(std::cmp::Reverse((h, p, n))) = heap.pop() {
            if best[&n] < (h, p) {
                continue;
            }
            if n == b {
                return Some((h, p));
            }
            let mut steps = Vec::new();
            for e in g.graph.edges_directed(n, Direction::Outgoing) {
                steps.push((e.target(), e.weight().kind));
            }
            if !opts.directed {
                for e in g.graph.edges_directed(n, Direction::Incoming) {
                    steps.push((e.source(), e.weight().kind));
                }
            }
            for (m, k) in steps {
                if m == n || !types.contains(k) {
                    continue;
                }
                let c = (h + 1, p + preference(k));
                if best.get(&m).is_none_or(|&x| c < x) {
                    best.insert(m, c);
                    heap.push(std::cmp::Reverse((c.0, c.1, m)));
                }
            }
        }
        None
    }

    fn check_valid(g: &NewsGraph, a: NodeIndex, b: NodeIndex, p: &Path, opts: &PathOptions) {
        let mut cur = a;
        for h in &p.hops {
            assert_eq!(h.from, cur);
            let r = &g.graph[h.edge];
            assert_eq!(r.kind, h.kind);
            let (s, t) = g.graph.edge_endpoints(h.edge).unwrap();
            if opts.directed {
                assert!((s, t) == (h.from, h.to));
            } else {
                assert!((s, t) == (h.from, h.to) || (t, s) == (h.from, h.to));
            }
            assert!(TypeSet::of(&opts.types).contains(h.kind));
            cur = h.to;
        }
        assert_eq!(cur, b);
    }

    proptest::proptest! {
        #[test]
        fn bidirectional_search_matches_dijkstra(
            edges in proptest::collection::vec((0u8..9, 0u8..9, 0usize..13), 0..30),
            directed in proptest::bool::ANY,
            filter in proptest::option::of(proptest::collection::vec(0usize..13, 1..4)),
            max_hops in proptest::option::of(1usize..5),
        ) {
            let names: Vec<String> = (0..9).map(|i| format!("n{i}")).collect();
            let list: Vec<(&str, &str, RelationType)> = edges
                .iter()
                .map(|&(s, t, k)| (names[s as usize].as_str(), names[t as usize].as_str(), RelationType::ALL[k]))
                .collect();
            let g = graph(&list);
            let idx = Index::new(&g);
            let mut f = PathFinder::new(&idx);
            let opts = PathOptions {
                types: filter.unwrap_or_default().into_iter().map(|k| RelationType::ALL[k]).collect(),
                directed,
                max_hops,
            };
            let nodes: Vec<NodeIndex> = g.graph.node_indices().collect();
            for &a in &nodes {
                for &b in &nodes {
                    let want = reference(&g, a, b, &opts)
                        .filter(|&(h, _)| max_hops.is_none_or(|m| h <= m));
                    let got = f.shortest(a, b, &opts);
                    proptest::prop_assert_eq!(want, got.as_ref().map(|p| (p.len(), p.preference())));
                    if let Some(p) = &got {
                        check_valid(&g, a, b, p, &opts);
                    }
                    // k shortest and all paths agree on the set of simple paths.
                    let k = f.k_shortest(a, b, 1000, &opts);
                    let all = f.all_paths(a, b, max_hops.unwrap_or(9), 1000, &opts.types, directed);
                    proptest::prop_assert!(all.complete);
                    let mut ks: Vec<Vec<NodeIndex>> = k.iter().map(|p| p.nodes(a)).collect();
                    let mut als: Vec<Vec<NodeIndex>> = all.paths.iter().map(|p| p.nodes(a)).collect();
                    for p in k.iter().chain(all.paths.iter()) {
                        check_valid(&g, a, b, p, &opts);
                    }
                    if let (Some(first), Some(p)) = (k.first(), &got) {
                        proptest::prop_assert_eq!((first.len(), first.preference()), (p.len(), p.preference()));
                    }
                    for w in k.windows(2) {
                        proptest::prop_assert!((w[0].len(), w[0].preference()) <= (w[1].len(), w[1].preference()));
                    }
                    ks.sort();
                    als.sort();
                    proptest::prop_assert_eq!(ks, als);
                }
            }
        }
    }

    #[test]
    fn repeated_queries_reuse_scratch_correctly() {
        let gr = layered();
        let idx = Index::new(&gr);
        let mut f = PathFinder::new(&idx);
        let n = |s| gr.node(s).unwrap();
        let o = PathOptions::default();
        for _ in 0..3 {
            assert_eq!(f.shortest(n("x1"), n("y2"), &o).unwrap().len(), 3);
            assert_eq!(f.shortest(n("a"), n("b"), &o).unwrap().len(), 1);
            f.all_paths(n("a"), n("b"), 4, 3, &[], false);
            assert_eq!(f.shortest(n("x3"), n("y1"), &o).unwrap().len(), 3);
        }
    }
}
