//! The embedded store: the graph persisted to one file.
//!
//! Format (version 1): a JSON object `{"format": "newsgraph-store", "version": 1,
//! "documents": [...], "actors": [...], "relations": [...], "merges": [...]}` with
//! the same document, actor and relation shapes as `extract --format json`.
//! Writes are atomic: the new store is written to a temporary file in the same
//! directory, flushed to disk, then renamed over the old one, so a crash leaves
//! either the old store or the new one.

use super::model::{Actor, Document, Relation};
use super::NewsGraph;
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Name of the store format, written in every store file.
pub const FORMAT: &str = "newsgraph-store";
/// Current version of the store format.
pub const VERSION: u32 = 1;
/// Store path used when none is given (`--store` or `NEWSGRAPH_STORE`).
pub const DEFAULT_PATH: &str = "newsgraph.store";

#[derive(Serialize, Deserialize)]
struct StoreFile {
    format: String,
    version: u32,
    documents: Vec<Document>,
    actors: Vec<Actor>,
    relations: Vec<Relation>,
    #[serde(default)]
    merges: Vec<String>,
}

/// The store path to use: the explicit one, else `$NEWSGRAPH_STORE`, else the default.
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("NEWSGRAPH_STORE").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_PATH))
}

/// Opens a store; a missing file is an empty graph.
pub fn open(path: &Path) -> Result<NewsGraph> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(NewsGraph::new()),
        Err(e) => return Err(Error::io(path, e)),
    };
    let bad = |reason: String| Error::BadStore {
        path: path.to_path_buf(),
        reason,
    };
    let file: StoreFile = serde_json::from_slice(&bytes)
        .map_err(|e| bad(format!("line {}, column {}: {e}", e.line(), e.column())))?;
    if file.format != FORMAT {
        return Err(bad(format!(
            "format is {:?}, expected {FORMAT:?}",
            file.format
        )));
    }
    if file.version > VERSION {
        return Err(bad(format!(
            "version {} is newer than this program understands ({VERSION})",
            file.version
        )));
    }
    let mut g = NewsGraph::new();
    g.documents = file.documents;
    g.merges = file.merges;
    for a in file.actors {
        if g.node(&a.id).is_some() {
            return Err(bad(format!("actor id {:?} appears twice", a.id)));
        }
        g.add_actor(a);
    }
    for r in file.relations {
        let (s, t) = (r.source.clone(), r.target.clone());
        if g.add_relation(r).is_none() {
            return Err(bad(format!("relation {s} -> {t} names an unknown actor")));
        }
    }
    Ok(g)
}

/// Saves a graph atomically.
pub fn save(g: &NewsGraph, path: &Path) -> Result<()> {
    let x = g.to_extraction();
    let file = StoreFile {
        format: FORMAT.to_string(),
        version: VERSION,
        documents: x.documents,
        actors: x.actors,
        relations: x.relations,
        merges: g.merges.clone(),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| Error::io(&dir, e))?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        serde_json::to_writer(&mut w, &file).map_err(|e| Error::io(path, e.into()))?;
        w.flush().map_err(|e| Error::io(path, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::model::{ActorKind, Evidence, RelationType};

    #[test]
    fn save_then_open_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        let mut g = NewsGraph::new();
        for (id, name) in [("a", "Ann Lee"), ("b", "Bo Chan")] {
            g.add_actor(Actor {
                id: id.into(),
                name: name.into(),
                kind: ActorKind::Person,
                country: None,
                aliases: vec![],
            });
        }
        g.add_relation(Relation {
            source: "a".into(),
            target: "b".into(),
            kind: RelationType::Call,
            cameo: Some("041".into()),
            date: None,
            planned: false,
            evidence: Evidence {
                doc: "d".into(),
                sentence: 0,
                start: 0,
                end: 5,
                trigger: "called".into(),
                text: "x".into(),
                rule: None,
            },
        });
        save(&g, &path).unwrap();
        let h = open(&path).unwrap();
        assert_eq!(h.to_extraction(), g.to_extraction());
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        std::fs::write(&path, b"{not json").unwrap();
        let e = open(&path).unwrap_err().to_string();
        assert!(
            e.contains("s.store") && e.contains("not a readable newsgraph store"),
            "{e}"
        );
    }
}
