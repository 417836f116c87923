//! `newsgraph stats [--store PATH] [--format table|json]`
//!
//! What the store holds: documents, actors by kind, relations by type, the dates
//! they span, merges logged, alias entries, the file's format and size.

use super::store::StoreArgs;
use super::{print_json, print_out};
use anyhow::Result;
use newsgraph::graph::store;
use newsgraph::query::stats::Stats;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let path = args.store.existing()?;
    let g = store::open(&path)?;
    let s = Stats::new(&g, &path);
    if args.format == "json" {
        return print_json(&s);
    }
    let mut out = format!(
        "store       {} (format v{}, {} bytes)\n",
        path.display(),
        s.format_version,
        s.bytes
    );
    out.push_str(&format!("documents   {}\n", s.documents));
    out.push_str(&format!("actors      {}\n", s.actors));
    for (k, n) in &s.actors_by_kind {
        out.push_str(&format!("  {:<13}{n}\n", k.as_str()));
    }
    out.push_str(&format!("relations   {}\n", s.relations));
    for (t, n) in &s.relations_by_type {
        out.push_str(&format!("  {:<13}{n}\n", t.as_str()));
    }
    if s.planned > 0 {
        out.push_str(&format!("planned     {}\n", s.planned));
    }
    if let (Some(f), Some(l)) = (&s.first_date, &s.last_date) {
        out.push_str(&format!("dates       {f} .. {l}\n"));
    }
    out.push_str(&format!("merges      {} logged\n", s.merges_logged));
    if s.alias_entries > 0 {
        out.push_str(&format!("aliases     {} entries\n", s.alias_entries));
    }
    print_out(&out)
}
