//! Fuzz target: any text as an alias file (TOML), applied to a store of the
//! example articles: errors are one line naming the file; an applied file adds
//! no document and the store round-trips.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::graph::aliases;
use newsgraph::NewsGraph;
use std::path::Path;
use std::sync::OnceLock;

fn examples() -> &'static NewsGraph {
    static G: OnceLock<NewsGraph> = OnceLock::new();
    G.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("examples/")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let records = files
            .iter()
            .map(|f| newsgraph::input::text::read_record(f).expect("example article"))
            .collect();
        checks::load_and_round_trip(records)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match aliases::parse(Path::new("aliases.toml"), text) {
        Ok(entries) => {
            let mut g = examples().clone();
            aliases::apply(&mut g, &entries);
            assert_eq!(g.documents.len(), examples().documents.len());
            checks::round_trip(&g);
        }
        Err(e) => checks::one_line_error(&e, "aliases.toml"),
    }
});
