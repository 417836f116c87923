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
//!
//! On an archive-sized graph a query is bound by cache misses, not by
//! instructions: nearly every arc leads to a node seen for the first time, at a
//! random place in memory. So each node's search state is one 32-byte slot,
//! arcs are walked in windows whose far ends are read ahead in one batch (the
//! misses then overlap), and a layer large enough to matter is first probed for
//! a meeting with a Bloom filter of the other side's frontier: the last layer,
//! the largest, is then settled without visiting its nodes at all.

use super::index::{preference, Arc, Index, TypeSet, Walk};
use super::report::sorted_keys;
use crate::graph::NewsGraph;
use crate::model::{Actor, Relation, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::Serialize;
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

/// The relation types a path walks: `types` when given, else every event type.
/// Affiliations (a role in a country or institution, half of a typical
/// store's edges) are a state, not a contact: walked by default they route
/// "how are these two connected" through a country node that links everyone
/// of that nationality. They are walked only when asked (`via_affiliation`,
/// the command line's `--via affiliation`), or named in `types`.
pub fn walk_types(types: &[RelationType], via_affiliation: bool) -> Vec<RelationType> {
    let mut t: Vec<RelationType> = if types.is_empty() {
        RelationType::ALL
            .into_iter()
            .filter(|&k| k != RelationType::Affiliation)
            .collect()
    } else {
        types.to_vec()
    };
    if via_affiliation && !t.contains(&RelationType::Affiliation) {
        t.push(RelationType::Affiliation);
    }
    t
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

/// Per node, everything a search reads or updates when an arc reaches the node,
/// in one 32-byte slot (two per cache line), so that one arc costs one memory
/// access: on an archive-sized graph the search is bound by cache misses, not by
/// instructions (separate arrays for marks, preferences, degrees and arc ranges
/// cost several misses per arc and made queries twice as slow).
///
/// A mark `m` belongs to the current search when `m >= base`; its depth is
/// `m - base`. Starting a search raises `base` past every mark written before, so
/// nothing is cleared between searches.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    /// Forward and backward marks.
    side: [u32; 2],
    /// Per side: the position in [`Index::all_arcs`] of the arc the best path so
    /// far reached the node by (its owner is the previous node on the path).
    via: [u32; 2],
    /// Per side: best preference sum over the paths of the node's depth
    /// (saturating: past 32,767 hops ties between equally long paths are no
    /// longer broken by preference, which keeps the slot in 32 bytes).
    pref: [u16; 2],
    /// The node's arcs in [`Index::all_arcs`]: outgoing at `arcs[0]..arcs[1]`,
    /// incoming at `arcs[1]..arcs[2]`.
    arcs: [u32; 3],
}

impl Slot {
    /// The arcs a walk direction takes from this node, as a range of positions.
    #[inline]
    fn span(&self, walk: Walk) -> std::ops::Range<usize> {
        let [lo, mid, hi] = self.arcs;
        let (lo, hi) = match walk {
            Walk::Out => (lo, mid),
            Walk::In => (mid, hi),
            Walk::Both => (lo, hi),
        };
        lo as usize..hi as usize
    }
}

/// A preference sum as stored in a [`Slot`].
#[inline]
fn saturate(p: u32) -> u16 {
    p.min(u32::from(u16::MAX)) as u16
}

/// The filter position of node `v` in a filter of `2^bits` bits (Fibonacci
/// hashing: node numbers are dense, so a multiplication spreads them well).
#[inline]
fn filter_hash(v: u32, bits: u32) -> usize {
    (v.wrapping_mul(0x9E37_79B9) >> (32 - bits)) as usize
}

/// Arcs a layer must have before its expansion is preceded by a meeting probe
/// (see `probe`); below it the probe would cost more than it can save.
const PROBE_MIN: usize = 64;

/// Arcs per read-ahead window of the expansion (see `scan`).
const TOUCH: usize = 64;

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

/// One layer scan's fixed inputs: the side growing, which arcs it may take,
/// and the two frontiers.
struct Layer<'a> {
    side: usize,
    walk: Walk,
    types: TypeSet,
    c: Constraints<'a>,
    /// With `c.use_bans`, nodes with `banned[n] == ban_stamp` may not be entered.
    banned: &'a [u32],
    ban_stamp: u32,
    /// The growing side's frontier.
    frontier: &'a [u32],
    /// The other side's frontier: where meetings can be.
    other_frontier: &'a [u32],
}

/// The best meeting of a layer scan so far.
#[derive(Clone, Copy)]
struct Meeting {
    /// Preference sum of the whole path through the meeting (lower is better).
    total: u32,
    /// The meeting node.
    node: u32,
    /// Position in [`Index::all_arcs`] of the arc that reached it.
    pos: u32,
    /// Preference sum from the growing side's start to the meeting.
    pref: u32,
}

/// What a layer scan does besides testing arcs: the expansion ([`Expand`])
/// builds the next layer, the meeting probe ([`Probe`]) only looks for a
/// meeting in it. Sharing [`scan`], they examine arcs in the same order with
/// the same pruning and the same strict comparisons, which is what lets a probe
/// settle a search with exactly the path the expansion would have found.
trait ArcVisit {
    /// Arcs per read-ahead window (see [`scan`]).
    const WINDOW: usize;
    /// Reads ahead what examining the arcs at `span` will load, with nothing
    /// depending on the loads so that their misses overlap; the result only
    /// keeps the loads from being optimized away.
    fn read_ahead(&self, marks: &[Slot], span: std::ops::Range<usize>) -> u32;
    /// The far end of the arc at `pos`, or `None` when it cannot matter (the
    /// probe's filter: a cheap test that rejects nearly every arc first).
    fn target(&self, pos: usize) -> Option<u32>;
    /// The type of the arc at `pos`.
    fn kind(&self, pos: usize) -> RelationType;
    /// The arc at `pos` reaches `v` with preference sum `p` and passed every
    /// constraint: updates `v`'s slot as the visit requires, and returns the
    /// total preference of the path through `v` when `v` is a meeting.
    fn reach(&mut self, marks: &mut [Slot], v: u32, pos: usize, p: u32) -> Option<u32>;
}

/// The expansion of a layer: marks every node reached for the first time (or
/// reached again in this layer by a more preferred arc).
struct Expand<'a> {
    arcs: &'a [Arc],
    /// The new layer.
    next: &'a mut Vec<u32>,
    /// Arcs the new layer's nodes have: what expanding it would scan.
    vol: usize,
    base: u32,
    /// The mark of the new layer.
    layer: u32,
    side: usize,
    walk: Walk,
}

impl ArcVisit for Expand<'_> {
    const WINDOW: usize = TOUCH;

    #[inline]
    fn read_ahead(&self, marks: &[Slot], span: std::ops::Range<usize>) -> u32 {
        self.arcs[span]
            .iter()
            .fold(0, |t, arc| t ^ marks[arc.to as usize].side[self.side])
    }

    #[inline]
    fn target(&self, pos: usize) -> Option<u32> {
        Some(self.arcs[pos].to)
    }

    #[inline]
    fn kind(&self, pos: usize) -> RelationType {
        self.arcs[pos].kind
    }

    #[inline]
    fn reach(&mut self, marks: &mut [Slot], v: u32, pos: usize, p: u32) -> Option<u32> {
        let (side, other_side) = (self.side, 1 - self.side);
        let m = &mut marks[v as usize];
        let mine = m.side[side];
        if mine < self.base {
            m.side[side] = self.layer;
            m.pref[side] = saturate(p);
            m.via[side] = pos as u32;
            self.next.push(v);
            self.vol += m.span(self.walk).len();
        } else if mine == self.layer && p < u32::from(m.pref[side]) {
            m.pref[side] = saturate(p);
            m.via[side] = pos as u32;
        } else {
            return None;
        }
        (m.side[other_side] >= self.base).then(|| p + u32::from(m.pref[other_side]))
    }
}

/// The meeting probe of a layer (see `PathFinder::probe`): changes no slot.
struct Probe<'a> {
    targets: &'a [u32],
    kinds: &'a [RelationType],
    /// A Bloom filter of the other side's frontier, of `2^bits` bits.
    filter: &'a [u64],
    bits: u32,
    base: u32,
    side: usize,
}

impl ArcVisit for Probe<'_> {
    const WINDOW: usize = TOUCH * 4;

    #[inline]
    fn read_ahead(&self, _marks: &[Slot], span: std::ops::Range<usize>) -> u32 {
        // One read per cache line of the target list.
        self.targets[span].iter().step_by(16).fold(0, |t, &v| t ^ v)
    }

    #[inline]
    fn target(&self, pos: usize) -> Option<u32> {
        let v = self.targets[pos];
        let h = filter_hash(v, self.bits);
        (self.filter[h / 64] & (1 << (h % 64)) != 0).then_some(v)
    }

    #[inline]
    fn kind(&self, pos: usize) -> RelationType {
        self.kinds[pos]
    }

    #[inline]
    fn reach(&mut self, marks: &mut [Slot], v: u32, _pos: usize, p: u32) -> Option<u32> {
        let (side, other_side) = (self.side, 1 - self.side);
        let m = &marks[v as usize];
        if m.side[side] >= self.base || m.side[other_side] < self.base {
            return None;
        }
        Some(p + u32::from(m.pref[other_side]))
    }
}

/// The arc scan of one layer, shared by the expansion and the meeting probe:
/// every arc of the frontier that the types and constraints allow and that can
/// still beat the best meeting found, in frontier then arc order.
///
/// Arcs are walked in windows of about `V::WINDOW`: a first pass reads what
/// the second will need ([`ArcVisit::read_ahead`]), with nothing depending on
/// the loads, so the processor fetches dozens of them at once; the second pass
/// then finds them in cache. Done one at a time (each decision depends on the
/// last) the misses would not overlap.
#[inline]
fn scan<V: ArcVisit>(visit: &mut V, marks: &mut [Slot], l: &Layer<'_>) -> Option<Meeting> {
    let (side, other_side) = (l.side, 1 - l.side);
    let other_min = l
        .other_frontier
        .iter()
        .map(|&v| u32::from(marks[v as usize].pref[other_side]))
        .min()
        .unwrap_or(0);
    let mut best: Option<Meeting> = None;
    let frontier = l.frontier;
    let mut touched = 0u32;
    let mut i = 0;
    while i < frontier.len() {
        let mut j = i;
        let mut window = 0;
        while j < frontier.len() && window < V::WINDOW {
            let span = marks[frontier[j] as usize].span(l.walk);
            window += span.len();
            touched ^= visit.read_ahead(marks, span);
            j += 1;
        }
        for &u in &frontier[i..j] {
            let su = &marks[u as usize];
            let pu = u32::from(su.pref[side]);
            if best.is_some_and(|b| pu + other_min >= b.total) {
                continue;
            }
            for pos in su.span(l.walk) {
                // The tests have no side effects, so their order is the
                // cheapest first: the target alone decides the probe's filter.
                let Some(v) = visit.target(pos) else {
                    continue;
                };
                let kind = visit.kind(pos);
                if !l.types.contains(kind) {
                    continue;
                }
                let p = pu + preference(kind);
                if best.is_some_and(|b| p + other_min >= b.total) {
                    continue;
                }
                if l.c.use_bans && l.banned[v as usize] == l.ban_stamp {
                    continue;
                }
                // The step in path order: u → v forward, v → u backward.
                let (from, to) = if side == FWD { (u, v) } else { (v, u) };
                if from == l.c.blocked_from && l.c.blocked_to.contains(&to) {
                    continue;
                }
                if let Some(total) = visit.reach(marks, v, pos, p) {
                    if best.is_none_or(|b| total < b.total) {
                        best = Some(Meeting {
                            total,
                            node: v,
                            pos: pos as u32,
                            pref: p,
                        });
                    }
                }
            }
        }
        i = j;
    }
    std::hint::black_box(touched);
    best
}

/// Path searches over one [`Index`], with scratch space reused across queries.
pub struct PathFinder<'i> {
    idx: &'i Index,
    marks: Vec<Slot>,
    banned: Vec<u32>,
    /// Marks of the current search are `>= base`.
    base: u32,
    /// Highest mark written so far.
    top: u32,
    ban_stamp: u32,
    front: Vec<u32>,
    back: Vec<u32>,
    next: Vec<u32>,
    /// A one-hash Bloom filter of one side's frontier (see `probe`).
    filter: Vec<u64>,
    /// Bits of the filter's hash.
    filter_bits: u32,
    /// Which side's current frontier the filter holds, if any.
    filter_of: Option<usize>,
    /// Arcs a layer needs before it is probed (PROBE_MIN; tests vary it).
    probe_min: usize,
}

impl<'i> PathFinder<'i> {
    /// A finder over an index; allocates its scratch once (36 bytes per actor).
    pub fn new(idx: &'i Index) -> Self {
        let n = idx.node_bound();
        let marks = (0..n)
            .map(|v| Slot {
                arcs: idx.bounds(v),
                ..Slot::default()
            })
            .collect();
        PathFinder {
            idx,
            marks,
            banned: vec![0; n],
            base: 1,
            top: 0,
            ban_stamp: 0,
            front: Vec::new(),
            back: Vec::new(),
            next: Vec::new(),
            filter: Vec::new(),
            filter_bits: 0,
            filter_of: None,
            probe_min: PROBE_MIN,
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
        self.filter_of = None;
        self.mark(FWD, a, 0);
        self.mark(BWD, b, 0);
        self.marks[a as usize].pref[FWD] = 0;
        self.marks[b as usize].pref[BWD] = 0;
        self.front.clear();
        self.front.push(a);
        self.back.clear();
        self.back.push(b);
        let mut depths = [0usize; 2];
        let walks = if directed {
            [Walk::Out, Walk::In]
        } else {
            [Walk::Both, Walk::Both]
        };
        // Arcs the next expansion of each side would scan.
        let mut vols = [
            self.marks[a as usize].span(walks[FWD]).len(),
            self.marks[b as usize].span(walks[BWD]).len(),
        ];
        loop {
            if self.front.is_empty()
                || self.back.is_empty()
                || depths[FWD] + depths[BWD] >= max_hops
            {
                return None;
            }
            // Grow the side with fewer arcs to scan: on news graphs a frontier
            // holding a hub (a country, a head of state) can cost thousands of
            // times more than the other side.
            let side = if vols[FWD] <= vols[BWD] { FWD } else { BWD };
            let walk = walks[side];
            if vols[side] >= self.probe_min {
                if let Some(m) = self.probe(side, walk, types, c) {
                    return Some(self.reconstruct(a, b, m));
                }
            }
            let (meet, vol) = self.expand(side, walk, types, c, depths[side]);
            if self.filter_of == Some(side) {
                self.filter_of = None;
            }
            depths[side] += 1;
            vols[side] = vol;
            if let Some(m) = meet {
                return Some(self.reconstruct(a, b, m));
            }
        }
    }

    /// Builds the next layer of `side` (its frontier is at `depth`): the
    /// meeting with the other side it reaches, if any, and the number of arcs
    /// the new layer would scan.
    ///
    /// Every node of the new layer that the other side has reached lies on a
    /// shortest path, and only those do (all at the other side's current
    /// depth). Once one is found this layer is the last, and nodes that cannot
    /// beat the best meeting are skipped.
    fn expand(
        &mut self,
        side: usize,
        walk: Walk,
        types: TypeSet,
        c: Constraints<'_>,
        depth: usize,
    ) -> (Option<u32>, usize) {
        let PathFinder {
            idx,
            marks,
            banned,
            ban_stamp,
            front,
            back,
            next,
            base,
            ..
        } = self;
        let layer = *base + depth as u32 + 1;
        let (frontier, other_frontier) = if side == FWD {
            (&*front, &*back)
        } else {
            (&*back, &*front)
        };
        next.clear();
        let mut visit = Expand {
            arcs: idx.all_arcs(),
            next,
            vol: 0,
            base: *base,
            layer,
            side,
            walk,
        };
        let scope = Layer {
            side,
            walk,
            types,
            c,
            banned,
            ban_stamp: *ban_stamp,
            frontier,
            other_frontier,
        };
        let meet = scan(&mut visit, marks, &scope);
        let vol = visit.vol;
        if side == FWD {
            std::mem::swap(front, next);
        } else {
            std::mem::swap(back, next);
        }
        self.top = self.top.max(layer);
        (meet.map(|m| m.node), vol)
    }

    /// Whether the next layer of `side` meets the other side, without building
    /// the layer: the meeting (if any) that the expansion would choose, with the
    /// arc that reaches it recorded, or `None` when the expansion is needed.
    ///
    /// Meetings can only be nodes of the other side's frontier (see `expand`),
    /// so each arc is first tested against a Bloom filter of that frontier,
    /// which lives in the first-level cache; only the few arcs that pass load
    /// their far end's slot. A last layer is the largest of a search, and most
    /// of its arcs lead to nodes that will never be expanded: testing them this
    /// way avoids a cache miss per arc. The scan is the expansion's ([`scan`]),
    /// so the answer is the same path, to the tie.
    fn probe(
        &mut self,
        side: usize,
        walk: Walk,
        types: TypeSet,
        c: Constraints<'_>,
    ) -> Option<u32> {
        self.fill_filter(1 - side);
        let PathFinder {
            idx,
            marks,
            banned,
            ban_stamp,
            front,
            back,
            filter,
            filter_bits,
            base,
            ..
        } = self;
        let (frontier, other_frontier) = if side == FWD {
            (&*front, &*back)
        } else {
            (&*back, &*front)
        };
        let mut visit = Probe {
            targets: idx.all_targets(),
            kinds: idx.all_kinds(),
            filter,
            bits: *filter_bits,
            base: *base,
            side,
        };
        let scope = Layer {
            side,
            walk,
            types,
            c,
            banned,
            ban_stamp: *ban_stamp,
            frontier,
            other_frontier,
        };
        let best = scan(&mut visit, marks, &scope)?;
        // Recorded only now: the probe changes nothing unless it settles the search.
        let m = &mut marks[best.node as usize];
        m.via[side] = best.pos;
        m.pref[side] = saturate(best.pref);
        Some(best.node)
    }
    /// Fills the filter with `side`'s frontier, unless it holds it already.
    fn fill_filter(&mut self, side: usize) {
        if self.filter_of == Some(side) {
            return;
        }
        let frontier = if side == FWD { &self.front } else { &self.back };
        // About 16 bits per node (6 % false positives), within 2^9..2^20 bits.
        let bits = (frontier.len() * 16)
            .next_power_of_two()
            .clamp(1 << 9, 1 << 20)
            .trailing_zeros();
        self.filter_bits = bits;
        self.filter.clear();
        self.filter.resize((1usize << bits) / 64, 0);
        for &v in frontier {
            let h = filter_hash(v, bits);
            self.filter[h / 64] |= 1 << (h % 64);
        }
        self.filter_of = Some(side);
    }

    /// The path through meeting node `m`, from the arcs each side reached its
    /// nodes by.
    fn reconstruct(&self, a: u32, b: u32, m: u32) -> Path {
        let arcs = self.idx.all_arcs();
        // One step back towards a side's start: (previous node, relation, type).
        let back = |cur: u32, side: usize| {
            let pos = self.marks[cur as usize].via[side];
            let arc = &arcs[pos as usize];
            (self.idx.arc_owner(pos), arc.edge, arc.kind)
        };
        let mut hops = Vec::new();
        let mut cur = m;
        while cur != a {
            let (parent, edge, kind) = back(cur, FWD);
            hops.push(Hop {
                from: NodeIndex::new(parent as usize),
                to: NodeIndex::new(cur as usize),
                edge: EdgeIndex::new(edge as usize),
                kind,
            });
            cur = parent;
        }
        hops.reverse();
        let mut cur = m;
        while cur != b {
            let (parent, edge, kind) = back(cur, BWD);
            hops.push(Hop {
                from: NodeIndex::new(cur as usize),
                to: NodeIndex::new(parent as usize),
                edge: EdgeIndex::new(edge as usize),
                kind,
            });
            cur = parent;
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
            let Some((prev_nodes, prev)) = found.last().cloned() else {
                break;
            };
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

/// The other relations a hop could have walked: those between its two actors
/// that the search's types and direction allow, the walked one left out. A
/// path shows one relation per hop; these are the rest of the evidence that
/// the two actors are linked.
pub fn alternatives(idx: &Index, hop: &Hop, opts: &PathOptions) -> Vec<EdgeIndex> {
    idx.relations_between(hop.from, hop.to, TypeSet::of(&opts.types), opts.directed)
        .into_iter()
        .filter(|&e| e != hop.edge)
        .collect()
}

/// A hop of a path answer (see [`PathReport`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HopReport {
    /// The [`alternatives`] to the relation walked.
    #[serde(serialize_with = "sorted_keys")]
    pub also: Vec<Relation>,
    /// Id of the actor the hop leaves.
    pub from: String,
    /// The relation walked, with its evidence (its own direction may be
    /// `to` → `from`).
    #[serde(serialize_with = "sorted_keys")]
    pub relation: Relation,
    /// Id of the actor the hop reaches.
    pub to: String,
}

impl HopReport {
    /// The hop's answer, for a path found with `opts`.
    pub fn new(g: &NewsGraph, idx: &Index, hop: &Hop, opts: &PathOptions) -> HopReport {
        HopReport {
            also: alternatives(idx, hop, opts)
                .into_iter()
                .map(|e| g.relation(e))
                .collect(),
            from: g.actor(hop.from).id.clone(),
            relation: g.relation(hop.edge),
            to: g.actor(hop.to).id.clone(),
        }
    }

    /// Every hop of a path.
    fn all(g: &NewsGraph, idx: &Index, p: &Path, opts: &PathOptions) -> Vec<HopReport> {
        p.hops
            .iter()
            .map(|h| HopReport::new(g, idx, h, opts))
            .collect()
    }
}

/// One path of a [`PathReport::Several`] answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathEntry {
    /// The hops, from the first actor to the last.
    pub hops: Vec<HopReport>,
    /// Number of hops.
    pub length: usize,
}

/// The answer to "how are these two actors connected": what `newsgraph path
/// --format json` prints. Keys are in alphabetical order (see
/// [`report`](super::report)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum PathReport {
    /// One shortest path (the default question).
    Shortest {
        /// The first actor.
        #[serde(serialize_with = "sorted_keys")]
        from: Actor,
        /// The hops of the path.
        hops: Vec<HopReport>,
        /// The last actor.
        #[serde(serialize_with = "sorted_keys")]
        to: Actor,
    },
    /// Several paths, shortest first: the k shortest, or every path up to a
    /// hop limit.
    Several {
        /// False when the search stopped early (see [`AllPaths::complete`]):
        /// there may be more paths.
        complete: bool,
        /// The first actor.
        #[serde(serialize_with = "sorted_keys")]
        from: Actor,
        /// The paths.
        paths: Vec<PathEntry>,
        /// The last actor.
        #[serde(serialize_with = "sorted_keys")]
        to: Actor,
    },
}

impl PathReport {
    /// The answer of one path from `a` to `b`, found with `opts`.
    pub fn shortest(
        g: &NewsGraph,
        idx: &Index,
        a: NodeIndex,
        b: NodeIndex,
        path: &Path,
        opts: &PathOptions,
    ) -> PathReport {
        PathReport::Shortest {
            from: g.actor(a).clone(),
            hops: HopReport::all(g, idx, path, opts),
            to: g.actor(b).clone(),
        }
    }

    /// The answer of several paths from `a` to `b`, found with `opts`;
    /// `complete` is false when there may be more.
    pub fn several(
        g: &NewsGraph,
        idx: &Index,
        a: NodeIndex,
        b: NodeIndex,
        paths: &[Path],
        complete: bool,
        opts: &PathOptions,
    ) -> PathReport {
        PathReport::Several {
            complete,
            from: g.actor(a).clone(),
            paths: paths
                .iter()
                .map(|p| PathEntry {
                    hops: HopReport::all(g, idx, p, opts),
                    length: p.len(),
                })
                .collect(),
            to: g.actor(b).clone(),
        }
    }
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
    fn paths_walk_events_unless_affiliations_are_asked_for() {
        // a and c share a country; a also met b, who met d, who called c.
        let gr = graph(&[
            ("a", "land", RelationType::Affiliation),
            ("c", "land", RelationType::Affiliation),
            ("a", "b", RelationType::Meet),
            ("b", "d", RelationType::Meet),
            ("d", "c", RelationType::Call),
        ]);
        let (a, c) = (gr.node("a").unwrap(), gr.node("c").unwrap());
        let idx = Index::new(&gr);
        let mut f = PathFinder::new(&idx);
        let events = PathOptions {
            types: walk_types(&[], false),
            ..Default::default()
        };
        assert!(!events.types.contains(&RelationType::Affiliation));
        let p = f.shortest(a, c, &events).unwrap();
        assert_eq!(ids(&gr, "a", &p), ["a", "b", "d", "c"]);
        let via = PathOptions {
            types: walk_types(&[], true),
            ..Default::default()
        };
        assert_eq!(via.types.len(), RelationType::ALL.len());
        let p = f.shortest(a, c, &via).unwrap();
        assert_eq!(ids(&gr, "a", &p), ["a", "land", "c"]);
        assert_eq!(
            walk_types(&[RelationType::Call], true),
            [RelationType::Call, RelationType::Affiliation]
        );
        assert_eq!(
            walk_types(&[RelationType::Call], false),
            [RelationType::Call]
        );
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
            // Probing every layer, however small, must change nothing.
            let mut probing = PathFinder::new(&idx);
            probing.probe_min = 0;
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
                    proptest::prop_assert_eq!(&got, &probing.shortest(a, b, &opts));
                    if let Some(p) = &got {
                        check_valid(&g, a, b, p, &opts);
                    }
                    // k shortest and all paths agree on the set of simple paths.
                    let k = f.k_shortest(a, b, 1000, &opts);
                    let all = f.all_paths(a, b, max_hops.unwrap_or(9), 1000, &opts.types, directed);
                    // Dense cases can have more than 1,000 simple paths: then
                    // both lists stop at the cap. They agree on every length
                    // below the last one kept (all_paths stops its last length
                    // in search order, not preference order).
                    if !all.complete {
                        proptest::prop_assert_eq!(all.paths.len(), 1000);
                        proptest::prop_assert_eq!(k.len(), 1000);
                        let last = all.paths.iter().map(Path::len).max().unwrap_or(0);
                        let below = |ps: &[Path]| {
                            let mut v: Vec<Vec<NodeIndex>> =
                                ps.iter().filter(|p| p.len() < last).map(|p| p.nodes(a)).collect();
                            v.sort();
                            v
                        };
                        proptest::prop_assert_eq!(below(&k), below(&all.paths));
                        continue;
                    }
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

    /// On an archive-shaped graph (hubs, long tail) the meeting probe and the
    /// prefetching windows come into play; whether a layer is probed or
    /// expanded must not change a single hop, ties included.
    #[test]
    fn probing_returns_the_same_paths_on_a_large_graph() {
        let g = crate::corpus::graph::synthetic_graph(3_000, 15_000, 5);
        let idx = Index::new(&g);
        let mut plain = PathFinder::new(&idx);
        plain.probe_min = usize::MAX;
        let mut default = PathFinder::new(&idx);
        let mut always = PathFinder::new(&idx);
        always.probe_min = 0;
        let all_opts = [
            PathOptions::default(),
            PathOptions {
                directed: true,
                ..Default::default()
            },
            PathOptions {
                types: vec![RelationType::Meet, RelationType::Call, RelationType::Visit],
                ..Default::default()
            },
            PathOptions {
                max_hops: Some(3),
                ..Default::default()
            },
        ];
        let mut rng = crate::corpus::Rng::new(11);
        let mut found = 0;
        for i in 0..400 {
            let a = NodeIndex::new(rng.below(3_000));
            let b = NodeIndex::new(rng.below(3_000));
            let opts = &all_opts[i % all_opts.len()];
            let want = plain.shortest(a, b, opts);
            assert_eq!(want, default.shortest(a, b, opts), "{a:?} → {b:?} {opts:?}");
            assert_eq!(want, always.shortest(a, b, opts), "{a:?} → {b:?} {opts:?}");
            if let Some(p) = &want {
                check_valid(&g, a, b, p, opts);
                let r = reference(&g, a, b, opts)
                    .filter(|&(h, _)| opts.max_hops.is_none_or(|m| h <= m));
                assert_eq!(r, Some((p.len(), p.preference())));
                found += 1;
            }
            if i % 20 == 0 {
                let k = plain.k_shortest(a, b, 3, opts);
                assert_eq!(k, always.k_shortest(a, b, 3, opts));
            }
        }
        assert!(found > 200, "only {found} connected pairs");
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

    #[test]
    fn path_reports_serialize_as_the_cli_prints_them() {
        use crate::query::report::testing::json;
        use serde_json::json;
        let gr = graph(&[
            ("a", "b", RelationType::Support),
            ("b", "a", RelationType::Meet),
            ("b", "c", RelationType::Visit),
        ]);
        let idx = Index::new(&gr);
        let (a, c) = (gr.node("a").unwrap(), gr.node("c").unwrap());
        let opts = PathOptions::default();
        let mut f = PathFinder::new(&idx);
        let p = f.shortest(a, c, &opts).unwrap();
        let rel = |i: usize| serde_json::to_value(gr.relation(EdgeIndex::new(i))).unwrap();
        let actor = |id: &str| serde_json::to_value(gr.actor(gr.node(id).unwrap())).unwrap();
        let hops = json!([
            {"also": [rel(0)], "from": "a", "relation": rel(1), "to": "b"},
            {"also": [], "from": "b", "relation": rel(2), "to": "c"},
        ]);
        let one = PathReport::shortest(&gr, &idx, a, c, &p, &opts);
        let v: serde_json::Value = serde_json::from_str(&json(&one)).unwrap();
        assert_eq!(
            v,
            json!({"from": actor("a"), "hops": hops, "to": actor("c")})
        );
        // Nested model objects have their keys sorted too.
        assert!(json(&one).contains(
            "\"also\": [\n        {\n          \"cameo\": \"051\",\n          \"evidence\": {\n            \"doc\": \"d\",\n            \"end\": 0,"
        ));
        // Only the walk's types are alternatives.
        let meets = PathOptions {
            types: vec![RelationType::Meet, RelationType::Visit],
            ..Default::default()
        };
        assert!(alternatives(&idx, &p.hops[0], &meets).is_empty());
        let all = f.all_paths(a, c, 4, 10, &[], false);
        let several = PathReport::several(&gr, &idx, a, c, &all.paths, all.complete, &opts);
        let v: serde_json::Value = serde_json::from_str(&json(&several)).unwrap();
        assert_eq!(
            v,
            json!({
                "complete": true,
                "from": actor("a"),
                "paths": [{"hops": hops, "length": 2}],
                "to": actor("c"),
            })
        );
    }
}
