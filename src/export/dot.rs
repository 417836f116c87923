//! DOT diagrams, built with graphviz-rust's model (never by string concatenation).
//!
//! graphviz-rust does not escape identifiers or labels, so every string from the
//! data goes through [`quote`], the one escaping function, which yields a quoted
//! DOT string that both Graphviz and graphviz-rust's parser read back unchanged.
//! The model is printed by [`print`], a linear writer (graphviz-rust's own printer
//! allocates several strings per attribute, too slow for a million edges).

use super::diagram::{
    actor_tooltip_into, diagram, node_label_into, truncate, Diagram, EdgeGroup, MAX_LABEL,
};
pub use super::diagram::{ClusterBy, Collapse, DotOptions, Isolated};
use super::style::{
    kind_style, relation_arrow, relation_color, relation_line, DIMMED_LINE, DIMMED_TEXT, FONT,
    HIGHLIGHT, OUTLINE,
};
use crate::graph::NewsGraph;
use crate::query::select::Highlight;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Port, Stmt, Subgraph, Vertex,
};
use std::fmt::Write as _;

/// A DOT quoted string for any text: backslashes and quotes escaped, line breaks
/// turned into spaces, control characters dropped, `&` written `&amp;`.
/// Graphviz reads `\\` as one backslash in labels, so its own escapes (`\N`,
/// `\l`, ...) cannot be injected; and it decodes HTML entities in every string
/// (`&lt;` would be drawn as `<`, `&#x1b;` would put an ESC byte into the SVG),
/// so a name's `&` must reach it as `&amp;` to be drawn as the text it is.
/// Strings longer than Graphviz accepts are shortened with an ellipsis
/// ([`MAX_STRING_BYTES`]).
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    push_escaped(&mut out, s);
    out.push('"');
    Id::Escaped(out)
}

/// The longest string (escaped, without its quotes) written into DOT. Graphviz
/// refuses a label over 16 KiB, and one junk name must not stop every diagram;
/// the names themselves are whole in the store and the interchange formats.
pub const MAX_STRING_BYTES: usize = 16_000;

/// The escaped form of one character (see [`quote`]).
fn escape_char(c: char, buf: &mut [u8; 4]) -> &str {
    match c {
        '"' => "\\\"",
        '\\' => "\\\\",
        '&' => "&amp;",
        '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => " ",
        c if c.is_control() => "",
        c => c.encode_utf8(buf),
    }
}

/// Appends the escaped form of a text (the inside of a [`quote`]d string),
/// shortened with an ellipsis past [`MAX_STRING_BYTES`].
fn push_escaped(out: &mut String, s: &str) {
    // Fast path: printable ASCII without quotes, backslashes or `&` is copied whole.
    if s.len() <= MAX_STRING_BYTES
        && s.bytes()
            .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\' && b != b'&')
    {
        out.push_str(s);
        return;
    }
    let start = out.len();
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let piece = escape_char(c, &mut buf);
        if out.len() - start + piece.len() > MAX_STRING_BYTES - '…'.len_utf8() {
            out.push('…');
            return;
        }
        out.push_str(piece);
    }
}

/// The text a [`quote`]d id stands for (used by tests and readers).
pub fn unquote(id: &Id) -> String {
    let raw = match id {
        Id::Escaped(s) => s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(s),
        Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.as_str(),
    };
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    // `quote` writes `&` as `&amp;` (and nothing else with `&`).
    if out.contains("&amp;") {
        out = out.replace("&amp;", "&");
    }
    out
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

fn node_id(id: &str) -> NodeId {
    NodeId(quote(id), None)
}

/// Most actors whose overlaps Graphviz removes one by one (see `overlap`).
const PRISM_MAX_NODES: usize = 500;

/// Id of the legend node; actor ids are slugs and never start with `_ng:`.
pub const LEGEND_ID: &str = "_ng:legend";

/// Builds the diagram of a graph as a graphviz-rust model.
pub fn to_graph(g: &NewsGraph, opts: &DotOptions) -> Graph {
    diagram_to_graph(&diagram(g, opts), opts)
}

/// Builds the graphviz-rust model of a prepared [`Diagram`].
pub fn diagram_to_graph(d: &Diagram, opts: &DotOptions) -> Graph {
    let mut stmts: Vec<Stmt> = Vec::with_capacity(d.nodes.len() + d.edges.len() + 16);
    emit_stmts(d, opts, &mut |s| stmts.push(s.clone()));
    Graph::DiGraph {
        id: Id::Plain(GRAPH_ID.into()),
        strict: false,
        stmts,
    }
}

/// The DOT source of a prepared [`Diagram`], printed statement by statement as
/// the model is built: a million-edge model is never held whole in memory.
pub fn diagram_to_dot(d: &Diagram, opts: &DotOptions) -> String {
    let mut out = String::with_capacity(256 + d.nodes.len() * 160 + d.edges.len() * 200);
    out.push_str("digraph ");
    out.push_str(GRAPH_ID);
    out.push_str(" {\n");
    emit_stmts(d, opts, &mut |s| push_stmt(&mut out, s, 1, true));
    out.push_str("}\n");
    out
}

/// Name of the DOT graph.
const GRAPH_ID: &str = "newsgraph";

/// Builds the diagram's statements in order, handing each to `emit` (by
/// reference: the edge statements are one object rebuilt in place, see
/// [`EdgeBuf`]).
fn emit_stmts(d: &Diagram, opts: &DotOptions, emit: &mut dyn FnMut(&Stmt)) {
    for s in default_stmts(d, opts) {
        emit(&s);
    }
    emit_nodes(d, opts, emit);
    emit_edges(d, opts, emit);
    let legend = opts.legend && !(d.kinds.is_empty() && d.types.is_empty());
    if legend {
        emit(&legend_stmt(d, !opts.highlight.is_empty()));
    }
    emit_rows(d, legend, emit);
}

/// The graph, node and edge defaults.
fn default_stmts(d: &Diagram, opts: &DotOptions) -> [Stmt; 3] {
    let mut graph_attrs = vec![
        attr("rankdir", "TB"),
        attr("fontname", FONT),
        attr("fontsize", "12"),
        attr("nodesep", "0.3"),
        attr("ranksep", "0.5"),
        attr("splines", if d.straight_edges { "false" } else { "true" }),
        // Removing overlaps node by node (prism) is what makes large force
        // layouts slow (sfdp on 2,000 actors: 18 s instead of 4 s); beyond a few
        // hundred actors the layout is scaled up until nothing overlaps.
        attr(
            "overlap",
            if d.nodes.len() > PRISM_MAX_NODES {
                "scale"
            } else {
                "false"
            },
        ),
        attr("outputorder", "edgesfirst"),
        attr("bgcolor", "white"),
        attr("pad", "0.2"),
    ];
    // A page-sized dense drawing: larger names in tighter boxes, overlaps
    // removed with little room between them (see `Diagram::page_sized`).
    let page = d.page_sized();
    if page {
        graph_attrs.push(attr("sep", "+1"));
    }
    if let Some(t) = &opts.title {
        graph_attrs.push(attr("label", &truncate(t, 200)));
        graph_attrs.push(attr("labelloc", "t"));
        graph_attrs.push(attr("fontsize", "16"));
    }
    [
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", FONT),
            attr("fontsize", if page { "14" } else { "11" }),
            attr("style", "filled"),
            attr("color", OUTLINE),
            attr("penwidth", "0.8"),
            attr("margin", if page { "0.04,0.02" } else { "0.12,0.05" }),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", FONT),
            attr("fontsize", "9"),
            attr("arrowsize", "0.7"),
            attr("penwidth", "1.2"),
        ])),
    ]
}

/// The actors' node statements, one object rebuilt in place per actor.
struct NodeStmts<'a> {
    d: &'a Diagram<'a>,
    hl: &'a Highlight,
    node: StmtBuf,
    /// Scratch for labels and tooltips.
    text: String,
}

impl NodeStmts<'_> {
    /// The statement of actor `i`. A highlight (a path) is drawn thick and
    /// outlined in red, with class "highlight" for SVG styling; everything
    /// else is dimmed around it.
    fn of(&mut self, i: usize) -> &Stmt {
        let (d, node, text) = (self.d, &mut self.node, &mut self.text);
        let a = d.nodes[i];
        let (shape, fill) = kind_style(a.kind);
        node.start_node(&a.id);
        node_label_into(text, a);
        node.attr("label", |v| push_quoted(v, text));
        node.attr("shape", |v| push_quoted(v, shape));
        node.attr("fillcolor", |v| push_quoted(v, fill));
        actor_tooltip_into(text, a);
        node.attr("tooltip", |v| push_quoted(v, text));
        if !self.hl.is_empty() {
            if self.hl.has_actor(&a.id) {
                node.attr("color", |v| push_quoted(v, HIGHLIGHT));
                node.attr("penwidth", |v| push_quoted(v, "3"));
                node.attr("class", |v| push_quoted(v, "highlight"));
            } else {
                node.attr("color", |v| push_quoted(v, DIMMED_LINE));
                node.attr("fontcolor", |v| push_quoted(v, DIMMED_TEXT));
            }
        }
        &node.stmt
    }
}

/// Every actor's statement: those of a cluster in its box, isolated actors in
/// a box of their own (when some are and others are not), the rest after.
fn emit_nodes(d: &Diagram, opts: &DotOptions, emit: &mut dyn FnMut(&Stmt)) {
    let mut nodes = NodeStmts {
        d,
        hl: &opts.highlight,
        node: StmtBuf::node(),
        text: String::new(),
    };
    let mut placed = vec![false; d.nodes.len()];
    for (k, c) in d.clusters.iter().enumerate() {
        let mut sub = vec![
            Stmt::Attribute(attr("label", &truncate(&c.label, MAX_LABEL))),
            Stmt::Attribute(attr("style", "rounded,filled")),
            Stmt::Attribute(attr("fillcolor", "#f7f7f4")),
            Stmt::Attribute(attr("color", "#c8c8c0")),
            Stmt::Attribute(attr("fontsize", "12")),
        ];
        for &i in &c.members {
            placed[i] = true;
            sub.push(nodes.of(i).clone());
        }
        emit(&Stmt::Subgraph(Subgraph {
            id: Id::Plain(format!("cluster_country_{k}")),
            stmts: sub,
        }));
    }
    let isolated_box = d.isolated.len() > 1 && d.isolated.len() < d.nodes.len();
    if isolated_box {
        // A grid: each node points invisibly at the one below it in its column.
        let cols = (d.isolated.len() as f64).sqrt().ceil() as usize;
        let mut sub = vec![
            Stmt::Attribute(attr("label", "No relation found")),
            Stmt::Attribute(attr("style", "rounded")),
            Stmt::Attribute(attr("color", "#c8c8c0")),
            Stmt::Attribute(attr("fontsize", "10")),
        ];
        for &i in &d.isolated {
            if !placed[i] {
                placed[i] = true;
                sub.push(nodes.of(i).clone());
            }
        }
        for (k, &i) in d.isolated.iter().enumerate() {
            if let Some(&below) = d.isolated.get(k + cols) {
                sub.push(invisible_edge(&d.nodes[i].id, &d.nodes[below].id));
            }
        }
        emit(&Stmt::Subgraph(Subgraph {
            id: Id::Plain("cluster_isolated".into()),
            stmts: sub,
        }));
    }
    for (i, done) in placed.iter().enumerate() {
        if !done {
            emit(nodes.of(i));
        }
    }
}

/// Every drawn edge's statement, one object rebuilt in place per edge.
fn emit_edges(d: &Diagram, opts: &DotOptions, emit: &mut dyn FnMut(&Stmt)) {
    let hl = &opts.highlight;
    let highlighting = !hl.is_empty();
    // Every actor's quoted id, once, side by side in one buffer: edges name
    // actors in no particular order, and 200,000 separately allocated ids are
    // 200,000 places in memory to miss.
    let mut ids = String::with_capacity(d.nodes.len() * 24);
    let mut id_end = Vec::with_capacity(d.nodes.len() + 1);
    id_end.push(0);
    for a in &d.nodes {
        push_quoted(&mut ids, &a.id);
        id_end.push(ids.len());
    }
    let id = |i: usize| &ids[id_end[i]..id_end[i + 1]];
    let mut edge = StmtBuf::edge();
    let mut evidence: Vec<(&str, &str)> = Vec::with_capacity(BATCH);
    for edges in d.edges.chunks(BATCH) {
        // The evidence of a batch of edges first, in a tight loop: each is a
        // chain of reads at random places (relation, string table, text), and
        // with nothing else in between the processor follows many chains at
        // once; interleaved with the writing, their cache misses came one by one.
        evidence.clear();
        evidence.extend(
            edges
                .iter()
                .map(|e| d.evidence(d.relations[e.relations.start])),
        );
        for (k, e) in edges.iter().enumerate() {
            let t = e.kind;
            let on_path = highlighting && d.edge_highlighted(e, hl);
            let color = if highlighting && !on_path {
                DIMMED_LINE
            } else {
                relation_color(t)
            };
            edge.start(id(e.source), id(e.target));
            if d.edge_labels {
                edge.attr("label", |v| push_quoted(v, &d.edge_label(e)));
                edge.attr("fontcolor", |v| push_quoted(v, color));
            }
            edge.attr("color", |v| push_quoted(v, color));
            if relation_line(t) != "solid" {
                edge.attr("style", |v| push_quoted(v, relation_line(t)));
            }
            if relation_arrow(t) != "normal" {
                edge.attr("arrowhead", |v| push_quoted(v, relation_arrow(t)));
            }
            if on_path {
                edge.attr("penwidth", |v| push_quoted(v, "3.5"));
                edge.attr("class", |v| push_quoted(v, "highlight"));
            } else if e.count() > 1 {
                let w = 1.2 + (e.count() as f64).log2().min(4.0) * 0.6;
                edge.attr("penwidth", |v| {
                    let _ = write!(v, "\"{w:.1}\"");
                });
            }
            edge.attr("tooltip", |v| push_edge_tooltip(v, d, e, evidence[k]));
            emit(&edge.stmt);
        }
    }
}

/// The legend: a box holding one HTML-like table.
fn legend_stmt(d: &Diagram, highlighting: bool) -> Stmt {
    Stmt::Subgraph(Subgraph {
        id: Id::Plain("cluster_legend".into()),
        stmts: vec![
            Stmt::Attribute(attr("label", "Legend")),
            Stmt::Attribute(attr("fontsize", "10")),
            Stmt::Attribute(attr("style", "rounded")),
            Stmt::Attribute(attr("color", "#c8c8c0")),
            Stmt::Node(Node::new(
                node_id(LEGEND_ID),
                vec![
                    Attribute(
                        Id::Plain("label".into()),
                        Id::Html(legend_table(d, highlighting)),
                    ),
                    attr("shape", "plaintext"),
                    attr("style", "solid"),
                    attr("margin", "0"),
                ],
            )),
        ],
    })
}

/// Rows of disconnected parts: the tops of a row's parts share a rank, and an
/// invisible edge hangs each row below the deepest node of the previous one
/// (and the legend, when drawn, below the last row).
fn emit_rows(d: &Diagram, legend: bool, emit: &mut dyn FnMut(&Stmt)) {
    let mut prev_bottom: Option<usize> = None;
    for row in &d.rows {
        if row.len() > 1 {
            let mut same = vec![Stmt::Attribute(attr("rank", "same"))];
            for p in row {
                same.push(Stmt::Node(Node::new(node_id(&d.nodes[p.top].id), vec![])));
            }
            emit(&Stmt::Subgraph(Subgraph {
                id: Id::Anonymous(String::new()),
                stmts: same,
            }));
        }
        if let (Some(b), Some(first)) = (prev_bottom, row.first()) {
            emit(&invisible_edge(&d.nodes[b].id, &d.nodes[first.top].id));
        }
        prev_bottom = row
            .iter()
            .max_by_key(|p| p.depth)
            .map(|p| p.bottom)
            .or(prev_bottom);
    }
    if let (Some(b), true) = (prev_bottom, legend) {
        emit(&invisible_edge(&d.nodes[b].id, LEGEND_ID));
    }
}

/// Appends a text as a DOT quoted string (what [`quote`] makes, without the
/// allocation).
fn push_quoted(out: &mut String, s: &str) {
    out.push('"');
    push_escaped(out, s);
    out.push('"');
}

/// Appends the evidence tooltip of an edge as a quoted string, escaped as it is
/// written (one pass, no allocation for the common single-relation edge: this
/// runs once per edge of diagrams with a million edges).
fn push_edge_tooltip(out: &mut String, d: &Diagram, e: &EdgeGroup, first: (&str, &str)) {
    let (doc, text) = first;
    if e.count() == 1 && text.len() + doc.len() < d.max_tooltip {
        out.push_str("\"[");
        push_escaped(out, doc);
        out.push_str("] ");
        push_escaped(out, text);
        out.push('"');
        return;
    }
    push_quoted(out, &d.edge_tooltip(e));
}

/// One node or edge statement of the graphviz-rust model, rebuilt in place for
/// every node or edge of a diagram: its strings and attribute list keep their
/// buffers from one to the next, so a million edges cost no allocation each
/// (building a fresh `Stmt` per edge, with two owned strings per attribute, was
/// most of the time of a million-edge DOT export).
struct StmtBuf {
    stmt: Stmt,
    /// Attributes of earlier statements not used by the current one, kept for reuse.
    spare: Vec<Attribute>,
}

impl StmtBuf {
    fn edge() -> StmtBuf {
        let end = || Vertex::N(NodeId(Id::Escaped(String::new()), None));
        StmtBuf {
            stmt: Stmt::Edge(Edge {
                ty: EdgeTy::Pair(end(), end()),
                attributes: Vec::new(),
            }),
            spare: Vec::new(),
        }
    }

    fn node() -> StmtBuf {
        StmtBuf {
            stmt: Stmt::Node(Node::new(
                NodeId(Id::Escaped(String::new()), None),
                Vec::new(),
            )),
            spare: Vec::new(),
        }
    }

    /// Starts the next edge: its two ends (quoted ids) and no attribute yet.
    fn start(&mut self, source: &str, target: &str) {
        let Stmt::Edge(Edge { ty, attributes }) = &mut self.stmt else {
            return;
        };
        if let EdgeTy::Pair(Vertex::N(NodeId(a, _)), Vertex::N(NodeId(b, _))) = ty {
            set_escaped(a, source);
            set_escaped(b, target);
        }
        self.spare.append(attributes);
    }

    /// Starts the next node: its id (any text: it is quoted here) and no
    /// attribute yet.
    fn start_node(&mut self, id: &str) {
        let Stmt::Node(Node {
            id: NodeId(n, _),
            attributes,
        }) = &mut self.stmt
        else {
            return;
        };
        match n {
            Id::Escaped(t) => {
                t.clear();
                push_quoted(t, id);
            }
            n => *n = quote(id),
        }
        self.spare.append(attributes);
    }

    /// Adds attribute `key`, its value a quoted string that `write` appends to
    /// an empty buffer.
    fn attr(&mut self, key: &str, write: impl FnOnce(&mut String)) {
        let mut a = self
            .spare
            .pop()
            .unwrap_or_else(|| Attribute(Id::Plain(String::new()), Id::Escaped(String::new())));
        if let Id::Plain(k) = &mut a.0 {
            k.clear();
            k.push_str(key);
        } else {
            a.0 = Id::Plain(key.to_string());
        }
        match &mut a.1 {
            Id::Escaped(v) => {
                v.clear();
                write(v);
            }
            v => {
                let mut s = String::new();
                write(&mut s);
                *v = Id::Escaped(s);
            }
        }
        match &mut self.stmt {
            Stmt::Edge(Edge { attributes, .. }) | Stmt::Node(Node { attributes, .. }) => {
                attributes.push(a)
            }
            _ => {}
        }
    }
}

/// Makes `to` the escaped (quoted) id `quoted`, reusing `to`'s buffer.
fn set_escaped(to: &mut Id, quoted: &str) {
    match to {
        Id::Escaped(t) => {
            t.clear();
            t.push_str(quoted);
        }
        to => *to = Id::Escaped(quoted.to_string()),
    }
}

/// Edges whose evidence is looked up together (see `emit_stmts`).
const BATCH: usize = 64;

fn invisible_edge(a: &str, b: &str) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(node_id(a)), Vertex::N(node_id(b))),
        attributes: vec![attr("style", "invis")],
    })
}

/// The legend as a Graphviz HTML-like table: a swatch per actor kind, a coloured
/// line per relation type (two columns), and how many actors were left out. Only
/// fixed words and numbers go in, never text from the data.
fn legend_table(d: &Diagram, highlighting: bool) -> String {
    let rows = d.kinds.len().max(d.types.len().div_ceil(2));
    let mut t =
        String::from("<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"1\">");
    for r in 0..rows {
        t.push_str("<TR>");
        match d.kinds.get(r) {
            Some(&k) => {
                let (_, fill) = kind_style(k);
                t.push_str(&format!(
                    "<TD BGCOLOR=\"{fill}\" BORDER=\"1\" COLOR=\"{OUTLINE}\" CELLPADDING=\"3\"><FONT POINT-SIZE=\"9\">{k}</FONT></TD><TD WIDTH=\"8\"></TD>"
                ));
            }
            None => t.push_str("<TD></TD><TD></TD>"),
        }
        for c in 0..2 {
            match d.types.get(r * 2 + c) {
                Some(&ty) => {
                    let line = if relation_line(ty) == "dashed" {
                        "- - - -"
                    } else {
                        "———"
                    };
                    t.push_str(&format!(
                        "<TD ALIGN=\"RIGHT\"><FONT COLOR=\"{}\" POINT-SIZE=\"9\">{line}</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">{ty}</FONT></TD>",
                        relation_color(ty)
                    ));
                }
                None => t.push_str("<TD></TD><TD></TD>"),
            }
        }
        t.push_str("</TR>");
    }
    let mut notes = d.legend_notes();
    if highlighting {
        notes.push("thick lines, dark outlines: the path asked for".to_string());
    }
    for n in notes {
        t.push_str(&format!(
            "<TR><TD COLSPAN=\"6\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#666666\">{n}</FONT></TD></TR>"
        ));
    }
    t.push_str("</TABLE>>");
    t
}

/// The DOT source of a graph.
pub fn to_dot(g: &NewsGraph, opts: &DotOptions) -> String {
    diagram_to_dot(&diagram(g, opts), opts)
}

/// Prints a graphviz-rust model as DOT text in one linear pass.
pub fn print(g: &Graph) -> String {
    let (kw, id, strict, stmts) = match g {
        Graph::DiGraph { id, strict, stmts } => ("digraph", id, *strict, stmts),
        Graph::Graph { id, strict, stmts } => ("graph", id, *strict, stmts),
    };
    let directed = kw == "digraph";
    let mut out = String::with_capacity(64 + stmts.len() * 96);
    if strict {
        out.push_str("strict ");
    }
    out.push_str(kw);
    out.push(' ');
    push_id(&mut out, id);
    out.push_str(" {\n");
    for s in stmts {
        push_stmt(&mut out, s, 1, directed);
    }
    out.push_str("}\n");
    out
}

fn push_id(out: &mut String, id: &Id) {
    match id {
        Id::Html(s) | Id::Escaped(s) | Id::Plain(s) => out.push_str(s),
        Id::Anonymous(_) => {}
    }
}

fn push_attrs(out: &mut String, attrs: &[Attribute]) {
    if attrs.is_empty() {
        return;
    }
    out.push('[');
    for (i, Attribute(k, v)) in attrs.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_id(out, k);
        out.push('=');
        push_id(out, v);
    }
    out.push(']');
}

fn push_node_id(out: &mut String, n: &NodeId) {
    push_id(out, &n.0);
    if let Some(Port(id, compass)) = &n.1 {
        if let Some(id) = id {
            out.push(':');
            push_id(out, id);
        }
        if let Some(c) = compass {
            out.push(':');
            out.push_str(c);
        }
    }
}

fn push_vertex(out: &mut String, v: &Vertex, depth: usize, directed: bool) {
    match v {
        Vertex::N(n) => push_node_id(out, n),
        Vertex::S(s) => push_subgraph(out, s, depth, directed),
    }
}

fn push_subgraph(out: &mut String, s: &Subgraph, depth: usize, directed: bool) {
    out.push_str("subgraph ");
    push_id(out, &s.id);
    out.push_str(" {\n");
    for st in &s.stmts {
        push_stmt(out, st, depth + 1, directed);
    }
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push('}');
}

fn push_stmt(out: &mut String, s: &Stmt, depth: usize, directed: bool) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    match s {
        Stmt::Node(n) => {
            push_node_id(out, &n.id);
            push_attrs(out, &n.attributes);
        }
        Stmt::Edge(e) => {
            let arrow = if directed { " -> " } else { " -- " };
            match &e.ty {
                EdgeTy::Pair(a, b) => {
                    push_vertex(out, a, depth, directed);
                    out.push_str(arrow);
                    push_vertex(out, b, depth, directed);
                }
                EdgeTy::Chain(vs) => {
                    for (i, v) in vs.iter().enumerate() {
                        if i > 0 {
                            out.push_str(arrow);
                        }
                        push_vertex(out, v, depth, directed);
                    }
                }
            }
            push_attrs(out, &e.attributes);
        }
        Stmt::Attribute(Attribute(k, v)) => {
            push_id(out, k);
            out.push('=');
            push_id(out, v);
        }
        Stmt::GAttribute(ga) => {
            let (kw, attrs) = match ga {
                GraphAttributes::Graph(a) => ("graph", a),
                GraphAttributes::Node(a) => ("node", a),
                GraphAttributes::Edge(a) => ("edge", a),
            };
            out.push_str(kw);
            push_attrs(out, attrs);
        }
        Stmt::Subgraph(sg) => push_subgraph(out, sg, depth, directed),
    }
    out.push('\n');
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, Evidence, Relation, RelationType};

    /// Hostile texts: every one must survive a round trip through DOT.
    const HOSTILE: &[&str] = &[
        "plain",
        "with \"quotes\"",
        "back\\slash\\",
        "ends with \\",
        "\\N \\G \\l graphviz escapes",
        "<script>alert(1)</script>&amp;",
        "a{b}c:d;e[f]=g -> h",
        "אבג right-to-left \u{202e}override",
        "emoji 🎉 and ümlaut",
    ];

    fn parse_label(quoted: &Id) -> String {
        let Id::Escaped(x) = quoted else {
            panic!("quote gives an escaped id")
        };
        let dot = format!("digraph {{ n [label={x}] }}");
        let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{x}: {e}"));
        let Graph::DiGraph { stmts, .. } = parsed else {
            panic!("a digraph")
        };
        let Stmt::Node(n) = &stmts[0] else {
            panic!("a node")
        };
        unquote(&n.attributes[0].1)
    }

    #[test]
    fn quote_round_trips_hostile_text() {
        for s in HOSTILE {
            assert_eq!(parse_label(&quote(s)), *s);
        }
        let big = "x\"y\\".repeat(2000);
        assert_eq!(parse_label(&quote(&big)), big);
        // Past Graphviz's limit: shortened, with an ellipsis.
        let huge = "x&y".repeat(10_000);
        let cut = parse_label(&quote(&huge));
        assert!(cut.ends_with('…') && huge.starts_with(cut.trim_end_matches('…')));
        let Id::Escaped(q) = quote(&huge) else {
            panic!("escaped")
        };
        assert!(q.len() <= MAX_STRING_BYTES + 2);
    }

    #[test]
    fn line_breaks_become_spaces_and_controls_vanish() {
        assert_eq!(unquote(&quote("a\nb\r\nc\u{2028}d")), "a b  c d");
        assert_eq!(unquote(&quote("a\u{0}b\u{7}c")), "abc");
    }

    fn hostile_graph() -> NewsGraph {
        let mut g = NewsGraph::new();
        for (i, name) in HOSTILE.iter().enumerate() {
            g.add_actor(Actor {
                id: format!("id-{i}-{name}"),
                name: name.to_string(),
                kind: ActorKind::ALL[i % 4],
                country: Some("IRQ".into()),
                aliases: vec![name.to_string()],
            });
        }
        for (i, name) in HOSTILE.iter().enumerate().skip(1) {
            g.add_relation(Relation {
                source: format!("id-0-{}", HOSTILE[0]),
                target: format!("id-{i}-{name}"),
                kind: RelationType::ALL[i % 13],
                cameo: None,
                date: None,
                planned: false,
                evidence: Evidence {
                    doc: name.to_string(),
                    sentence: i,
                    start: 0,
                    end: 1,
                    trigger: "t".into(),
                    text: name.to_string(),
                    rule: None,
                },
            });
        }
        g
    }

    #[test]
    fn streamed_printing_equals_the_model_and_parses_back() {
        let g = hostile_graph();
        for cluster in [ClusterBy::None, ClusterBy::Country] {
            let opts = DotOptions {
                cluster,
                title: Some("a \"title\" \\".into()),
                ..Default::default()
            };
            let model = to_graph(&g, &opts);
            let text = to_dot(&g, &opts);
            assert_eq!(print(&model), text);
            let parsed = graphviz_rust::parse(&text).expect("DOT parses back");
            let mut labels = Vec::new();
            fn walk(stmts: &[Stmt], out: &mut Vec<String>) {
                for s in stmts {
                    match s {
                        Stmt::Node(n) => out.extend(
                            n.attributes
                                .iter()
                                .filter(|a| unquote(&a.0) == "label")
                                .map(|a| unquote(&a.1)),
                        ),
                        Stmt::Subgraph(sg) => walk(&sg.stmts, out),
                        _ => {}
                    }
                }
            }
            let Graph::DiGraph { stmts, .. } = &parsed else {
                panic!("a digraph")
            };
            walk(stmts, &mut labels);
            for name in HOSTILE {
                assert!(labels.iter().any(|l| l == name), "{name:?} in {labels:?}");
            }
        }
    }

    #[test]
    fn output_is_deterministic() {
        let g = hostile_graph();
        let opts = DotOptions::default();
        assert_eq!(to_dot(&g, &opts), to_dot(&g.clone(), &opts));
    }
}
