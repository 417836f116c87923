//! End-to-end tests of `newsgraph gen-corpus`: the generated archive is
//! deterministic, has the requested size, and loads into a real graph.

mod common;

use common::{ok, run, s};
use std::path::Path;

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in std::fs::read_dir(dir).unwrap() {
        let sub = sub.unwrap().path();
        for f in std::fs::read_dir(&sub).unwrap() {
            let f = f.unwrap().path();
            out.push((
                f.strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(&f).unwrap(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn same_seed_same_bytes_and_the_archive_loads() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let said = ok(
        tmp.path(),
        &["gen-corpus", &s(&a), "--size", "60KB", "--seed", "9"],
    );
    ok(
        tmp.path(),
        &["gen-corpus", &s(&b), "--size", "60KB", "--seed", "9"],
    );
    let (fa, fb) = (read_all(&a), read_all(&b));
    assert_eq!(fa, fb, "the same seed must write the same files");
    let bytes: usize = fa.iter().map(|(_, t)| t.len()).sum();
    assert!((60_000..64_000).contains(&bytes), "{bytes} bytes");
    assert!(said.contains(&format!("{bytes} bytes")), "{said}");

    let store = tmp.path().join("g.store");
    let msg = ok(tmp.path(), &["load", &s(&a), "--store", &s(&store)]);
    assert!(msg.contains(&format!("loaded {} new", fa.len())), "{msg}");
    let json = ok(tmp.path(), &["extract", "--format", "json", &s(&a)]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rels = v["relations"].as_array().unwrap();
    // Every generated relation sentence type shows up in a corpus this size.
    for t in ["call", "meet", "condemn", "accuse", "support", "agree"] {
        assert!(rels.iter().any(|r| r["type"] == t), "no {t} relation");
    }
}

#[test]
fn a_bad_size_is_a_one_line_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["gen-corpus", "x", "--size", "huge"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad size") && err.lines().count() == 1,
        "{err}"
    );
}
