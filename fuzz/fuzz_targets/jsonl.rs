//! Fuzz target: any bytes as a JSON Lines file, read record by record as
//! `newsgraph load` does; each article extracted; all loaded into a store and
//! read back. Errors are one line naming the file.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::extract::Options;
use newsgraph::pipeline::extract_document;
use newsgraph::input::{jsonl, Payload};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let it = jsonl::from_reader(Path::new("feed.jsonl"), Box::new(std::io::Cursor::new(data.to_vec())));
    let mut good = Vec::new();
    for r in it {
        match r {
            Ok(rec) => {
                let Payload::Text(t) = &rec.payload else { panic!("a JSON Lines record is text") };
                let x = extract_document(&rec.doc, t, Options { include_planned: true, ..Options::default() }).extraction;
                checks::text_relations(t, &x);
                good.push(rec);
            }
            Err(e) => checks::one_line_error(&e, "feed.jsonl"),
        }
    }
    checks::load_and_round_trip(good);
    // Issue 16: with a tiny document size limit every line is read or refused
    // by that limit, naming the file, while reading (never after).
    let limit = u64::from(data.first().copied().unwrap_or(16));
    let it = jsonl::from_reader(Path::new("feed.jsonl"), Box::new(std::io::Cursor::new(data.to_vec())))
        .with_max_line(limit);
    for r in it {
        match r {
            Ok(rec) => assert!(rec.bytes <= limit + 1, "a line over the limit was read"),
            Err(e) => checks::one_line_error(&e, "feed.jsonl"),
        }
    }
});
