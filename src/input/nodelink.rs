//! Node-link JSON graphs: as written by `newsgraph export --format json`, and by
//! networkx's `node_link_data` (links under `links` or `edges`).
//!
//! Nodes need an `id`; their `name` (else `label`, else the id), `kind` (else
//! guessed from the name), `country` and `aliases` are read when present. Links
//! need `source`, `target` (node ids) and a relation `type` (or `relation`,
//! `label`; a CAMEO code is accepted too); their `cameo`, `date`, `planned` and
//! `evidence` are kept. The file is one document (its stem is the id): each
//! relation's evidence names it, and a link's original document goes into the
//! evidence's `rule` ("... from DOC").

use super::structured::{guess_kind, iso_date, relation_type, Builder};
use super::text::{bad, stem};
use crate::error::Result;
use crate::graph::model::{ActorKind, Document, Evidence, Extraction};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Reads a node-link JSON file into one document's extraction.
pub fn read(path: &Path, text: &str, skip_bad: bool) -> Result<(Extraction, Vec<String>)> {
    let v: Value = serde_json::from_str(text)
        .map_err(|e| bad(path, Some(e.line()), &format!("invalid JSON: {e}")))?;
    let Some(obj) = v.as_object() else {
        return Err(bad(
            path,
            Some(1),
            "expected a node-link JSON object with \"nodes\" and \"links\"",
        ));
    };
    let nodes = obj.get("nodes").and_then(Value::as_array);
    let links = obj
        .get("links")
        .or_else(|| obj.get("edges"))
        .and_then(Value::as_array);
    let (Some(nodes), Some(links)) = (nodes, links) else {
        return Err(bad(
            path,
            Some(1),
            "not a node-link graph: needs \"nodes\" and \"links\" (or \"edges\") arrays",
        ));
    };
    let doc_id = stem(path);
    let mut b = Builder::new(Document {
        id: doc_id.clone(),
        path: path.display().to_string(),
        date: None,
        title: None,
        url: None,
    });
    let mut bad_items = Vec::new();
    let mut fail = |what: String| -> Result<()> {
        let e = bad(path, None, &what);
        if skip_bad {
            bad_items.push(e.to_string());
            Ok(())
        } else {
            Err(e)
        }
    };
    let key = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    let mut ids: HashMap<String, String> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let Some(id) = n.get("id").and_then(key) else {
            fail(format!("node {i}: no \"id\""))?;
            continue;
        };
        let s = |k: &str| {
            n.get(k)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
        };
        let name = s("name").or_else(|| s("label")).unwrap_or(&id).to_string();
        let (guess, gc) = guess_kind(&name);
        let kind = match s("kind") {
            Some(k) => match k.parse::<ActorKind>() {
                Ok(k) => k,
                Err(e) => {
                    fail(format!("node {i} ({id}): {e}"))?;
                    continue;
                }
            },
            None => guess,
        };
        let country = s("country").map(str::to_string).or(gc);
        let aliases: Vec<String> = n
            .get("aliases")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        let a = b.actor(&name, kind, country, aliases);
        ids.insert(id, a);
    }
    for (i, l) in links.iter().enumerate() {
        let end = |k: &str| l.get(k).and_then(key).and_then(|id| ids.get(&id).cloned());
        let (Some(s), Some(t)) = (end("source"), end("target")) else {
            fail(format!(
                "link {i}: \"source\" or \"target\" is not a node id"
            ))?;
            continue;
        };
        let ty = ["type", "relation", "label"]
            .iter()
            .find_map(|k| l.get(*k).and_then(Value::as_str))
            .unwrap_or("");
        let Some((kind, default_cameo)) = relation_type(ty) else {
            fail(format!("link {i}: relation type {ty:?} is not one of call, meet, visit, ..., affiliation (or a CAMEO code)"))?;
            continue;
        };
        let cameo = l
            .get("cameo")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or(default_cameo);
        let date = l.get("date").and_then(Value::as_str).and_then(iso_date);
        let ev = l.get("evidence");
        let es = |k: &str| {
            ev.and_then(|e| e.get(k))
                .and_then(Value::as_str)
                .unwrap_or("")
        };
        let en = |k: &str| {
            ev.and_then(|e| e.get(k))
                .and_then(Value::as_u64)
                .unwrap_or(0) as usize
        };
        let rule = match (es("rule"), es("doc")) {
            ("", "") => format!("node-link link {i}"),
            (r, "") => r.to_string(),
            ("", d) => format!("from {d}"),
            (r, d) => format!("{r} from {d}"),
        };
        let mut start = en("start");
        let mut stop = en("end");
        if stop < start {
            (start, stop) = (0, 0);
        }
        let trigger = if es("trigger").is_empty() {
            ty
        } else {
            es("trigger")
        };
        b.relation(
            s,
            t,
            kind,
            cameo,
            date,
            Evidence {
                doc: doc_id.clone(),
                sentence: en("sentence"),
                start,
                end: stop,
                trigger: trigger.to_string(),
                text: es("text").to_string(),
                rule: Some(rule),
            },
        );
        if l.get("planned").and_then(Value::as_bool) == Some(true) {
            b.mark_last_planned();
        }
    }
    Ok((b.finish(), bad_items))
}
