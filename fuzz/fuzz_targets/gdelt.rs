//! Fuzz target: any bytes as a GDELT event file (strict, and skipping bad
//! rows); spans lie inside the file on character boundaries; what reads cleanly
//! loads into a store whole and reads back.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::input::gdelt;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for skip_bad in [false, true] {
        match gdelt::read_from(Path::new("events.tsv"), data, skip_bad, None) {
            Ok((x, bad, _)) => {
                for b in &bad {
                    assert!(!b.contains(['\n', '\r']) && b.starts_with("events.tsv"), "{b:?}");
                }
                checks::graph_relations(&x, Some(data));
                checks::load_graph(x, data);
            }
            Err(e) => checks::one_line_error(&e, "events.tsv"),
        }
    }
});
