//! Fuzz target: any bytes, decoded as text when valid UTF-8, through the whole
//! extractor, then into a store and back. It must never panic; every relation's
//! evidence lies inside the document on character boundaries and quotes its
//! sentence; the store round-trips (checks shared with the property tests).
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::extract::Options;
use newsgraph::pipeline::extract_document;
use newsgraph::input::text::decode;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let text = match decode(Path::new("fuzz.txt"), data.to_vec()) {
        Ok(t) => t,
        Err(e) => return checks::one_line_error(&e, "fuzz.txt"),
    };
    let d = checks::doc("f");
    let x = extract_document(&d, &text, Options { include_planned: true, ..Options::default() }).extraction;
    checks::text_relations(&text, &x);
    checks::load_and_round_trip(vec![checks::graph_record(x, data)]);
});
