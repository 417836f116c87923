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

use super::structured::{file_document, guess_kind, iso_date, relation_type, Builder};
use super::text::{bad, stem};
use crate::error::{Error, Result};
use crate::model::{ActorKind, Evidence, Extraction};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// Reads a node-link JSON file into one document's extraction.
///
/// Nodes and links are read one at a time as the parser meets them (a node or
/// link is a small JSON value; the file's whole tree never is), so a graph of
/// millions of links needs memory for the graph, not for a JSON tree ten times
/// the file's size. Links that come before the nodes wait for them.
pub fn read(path: &Path, text: &str, skip_bad: bool) -> Result<(Extraction, Vec<String>)> {
    let doc_id = stem(path);
    let mut r = Reader {
        path,
        skip_bad,
        b: Builder::new(file_document(doc_id.clone(), path)),
        doc_id,
        ids: HashMap::new(),
        bad_items: Vec::new(),
        nodes: 0,
        links: 0,
        seen_nodes: false,
        links_key: None,
        waiting: Vec::new(),
        stop: None,
    };
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = Top(&mut r).deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = parsed {
        if let Some(stop) = r.stop.take() {
            return Err(stop);
        }
        return Err(match e.classify() {
            serde_json::error::Category::Data => bad(
                path,
                Some(e.line()),
                "not a node-link graph: needs a JSON object with \"nodes\" and \"links\" (or \"edges\") arrays",
            ),
            _ => bad(path, Some(e.line()), &format!("invalid JSON: {e}")),
        });
    }
    if !r.seen_nodes || r.links_key.is_none() {
        return Err(bad(
            path,
            Some(1),
            "not a node-link graph: needs \"nodes\" and \"links\" (or \"edges\") arrays",
        ));
    }
    for (i, l) in std::mem::take(&mut r.waiting) {
        r.link(i, &l)?;
    }
    Ok((r.b.finish(), r.bad_items))
}

/// A node's or link's id: a string, or a number as written.
fn id_key(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The reading state while the parser walks the file.
struct Reader<'p> {
    path: &'p Path,
    skip_bad: bool,
    b: Builder,
    doc_id: String,
    /// Node id in the file → actor id.
    ids: HashMap<String, String>,
    bad_items: Vec<String>,
    /// Nodes and links met so far (their numbers in messages).
    nodes: usize,
    links: usize,
    /// The `nodes` array has been read.
    seen_nodes: bool,
    /// Which of `links` / `edges` holds the links.
    links_key: Option<&'static str>,
    /// Links met before the nodes, read once the nodes are known.
    waiting: Vec<(usize, Value)>,
    /// The error that stopped the parse (a bad item without `skip_bad`).
    stop: Option<Error>,
}

impl Reader<'_> {
    /// A bad node or link: collected with `skip_bad`, else the error.
    fn fail(&mut self, what: String) -> Result<()> {
        let e = bad(self.path, None, &what);
        if self.skip_bad {
            self.bad_items.push(e.to_string());
            Ok(())
        } else {
            Err(e)
        }
    }

    fn node(&mut self, i: usize, n: &Value) -> Result<()> {
        let Some(id) = n.get("id").and_then(id_key) else {
            self.fail(format!("node {i}: no \"id\""))?;
            return Ok(());
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
                    self.fail(format!("node {i} ({id}): {e}"))?;
                    return Ok(());
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
        let a = self.b.actor(&name, kind, country, aliases);
        self.ids.insert(id, a);
        Ok(())
    }

    fn link(&mut self, i: usize, l: &Value) -> Result<()> {
        let end = |k: &str| {
            l.get(k)
                .and_then(id_key)
                .and_then(|id| self.ids.get(&id).cloned())
        };
        let (Some(s), Some(t)) = (end("source"), end("target")) else {
            self.fail(format!(
                "link {i}: \"source\" or \"target\" is not a node id"
            ))?;
            return Ok(());
        };
        let ty = ["type", "relation", "label"]
            .iter()
            .find_map(|k| l.get(*k).and_then(Value::as_str))
            .unwrap_or("");
        let Some((kind, default_cameo)) = relation_type(ty) else {
            self.fail(format!("link {i}: relation type {ty:?} is not one of call, meet, visit, ..., affiliation (or a CAMEO code)"))?;
            return Ok(());
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
        self.b.relation(
            s,
            t,
            kind,
            cameo,
            date,
            Evidence {
                doc: self.doc_id.clone(),
                sentence: en("sentence"),
                start,
                end: stop,
                trigger: trigger.to_string(),
                text: es("text").to_string(),
                rule: Some(rule),
            },
        );
        if l.get("planned").and_then(Value::as_bool) == Some(true) {
            self.b.mark_last_planned();
        }
        Ok(())
    }

    /// Hands one array element to the reader; an error stops the parse.
    fn element<E: de::Error>(&mut self, links: bool, v: Value) -> std::result::Result<(), E> {
        let r = if links {
            let i = self.links;
            self.links += 1;
            if self.seen_nodes {
                self.link(i, &v)
            } else {
                self.waiting.push((i, v));
                Ok(())
            }
        } else {
            let i = self.nodes;
            self.nodes += 1;
            self.node(i, &v)
        };
        r.map_err(|e| {
            self.stop = Some(e);
            E::custom("stopped")
        })
    }

    /// A structural problem found while walking the top-level object.
    fn refuse<E: de::Error>(&mut self, why: &str) -> E {
        self.stop = Some(bad(
            self.path,
            Some(1),
            &format!("not a node-link graph: {why}"),
        ));
        E::custom("stopped")
    }
}

/// The top-level object: `nodes`, `links` or `edges`; anything else skipped.
struct Top<'a, 'p>(&'a mut Reader<'p>);

impl<'de> DeserializeSeed<'de> for Top<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a node-link JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "nodes" => {
                    if self.0.seen_nodes {
                        return Err(self.0.refuse("two \"nodes\" arrays"));
                    }
                    map.next_value_seed(Items(self.0, false))?;
                    self.0.seen_nodes = true;
                }
                "links" | "edges" => {
                    let k = if key == "links" { "links" } else { "edges" };
                    if let Some(had) = self.0.links_key {
                        return Err(self.0.refuse(&format!("both \"{had}\" and \"{k}\"")));
                    }
                    self.0.links_key = Some(k);
                    map.next_value_seed(Items(self.0, true))?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// The `nodes` (false) or links (true) array, element by element.
struct Items<'a, 'p>(&'a mut Reader<'p>, bool);

impl<'de> DeserializeSeed<'de> for Items<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> std::result::Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Items<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
        while let Some(v) = seq.next_element::<Value>()? {
            self.0.element(self.1, v)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(src: &str, skip: bool) -> Result<(Extraction, Vec<String>)> {
        read(Path::new("g.json"), src, skip)
    }

    const NODES: &str = r#"[{"id": 1, "name": "Joe Biden", "kind": "person"},
        {"id": "m", "name": "Emmanuel Macron"}, {"name": "no id"}]"#;
    const LINKS: &str = r#"[{"source": 1, "target": "m", "type": "meet", "date": "2024-05-01"},
        {"source": "m", "target": "x", "type": "call"},
        {"source": "m", "target": 1, "relation": "042", "evidence": {"text": "Macron visited.", "doc": "d1"}}]"#;

    #[test]
    fn key_order_and_the_edges_spelling_give_the_same_graph() {
        let (x, bad) = read_str(
            &format!(r#"{{"directed": true, "nodes": {NODES}, "graph": {{"a": [1, {{"b": null}}]}}, "links": {LINKS}}}"#),
            true,
        )
        .unwrap();
        assert_eq!(x.actors.len(), 2);
        assert_eq!(x.relations.len(), 2);
        assert_eq!(bad.len(), 2, "{bad:?}");
        assert!(
            bad[0].contains("node 2") && bad[1].contains("link 1"),
            "{bad:?}"
        );
        for src in [
            format!(r#"{{"links": {LINKS}, "nodes": {NODES}}}"#),
            format!(r#"{{"nodes": {NODES}, "edges": {LINKS}, "multigraph": false}}"#),
            format!(r#"{{"edges": {LINKS}, "x": "y", "nodes": {NODES}}}"#),
        ] {
            let (y, bad2) = read_str(&src, true).unwrap();
            assert_eq!(y, x, "{src}");
            assert_eq!(bad2, bad);
        }
    }

    #[test]
    fn strict_reading_stops_at_the_first_bad_item() {
        let e = read_str(&format!(r#"{{"nodes": {NODES}, "links": []}}"#), false)
            .unwrap_err()
            .to_string();
        assert_eq!(e, "g.json: node 2: no \"id\"");
        let e = read_str(
            &format!(r#"{{"links": {LINKS}, "nodes": [{{"id": 1}}, {{"id": "m"}}]}}"#),
            false,
        )
        .unwrap_err()
        .to_string();
        assert!(e.starts_with("g.json: link 1:"), "{e}");
    }

    #[test]
    fn shapes_that_are_not_node_link_graphs_are_refused() {
        for (src, want) in [
            ("[1, 2]", "not a node-link graph"),
            (r#"{"nodes": []}"#, "not a node-link graph"),
            (r#"{"links": []}"#, "not a node-link graph"),
            (r#"{"nodes": 3, "links": []}"#, "not a node-link graph"),
            (
                r#"{"nodes": [], "links": [], "edges": []}"#,
                "both \"links\" and \"edges\"",
            ),
            (
                r#"{"nodes": [], "nodes": [], "links": []}"#,
                "two \"nodes\"",
            ),
            (
                r#"{"nodes": [], "links": []} x"#,
                "invalid JSON: trailing characters",
            ),
            (r#"{"nodes": [{"id": "a"}, "#, "invalid JSON: EOF"),
        ] {
            let e = read_str(src, true).unwrap_err().to_string();
            assert!(
                e.starts_with("g.json:1: ") && e.contains(want),
                "{src}: {e}"
            );
        }
    }
}
