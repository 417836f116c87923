//! `newsgraph push --to URL [--graph NAME] [--store PATH] [--batch N] [--keep-stale]`
//!
//! Loads the stored graph into a graph database server over the wire:
//! FalkorDB (`redis://HOST:PORT`) or, when built with the `bolt` feature,
//! Neo4j and Memgraph (`bolt://HOST:PORT`). Creates the indexes on actor and
//! document keys (hashes of their ids), then upserts documents, actors (MERGE
//! on the key, labelled by kind) and relations (typed by relation type, MERGEd
//! on a stable key) in batched, parameterized UNWIND statements, then deletes
//! what an older store had left there: the graph becomes a mirror of the
//! store, and pushing the same store twice changes nothing (when the graph
//! already holds exactly this store, nothing is sent at all).

use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::cypher::Part;
use newsgraph::remote::{self, PushOptions, Server};
use std::io::IsTerminal;

#[derive(clap::Args)]
pub struct Args {
    /// The server: redis://[[USER]:PASSWORD@]HOST[:PORT][/DB] for FalkorDB,
    /// bolt://[USER:PASSWORD@]HOST[:PORT] for Neo4j or Memgraph.
    #[arg(long, value_name = "URL")]
    to: String,
    /// The graph to write (FalkorDB key; Neo4j database, default: the server's
    /// default database). FalkorDB default: newsgraph.
    #[arg(long, value_name = "NAME")]
    graph: Option<String>,
    #[command(flatten)]
    store: StoreArgs,
    /// Rows per statement.
    #[arg(long, default_value_t = remote::DEFAULT_BATCH as u64, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    batch: u64,
    /// Keep what the graph holds from other stores (by default the graph is
    /// made a mirror of the store: elements the store no longer has are deleted).
    #[arg(long)]
    keep_stale: bool,
}

pub fn run(args: Args) -> Result<()> {
    let g = args.store.open()?;
    let mut server = Server::connect(&args.to, args.graph.as_deref())?;
    let total = (g.documents.len() + g.actor_count() + g.relation_count()) as u64;
    let bar = std::io::stderr()
        .is_terminal()
        .then(|| items_bar(total, "pushing"));
    let opts = PushOptions {
        batch: args.batch as usize,
        prune: !args.keep_stale,
    };
    let report = remote::push(&g, &mut server, &opts, &mut |part, n| {
        if let Some(b) = &bar {
            b.inc(n as u64);
            b.set_message(match part {
                Part::Documents => "pushing documents",
                Part::Actors => "pushing actors",
                Part::Relations => "pushing relations",
                Part::Prune => "deleting stale elements",
                Part::Schema => "creating indexes",
            });
        }
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if report.up_to_date {
        eprintln!(
            "{} already holds this store ({} document(s), {} actor(s), {} relation(s), snapshot {}): nothing to send ({:.1} s)",
            server.display(),
            g.documents.len(),
            g.actor_count(),
            g.relation_count(),
            report.snapshot,
            report.seconds
        );
        return Ok(());
    }
    let st = &report.stats;
    let mut changes = format!(
        "{} node(s) and {} relationship(s) created, {} property value(s) set",
        st.nodes_created, st.relationships_created, st.properties_set
    );
    if st.nodes_deleted + st.relationships_deleted > 0 {
        changes.push_str(&format!(
            ", {} stale node(s) and {} relationship(s) deleted",
            st.nodes_deleted, st.relationships_deleted
        ));
    }
    if !st.counted {
        changes = "the server reports no change counts".into();
    } else if st.is_empty() {
        changes = "nothing changed (the graph already held this store)".into();
    }
    eprintln!(
        "pushed {} document(s), {} actor(s), {} relation(s) to {} in {:.1} s ({} statement(s)); {changes}",
        report.documents,
        report.actors,
        report.relations,
        server.display(),
        report.seconds,
        report.statements,
    );
    Ok(())
}

/// A progress bar counting items (documents, actors, relations).
fn items_bar(len: u64, msg: &'static str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len);
    let style = indicatif::ProgressStyle::with_template(
        "{msg:<23} [{bar:30}] {human_pos}/{human_len} elements, eta {eta}",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message(msg);
    bar
}
