//! Exports: diagrams (DOT, SVG, PNG, PDF, HTML, Mermaid) and interchange formats
//! (node-link JSON, GraphML, CSV for neo4j-admin).
//!
//! Every diagram draws from one view of the graph ([`diagram`]) and one style
//! ([`style`]); every format escapes text from the data through one function of
//! its own (`dot::quote`, `xml::escape`, `mermaid::label`, `csv::field`).

pub mod builtin;
pub mod csv;
pub mod diagram;
pub mod dot;
pub mod graphml;
pub mod graphviz;
pub mod html;
pub mod json;
pub mod layout;
pub mod mermaid;
pub mod raster;
pub mod style;
pub mod svg;
pub mod xml;

use crate::error::Error;
use std::str::FromStr;

/// Output formats of `newsgraph export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT source.
    Dot,
    /// SVG diagram (Graphviz when installed, else the embedded renderer).
    Svg,
    /// PNG image (Graphviz).
    Png,
    /// PDF document (Graphviz).
    Pdf,
    /// Node-link JSON (networkx `node_link_graph`, d3).
    Json,
    /// GraphML with typed keys (yEd, Gephi, Cytoscape, networkx).
    Graphml,
    /// Mermaid flowchart for Markdown.
    Mermaid,
    /// CSV files for `neo4j-admin database import` (written into a folder).
    Csv,
    /// One self-contained HTML report (diagram, legend, tables).
    Html,
    /// A Cypher script that creates the graph in Neo4j, Memgraph or FalkorDB.
    Cypher,
}

impl Format {
    /// Every format name accepted on the command line, for help and errors.
    pub const NAMES: &'static str = "dot, svg, png, pdf, html, json, graphml, mermaid, csv, cypher";

    /// Whether the format is binary (not text).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Png | Format::Pdf)
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Mermaid => "mmd",
            Format::Csv => "csv",
            Format::Html => "html",
            Format::Cypher => "cypher",
        }
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "dot" | "gv" => Ok(Format::Dot),
            "svg" => Ok(Format::Svg),
            "png" => Ok(Format::Png),
            "pdf" => Ok(Format::Pdf),
            "json" => Ok(Format::Json),
            "graphml" => Ok(Format::Graphml),
            "mermaid" | "mmd" => Ok(Format::Mermaid),
            "csv" | "neo4j" => Ok(Format::Csv),
            "html" | "htm" => Ok(Format::Html),
            "cypher" | "cql" => Ok(Format::Cypher),
            other => Err(Error::Invalid(format!(
                "unknown export format {other:?} (expected {})",
                Format::NAMES
            ))),
        }
    }
}

pub use diagram::DotOptions;
pub use graphviz::Engine;

/// Options of [`export`]: the diagram options and how to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// What the diagram shows and how it is styled.
    pub diagram: DotOptions,
    /// Layout engine for rendered formats (SVG, PNG, PDF, HTML).
    pub engine: Engine,
    /// Resolution of PNG output, in dots per inch.
    pub dpi: u32,
    /// The server a `cypher` script is written for.
    pub cypher_dialect: crate::cypher::Dialect,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            diagram: DotOptions::default(),
            engine: Engine::Auto,
            dpi: 144,
            cypher_dialect: crate::cypher::Dialect::default(),
        }
    }
}

/// What an export produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The files: one unnamed file for most formats, named files (e.g.
    /// `actors.csv`, `relations.csv`) for formats made of several.
    pub files: Vec<(Option<String>, Vec<u8>)>,
    /// Remarks for the user (which renderer drew the diagram, ...).
    pub notes: Vec<String>,
}

impl Exported {
    fn one(bytes: Vec<u8>) -> Self {
        Exported {
            files: vec![(None, bytes)],
            notes: Vec::new(),
        }
    }
}

/// Writes a graph in a format.
pub fn export(
    g: &crate::NewsGraph,
    format: Format,
    opts: &ExportOptions,
) -> crate::Result<Exported> {
    match format {
        Format::Dot => Ok(Exported::one(dot::to_dot(g, &opts.diagram).into_bytes())),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&json::to_node_link_highlighted(
                g,
                &opts.diagram.highlight,
            ))
            .map_err(|e| Error::Invalid(format!("JSON export failed: {e}")))?;
            s.push('\n');
            Ok(Exported::one(s.into_bytes()))
        }
        Format::Svg | Format::Html => {
            let graphviz = opts.engine != Engine::Builtin && graphviz::available();
            let (d, engine) = svg::prepare(g, &opts.diagram, opts.engine, graphviz);
            let (svg, renderer) = svg::render_diagram(&d, &opts.diagram, engine)?;
            let bytes = if format == Format::Html {
                html::to_html(g, &d, &opts.diagram, &svg).into_bytes()
            } else {
                svg.into_bytes()
            };
            let mut out = Exported::one(bytes);
            if renderer == svg::Renderer::Builtin && opts.engine == Engine::Auto {
                out.notes.push(
                    "drawn with the embedded renderer; install Graphviz (apt-get install graphviz) for layered layouts"
                        .into(),
                );
            }
            Ok(out)
        }
        Format::Graphml => Ok(Exported::one(graphml::to_graphml(g)?.into_bytes())),
        Format::Mermaid => Ok(Exported::one(
            mermaid::to_mermaid(g, &opts.diagram).into_bytes(),
        )),
        Format::Csv => {
            let (actors, relations) = csv::to_csv(g);
            Ok(Exported {
                files: vec![
                    (Some(csv::ACTORS_FILE.into()), actors.into_bytes()),
                    (Some(csv::RELATIONS_FILE.into()), relations.into_bytes()),
                ],
                notes: Vec::new(),
            })
        }
        Format::Png | Format::Pdf => rendered(g, format, opts),
        Format::Cypher => Ok(Exported::one(
            crate::cypher::script(g, opts.cypher_dialect).into_bytes(),
        )),
    }
}

/// PNG or PDF: drawn by Graphviz when it is there (and not declined with
/// `--engine builtin`), else the embedded renderer's SVG converted in-process.
fn rendered(g: &crate::NewsGraph, format: Format, opts: &ExportOptions) -> crate::Result<Exported> {
    let png = format == Format::Png;
    let graphviz = opts.engine != Engine::Builtin && graphviz::available();
    if !graphviz && opts.engine.graphviz_layout().is_some() && opts.engine != Engine::Auto {
        let layout = opts.engine.graphviz_layout().unwrap_or("dot");
        return Err(Error::Render(graphviz::install_hint(&format!(
            "the {layout} layout"
        ))));
    }
    let (d, engine) = svg::prepare(g, &opts.diagram, opts.engine, graphviz);
    if graphviz {
        let dot = dot::diagram_to_dot(&d, &opts.diagram);
        let what = if png { "png" } else { "pdf" };
        let dpi = png.then_some(opts.dpi);
        return Ok(Exported::one(graphviz::render(&dot, engine, what, dpi)?));
    }
    let (svg, _) = svg::render_diagram(&d, &opts.diagram, engine)?;
    let bytes = if png {
        raster::svg_to_png(&svg, opts.dpi)?
    } else {
        raster::svg_to_pdf(&svg)?
    };
    let mut out = Exported::one(bytes);
    if opts.engine == Engine::Auto {
        out.notes.push(
            "drawn with the embedded renderer; install Graphviz (apt-get install graphviz) for layered layouts"
                .into(),
        );
    }
    if !raster::has_fonts() {
        out.notes.push("no fonts found on this system: labels are not drawn (apt-get install fonts-dejavu-core)".into());
    }
    Ok(out)
}
