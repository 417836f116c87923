//! Node-link JSON: the shape networkx's `node_link_graph` and d3 read, with every
//! actor attribute on its node and every relation (with evidence) as a link.

use crate::graph::NewsGraph;
use crate::query::select::Highlight;
use serde_json::{json, Value};

/// The graph as node-link JSON.
pub fn to_node_link(g: &NewsGraph) -> Value {
    to_node_link_highlighted(g, &Highlight::default())
}

/// The graph as node-link JSON, with `"highlight": true` on the nodes and links
/// of `hl` (a path asked for with `export --path`), so scripts and d3 pages can
/// pick the answer out of its context. Nothing is added when `hl` is empty.
pub fn to_node_link_highlighted(g: &NewsGraph, hl: &Highlight) -> Value {
    let nodes: Vec<Value> = g
        .actors()
        .into_iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert("label".into(), Value::String(a.name.clone()));
                if hl.has_actor(&a.id) {
                    o.insert("highlight".into(), Value::Bool(true));
                }
            }
            v
        })
        .collect();
    let links: Vec<Value> = g
        .relations()
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert("key".into(), json!(i));
                if hl.has_relation(r) {
                    o.insert("highlight".into(), Value::Bool(true));
                }
            }
            v
        })
        .collect();
    json!({
        "directed": true,
        "multigraph": true,
        "graph": {"name": "newsgraph", "documents": g.documents},
        "nodes": nodes,
        "links": links,
    })
}
