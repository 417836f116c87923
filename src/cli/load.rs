//! `newsgraph load INPUT... [--store PATH]`
//!
//! Extracts documents and merges them into the store (default `newsgraph.store`
//! in the current folder, or `$NEWSGRAPH_STORE`). A document whose id is already
//! in the store is skipped, so loading the same folder twice changes nothing.

use anyhow::Result;
use newsgraph::extract::{extract_document, Options};
use newsgraph::graph::merge::merge_into;
use newsgraph::graph::store;
use newsgraph::input::read_inputs;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Text files or folders to read (`-` for stdin).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let path = store::resolve_path(args.store.as_deref());
    let mut g = store::open(&path)?;
    let docs = read_inputs(&args.inputs)?;
    let (mut loaded, mut skipped) = (0, 0);
    for d in &docs {
        if g.documents.iter().any(|x| x.id == d.doc.id) {
            skipped += 1;
            continue;
        }
        let r = extract_document(&d.doc, &d.text, Options::default());
        merge_into(&mut g, r.extraction);
        loaded += 1;
    }
    store::save(&g, &path)?;
    eprintln!(
        "loaded {loaded} document(s), skipped {skipped} already stored; store {} now has {} actors, {} relations",
        path.display(),
        g.actor_count(),
        g.relation_count()
    );
    Ok(())
}
