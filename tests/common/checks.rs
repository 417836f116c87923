//! What must hold for any input, whatever its bytes: shared by the property
//! tests (`tests/reliability_props.rs`) and the fuzz targets (`fuzz/fuzz_targets/`,
//! which include this file by path), so both check exactly the same promises.
//!
//! * An error is one line that starts with the file's name.
//! * Every relation of extracted text lies inside the text, on character
//!   boundaries, and quotes its sentence; its two ends are distinct actors.
//! * Every relation of a ready-made graph joins two actors of that graph; its
//!   span is ordered and, for CSV and GDELT, inside the file on character
//!   boundaries.
//! * Loading the records (as `newsgraph load` does), writing the store and
//!   reading it back gives the same graph, and writing that gives the same bytes.

#![allow(dead_code)]

use newsgraph::graph::store;
use newsgraph::input::{content_hash, Payload, Record};
use newsgraph::pipeline::{load_records, LoadOptions};
use newsgraph::{Document, Error, Extraction, NewsGraph};
use std::collections::HashSet;
use std::path::Path;

/// A document named `id` (its path too).
pub fn doc(id: &str) -> Document {
    Document {
        id: id.into(),
        path: id.into(),
        date: None,
        title: None,
        url: None,
    }
}

/// An error is one line naming the file.
pub fn one_line_error(e: &Error, path: &str) {
    let m = e.to_string();
    assert!(
        !m.contains(['\n', '\r']),
        "error message spans several lines: {m:?}"
    );
    assert!(m.starts_with(path), "error does not name {path:?}: {m:?}");
}

/// Relations extracted from `text`: spans inside it on character boundaries,
/// quoting their sentence, between two distinct actors of the extraction.
pub fn text_relations(text: &str, x: &Extraction) {
    let ids: HashSet<&str> = x.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), x.actors.len(), "actor ids are unique");
    for r in &x.relations {
        let e = &r.evidence;
        assert!(
            e.start <= e.end && e.end <= text.len(),
            "span {}..{} outside a {}-byte text",
            e.start,
            e.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "span {}..{} not on character boundaries",
            e.start,
            e.end
        );
        assert_eq!(&text[e.start..e.end], e.text, "evidence quotes its span");
        assert!(!e.trigger.is_empty(), "a relation names its trigger");
        assert!(ids.contains(r.source.as_str()) && ids.contains(r.target.as_str()));
        assert_ne!(r.source, r.target, "no self-relation");
    }
}

/// Relations of a ready-made graph (node-link, CSV, GDELT): ends are actors of
/// the extraction, spans are ordered, and with `file` (CSV, GDELT: spans point
/// into the file) inside it on character boundaries.
pub fn graph_relations(x: &Extraction, file: Option<&[u8]>) {
    let ids: HashSet<&str> = x.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), x.actors.len(), "actor ids are unique");
    assert_eq!(x.documents.len(), 1, "a graph file is one document");
    for r in &x.relations {
        let e = &r.evidence;
        assert!(ids.contains(r.source.as_str()) && ids.contains(r.target.as_str()));
        assert!(e.start <= e.end, "span {}..{} reversed", e.start, e.end);
        assert_eq!(
            e.doc, x.documents[0].id,
            "evidence names the file's document"
        );
        if let Some(bytes) = file {
            assert!(
                e.end <= bytes.len(),
                "span {}..{} past the file",
                e.start,
                e.end
            );
            let span = &bytes[e.start..e.end];
            assert!(
                std::str::from_utf8(span).is_ok(),
                "span {}..{} not on character boundaries",
                e.start,
                e.end
            );
        }
    }
}

/// A record of a ready-made graph.
pub fn graph_record(x: Extraction, bytes: &[u8]) -> Record {
    let doc = x.documents.first().cloned().unwrap_or_else(|| doc("g"));
    Record {
        doc,
        source: String::new(),
        hash: content_hash(bytes),
        payload: Payload::Graph(x),
        bytes: bytes.len() as u64,
    }
}

/// Loads one ready-made graph into a fresh store: every relation lands (none
/// dropped), and the store round-trips.
pub fn load_graph(x: Extraction, bytes: &[u8]) -> NewsGraph {
    let n = x.relations.len();
    let g = load_and_round_trip(vec![graph_record(x, bytes)]);
    assert_eq!(
        g.relation_count(),
        n,
        "relations lost on the way into the store"
    );
    g
}

/// Loads records into a fresh graph as `newsgraph load` does (one thread),
/// writes the store, reads it back: the same graph; written again: the same
/// bytes. Returns the graph.
pub fn load_and_round_trip(records: Vec<Record>) -> NewsGraph {
    let mut g = NewsGraph::new();
    let opts = LoadOptions {
        include_planned: true,
        skip_bad: true,
        threads: 1,
        ..LoadOptions::default()
    };
    load_records(&mut g, records.into_iter().map(Ok), opts, |_| {})
        .expect("records that read cleanly load cleanly");
    round_trip(&g);
    g
}

/// Writes the graph's store bytes and reads them back: the same graph; written
/// again: the same bytes.
pub fn round_trip(g: &NewsGraph) {
    let bytes = encode(g);
    let h = store::from_bytes(Path::new("rt.store"), bytes.clone())
        .unwrap_or_else(|e| panic!("a store we wrote does not read back: {e}"));
    assert_eq!(h.to_extraction(), g.to_extraction(), "store round trip");
    assert_eq!(h.merges, g.merges);
    assert_eq!(h.alias_entries, g.alias_entries);
    assert_eq!(encode(&h), bytes, "a store read back writes the same bytes");
}

/// The store bytes of a graph.
pub fn encode(g: &NewsGraph) -> Vec<u8> {
    store::encode(g, std::io::Cursor::new(Vec::new()))
        .expect("writing to memory")
        .into_inner()
}
