//! Node-link JSON: the shape networkx's `node_link_graph` and d3 read, with every
//! actor attribute on its node and every relation (with evidence) as a link.

use crate::graph::NewsGraph;
use serde_json::{json, Value};

/// The graph as node-link JSON.
pub fn to_node_link(g: &NewsGraph) -> Value {
    let nodes: Vec<Value> = g
        .actors()
        .into_iter()
        .map(|a| {
            let mut v = serde_json::to_value(a).unwrap_or(Value::Null);
            if let Some(o) = v.as_object_mut() {
                o.insert("label".into(), Value::String(a.name.clone()));
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
