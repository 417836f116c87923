//! `newsgraph split ACTOR (--doc ID... | --alias NAME...) [--name NEW] [--kind K] [--store PATH]`
//!
//! Undoes a wrong merge: the documents given, and the documents that named ACTOR
//! only by the names given, now name a new actor (called NEW, or the first name
//! given, or the name those documents used); their relations move to it, the
//! names move with them, and the split is logged in the store. A document that
//! also used another name of ACTOR gives the new actor only the relations whose
//! evidence sentence uses one of the names given and no other name of ACTOR.

use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::query::resolve::find_actor;
use newsgraph::ActorKind;

#[derive(clap::Args)]
pub struct Args {
    /// The actor to split (id, name or alias).
    actor: String,
    /// Documents whose mentions belong to the other actor.
    #[arg(long = "doc")]
    docs: Vec<String>,
    /// Names that belong to the other actor: the relations whose evidence uses
    /// them move (all of a document's, when it used no other name of ACTOR).
    #[arg(long = "alias")]
    aliases: Vec<String>,
    /// Name of the new actor.
    #[arg(long)]
    name: Option<String>,
    /// Kind of the new actor (default: the same).
    #[arg(long)]
    kind: Option<ActorKind>,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: Args) -> Result<()> {
    let mut st = args.store.edit()?;
    let n = find_actor(&st.graph, &args.actor)?;
    let r = st.graph.split_actor(
        n,
        &args.docs,
        &args.aliases,
        args.name.as_deref(),
        args.kind,
    )?;
    st.save()?;
    let g = &st.graph;
    let new = g.actor(r.node);
    outln!(
        "split {} ({}) off {} ({}): {} document(s), {} relation(s) moved",
        super::shown(&new.name),
        super::shown(&new.id),
        super::shown(&g.actor(n).name),
        super::shown(&g.actor(n).id),
        r.documents,
        r.relations
    );
    Ok(())
}
