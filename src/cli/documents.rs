//! `newsgraph documents [--store PATH] [--format table|json]`
//!
//! The stored documents in load order: id (what `remove --doc` and `relations
//! --doc` take), date, number of relations, title or path, and the first 12 hex
//! digits of the content hash that lets a reload skip it.

use super::store::StoreArgs;
use super::{print_json, print_out, table};
use anyhow::Result;
use newsgraph::query::listing::documents;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let g = args.store.open()?;
    let docs = documents(&g);
    if args.format == "json" {
        return print_json(&docs);
    }
    let rows: Vec<Vec<String>> = docs
        .into_iter()
        .map(|e| {
            let d = e.document;
            vec![
                d.id,
                d.date.unwrap_or_default(),
                e.relations.to_string(),
                d.title.unwrap_or(d.path),
                e.hash
                    .map(|h| h.chars().take(12).collect())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    print_out(&table::render(
        &["id", "date", "relations", "title or path", "hash"],
        &rows,
    ))
}
