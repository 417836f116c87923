//! SVG diagrams. Graphviz renders them when the `dot` program is installed (the
//! best layout); otherwise an embedded pure-Rust renderer (layout-rs) does, so an
//! SVG can always be produced. Either way the SVG scales to its container.

use super::dot::{to_graph, DotOptions};
use crate::error::{Error, Result};
use crate::graph::NewsGraph;
use graphviz_rust::cmd::{CommandArg, Format, Layout};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::process::{Command, Stdio};

/// Layout engine for SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Graphviz when installed, else the embedded renderer.
    Auto,
    /// Graphviz `dot` (layered).
    Dot,
    /// Graphviz `neato` (spring model).
    Neato,
    /// Graphviz `sfdp` (scalable force-directed).
    Sfdp,
    /// The embedded pure-Rust renderer (layout-rs).
    Builtin,
}

impl std::str::FromStr for Engine {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "auto" => Engine::Auto,
            "dot" => Engine::Dot,
            "neato" => Engine::Neato,
            "sfdp" => Engine::Sfdp,
            "builtin" | "embedded" | "rust" => Engine::Builtin,
            other => {
                return Err(Error::Invalid(format!(
                    "unknown engine {other:?} (expected auto, dot, neato, sfdp or builtin)"
                )))
            }
        })
    }
}

/// Whether Graphviz's `dot` program can be run.
pub fn graphviz_available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What rendered an SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// Graphviz with this layout.
    Graphviz(Engine),
    /// The embedded renderer.
    Builtin,
}

/// Renders a graph to SVG with the chosen engine; returns the SVG and what rendered it.
pub fn render(g: &NewsGraph, opts: &DotOptions, engine: Engine) -> Result<(String, Renderer)> {
    let engine = match engine {
        Engine::Auto if graphviz_available() => {
            // dot's layered layout is the most readable but slows down sharply with
            // size; force-directed layouts take over for large graphs.
            if g.actor_count() <= 150 {
                Engine::Dot
            } else {
                Engine::Sfdp
            }
        }
        Engine::Auto => Engine::Builtin,
        e => e,
    };
    let graph = to_graph(g, opts);
    let svg = match engine {
        Engine::Builtin => {
            let dot = graph.print(&mut PrinterContext::default());
            return Ok((scalable(&builtin(&dot)?), Renderer::Builtin));
        }
        e => {
            let layout = match e {
                Engine::Neato => Layout::Neato,
                Engine::Sfdp => Layout::Sfdp,
                _ => Layout::Dot,
            };
            let out = graphviz_rust::exec(
                graph,
                &mut PrinterContext::default(),
                vec![CommandArg::Format(Format::Svg), CommandArg::Layout(layout)],
            )
            .map_err(|err| {
                Error::Render(format!(
                    "graphviz failed: {err} (install Graphviz, or use --engine builtin)"
                ))
            })?;
            String::from_utf8(out)
                .map_err(|_| Error::Render("graphviz returned non-UTF-8 SVG".into()))?
        }
    };
    Ok((scalable(&svg), Renderer::Graphviz(engine)))
}

/// Renders DOT source with layout-rs; its panics become errors.
pub fn builtin(dot: &str) -> Result<String> {
    let dot = dot.to_string();
    let result = std::panic::catch_unwind(move || {
        let mut parser = layout::gv::DotParser::new(&dot);
        let ast = parser
            .process()
            .map_err(|e| format!("embedded renderer could not parse the diagram: {e}"))?;
        let mut builder = layout::gv::GraphBuilder::new();
        builder.visit_graph(&ast);
        let mut vg = builder.get();
        let mut svg = layout::backends::svg::SVGWriter::new();
        vg.do_it(false, false, false, &mut svg);
        Ok::<String, String>(svg.finalize())
    });
    match result {
        Ok(Ok(s)) => Ok(s),
        Ok(Err(e)) => Err(Error::Render(e)),
        Err(_) => Err(Error::Render("the embedded renderer failed on this graph; install Graphviz (apt-get install graphviz)".into())),
    }
}

/// Drops the fixed width and height of the root `<svg>` element (keeping its
/// viewBox) so the diagram scales to the page or container it is embedded in.
pub fn scalable(svg: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_string();
    };
    let Some(len) = svg[start..].find('>') else {
        return svg.to_string();
    };
    let tag = &svg[start..start + len];
    let mut new_tag = String::with_capacity(tag.len());
    let mut rest = tag;
    // Remove ` width="..."` and ` height="..."` attributes of the root tag only.
    while let Some(pos) = rest.find(|c: char| c.is_whitespace()) {
        new_tag.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let trimmed = after.trim_start();
        let is_size = ["width=\"", "height=\""]
            .iter()
            .any(|p| trimmed.starts_with(p));
        if is_size {
            let q1 = trimmed.find('"').map(|i| i + 1).unwrap_or(0);
            let q2 = trimmed[q1..]
                .find('"')
                .map(|i| q1 + i + 1)
                .unwrap_or(trimmed.len());
            rest = &trimmed[q2..];
        } else {
            new_tag.push(' ');
            rest = trimmed;
        }
    }
    new_tag.push_str(rest);
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..start]);
    out.push_str(new_tag.trim_end());
    out.push_str(&svg[start + len..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalable_removes_root_size_only() {
        let s = r#"<?xml?><svg width="100pt" height="50pt" viewBox="0 0 100 50" xmlns="x"><rect width="3" height="4"/></svg>"#;
        let out = scalable(s);
        assert!(
            out.contains(r#"<svg viewBox="0 0 100 50" xmlns="x">"#),
            "{out}"
        );
        assert!(out.contains(r#"<rect width="3" height="4"/>"#));
    }
}
