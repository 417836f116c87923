//! What a store holds, in figures: documents, actors by kind, relations by
//! type, the dates they span, merges logged, alias entries, and the file's
//! format version and size.

use super::report::sorted_keys;
use crate::graph::{store, NewsGraph};
use crate::model::{ActorKind, RelationType};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// The figures of a store, as `newsgraph stats --format json` prints them
/// (keys in alphabetical order, see [`report`](super::report)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Number of actors.
    pub actors: usize,
    /// Actors per kind (kinds without actors left out; in JSON an object keyed
    /// by kind name, alphabetically).
    #[serde(serialize_with = "sorted_keys")]
    pub actors_by_kind: BTreeMap<ActorKind, usize>,
    /// Entries of alias files kept for later loads.
    pub alias_entries: usize,
    /// Size of the store file (0 when it cannot be read).
    pub bytes: u64,
    /// Number of documents.
    pub documents: usize,
    /// Earliest relation date (relations' own dates only).
    pub first_date: Option<String>,
    /// The store file's format version.
    pub format_version: u32,
    /// Latest relation date (relations' own dates only).
    pub last_date: Option<String>,
    /// Merges in the store's log (see `newsgraph merge` and `split`).
    pub merges_logged: usize,
    /// Relations marked planned (announced, not yet happened).
    pub planned: usize,
    /// Number of relations.
    pub relations: usize,
    /// Relations per type (types without relations left out; in JSON an
    /// object keyed by type name, alphabetically).
    #[serde(serialize_with = "sorted_keys")]
    pub relations_by_type: BTreeMap<RelationType, usize>,
    /// The store file, as given.
    pub store: String,
}

impl Stats {
    /// The figures of graph `g`, opened from the store file at `path`.
    pub fn new(g: &NewsGraph, path: &Path) -> Stats {
        let mut actors_by_kind = BTreeMap::new();
        for a in g.graph.node_weights() {
            *actors_by_kind.entry(a.kind).or_default() += 1;
        }
        let mut relations_by_type = BTreeMap::new();
        let (mut first, mut last): (Option<&str>, Option<&str>) = (None, None);
        let mut planned = 0;
        for e in g.graph.edge_weights() {
            *relations_by_type.entry(e.kind).or_default() += 1;
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
        Stats {
            actors: g.actor_count(),
            actors_by_kind,
            alias_entries: g.alias_entries.len(),
            bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            documents: g.documents.len(),
            first_date: first.map(str::to_string),
            format_version: format_version(path),
            last_date: last.map(str::to_string),
            merges_logged: g.merges.len(),
            planned,
            relations: g.relation_count(),
            relations_by_type,
            store: path.display().to_string(),
        }
    }
}

/// The format version of the store file at `path`: 1 for the JSON stores
/// (they start with `{`), else the current binary format.
fn format_version(path: &Path) -> u32 {
    let mut first = [0u8; 1];
    let read = std::fs::File::open(path).and_then(|mut f| f.read(&mut first));
    match read {
        Ok(1) if first[0] == b'{' => 1,
        _ => store::VERSION,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::report::testing::json;
    use crate::query::testing::graph;

    #[test]
    fn stats_serialize_with_sorted_keys() {
        let mut g = graph(&[
            ("a", "b", RelationType::Visit),
            ("b", "a", RelationType::Call),
            ("a", "b", RelationType::Affiliation),
        ]);
        let e = g.graph.edge_indices().next().unwrap();
        let d = g.intern("2021-09-10");
        g.graph[e].date = Some(d);
        g.graph[e].planned = true;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        std::fs::write(&path, b"{\"format\": \"newsgraph-store\"}").unwrap();
        let s = Stats::new(&g, &path);
        assert_eq!(s.format_version, 1);
        let v: serde_json::Value = serde_json::from_str(&json(&s)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "actors": 2,
                "actors_by_kind": {"person": 2},
                "alias_entries": 0,
                "bytes": 29,
                "documents": 0,
                "first_date": "2021-09-10",
                "format_version": 1,
                "last_date": "2021-09-10",
                "merges_logged": 0,
                "planned": 1,
                "relations": 3,
                "relations_by_type": {"affiliation": 1, "call": 1, "visit": 1},
                "store": path.display().to_string(),
            })
        );
        // Object keys by name, not in the schema's order of the types.
        let text = json(&s);
        assert!(text.find("\"affiliation\"").unwrap() < text.find("\"call\"").unwrap());
        let missing = Stats::new(&g, &dir.path().join("none"));
        assert_eq!((missing.bytes, missing.format_version), (0, store::VERSION));
    }
}
