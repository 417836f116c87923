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
use newsgraph::graph::store;
use newsgraph::input::text::read_inputs_limited;
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
    /// Replace the store if it exists (a readable store only: a file that is
    /// not one is never replaced).
    #[arg(long)]
    force: bool,
    /// Largest document read, e.g. 64M, 1G; checked while reading.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = super::parse_size)]
    max_doc_size: u64,
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
    // A store already there is someone's data: checked before the work, and
    // again under the lock.
    store::check_replace(&store_path, args.force)?;
    let (docs, skipped) = read_inputs_limited(&args.inputs, args.max_doc_size)?;
    for note in &skipped {
        eprintln!("note: {}", newsgraph::error::one_line(note));
    }
    let mut g = NewsGraph::new();
    // Extraction runs in parallel across documents; merging stays in input order.
    for r in extract_many(&docs, xopts) {
        merge_into(&mut g, r.extraction);
    }
    for d in &docs {
        if !d.source.is_empty() {
            g.set_doc_source(&d.doc.id, &d.source);
        }
    }
    // A fresh store, but written under its lock: a `load` running on the same
    // file finishes first instead of racing this write.
    let st = StoreEdit::replace(store_path, g)?;
    // Under the lock: a store that appeared meanwhile is not replaced either.
    store::check_replace(&st.path, args.force)?;
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
            newsgraph::fsio::write_bytes_atomic(&path, &bytes)?;
            written.push(path.display().to_string());
        }
    }
    outln!("documents  {}", g.documents.len());
    outln!("actors     {}", g.actor_count());
    outln!("relations  {}", g.relation_count());
    for t in RelationType::ALL {
        let n = g.relations().iter().filter(|r| r.kind == t).count();
        if n > 0 {
            outln!("  {:<12}{n}", t.as_str());
        }
    }
    outln!("store      {}", store_path.display());
    outln!("diagram    {}", written.join(", "));
    for n in notes {
        outln!("note: {n}");
    }
    Ok(())
}
