//! `newsgraph documents [--store PATH] [--format table|json]`
//!
//! The stored documents in load order: id (what `remove --doc` and `relations
//! --doc` take), date, number of relations, title or path, the source that
//! identifies the document on a reload (path below the folder loaded, URL or
//! explicit id), and the first 12 hex digits of the content hash that lets a
//! reload skip it.

use super::{print_out, table};
use anyhow::Result;
use newsgraph::graph::store;
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
    /// Output format: table or json.
    #[arg(long, default_value = "table", value_parser = ["table", "json"])]
    format: String,
}

pub fn run(args: Args) -> Result<()> {
    let path = super::existing_store(args.store.as_deref())?;
    let g = store::open(&path)?;
    let mut per_doc: HashMap<&str, usize> = HashMap::new();
    for e in g.graph.edge_weights() {
        *per_doc.entry(g.str(e.doc)).or_default() += 1;
    }
    let mut rows = Vec::new();
    let mut items = Vec::new();
    for d in &g.documents {
        let n = per_doc.get(d.id.as_str()).copied().unwrap_or(0);
        let hash = g.doc_hash(&d.id);
        if args.format == "json" {
            let mut v = serde_json::to_value(d)?;
            if let Some(o) = v.as_object_mut() {
                o.insert("relations".into(), json!(n));
                o.insert("hash".into(), json!(hash));
                o.insert("source".into(), json!(g.doc_source(&d.id)));
            }
            items.push(v);
        } else {
            rows.push(vec![
                d.id.clone(),
                d.date.clone().unwrap_or_default(),
                n.to_string(),
                d.title.clone().unwrap_or_else(|| d.path.clone()),
                g.doc_source(&d.id).unwrap_or_default().to_string(),
                hash.map(|h| h.chars().take(12).collect())
                    .unwrap_or_default(),
            ]);
        }
    }
    if args.format == "json" {
        return print_out(&(serde_json::to_string_pretty(&items)? + "\n"));
    }
    print_out(&table::render(
        &["id", "date", "relations", "title or path", "source", "hash"],
        &rows,
    ))
}
