//! Fuzz target: any text as a node-link JSON graph (strict, and skipping bad
//! items); what reads cleanly loads into a store whole and reads back.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::input::nodelink;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    for skip_bad in [false, true] {
        match nodelink::read(Path::new("graph.json"), src, skip_bad) {
            Ok((x, bad)) => {
                for b in &bad {
                    assert!(!b.contains(['\n', '\r']) && b.starts_with("graph.json"), "{b:?}");
                }
                checks::graph_relations(&x, None);
                checks::load_graph(x, data);
            }
            Err(e) => checks::one_line_error(&e, "graph.json"),
        }
    }
});
