//! `newsgraph remove --doc ID... [--store PATH]`
//!
//! Removes documents from the store: their relations, the names only they gave
//! and the actors only they named. Loading the document again brings it back.

use super::store::StoreArgs;
use anyhow::{bail, Result};

#[derive(clap::Args)]
pub struct Args {
    /// Id of a document to remove (as `relations` and `stats` show them).
    #[arg(long = "doc", required = true)]
    docs: Vec<String>,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: Args) -> Result<()> {
    let mut st = args.store.edit()?;
    // Every id must exist before anything is removed: all or nothing.
    for d in &args.docs {
        if st.graph.document(d).is_none() {
            bail!("no document {d:?} in {}", st.path.display());
        }
    }
    let (mut relations, mut actors) = (0, 0);
    for d in &args.docs {
        if let Some(r) = st.graph.remove_document(d) {
            relations += r.relations;
            actors += r.actors;
        }
    }
    st.save()?;
    let (g, path) = (&st.graph, &st.path);
    println!(
        "removed {} document(s), {relations} relation(s), {actors} actor(s); store {}: {} documents, {} actors, {} relations",
        args.docs.len(),
        path.display(),
        g.documents.len(),
        g.actor_count(),
        g.relation_count()
    );
    Ok(())
}
