//! `newsgraph top [--by degree|pagerank|betweenness] [--kind K] [--type T,...] [--limit N] [--samples N] [--format table|json]`
//!
//! The most central actors. Degree counts distinct counterparts; PageRank follows
//! relations from source to target (symmetric ones both ways); betweenness counts
//! the shortest paths through an actor (exact up to 5,000 actors, estimated from
//! sampled sources beyond, or from `--samples N`).

use super::print_json;
use super::query_common::{name, type_list, types_or, OutputFormat};
use super::store::StoreArgs;
use super::table::render;
use anyhow::Result;
use newsgraph::query::{top, Centrality, Index, TopOptions, TopReport, TypeSet};
use newsgraph::ActorKind;

#[derive(clap::Args)]
pub struct Args {
    /// Centrality measure: degree, pagerank or betweenness.
    #[arg(long, default_value = "degree")]
    by: String,
    /// Only list actors of this kind: person, organization, country or place.
    #[arg(long)]
    kind: Option<String>,
    /// Only these relation types count (comma-separated; default all).
    #[arg(long = "type")]
    types: Option<String>,
    /// How many actors to list.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Betweenness: number of sampled source actors (default: exact up to 5,000 actors, else 16 to 256 by graph size).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    samples: Option<u64>,
    #[command(flatten)]
    store: StoreArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<()> {
    let by: Centrality = args.by.parse().map_err(anyhow::Error::msg)?;
    let kind: Option<ActorKind> = args
        .kind
        .as_deref()
        .map(str::parse)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let types = types_or(args.types.as_deref(), &[])?;
    let g = args.store.open()?;
    let idx = Index::new(&g);
    let r = top(
        &g,
        &idx,
        &TopOptions {
            by,
            kind,
            types: TypeSet::of(&types),
            limit: args.limit,
            samples: args.samples.map(|s| s as usize),
        },
    );
    if args.format == OutputFormat::Json {
        return print_json(&TopReport::new(&g, &r, kind));
    }
    let mut out = format!(
        "Most central {} by {by} ({})",
        kind.map(|k| format!("{k}s"))
            .unwrap_or_else(|| "actors".into()),
        type_list(&types)
    );
    if let Some(k) = r.sampled {
        out.push_str(&format!(", estimated from {k} sampled source actors"));
    }
    out.push_str("\n\n");
    let rows: Vec<Vec<String>> = r
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut row = vec![
                (i + 1).to_string(),
                name(&g, e.node).to_string(),
                g.actor(e.node).kind.to_string(),
                e.degree.to_string(),
                e.relations.to_string(),
            ];
            if by != Centrality::Degree {
                row.push(format!("{:.4}", e.score));
            }
            row
        })
        .collect();
    let mut header = vec!["rank", "actor", "kind", "degree", "relations"];
    if by != Centrality::Degree {
        header.push(by.as_str());
    }
    out.push_str(&render(&header, &rows));
    super::print_out(&out)
}
