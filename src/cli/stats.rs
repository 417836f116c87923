//! `newsgraph stats [--store PATH] [--format table|json]`
//!
//! What the store holds: documents, actors by kind, relations by type, the dates
//! they span, merges logged, alias entries, the file's format and size.

use super::print_out;
use anyhow::Result;
use newsgraph::graph::store;
use newsgraph::{ActorKind, RelationType};
use serde_json::json;
use std::collections::BTreeMap;
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
    let mut kinds: BTreeMap<ActorKind, usize> = BTreeMap::new();
    for a in g.graph.node_weights() {
        *kinds.entry(a.kind).or_default() += 1;
    }
    let mut types: BTreeMap<RelationType, usize> = BTreeMap::new();
    let (mut first, mut last): (Option<&str>, Option<&str>) = (None, None);
    let mut planned = 0;
    for e in g.graph.edge_weights() {
        *types.entry(e.kind).or_default() += 1;
        planned += usize::from(e.planned);
        if let Some(d) = e.date {
            let d = g.str(d);
            if first.is_none_or(|f| d < f) {
                first = Some(d);
            }
            if last.is_none_or(|l| d > l) {
                last = Some(d);
            }
        }
    }
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let version = match std::fs::read(&path)
        .ok()
        .and_then(|b| b.get(..1).map(|x| x[0]))
    {
        Some(b'{') => 1,
        _ => store::VERSION,
    };
    if args.format == "json" {
        let v = json!({
            "store": path.display().to_string(),
            "format_version": version,
            "bytes": size,
            "documents": g.documents.len(),
            "actors": g.actor_count(),
            "actors_by_kind": kinds.iter().map(|(k, n)| (k.as_str(), *n)).collect::<BTreeMap<_, _>>(),
            "relations": g.relation_count(),
            "relations_by_type": types.iter().map(|(k, n)| (k.as_str(), *n)).collect::<BTreeMap<_, _>>(),
            "planned": planned,
            "first_date": first,
            "last_date": last,
            "merges_logged": g.merges.len(),
            "alias_entries": g.alias_entries.len(),
        });
        return print_out(&(serde_json::to_string_pretty(&v)? + "\n"));
    }
    let mut out = format!(
        "store       {} (format v{version}, {size} bytes)\n",
        path.display()
    );
    out.push_str(&format!("documents   {}\n", g.documents.len()));
    out.push_str(&format!("actors      {}\n", g.actor_count()));
    for (k, n) in &kinds {
        out.push_str(&format!("  {:<13}{n}\n", k.as_str()));
    }
    out.push_str(&format!("relations   {}\n", g.relation_count()));
    for (t, n) in &types {
        out.push_str(&format!("  {:<13}{n}\n", t.as_str()));
    }
    if planned > 0 {
        out.push_str(&format!("planned     {planned}\n"));
    }
    if let (Some(f), Some(l)) = (first, last) {
        out.push_str(&format!("dates       {f} .. {l}\n"));
    }
    out.push_str(&format!("merges      {} logged\n", g.merges.len()));
    if !g.alias_entries.is_empty() {
        out.push_str(&format!("aliases     {} entries\n", g.alias_entries.len()));
    }
    print_out(&out)
}
