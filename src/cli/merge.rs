//! `newsgraph merge A B [--store PATH]`
//!
//! Merges actor B into actor A (each named by id, name or alias): B's relations,
//! names and documents move to A, B disappears, and the merge is logged in the
//! store. Undo with `newsgraph split`.

use anyhow::Result;
use newsgraph::graph::store;
use newsgraph::query::resolve::find_actor;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// The actor that stays.
    a: String,
    /// The actor merged into it.
    b: String,
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<()> {
    let path = super::existing_store(args.store.as_deref())?;
    let _lock = super::lock_store(&path)?;
    let mut g = store::open(&path)?;
    let a = find_actor(&g, &args.a)?;
    let b = find_actor(&g, &args.b)?;
    let gone = g.actor(b).clone();
    g.merge_nodes(a, b, "merged by hand (newsgraph merge)")?;
    g.compact();
    store::save(&g, &path)?;
    let keep = g.actor(a);
    outln!(
        "merged {} ({}) into {} ({}); now also known as: {}",
        super::shown(&gone.name),
        super::shown(&gone.id),
        super::shown(&keep.name),
        super::shown(&keep.id),
        super::shown(&keep.aliases.join(", "))
    );
    Ok(())
}
