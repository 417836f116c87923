//! DOT diagrams, built with graphviz-rust's model (never by string concatenation).
//!
//! graphviz-rust does not escape identifiers or labels, so every string from the
//! data goes through [`quote`], the one escaping function, which yields a quoted
//! DOT string that both Graphviz and graphviz-rust's parser read back unchanged.

use super::style::{kind_style, relation_color, relation_line};
use crate::graph::model::{ActorKind, RelationType};
use crate::graph::NewsGraph;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::collections::BTreeMap;

/// Longest label or tooltip written, in characters (hostile 10 KB names stay usable).
const MAX_LABEL: usize = 120;
const MAX_TOOLTIP: usize = 600;

/// A DOT quoted string for any text: backslashes and quotes escaped, line breaks
/// turned into spaces, control characters dropped.
pub fn quote(s: &str) -> Id {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
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
    out
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn attr(k: &str, v: &str) -> Attribute {
    Attribute(Id::Plain(k.to_string()), quote(v))
}

/// Options of a DOT diagram.
#[derive(Debug, Clone)]
pub struct DotOptions {
    /// Collapse parallel edges of the same type into one edge with a count.
    pub collapse: bool,
    /// Draw the legend.
    pub legend: bool,
}

impl Default for DotOptions {
    fn default() -> Self {
        DotOptions {
            collapse: true,
            legend: true,
        }
    }
}

/// Builds the diagram of a graph as a graphviz-rust model.
pub fn to_graph(g: &NewsGraph, opts: &DotOptions) -> Graph {
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", "LR"),
            attr("fontname", "Helvetica"),
            attr("overlap", "false"),
            attr("splines", "true"),
            attr("bgcolor", "white"),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", "Helvetica"),
            attr("style", "filled"),
            attr("fontsize", "11"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", "Helvetica"),
            attr("fontsize", "9"),
        ])),
    ];
    let mut kinds_present: Vec<ActorKind> = Vec::new();
    for a in g.actors() {
        let (shape, fill) = kind_style(a.kind);
        if !kinds_present.contains(&a.kind) {
            kinds_present.push(a.kind);
        }
        let mut tip = format!("{} ({})", a.name, a.kind);
        if let Some(c) = &a.country {
            tip.push_str(&format!(", {c}"));
        }
        if !a.aliases.is_empty() {
            tip.push_str(&format!("; also: {}", a.aliases.join(", ")));
        }
        stmts.push(Stmt::Node(Node::new(
            NodeId(quote(&a.id), None),
            vec![
                attr("label", &truncate(&a.name, MAX_LABEL)),
                attr("shape", shape),
                attr("fillcolor", fill),
                attr("tooltip", &truncate(&tip, MAX_TOOLTIP)),
            ],
        )));
    }
    // Parallel edges of one type between one pair are drawn once, with a count.
    let mut groups: BTreeMap<(String, String, RelationType), Vec<usize>> = BTreeMap::new();
    let rels = g.relations();
    for (i, r) in rels.iter().enumerate() {
        let key = (r.source.clone(), r.target.clone(), r.kind);
        groups.entry(key).or_default().push(i);
    }
    let mut types_present: Vec<RelationType> = Vec::new();
    let emit = |idx: &[usize], stmts: &mut Vec<Stmt>| {
        let r = rels[idx[0]];
        let label = if idx.len() > 1 {
            format!("{} ×{}", r.kind, idx.len())
        } else {
            r.kind.to_string()
        };
        let tip: Vec<String> = idx
            .iter()
            .map(|&i| format!("[{}] {}", rels[i].evidence.doc, rels[i].evidence.text))
            .collect();
        let color = relation_color(r.kind);
        stmts.push(Stmt::Edge(Edge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quote(&r.source), None)),
                Vertex::N(NodeId(quote(&r.target), None)),
            ),
            attributes: vec![
                attr("label", &label),
                attr("color", color),
                attr("fontcolor", color),
                attr("style", relation_line(r.kind)),
                attr("tooltip", &truncate(&tip.join(" | "), MAX_TOOLTIP)),
            ],
        }));
    };
    for (key, idx) in &groups {
        if !types_present.contains(&key.2) {
            types_present.push(key.2);
        }
        if opts.collapse {
            emit(idx, &mut stmts);
        } else {
            for &i in idx {
                emit(&[i], &mut stmts);
            }
        }
    }
    if opts.legend && (!kinds_present.is_empty() || !types_present.is_empty()) {
        kinds_present.sort();
        types_present.sort();
        let mut legend: Vec<Stmt> = vec![
            Stmt::Attribute(attr("label", "Legend")),
            Stmt::Attribute(attr("fontsize", "10")),
            Stmt::Attribute(attr("color", "#bbbbbb")),
        ];
        for k in kinds_present {
            let (shape, fill) = kind_style(k);
            legend.push(Stmt::Node(Node::new(
                NodeId(quote(&format!("legend:{k}")), None),
                vec![
                    attr("label", k.as_str()),
                    attr("shape", shape),
                    attr("fillcolor", fill),
                    attr("fontsize", "9"),
                ],
            )));
        }
        for t in types_present {
            let c = relation_color(t);
            legend.push(Stmt::Node(Node::new(
                NodeId(quote(&format!("legend:{t}")), None),
                vec![
                    attr("label", &format!("— {t}")),
                    attr("shape", "plaintext"),
                    attr("style", "solid"),
                    attr("fontcolor", c),
                    attr("fontsize", "9"),
                ],
            )));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: Id::Plain("cluster_legend".into()),
            stmts: legend,
        }));
    }
    Graph::DiGraph {
        id: Id::Plain("newsgraph".into()),
        strict: false,
        stmts,
    }
}

/// The DOT source of a graph.
pub fn to_dot(g: &NewsGraph, opts: &DotOptions) -> String {
    let mut ctx = PrinterContext::default();
    to_graph(g, opts).print(&mut ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_round_trips_hostile_text() {
        for s in [
            "plain",
            "with \"quotes\"",
            "back\\slash\\",
            "<script>&amp;",
            "a{b}c:d",
            "אבג right-to-left",
            "ends with \\",
        ] {
            let id = quote(s);
            let dot = format!(
                "digraph {{ n [label={}] }}",
                match &id {
                    Id::Escaped(x) => x.clone(),
                    _ => unreachable!(),
                }
            );
            let parsed = graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            let Graph::DiGraph { stmts, .. } = parsed else {
                panic!()
            };
            let Stmt::Node(n) = &stmts[0] else { panic!() };
            assert_eq!(unquote(&n.attributes[0].1), s);
        }
    }

    #[test]
    fn newlines_become_spaces() {
        assert_eq!(unquote(&quote("a\nb")), "a b");
    }
}
