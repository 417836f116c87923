//! Fuzz target: any bytes as a store file. Half the inputs get a valid header
//! (magic, version, length and checksum forged to match), so the structural
//! checks (counts, offsets, indices, UTF-8) rather than the checksum meet them.
//! A store that reads must write and read back as the same graph, byte for byte.
#![no_main]

#[path = "../../tests/common/checks.rs"]
mod checks;

use libfuzzer_sys::fuzz_target;
use newsgraph::graph::store;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let bytes = match data.split_first() {
        Some((&flag, rest)) if flag & 1 == 1 => {
            let mut b = store::MAGIC.to_vec();
            b.extend_from_slice(&store::VERSION.to_le_bytes());
            b.extend_from_slice(&[0; 4]);
            b.extend_from_slice(&(rest.len() as u64).to_le_bytes());
            b.extend_from_slice(&crc32fast::hash(rest).to_le_bytes());
            b.extend_from_slice(&[0; 4]);
            b.extend_from_slice(rest);
            b
        }
        _ => data.to_vec(),
    };
    match store::from_bytes(Path::new("s.store"), bytes) {
        Ok(g) => checks::round_trip(&g),
        Err(e) => checks::one_line_error(&e, "s.store"),
    }
});
