//! SVG diagrams. Graphviz renders them when installed (the best layouts);
//! otherwise the embedded pure-Rust renderer does, so an SVG can always be
//! produced. Either way the SVG scales to its container (viewBox, no fixed size).

use super::builtin;
use super::diagram::{diagram, Diagram, DotOptions};
use super::dot::diagram_to_dot;
pub use super::graphviz::Engine;
use super::graphviz::{self, resolve};
use crate::error::{Error, Result};
use crate::graph::NewsGraph;

/// Whether Graphviz's `dot` program can be run.
pub fn graphviz_available() -> bool {
    graphviz::available()
}

/// What rendered an SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    /// Graphviz with this layout.
    Graphviz(Engine),
    /// The embedded renderer.
    Builtin,
}

/// The diagram view for an engine: the row arrangement only helps `dot`.
pub fn prepare<'g>(
    g: &'g NewsGraph,
    opts: &DotOptions,
    engine: Engine,
    graphviz: bool,
) -> (Diagram<'g>, Engine) {
    let mut d = diagram(g, opts);
    let engine = resolve(engine, d.nodes.len(), d.edges.len(), graphviz);
    if engine != Engine::Dot {
        d.rows.clear();
        d.straight_edges = true;
    }
    (d, engine)
}

/// Renders a graph to SVG with the chosen engine; returns the SVG and what rendered it.
pub fn render(g: &NewsGraph, opts: &DotOptions, engine: Engine) -> Result<(String, Renderer)> {
    let graphviz = engine != Engine::Builtin && graphviz_available();
    let (d, engine) = prepare(g, opts, engine, graphviz);
    render_diagram(&d, opts, engine)
}

/// Renders a prepared diagram to SVG with a resolved engine.
pub fn render_diagram(
    d: &Diagram,
    opts: &DotOptions,
    engine: Engine,
) -> Result<(String, Renderer)> {
    if engine == Engine::Builtin || engine == Engine::Auto {
        return Ok((builtin::render(d, opts), Renderer::Builtin));
    }
    let dot = diagram_to_dot(d, opts);
    let bytes = graphviz::render(&dot, engine, "svg", None)?;
    let svg = String::from_utf8(bytes)
        .map_err(|_| Error::Render("Graphviz returned an SVG that is not UTF-8".into()))?;
    Ok((scalable(&svg), Renderer::Graphviz(engine)))
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
