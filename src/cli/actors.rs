//! `newsgraph actors [--store PATH] [--kind K] [--format table|json]`
//!
//! Lists the stored actors in id order: id, name, kind, country, number of
//! relations and aliases. `--format json` prints an array of actors in the shape
//! of `extract --format json`, each with a `relations` count.

use super::store::StoreArgs;
use super::{print_json, print_out, table};
use anyhow::Result;
use newsgraph::query::listing::actors;
use newsgraph::ActorKind;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Only actors of this kind: person, organization, country or place.
    #[arg(long)]
    kind: Option<ActorKind>,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let g = args.store.open()?;
    let list = actors(&g, args.kind);
    if args.format == "json" {
        return print_json(&list);
    }
    let rows: Vec<Vec<String>> = list
        .into_iter()
        .map(|e| {
            let a = e.actor;
            vec![
                a.id,
                a.name,
                a.kind.to_string(),
                a.country.unwrap_or_default(),
                e.relations.to_string(),
                a.aliases.join("; "),
            ]
        })
        .collect();
    print_out(&table::render(
        &["id", "name", "kind", "country", "relations", "aliases"],
        &rows,
    ))
}
