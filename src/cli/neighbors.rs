//! `newsgraph neighbors A [--depth N] [--type T,...] [--limit N] [--evidence] [--format table|json]`
//!
//! An actor's ego network: the actors within `--depth` hops (default 1; relations
//! walked either way) and the relations among them, grouped by relation type.

use super::print_json;
use super::query_common::{
    evidence_line, name, relation_line, source_ref, type_list, types_or, OutputFormat,
};
use super::store::StoreArgs;
use anyhow::Result;
use newsgraph::query::{ego, find_actor, EgoReport, Index, TypeSet};

#[derive(clap::Args)]
pub struct Args {
    /// The actor (any name or alias).
    actor: String,
    /// How many hops out to go.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    #[command(flatten)]
    store: StoreArgs,
    /// Only these relation types (comma-separated; default all).
    #[arg(long = "type")]
    types: Option<String>,
    /// Most relations printed per type in the table (JSON lists them all).
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print the evidence sentence under every relation.
    #[arg(long)]
    evidence: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<()> {
    let g = args.store.open()?;
    let a = find_actor(&g, &args.actor)?;
    let types = types_or(args.types.as_deref(), &[])?;
    let idx = Index::new(&g);
    let e = ego(&g, &idx, a, args.depth, TypeSet::of(&types));
    if args.format == OutputFormat::Json {
        return print_json(&EgoReport::new(&g, &e, &types));
    }
    let mut out = format!(
        "{}: ego network within {} hop(s) ({}): {} other actor(s), {} relation(s)\n",
        name(&g, a),
        args.depth,
        type_list(&types),
        e.members.len() - 1,
        e.relation_count()
    );
    for (t, rels) in &e.by_type {
        out.push_str(&format!("\n{t} ({})\n", rels.len()));
        for &r in rels.iter().take(args.limit) {
            out.push_str(&format!(
                "  {}  {}\n",
                relation_line(&g, &idx, r),
                source_ref(&g, r)
            ));
            if args.evidence {
                out.push_str(&format!("    {}\n", evidence_line(&g, r)));
            }
        }
        if rels.len() > args.limit {
            out.push_str(&format!(
                "  ... and {} more (raise --limit, or --format json)\n",
                rels.len() - args.limit
            ));
        }
    }
    if args.depth > 1 {
        out.push('\n');
        for d in 1..=args.depth {
            let at: Vec<std::borrow::Cow<str>> = e
                .members
                .iter()
                .filter(|&&(_, x)| x == d)
                .map(|&(n, _)| name(&g, n))
                .collect();
            if !at.is_empty() {
                let shown: Vec<&str> = at.iter().take(args.limit).map(|c| c.as_ref()).collect();
                let more = if at.len() > args.limit {
                    format!(" and {} more", at.len() - args.limit)
                } else {
                    String::new()
                };
                out.push_str(&format!(
                    "at {d} hop(s) ({}): {}{more}\n",
                    at.len(),
                    shown.join(", ")
                ));
            }
        }
    }
    super::print_out(&out)
}
