//! Fuzz target: any text as an HTML page: main text, title, date and URL
//! found, the text extracted, loaded into a store and read back.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::extract::Options;
use newsgraph::pipeline::extract_document;
use newsgraph::input::{content_hash, html, Payload, Record};

fuzz_target!(|data: &[u8]| {
    let Ok(src) = std::str::from_utf8(data) else { return };
    let page = html::parse(src);
    let d = checks::doc("page");
    let x = extract_document(&d, &page.text, Options { include_planned: true, ..Options::default() }).extraction;
    checks::text_relations(&page.text, &x);
    if !page.text.trim().is_empty() {
        checks::load_and_round_trip(vec![Record {
            doc: d,
            source: String::new(),
            hash: content_hash(data),
            payload: Payload::Text(page.text.clone()),
            bytes: data.len() as u64,
        }]);
    }
});
