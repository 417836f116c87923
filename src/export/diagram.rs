//! The diagram view of a graph: which actors are drawn, which relations become
//! which edges (parallel ones collapsed), how actors group into country clusters,
//! and how disconnected parts are arranged. Every diagram format (DOT, the
//! embedded SVG renderer, Mermaid, HTML) draws from this one view, so they agree.

use crate::graph::NewsGraph;
use crate::model::{Actor, ActorKind, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::NodeIndexable;
use std::ops::Range;

/// Largest drawing (actors) laid out by Graphviz `dot` by default. Measured on
/// this machine (2 shared cores, random graphs with labelled edges): `dot` takes
/// 1.9 s on 100 actors / 200 edges, 16 s on 150 / 300, 61 s on 300 / 600 and does
/// not finish in 15 minutes on 2,000 / 4,000, where `sfdp` (with straight edges)
/// takes about a second.
pub const LAYERED_MAX_NODES: usize = 100;
/// Largest number of drawn edges laid out by Graphviz `dot` by default.
pub const LAYERED_MAX_EDGES: usize = 200;

/// Largest diagram (drawn actors) packed to be read at page width when too
/// dense for `dot`: larger names, tighter boxes, no edge labels (see
/// [`Diagram::page_sized`]).
pub const PAGE_MAX_NODES: usize = 200;

/// Above this many relations, parallel edges are collapsed by default.
pub const AUTO_COLLAPSE_RELATIONS: usize = 40;
/// Above this many drawn edges, edge labels are left out by default: colour
/// (explained by the legend) carries the type, and labels slow layout down sharply.
pub const AUTO_LABEL_EDGES: usize = 1000;
/// Longest node label, in characters (a hostile 10 KB name stays drawable).
pub const MAX_LABEL: usize = 60;
/// Longest edge tooltip, in characters: the evidence of a collapsed edge is cut
/// there, so a diagram does not carry megabytes of sentences.
pub const MAX_TOOLTIP: usize = 400;
/// Longest edge tooltip of diagrams with more than [`LARGE_DIAGRAM_EDGES`] edges
/// (nobody hovers over a hundred thousand edges; the full evidence stays in the
/// JSON, GraphML and CSV exports).
pub const MAX_TOOLTIP_LARGE: usize = 120;
/// Above this many edges a diagram is large: shorter tooltips.
pub const LARGE_DIAGRAM_EDGES: usize = 20_000;

/// Whether parallel edges of one type between the same two actors are drawn once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Collapse {
    /// Collapse when the graph has more than [`AUTO_COLLAPSE_RELATIONS`] relations.
    #[default]
    Auto,
    /// Always collapse ("meet ×3").
    Always,
    /// Draw every relation as its own edge.
    Never,
}

/// How actors are grouped into boxes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ClusterBy {
    /// No grouping.
    #[default]
    None,
    /// People, institutions and places grouped under the country they belong to.
    Country,
}

impl std::str::FromStr for ClusterBy {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "none" | "no" | "off" => Ok(ClusterBy::None),
            "country" | "countries" => Ok(ClusterBy::Country),
            other => Err(crate::Error::Invalid(format!(
                "unknown clustering {other:?} (expected country or none)"
            ))),
        }
    }
}

/// What happens to actors that take part in no drawn relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Isolated {
    /// Leave them out when anything else is drawn (the legend counts them).
    #[default]
    Auto,
    /// Always leave them out.
    Drop,
    /// Draw them, packed together in a box of their own.
    Keep,
}

impl std::str::FromStr for Isolated {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Isolated::Auto),
            "drop" | "hide" => Ok(Isolated::Drop),
            "keep" | "show" | "pack" => Ok(Isolated::Keep),
            other => Err(crate::Error::Invalid(format!(
                "unknown --isolated value {other:?} (expected auto, drop or keep)"
            ))),
        }
    }
}

/// Options of every diagram (DOT, SVG, PNG, PDF, HTML, Mermaid). Plain data with
/// defaults, so callers set only what they need and new options do not break them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotOptions {
    /// Parallel edges of one type between one pair drawn once with a count.
    pub collapse: Collapse,
    /// Draw the legend.
    pub legend: bool,
    /// Group actors into clusters.
    pub cluster: ClusterBy,
    /// Actors without drawn relations.
    pub isolated: Isolated,
    /// Edge labels: `None` decides by size ([`AUTO_LABEL_EDGES`]).
    pub edge_labels: Option<bool>,
    /// Arrange disconnected parts in rows (helps Graphviz `dot`, whose layered
    /// layout otherwise puts every part side by side in one very wide line).
    pub arrange_parts: bool,
    /// A title drawn above the diagram.
    pub title: Option<String>,
    /// Actors and relations to emphasize (e.g. a path); nothing when empty.
    pub highlight: crate::query::select::Highlight,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            collapse: Collapse::Auto,
            legend: true,
            cluster: ClusterBy::None,
            isolated: Isolated::Auto,
            edge_labels: None,
            arrange_parts: true,
            title: None,
            highlight: Default::default(),
        }
    }
}

/// One drawn edge: one relation, or several of one type between one ordered pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeGroup {
    /// Index of the source in [`Diagram::nodes`].
    pub source: usize,
    /// Index of the target in [`Diagram::nodes`].
    pub target: usize,
    /// The relation type.
    pub kind: RelationType,
    /// The relations drawn by this edge, as a range of [`Diagram::relations`].
    pub relations: Range<usize>,
}

impl EdgeGroup {
    /// How many relations the edge stands for.
    pub fn count(&self) -> usize {
        self.relations.len()
    }
}

/// A box of actors belonging to one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    /// ISO 3166-1 alpha-3 code.
    pub code: String,
    /// What the box is titled (the country's name).
    pub label: String,
    /// Indexes in [`Diagram::nodes`], ascending.
    pub members: Vec<usize>,
}

/// A connected part of the drawing, with its estimated layered size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// Indexes in [`Diagram::nodes`].
    pub members: Vec<usize>,
    /// A node on the part's first layer.
    pub top: usize,
    /// A node on the part's last layer.
    pub bottom: usize,
    /// Widest layer, in nodes.
    pub width: usize,
    /// Number of layers.
    pub depth: usize,
}

/// What a diagram draws, computed once and shared by every diagram format.
#[derive(Debug, Clone)]
pub struct Diagram<'g> {
    /// Drawn actors, in id order.
    pub nodes: Vec<&'g Actor>,
    /// The graph drawn.
    pub graph: &'g NewsGraph,
    /// Every relation between drawn actors (edges of [`Diagram::graph`]), grouped
    /// so each drawn edge's are contiguous; [`NewsGraph::relation`] reads one.
    pub relations: Vec<EdgeIndex>,
    /// Drawn edges, in (source, target, type) order.
    pub edges: Vec<EdgeGroup>,
    /// Country boxes (empty unless asked for).
    pub clusters: Vec<Cluster>,
    /// Actor kinds present, for the legend.
    pub kinds: Vec<ActorKind>,
    /// Relation types present, for the legend.
    pub types: Vec<RelationType>,
    /// Actors left out because they take part in no relation.
    pub hidden_isolated: usize,
    /// Drawn actors in no relation (drawn only with [`Isolated::Keep`]).
    pub isolated: Vec<usize>,
    /// Whether edges carry labels.
    pub edge_labels: bool,
    /// Disconnected parts arranged in rows, largest first (empty when not arranged).
    pub rows: Vec<Vec<Part>>,
    /// Whether parallel edges were collapsed.
    pub collapsed: bool,
    /// Longest edge tooltip, in characters.
    pub max_tooltip: usize,
    /// Straight edges: set for force-directed engines and for drawings too large
    /// for `dot` (Graphviz's spline routing around nodes takes `sfdp` from 0.4 s
    /// to over 100 s on 300 actors / 600 edges).
    pub straight_edges: bool,
}

impl Diagram<'_> {
    /// Whether the drawing is too dense for `dot` but small enough to be read
    /// at page width (at most [`PAGE_MAX_NODES`] actors): names are drawn
    /// larger in tighter boxes, and packed by `neato`, so that the 100 best
    /// connected actors of an archive keep labels of 8 px or more on an 800 px
    /// wide page.
    pub fn page_sized(&self) -> bool {
        self.straight_edges && self.nodes.len() <= PAGE_MAX_NODES
    }

    /// The legend's notes on what the drawing leaves out or folds, the same in
    /// every renderer.
    pub fn legend_notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.hidden_isolated > 0 {
            notes.push(format!(
                "{} actor(s) with no relation not drawn",
                self.hidden_isolated
            ));
        }
        if !self.edge_labels && !self.edges.is_empty() {
            notes.push("edge labels left out: colour gives the type".to_string());
        }
        if self.collapsed {
            notes.push("×N: N relations of one type".to_string());
        }
        notes
    }
}

/// Builds the diagram view of a graph.
pub fn diagram<'g>(g: &'g NewsGraph, opts: &DotOptions) -> Diagram<'g> {
    // Actors in id order and relations in (source, target, type, document,
    // sentence) order, sorted on integer ranks: a million relations sort in a
    // fraction of the time string comparisons take.
    let node_rank = g.node_ranks();
    let mut order: Vec<NodeIndex> = vec![NodeIndex::end(); g.graph.node_count()];
    let mut rank = vec![usize::MAX; g.graph.node_bound()];
    for (i, &r) in node_rank.iter().enumerate() {
        if let Some(slot) = order.get_mut(r as usize) {
            *slot = NodeIndex::new(i);
            rank[i] = r as usize;
        }
    }
    // `sorted_edges()` is the order of `relations()` (source id, target id, type,
    // document, sentence) without rebuilding any relation: a million edges are
    // read from their compact form, their strings looked up only for tooltips.
    let rels: Vec<(usize, usize, EdgeIndex, RelationType)> = g
        .sorted_edges_ranked(&node_rank)
        .into_iter()
        .filter_map(|e| {
            let (s, t) = g.graph.edge_endpoints(e)?;
            Some((rank[s.index()], rank[t.index()], e, g.graph[e].kind))
        })
        .collect();
    let collapse = match opts.collapse {
        Collapse::Auto => rels.len() > AUTO_COLLAPSE_RELATIONS,
        Collapse::Always => true,
        Collapse::Never => false,
    };
    let mut linked = vec![false; order.len()];
    for &(s, t, _, _) in &rels {
        linked[s] = true;
        linked[t] = true;
    }
    let drop_isolated = match opts.isolated {
        Isolated::Auto => !rels.is_empty(),
        Isolated::Drop => true,
        Isolated::Keep => false,
    };
    // Drawn position of each ranked actor.
    let mut pos = vec![usize::MAX; order.len()];
    let mut nodes = Vec::with_capacity(order.len());
    let mut hidden_isolated = 0;
    for (r, n) in order.iter().enumerate() {
        if drop_isolated && !linked[r] {
            hidden_isolated += 1;
        } else {
            pos[r] = nodes.len();
            nodes.push(&g.graph[*n]);
        }
    }
    // Each group of parallel edges is a contiguous run of the sorted relations.
    let mut edges: Vec<EdgeGroup> = Vec::new();
    let mut kept: Vec<EdgeIndex> = Vec::with_capacity(rels.len());
    for (s, t, r, kind) in rels {
        let (s, t) = (pos[s], pos[t]);
        let i = kept.len();
        kept.push(r);
        match edges.last_mut() {
            Some(last) if collapse && last.source == s && last.target == t && last.kind == kind => {
                last.relations.end = i + 1;
            }
            _ => edges.push(EdgeGroup {
                source: s,
                target: t,
                kind,
                relations: i..i + 1,
            }),
        }
    }
    let mut kinds: Vec<ActorKind> = Vec::new();
    for a in &nodes {
        if !kinds.contains(&a.kind) {
            kinds.push(a.kind);
        }
    }
    kinds.sort();
    let mut types: Vec<RelationType> = Vec::new();
    for e in &edges {
        if !types.contains(&e.kind) {
            types.push(e.kind);
        }
    }
    types.sort();
    let mut has_edge = vec![false; nodes.len()];
    for e in &edges {
        has_edge[e.source] = true;
        has_edge[e.target] = true;
    }
    let isolated: Vec<usize> = (0..nodes.len()).filter(|&i| !has_edge[i]).collect();
    let edges_len = edges.len();
    // Labels on hundreds of edges among a hundred actors cover the names: a
    // diagram too dense for a layered layout goes without them (the colour,
    // explained by the legend, gives the type).
    let layered = nodes.len() <= LAYERED_MAX_NODES && edges.len() <= LAYERED_MAX_EDGES;
    let edge_labels = opts
        .edge_labels
        .unwrap_or(edges.len() <= AUTO_LABEL_EDGES && (layered || nodes.len() > PAGE_MAX_NODES));
    let mut d = Diagram {
        graph: g,
        nodes,
        relations: kept,
        edges,
        clusters: Vec::new(),
        kinds,
        types,
        hidden_isolated,
        isolated,
        edge_labels,
        rows: Vec::new(),
        collapsed: collapse,
        straight_edges: false,
        max_tooltip: if edges_len > LARGE_DIAGRAM_EDGES {
            MAX_TOOLTIP_LARGE
        } else {
            MAX_TOOLTIP
        },
    };
    d.straight_edges = d.nodes.len() > LAYERED_MAX_NODES || d.edges.len() > LAYERED_MAX_EDGES;
    if opts.cluster == ClusterBy::Country {
        d.clusters = country_clusters(&d);
    }
    if opts.arrange_parts && d.clusters.is_empty() {
        d.rows = arrange_rows(&d);
    }
    d
}

impl<'g> Diagram<'g> {
    /// Whether a drawn edge carries a highlighted relation (a hop of a path):
    /// every diagram format asks the same question so they emphasize the same edges.
    pub fn edge_highlighted(&self, e: &EdgeGroup, hl: &crate::query::select::Highlight) -> bool {
        !hl.relations.is_empty()
            && self.relations[e.relations.clone()]
                .iter()
                .any(|&r| hl.has_edge(self.graph, r))
    }

    /// The label of an edge: its type, with the count when it stands for several.
    pub fn edge_label(&self, e: &EdgeGroup) -> String {
        if e.count() > 1 {
            format!("{} ×{}", e.kind, e.count())
        } else {
            e.kind.to_string()
        }
    }

    /// The document id and sentence of a relation's evidence.
    pub fn evidence(&self, e: EdgeIndex) -> (&'g str, &'g str) {
        let w = &self.graph.graph[e];
        (self.graph.str(w.doc), self.graph.str(w.text))
    }

    /// The evidence of an edge as one line of at most [`Diagram::max_tooltip`] characters:
    /// each sentence with its document, then how many more were left out.
    pub fn edge_tooltip(&self, e: &EdgeGroup) -> String {
        let rels = &self.relations[e.relations.clone()];
        let max = self.max_tooltip;
        let mut out = String::with_capacity(max.min(256));
        let mut more = 0;
        for (k, &r) in rels.iter().enumerate() {
            if k > 0 {
                if out.len() >= max {
                    more = rels.len() - k;
                    break;
                }
                out.push_str(" | ");
            }
            let (doc, text) = self.evidence(r);
            out.push('[');
            out.push_str(doc);
            out.push_str("] ");
            out.push_str(text);
        }
        if out.len() > max {
            out = truncate(&out, max);
        }
        if more > 0 {
            out.push_str(&format!(" (+{more} more)"));
        }
        out
    }
}

/// The first `max` characters of a text, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    let mut t = s.to_string();
    truncate_in_place(&mut t, max);
    t
}

/// [`truncate`] without a new string.
pub fn truncate_in_place(s: &mut String, max: usize) {
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((i, _)) if s[i..].chars().nth(1).is_some() => {
            s.truncate(i);
            s.push('…');
        }
        _ => {}
    }
}

/// The label drawn for an actor: its name on one line (line breaks as spaces,
/// control characters dropped), cut at [`MAX_LABEL`] characters.
pub fn node_label(a: &Actor) -> String {
    let mut s = String::new();
    node_label_into(&mut s, a);
    s
}

/// [`node_label`] into a reused buffer (cleared first): a DOT export of 200,000
/// actors writes 200,000 labels.
pub fn node_label_into(out: &mut String, a: &Actor) {
    out.clear();
    out.extend(a.name.chars().filter_map(|c| match c {
        '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }));
    truncate_in_place(out, MAX_LABEL);
}

/// A one-line description of an actor for tooltips: name, kind, country, aliases.
pub fn actor_tooltip(a: &Actor) -> String {
    let mut s = String::new();
    actor_tooltip_into(&mut s, a);
    s
}

/// [`actor_tooltip`] into a reused buffer (cleared first).
pub fn actor_tooltip_into(out: &mut String, a: &Actor) {
    out.clear();
    out.push_str(&a.name);
    out.push_str(" (");
    out.push_str(a.kind.as_str());
    out.push(')');
    if let Some(c) = &a.country {
        out.push_str(", ");
        out.push_str(c);
    }
    for (i, alias) in a.aliases.iter().enumerate() {
        out.push_str(if i == 0 { "; also: " } else { ", " });
        out.push_str(alias);
    }
    truncate_in_place(out, MAX_TOOLTIP);
}

/// Groups actors by country: an actor's own country code, else the country of
/// what it is affiliated with (a country, or an institution of one). A country
/// joins its own box. Boxes with a single actor are not drawn.
fn country_clusters(d: &Diagram) -> Vec<Cluster> {
    let mut code: Vec<Option<&str>> = d.nodes.iter().map(|a| a.country.as_deref()).collect();
    for e in &d.edges {
        if e.kind == RelationType::Affiliation && code[e.source].is_none() {
            code[e.source] = d.nodes[e.target].country.as_deref();
        }
    }
    let mut by_code: std::collections::BTreeMap<&str, Vec<usize>> = Default::default();
    for (i, c) in code.iter().enumerate() {
        if let Some(c) = c {
            by_code.entry(c).or_default().push(i);
        }
    }
    by_code
        .into_iter()
        .filter(|(_, m)| m.len() > 1)
        .map(|(c, members)| {
            let label = members
                .iter()
                .map(|&i| d.nodes[i])
                .find(|a| a.kind == ActorKind::Country)
                .map(|a| a.name.clone())
                .or_else(|| {
                    crate::lexicon::builtin()
                        .country_name(c)
                        .map(str::to_string)
                })
                .unwrap_or_else(|| c.to_string());
            Cluster {
                code: c.to_string(),
                label,
                members,
            }
        })
        .collect()
}

/// Most parts arranged; beyond, the hint would cost more than it helps.
const MAX_ARRANGED_NODES: usize = 400;

/// Splits the drawing into connected parts and packs them into rows of about
/// the same width (shelf packing by estimated layered size), so a layered layout
/// of many small stories comes out roughly landscape instead of one long line.
fn arrange_rows(d: &Diagram) -> Vec<Vec<Part>> {
    let n = d.nodes.len();
    if n == 0 || n > MAX_ARRANGED_NODES {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    for e in &d.edges {
        let (a, b) = (find(&mut parent, e.source), find(&mut parent, e.target));
        if a != b {
            parent[a] = b;
        }
    }
    // Longest-path layers, as a layered layout would assign them (cycles are cut
    // by the pass limit).
    let mut layer = vec![0usize; n];
    for _ in 0..n.min(60) {
        let mut changed = false;
        for e in &d.edges {
            if e.source != e.target && layer[e.target] < layer[e.source] + 1 {
                layer[e.target] = layer[e.source] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Actors in no relation are boxed apart (or alone), never part of a row.
    let mut in_edge = vec![false; n];
    for e in &d.edges {
        in_edge[e.source] = true;
        in_edge[e.target] = true;
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in (0..n).filter(|&i| in_edge[i]) {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut parts: Vec<Part> = groups
        .into_values()
        .map(|members| {
            let top = *members.iter().min_by_key(|&&i| (layer[i], i)).unwrap_or(&0);
            let bottom = *members
                .iter()
                .max_by_key(|&&i| (layer[i], std::cmp::Reverse(i)))
                .unwrap_or(&0);
            let min_l = layer[top];
            let depth = layer[bottom] - min_l + 1;
            let mut per = vec![0usize; depth];
            for &i in &members {
                per[layer[i] - min_l] += 1;
            }
            Part {
                width: per.into_iter().max().unwrap_or(1),
                depth,
                top,
                bottom,
                members,
            }
        })
        .collect();
    if parts.len() < 3 {
        return Vec::new();
    }
    // A node is about 1.6 times as wide as a layer is tall (labels are wide).
    let area = |p: &Part| (p.width as f64 * 1.6) * p.depth as f64;
    parts.sort_by(|a, b| {
        area(b)
            .total_cmp(&area(a))
            .then_with(|| a.members.cmp(&b.members))
    });
    let total: f64 = parts.iter().map(area).sum();
    let widest = parts
        .iter()
        .map(|p| p.width as f64 * 1.6)
        .fold(0.0, f64::max);
    // Aim at a 16:10 page.
    let row_width = widest.max((total * 1.6).sqrt());
    let mut rows: Vec<Vec<Part>> = Vec::new();
    let mut x = 0.0;
    for p in parts {
        let w = p.width as f64 * 1.6;
        match rows.last_mut() {
            Some(row) if x + w <= row_width * 1.05 => {
                x += w;
                row.push(p);
            }
            _ => {
                x = w;
                rows.push(vec![p]);
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Relation};

    fn actor(id: &str, kind: ActorKind, country: Option<&str>) -> Actor {
        Actor {
            id: id.into(),
            name: id.to_uppercase(),
            kind,
            country: country.map(String::from),
            aliases: vec![],
        }
    }

    fn rel(s: &str, t: &str, kind: RelationType, sentence: usize) -> Relation {
        Relation {
            source: s.into(),
            target: t.into(),
            kind,
            cameo: None,
            date: None,
            planned: false,
            evidence: Evidence {
                doc: "d".into(),
                sentence,
                start: 0,
                end: 1,
                trigger: "t".into(),
                text: format!("sentence {sentence}"),
                rule: None,
            },
        }
    }

    fn sample() -> NewsGraph {
        let mut g = NewsGraph::new();
        g.add_actor(actor("a", ActorKind::Person, None));
        g.add_actor(actor("b", ActorKind::Person, Some("IRQ")));
        g.add_actor(actor("irq", ActorKind::Country, Some("IRQ")));
        g.add_actor(actor("lonely", ActorKind::Place, None));
        g.add_relation(rel("a", "b", RelationType::Meet, 1));
        g.add_relation(rel("a", "b", RelationType::Meet, 2));
        g.add_relation(rel("a", "b", RelationType::Call, 3));
        g.add_relation(rel("a", "irq", RelationType::Affiliation, 4));
        g
    }

    #[test]
    fn collapses_parallel_edges_of_one_type_only() {
        let g = sample();
        let opts = DotOptions {
            collapse: Collapse::Always,
            ..Default::default()
        };
        let d = diagram(&g, &opts);
        let labels: Vec<String> = d.edges.iter().map(|e| d.edge_label(e)).collect();
        assert_eq!(labels, ["call", "meet ×2", "affiliation"]);
        let d = diagram(
            &g,
            &DotOptions {
                collapse: Collapse::Never,
                ..Default::default()
            },
        );
        assert_eq!(d.edges.len(), 4);
        // Auto: a small graph keeps every relation.
        assert_eq!(diagram(&g, &DotOptions::default()).edges.len(), 4);
    }

    #[test]
    fn isolated_actors_are_counted_not_drawn_unless_kept() {
        let g = sample();
        let d = diagram(&g, &DotOptions::default());
        assert_eq!(d.hidden_isolated, 1);
        assert!(d.nodes.iter().all(|a| a.id != "lonely"));
        let d = diagram(
            &g,
            &DotOptions {
                isolated: Isolated::Keep,
                ..Default::default()
            },
        );
        assert_eq!(d.hidden_isolated, 0);
        assert_eq!(d.isolated.len(), 1);
    }

    #[test]
    fn country_clusters_use_affiliation_when_no_country_is_known() {
        let g = sample();
        let d = diagram(
            &g,
            &DotOptions {
                cluster: ClusterBy::Country,
                ..Default::default()
            },
        );
        assert_eq!(d.clusters.len(), 1);
        let c = &d.clusters[0];
        assert_eq!(c.code, "IRQ");
        assert_eq!(c.label, "IRQ", "named after the country actor");
        let ids: Vec<&str> = c.members.iter().map(|&i| d.nodes[i].id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "irq"]);
    }

    #[test]
    fn tooltips_are_capped() {
        let mut g = NewsGraph::new();
        g.add_actor(actor("a", ActorKind::Person, None));
        g.add_actor(actor("b", ActorKind::Person, None));
        for i in 0..50 {
            let mut r = rel("a", "b", RelationType::Meet, i);
            r.evidence.text = "x".repeat(100);
            g.add_relation(r);
        }
        let d = diagram(
            &g,
            &DotOptions {
                collapse: Collapse::Always,
                ..Default::default()
            },
        );
        let tip = d.edge_tooltip(&d.edges[0]);
        assert!(tip.chars().count() <= MAX_TOOLTIP + 20, "{}", tip.len());
        assert!(tip.ends_with("more)"), "{tip}");
        assert_eq!(truncate("abcdef", 3), "ab…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
