//! Fuzz target: any bytes as a CSV edge list (strict, and skipping bad rows);
//! spans lie inside the file on character boundaries; what reads cleanly loads
//! into a store whole and reads back.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::input::csv;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for skip_bad in [false, true] {
        match csv::read_from(Path::new("edges.csv"), data, skip_bad, None) {
            Ok((x, bad)) => {
                for b in &bad {
                    assert!(!b.contains(['\n', '\r']) && b.starts_with("edges.csv"), "{b:?}");
                }
                checks::graph_relations(&x, Some(data));
                checks::load_graph(x, data);
            }
            Err(e) => checks::one_line_error(&e, "edges.csv"),
        }
    }
});
