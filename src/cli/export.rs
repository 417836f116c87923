//! `newsgraph export --format dot|svg|json [-o FILE] [--engine auto|dot|neato|sfdp|builtin]`
//!
//! Writes the stored graph: DOT source, an SVG diagram (Graphviz when installed,
//! else the embedded renderer, with a note), or node-link JSON. Diagrams style
//! nodes by kind and edges by relation type, label edges, and carry a legend;
//! parallel edges of one type are drawn once with a count unless `--no-collapse`.

use super::print_out;
use anyhow::Result;
use newsgraph::export::dot::{to_dot, DotOptions};
use newsgraph::export::svg::{render, Engine, Renderer};
use newsgraph::export::{json, Format};
use newsgraph::graph::store;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Output format: dot, svg or json.
    #[arg(long, default_value = "dot")]
    format: String,
    /// Output file (default: stdout).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
    /// SVG layout engine: auto, dot, neato, sfdp or builtin.
    #[arg(long, default_value = "auto")]
    engine: String,
    /// Draw every relation as its own edge.
    #[arg(long)]
    no_collapse: bool,
    /// Leave the legend out.
    #[arg(long)]
    no_legend: bool,
}

pub fn run(args: Args) -> Result<()> {
    let path = store::resolve_path(args.store.as_deref());
    if !path.exists() {
        anyhow::bail!(
            "{}: no store here yet (run `newsgraph load` first)",
            path.display()
        );
    }
    let g = store::open(&path)?;
    let format: Format = args.format.parse()?;
    let opts = DotOptions {
        collapse: !args.no_collapse,
        legend: !args.no_legend,
    };
    let text = match format {
        Format::Dot => to_dot(&g, &opts),
        Format::Json => serde_json::to_string_pretty(&json::to_node_link(&g))? + "\n",
        Format::Svg => {
            let (svg, renderer) = render(&g, &opts, args.engine.parse::<Engine>()?)?;
            if renderer == Renderer::Builtin {
                eprintln!("note: drawn with the embedded renderer; install Graphviz (apt-get install graphviz) for a better layout");
            }
            svg
        }
    };
    write_output(args.output.as_deref(), &text)
}

/// Writes to a file, or to stdout when none is given.
pub fn write_output(path: Option<&std::path::Path>, text: &str) -> Result<()> {
    match path {
        Some(p) => std::fs::write(p, text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display())),
        None => print_out(text),
    }
}
