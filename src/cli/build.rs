//! `newsgraph build INPUT... [--out DIR] [--store PATH] [diagram options] [trimming options]`
//!
//! The main job in one command: extracts the inputs into a fresh store
//! (`DIR/newsgraph.store` unless `--store` is given), writes the diagrams and
//! interchange files into DIR (see [`OUTPUTS`]; diagrams trimmed as `export`
//! trims them: `--top`, `--max-nodes`, ...), and prints a summary:
//! documents, actors, relations by type, and where the files are.

use super::export::DiagramArgs;
use super::store::StoreEdit;
use anyhow::Result;
use newsgraph::export::{export, Format};
use newsgraph::graph::store;
use newsgraph::input::records;
use newsgraph::pipeline::{list_inputs, load_records, nothing_read, LoadOptions};
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
    /// Files or folders to read (`-` for stdin), in any format `load` reads.
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
    #[command(flatten)]
    read: super::read_args::ReadArgs,
    /// Also keep announced or expected events (marked planned).
    #[arg(long)]
    include_planned: bool,
    #[command(flatten)]
    diagram: DiagramArgs,
    #[command(flatten)]
    trim: super::selection::TrimArgs,
    #[command(flatten)]
    lexicon: super::lexicon_args::LexiconArgs,
}

pub fn run(args: Args) -> Result<()> {
    let opts = args.diagram.options()?;
    let lopts = LoadOptions {
        include_planned: args.include_planned,
        lexicon: args.lexicon.load()?,
        skip_bad: args.read.skip_bad,
        ..LoadOptions::default()
    };
    let read = args.read.options(&args.inputs, None)?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| anyhow::anyhow!("{}: {e}", args.out.display()))?;
    let store_path = args
        .store
        .clone()
        .unwrap_or_else(|| args.out.join("newsgraph.store"));
    // A store already there is someone's data: checked before the work, and
    // again under the lock.
    store::check_replace(&store_path, args.force)?;
    let listed = list_inputs(&args.inputs)?;
    super::read_args::print_notes(&listed);
    // The same reading and merging as `load`, into a fresh graph: a later
    // `load` on this store knows every document by its source and content.
    let mut g = NewsGraph::new();
    let report = load_records(&mut g, records(listed.files, read), lopts, |_| {})?;
    super::read_args::print_bad(&report.bad);
    if report.documents_read() == 0 {
        anyhow::bail!("{}", nothing_read(&args.inputs, &report.bad));
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
        // Each file trimmed as `export` would trim it: diagrams capped,
        // interchange files whole unless a filter was asked for.
        let mut o = opts.clone();
        let (part, note) = args
            .trim
            .apply(g, *format, Vec::new(), &mut o.diagram.title)?;
        let out = export(part.as_ref().unwrap_or(g), *format, &o)?;
        notes.extend(note.map(|n| format!("{name}: {n}")));
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
