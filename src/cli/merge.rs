//! `newsgraph merge A B [--store PATH]`
//!
//! Merges actor B into actor A (each named by id, name or alias): B's relations,
//! names and documents move to A, B disappears, and the merge is logged in the
//! store. Undo with `newsgraph split`.

use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::query::resolve::find_actor;

#[derive(clap::Args)]
pub struct Args {
    /// The actor that stays.
    a: String,
    /// The actor merged into it.
    b: String,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: Args) -> Result<()> {
    let mut st = args.store.edit()?;
    let g = &mut st.graph;
    let a = find_actor(g, &args.a)?;
    let b = find_actor(g, &args.b)?;
    let gone = g.actor(b).clone();
    g.merge_nodes(a, b, "merged by hand (newsgraph merge)")?;
    st.save()?;
    let keep = st.graph.actor(a);
    println!(
        "merged {} ({}) into {} ({}); now also known as: {}",
        super::shown(&gone.name),
        super::shown(&gone.id),
        super::shown(&keep.name),
        super::shown(&keep.id),
        super::shown(&keep.aliases.join(", "))
    );
    Ok(())
}
