//! `newsgraph timeline A [--type T,...] [--since DATE] [--until DATE] [--evidence] [--format table|json]`
//!
//! An actor's relations in date order: dated relations first, oldest first (a
//! relation's own date, else its document's); undated ones after them in the
//! order their documents were loaded, then sentence order. `--since`/`--until`
//! take ISO dates, possibly partial ("2022-03"), and leave undated relations out.

use super::print_json;
use super::query_common::{evidence_line, name, source_ref, type_list, types_or, OutputFormat};
use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::query::timeline::{empty_range_reason, relation_date};
use newsgraph::query::{find_actor, timeline, Index, TimelineOptions, TimelineReport};

#[derive(clap::Args)]
pub struct Args {
    /// The actor (any name or alias).
    actor: String,
    /// Only these relation types (comma-separated; default all).
    #[arg(long = "type")]
    types: Option<String>,
    /// Only relations dated on or after this ISO date (e.g. 2021 or 2021-09-01).
    #[arg(long)]
    since: Option<String>,
    /// Only relations dated on or before this ISO date (e.g. 2021-09).
    #[arg(long)]
    until: Option<String>,
    /// Print the evidence sentence under every relation.
    #[arg(long)]
    evidence: bool,
    #[command(flatten)]
    store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<()> {
    let g = args.store.open()?;
    let a = find_actor(&g, &args.actor)?;
    let types = types_or(args.types.as_deref(), &[])?;
    let idx = Index::new(&g);
    let t = timeline(
        &g,
        &idx,
        a,
        &TimelineOptions {
            types: types.clone(),
            since: args.since.clone(),
            until: args.until.clone(),
        },
    );
    if t.is_empty() && (args.since.is_some() || args.until.is_some()) {
        // Say why the dates left nothing: no dates at all, or dates elsewhere.
        let opts = TimelineOptions {
            types: types.clone(),
            ..Default::default()
        };
        let all = timeline(&g, &idx, a, &opts);
        let dates = all.iter().map(|&e| relation_date(&g, &idx, &g.graph[e]));
        eprintln!(
            "note: {}",
            empty_range_reason(dates, args.since.as_deref(), args.until.as_deref())
        );
    }
    if args.format == OutputFormat::Json {
        return print_json(&TimelineReport::new(&g, &idx, a, &t));
    }
    let dated = t
        .iter()
        .filter(|&&e| relation_date(&g, &idx, &g.graph[e]).is_some())
        .count();
    let mut out = format!(
        "{}: {} relation(s) ({}), {} dated\n\n",
        name(&g, a),
        t.len(),
        type_list(&types),
        dated
    );
    for &e in &t {
        let date = relation_date(&g, &idx, &g.graph[e]).unwrap_or("undated");
        // The date heads the line, so it is not repeated after the relation.
        let r = &g.graph[e];
        let Some((s, o)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let planned = if r.planned { " [planned]" } else { "" };
        let line = format!("{} -{}-> {}{planned}", name(&g, s), r.kind, name(&g, o));
        out.push_str(&format!("{date:<10}  {line}  {}\n", source_ref(&g, e)));
        if args.evidence {
            out.push_str(&format!("            {}\n", evidence_line(&g, e)));
        }
    }
    super::print_out(&out)
}
