//! `newsgraph relations [--store PATH] [--type T,...] [--actor A] [--since DATE]
//! [--until DATE] [--doc ID] [--format table|json]`
//!
//! Lists stored relations in the order of the store (source, target, type,
//! document, sentence), filtered by type, by an actor on either side (named by
//! any alias), by date (ISO 8601 prefixes: `2024`, `2024-05`, `2024-05-01`;
//! relations without a date are left out when a date filter is given) and by
//! document. `--format json` prints an array of relations in the shape of
//! `extract --format json`.

use super::store::StoreArgs;
use super::{parse_types, print_json, print_out, table};
use anyhow::{bail, Result};
use newsgraph::graph::store;
use newsgraph::query::listing::{relations, RelationFilter};
use newsgraph::query::timeline::empty_range_reason;
use newsgraph::Relation;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    store: StoreArgs,
    /// Only these relation types (comma-separated, e.g. call,meet).
    #[arg(long = "type")]
    types: Option<String>,
    /// Only relations with this actor on either side.
    #[arg(long)]
    actor: Option<String>,
    /// Only relations dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    since: Option<String>,
    /// Only relations dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    until: Option<String>,
    /// Only relations from this document id.
    #[arg(long)]
    doc: Option<String>,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let path = args.store.existing()?;
    if let Some(d) = &args.since {
        super::check_date("--since", d)?;
    }
    if let Some(d) = &args.until {
        super::check_date("--until", d)?;
    }
    let types = args
        .types
        .as_deref()
        .map(parse_types)
        .transpose()?
        .unwrap_or_default();
    let mut g = store::open(&path)?;
    let actor = args
        .actor
        .as_deref()
        .map(|a| newsgraph::query::resolve::find_actor(&g, a))
        .transpose()?;
    if let Some(d) = &args.doc {
        if g.lookup_str(d).is_none() {
            bail!("no document {d:?} in {}", path.display());
        }
    }
    let mut filter = RelationFilter {
        types,
        actor,
        since: args.since,
        until: args.until,
        doc: args.doc,
    };
    let edges = relations(&g, &filter);
    if edges.is_empty() && (filter.since.is_some() || filter.until.is_some()) {
        // Say why the dates left nothing: no dates at all, or dates elsewhere.
        let (since, until) = (filter.since.take(), filter.until.take());
        let all = relations(&g, &filter);
        let dates = all.iter().map(|&e| g.graph[e].date.map(|d| g.str(d)));
        eprintln!(
            "note: {}",
            empty_range_reason(dates, since.as_deref(), until.as_deref())
        );
    }
    if args.format == "json" {
        let list: Vec<Relation> = edges.into_iter().map(|e| g.relation(e)).collect();
        return print_json(&list);
    }
    let mut rows = Vec::new();
    for e in edges {
        let Some((s, t)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let r = g.relation(e);
        rows.push(vec![
            g.actor(s).name.clone(),
            r.kind.to_string(),
            g.actor(t).name.clone(),
            r.date.clone().unwrap_or_default(),
            format!("{}#{}", r.evidence.doc, r.evidence.sentence),
            r.evidence.trigger.clone(),
        ]);
    }
    print_out(&table::render(
        &["source", "type", "target", "date", "evidence", "trigger"],
        &rows,
    ))
}
