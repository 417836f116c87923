//! `newsgraph path A B [--type T,...] [--directed] [--max-hops N] [--format table|json]`
//!
//! Prints a shortest path between two actors named by any of their aliases
//! (case- and diacritic-insensitive), each hop with its relation type, date when
//! known, and the evidence sentence with its document.

use super::{parse_types, print_out};
use anyhow::Result;
use newsgraph::graph::store;
use newsgraph::query::{shortest_path, PathOptions};
use serde_json::json;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// First actor (any name or alias).
    a: String,
    /// Second actor (any name or alias).
    b: String,
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
    /// Only walk these relation types (comma-separated, e.g. call,meet,visit).
    #[arg(long = "type")]
    types: Option<String>,
    /// Follow relations only in their direction (source to target).
    #[arg(long)]
    directed: bool,
    /// Longest path to look for, in hops.
    #[arg(long)]
    max_hops: Option<usize>,
    /// Output format: table or json.
    #[arg(long, default_value = "table")]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let path = store::resolve_path(args.store.as_deref());
    if !path.exists() {
        anyhow::bail!(
            "{}: no store here yet (run `newsgraph load` first)",
            path.display()
        );
    }
    let g = store::open(&path)?;
    let a = g.find_actor(&args.a)?;
    let b = g.find_actor(&args.b)?;
    let opts = PathOptions {
        types: args
            .types
            .as_deref()
            .map(parse_types)
            .transpose()?
            .unwrap_or_default(),
        directed: args.directed,
        max_hops: args.max_hops,
    };
    let Some(hops) = shortest_path(&g, a, b, &opts) else {
        anyhow::bail!(
            "no path between {} and {}",
            g.actor(a).name,
            g.actor(b).name
        );
    };
    if args.format == "json" {
        let v: Vec<_> = hops
            .iter()
            .map(|h| {
                let r = &g.graph[h.edge];
                json!({"from": g.actor(h.from).id, "to": g.actor(h.to).id, "relation": r})
            })
            .collect();
        let out = json!({"from": g.actor(a), "to": g.actor(b), "hops": v});
        return print_out(&(serde_json::to_string_pretty(&out)? + "\n"));
    }
    let mut out = format!(
        "{} → {}: {} hop(s)\n",
        g.actor(a).name,
        g.actor(b).name,
        hops.len()
    );
    for (i, h) in hops.iter().enumerate() {
        let r = &g.graph[h.edge];
        let forward = g.actor(h.from).id == r.source;
        let arrow = if forward {
            format!("-{}->", r.kind)
        } else {
            format!("<-{}-", r.kind)
        };
        let date = r
            .date
            .as_deref()
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}. {} {} {}{}\n",
            i + 1,
            g.actor(h.from).name,
            arrow,
            g.actor(h.to).name,
            date
        ));
        out.push_str(&format!(
            "   \"{}\" [{} sentence {}]\n",
            r.evidence.text.trim(),
            r.evidence.doc,
            r.evidence.sentence
        ));
    }
    print_out(&out)
}
