//! Mermaid flowcharts for Markdown reports (GitHub, GitLab, Obsidian render
//! them). Node ids are generated (`n0`, `n1`, ...), never taken from the data;
//! every name goes through [`label`], which keeps letters, digits, spaces and `.,-'` and
//! writes everything else as a Mermaid entity code (`#60;` for `<`), so no name
//! can close a label, start a link, inject markup or Markdown.

use super::diagram::{diagram, node_label, truncate, Diagram, DotOptions, MAX_LABEL};
use super::style::{kind_style, relation_color, relation_line, DIMMED_LINE, HIGHLIGHT, OUTLINE};
use crate::graph::NewsGraph;
use crate::model::ActorKind;
use std::fmt::Write;

/// A quoted Mermaid label for any text: letters, digits, spaces and `.,-'` as they are,
/// every other character as `#<decimal code>;`, line breaks as spaces.
pub fn label(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if c.is_alphanumeric() || matches!(c, ' ' | '.' | ',' | '-' | '\'') => out.push(c),
            c => {
                let _ = write!(out, "#{};", c as u32);
            }
        }
    }
    out.push('"');
    out
}

/// The text a [`label`] stands for (for tests and readers).
pub fn unlabel(s: &str) -> String {
    let s = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s);
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find(';').and_then(|j| {
            after[..j]
                .parse::<u32>()
                .ok()
                .and_then(char::from_u32)
                .map(|c| (c, j))
        }) {
            Some((c, j)) => {
                out.push(c);
                rest = &after[j + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Mermaid node shape brackets of an actor kind.
fn shape(k: ActorKind) -> (&'static str, &'static str) {
    match k {
        ActorKind::Person => ("([", "])"),
        ActorKind::Organization => ("[", "]"),
        ActorKind::Country => ("{{", "}}"),
        ActorKind::Place => ("[/", "\\]"),
    }
}

/// The graph as a Mermaid flowchart.
pub fn to_mermaid(g: &NewsGraph, opts: &DotOptions) -> String {
    let mut o = opts.clone();
    o.arrange_parts = false;
    diagram_to_mermaid(&diagram(g, &o), opts)
}

/// A prepared diagram as a Mermaid flowchart.
pub fn diagram_to_mermaid(d: &Diagram, opts: &DotOptions) -> String {
    let mut out = String::new();
    if let Some(t) = &opts.title {
        // Front matter title; the label escaping keeps it on one line and free of
        // YAML syntax.
        let _ = writeln!(out, "---\ntitle: {}\n---", label(&truncate(t, 200)));
    }
    out.push_str("flowchart LR\n");
    let node = |out: &mut String, i: usize, indent: &str| {
        let a = d.nodes[i];
        let (open, close) = shape(a.kind);
        let _ = writeln!(out, "{indent}n{i}{open}{}{close}", label(&node_label(a)));
    };
    let mut placed = vec![false; d.nodes.len()];
    for (k, c) in d.clusters.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph c{k}[{}]",
            label(&truncate(&c.label, MAX_LABEL))
        );
        for &i in &c.members {
            placed[i] = true;
            node(&mut out, i, "    ");
        }
        out.push_str("  end\n");
    }
    for (i, done) in placed.iter().enumerate() {
        if !done {
            node(&mut out, i, "  ");
        }
    }
    for e in &d.edges {
        let arrow = if relation_line(e.kind) == "dashed" {
            "-.->"
        } else {
            "-->"
        };
        if d.edge_labels {
            let _ = writeln!(
                out,
                "  n{} {arrow}|{}| n{}",
                e.source,
                label(&d.edge_label(e)),
                e.target
            );
        } else {
            let _ = writeln!(out, "  n{} {arrow} n{}", e.source, e.target);
        }
    }
    for k in &d.kinds {
        let (_, fill) = kind_style(*k);
        let _ = writeln!(
            out,
            "  classDef {k} fill:{fill},stroke:{OUTLINE},color:#222"
        );
        let members: Vec<String> = (0..d.nodes.len())
            .filter(|&i| d.nodes[i].kind == *k)
            .map(|i| format!("n{i}"))
            .collect();
        if !members.is_empty() {
            let _ = writeln!(out, "  class {} {k}", members.join(","));
        }
    }
    for t in &d.types {
        let idx: Vec<String> = d
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == *t)
            .map(|(i, _)| i.to_string())
            .collect();
        if !idx.is_empty() {
            let c = relation_color(*t);
            let _ = writeln!(out, "  linkStyle {} stroke:{c},color:{c}", idx.join(","));
        }
    }
    // A highlighted path: its actors outlined thick, its edges thick and dark, the
    // rest dimmed (written last, so these styles win over the per-kind and
    // per-type ones above).
    let hl = &opts.highlight;
    if !hl.is_empty() {
        let lit: Vec<String> = (0..d.nodes.len())
            .filter(|&i| hl.has_actor(&d.nodes[i].id))
            .map(|i| format!("n{i}"))
            .collect();
        if !lit.is_empty() {
            let _ = writeln!(
                out,
                "  classDef highlight stroke:{HIGHLIGHT},stroke-width:4px"
            );
            let _ = writeln!(out, "  class {} highlight", lit.join(","));
        }
        let (on, off): (Vec<usize>, Vec<usize>) =
            (0..d.edges.len()).partition(|&i| d.edge_highlighted(&d.edges[i], hl));
        let list = |v: &[usize]| {
            v.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        if !off.is_empty() {
            let _ = writeln!(
                out,
                "  linkStyle {} stroke:{DIMMED_LINE},color:{DIMMED_LINE}",
                list(&off)
            );
        }
        if !on.is_empty() {
            let _ = writeln!(
                out,
                "  linkStyle {} stroke:{HIGHLIGHT},stroke-width:4px,color:{HIGHLIGHT}",
                list(&on)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_only_letters_digits_and_spaces_raw() {
        for s in [
            "Anthony Blinken",
            "a \"quoted\" name",
            "<script>alert(1)</script>",
            "[x]{y}(z)|w|",
            "`md` **bold** #35; &amp;",
            "אבג right-to-left",
            "line\nbreak",
        ] {
            let l = label(s);
            let inner = &l[1..l.len() - 1];
            assert!(
                inner
                    .chars()
                    .all(|c| c.is_alphanumeric() || " #;.,-'".contains(c)),
                "{l}"
            );
            assert_eq!(unlabel(&l), s.replace('\n', " "));
        }
    }
}
