//! Fuzz target: any bytes, decoded as text when valid UTF-8, through the whole
//! extractor. It must never panic, and every relation's evidence must lie inside
//! the document on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::extract::{extract_document, Options};
use newsgraph::input::text::decode;
use newsgraph::Document;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(Path::new("fuzz.txt"), data.to_vec()) else { return };
    let doc = Document { id: "f".into(), path: "f".into(), date: None, title: None, url: None };
    let r = extract_document(&doc, &text, Options { include_planned: true });
    for rel in &r.extraction.relations {
        let e = &rel.evidence;
        assert!(e.start <= e.end && e.end <= text.len());
        assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
        assert_eq!(&text[e.start..e.end], e.text);
        assert_ne!(rel.source, rel.target);
    }
});
