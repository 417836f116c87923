//! `newsgraph actors [--store PATH] [--kind K] [--format table|json]`
//!
//! Lists the stored actors in id order: id, name, kind, country, number of
//! relations and aliases. `--format json` prints an array of actors in the shape
//! of `extract --format json`, each with a `relations` count.

use super::{print_out, table};
use anyhow::Result;
use newsgraph::graph::store;
use newsgraph::ActorKind;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
    /// Only actors of this kind: person, organization, country or place.
    #[arg(long)]
    kind: Option<ActorKind>,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let path = super::existing_store(args.store.as_deref())?;
    let g = store::open(&path)?;
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for a in g.actors() {
        if args.kind.is_some_and(|k| k != a.kind) {
            continue;
        }
        let degree = g.node(&a.id).map_or(0, |n| {
            g.graph
                .edges_directed(n, petgraph::Direction::Outgoing)
                .count()
                + g.graph
                    .edges_directed(n, petgraph::Direction::Incoming)
                    .count()
        });
        if args.format == "json" {
            let mut v = serde_json::to_value(a)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("relations".into(), degree.into());
            }
            items.push(v);
        } else {
            rows.push(vec![
                a.id.clone(),
                a.name.clone(),
                a.kind.to_string(),
                a.country.clone().unwrap_or_default(),
                degree.to_string(),
                a.aliases.join("; "),
            ]);
        }
    }
    if args.format == "json" {
        return print_out(&(serde_json::to_string_pretty(&items)? + "\n"));
    }
    print_out(&table::render(
        &["id", "name", "kind", "country", "relations", "aliases"],
        &rows,
    ))
}
