//! `newsgraph build INPUT... [--out DIR] [--store PATH] [--engine ...]`
//!
//! The main job in one command: extracts the inputs into a fresh store
//! (`DIR/newsgraph.store` unless `--store` is given), writes `DIR/graph.dot` and
//! `DIR/graph.svg`, and prints a summary: documents, actors, relations by type,
//! and where the files are.

use anyhow::Result;
use newsgraph::export::dot::{to_dot, DotOptions};
use newsgraph::export::svg::{render, Engine, Renderer};
use newsgraph::extract::{extract_document, Options};
use newsgraph::graph::merge::merge_into;
use newsgraph::graph::store;
use newsgraph::input::read_inputs;
use newsgraph::{NewsGraph, RelationType};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Text files or folders to read.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the store and the diagrams.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Store file (default: OUT/newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
    /// SVG layout engine: auto, dot, neato, sfdp or builtin.
    #[arg(long, default_value = "auto")]
    engine: String,
}

pub fn run(args: Args) -> Result<()> {
    std::fs::create_dir_all(&args.out)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.out.display()))?;
    let store_path = args
        .store
        .clone()
        .unwrap_or_else(|| args.out.join("newsgraph.store"));
    let docs = read_inputs(&args.inputs)?;
    let mut g = NewsGraph::new();
    for d in &docs {
        merge_into(
            &mut g,
            extract_document(&d.doc, &d.text, Options::default()).extraction,
        );
    }
    store::save(&g, &store_path)?;
    let opts = DotOptions::default();
    let dot_path = args.out.join("graph.dot");
    std::fs::write(&dot_path, to_dot(&g, &opts))
        .map_err(|e| anyhow::anyhow!("{}: {e}", dot_path.display()))?;
    let svg_path = args.out.join("graph.svg");
    let (svg, renderer) = render(&g, &opts, args.engine.parse::<Engine>()?)?;
    std::fs::write(&svg_path, svg).map_err(|e| anyhow::anyhow!("{}: {e}", svg_path.display()))?;
    println!("documents  {}", g.documents.len());
    println!("actors     {}", g.actor_count());
    println!("relations  {}", g.relation_count());
    for t in RelationType::ALL {
        let n = g.relations().iter().filter(|r| r.kind == t).count();
        if n > 0 {
            println!("  {:<12}{n}", t.as_str());
        }
    }
    println!("store      {}", store_path.display());
    println!(
        "diagram    {} and {}",
        dot_path.display(),
        svg_path.display()
    );
    if renderer == Renderer::Builtin {
        println!("note: drawn with the embedded renderer; install Graphviz (apt-get install graphviz) for a better layout");
    }
    Ok(())
}
