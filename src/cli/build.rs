//! `newsgraph build INPUT... [--out DIR] [--store PATH] [diagram options]`
//!
//! The main job in one command: extracts the inputs into a fresh store
//! (`DIR/newsgraph.store` unless `--store` is given), writes the diagrams and
//! interchange files into DIR (see [`OUTPUTS`]), and prints a summary:
//! documents, actors, relations by type, and where the files are.

use super::export::DiagramArgs;
use super::store::StoreEdit;
use anyhow::Result;
use newsgraph::export::{export, Format};
use newsgraph::extract::Options;
use newsgraph::graph::merge::merge_into;
use newsgraph::input::read_inputs;
use newsgraph::pipeline::extract_many;
use newsgraph::{NewsGraph, RelationType};
use std::path::PathBuf;

/// The files `build` writes into its folder, with their formats.
pub const OUTPUTS: &[(&str, Format)] = &[
    ("graph.dot", Format::Dot),
    ("graph.svg", Format::Svg),
    ("graph.html", Format::Html),
    ("graph.json", Format::Json),
    ("graph.graphml", Format::Graphml),
    ("graph.mmd", Format::Mermaid),
];

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
    #[command(flatten)]
    diagram: DiagramArgs,
    #[command(flatten)]
    lexicon: super::lexicon_args::LexiconArgs,
}

pub fn run(args: Args) -> Result<()> {
    let opts = args.diagram.options()?;
    let xopts = Options {
        lexicon: args.lexicon.load()?,
        ..Options::default()
    };
    std::fs::create_dir_all(&args.out)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.out.display()))?;
    let store_path = args
        .store
        .clone()
        .unwrap_or_else(|| args.out.join("newsgraph.store"));
    let docs = read_inputs(&args.inputs)?;
    let mut g = NewsGraph::new();
    // Extraction runs in parallel across documents; merging stays in input order.
    for r in extract_many(&docs, xopts) {
        merge_into(&mut g, r.extraction);
    }
    // A fresh store, but written under its lock: a `load` running on the same
    // file finishes first instead of racing this write.
    let st = StoreEdit::replace(store_path, g)?;
    st.save_as_is()?;
    let (g, store_path) = (&st.graph, &st.path);
    let mut written = Vec::new();
    let mut notes = Vec::new();
    for (name, format) in OUTPUTS {
        let out = export(g, *format, &opts)?;
        notes.extend(out.notes);
        for (sub, bytes) in out.files {
            let path = match sub {
                Some(s) => args.out.join(s),
                None => args.out.join(name),
            };
            std::fs::write(&path, bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            written.push(path.display().to_string());
        }
    }
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
    println!("diagram    {}", written.join(", "));
    for n in notes {
        println!("note: {n}");
    }
    Ok(())
}
