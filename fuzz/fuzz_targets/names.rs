//! Fuzz target (issue 16): any text as actor names, split on line breaks, into a
//! chain of actors loaded through the merge (which caps names at 200
//! characters), then through every export with the embedded renderer. Entities
//! (`&#x1b;`, `&lt;`, `&amp;amp;`) must stay text: SVG,
//! GraphML and HTML carry no raw control character, every diagram is made, no
//! DOT string passes Graphviz's limit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::{export, Engine, ExportOptions, Format};
use newsgraph::graph::merge::{merge_into, MAX_NAME_CHARS};
use newsgraph::{Actor, ActorKind, Document, Evidence, Extraction, NewsGraph, Relation, RelationType};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let names: Vec<&str> = src.split('\n').filter(|n| !n.trim().is_empty()).take(8).collect();
    if names.len() < 2 {
        return;
    }
    let actors = names
        .iter()
        .enumerate()
        .map(|(i, n)| Actor {
            id: format!("a{i}"),
            name: n.to_string(),
            kind: ActorKind::ALL[i % 4],
            country: None,
            aliases: vec![],
        })
        .collect();
    let relations = (1..names.len())
        .map(|i| Relation {
            source: format!("a{}", i - 1),
            target: format!("a{i}"),
            kind: RelationType::ALL[i % 13],
            cameo: None,
            date: None,
            planned: false,
            evidence: Evidence {
                doc: "d".into(),
                sentence: 0,
                start: 0,
                end: 0,
                trigger: "met".into(),
                text: names[i].to_string(),
                rule: None,
            },
        })
        .collect();
    let doc = Document { id: "d".into(), path: "d".into(), date: None, title: None, url: None };
    let mut g = NewsGraph::new();
    merge_into(&mut g, Extraction { documents: vec![doc], actors, relations });
    for a in g.actors() {
        assert!(a.name.chars().count() <= MAX_NAME_CHARS);
    }
    let opts = ExportOptions { engine: Engine::Builtin, ..ExportOptions::default() };
    for f in [Format::Dot, Format::Svg, Format::Html, Format::Graphml, Format::Mermaid, Format::Cypher, Format::Json] {
        let out = export(&g, f, &opts).expect("every export is made");
        for (_, bytes) in out.files {
            let text = String::from_utf8(bytes).expect("UTF-8");
            if matches!(f, Format::Svg | Format::Html | Format::Graphml) {
                assert!(!text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')));
            }
            if f == Format::Dot {
                assert!(text.lines().all(|l| l.len() < newsgraph::export::dot::MAX_STRING_BYTES + 200));
            }
        }
    }
});
