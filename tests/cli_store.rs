//! `newsgraph load`, `path` and `build` on the example articles and the test article.

mod common;
use common::*;

#[test]
fn load_merges_actors_across_documents_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("g.store");
    let st = s(&store);
    ok(dir.path(), &["load", "--store", &st, &s(&article())]);
    ok(dir.path(), &["load", "--store", &st, &s(&examples())]);
    let first = std::fs::read(&store).unwrap();
    // The test article and erbil-reactions.txt both name al-Kadhimi and Masrour Barzani: one node each.
    let actors = ok(dir.path(), &["actors", "--store", &st, "--format", "json"]);
    let x: serde_json::Value = serde_json::from_str(&actors).unwrap();
    let count = |name: &str| {
        x.as_array()
            .unwrap()
            .iter()
            .filter(|a| a["name"].as_str().unwrap().contains(name))
            .count()
    };
    assert_eq!(count("al-Kadhimi"), 1);
    assert_eq!(count("Masrour Barzani"), 1);
    // Loading again changes nothing.
    ok(
        dir.path(),
        &["load", "--store", &st, &s(&examples()), &s(&article())],
    );
    assert_eq!(std::fs::read(&store).unwrap(), first);
}

#[test]
fn path_goes_through_kadhimi_with_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    ok(
        dir.path(),
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    let out = ok(
        dir.path(),
        &["path", "--store", &st, "Blinken", "Nechirvan Barzani"],
    );
    assert!(out.contains("2 hop(s)"), "{out}");
    assert!(out.contains("Mustafa al-Kadhimi"), "{out}");
    assert!(
        out.contains("spoke") || out.contains("Call"),
        "evidence sentence printed: {out}"
    );
    let json = ok(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "blinken",
            "NECHIRVAN BARZANI",
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["hops"].as_array().unwrap().len(), 2);
    let bad = run(dir.path(), &["path", "--store", &st, "Blinkn", "Barzani"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("did you mean") && err.contains("Blinken"),
        "{err}"
    );
}

#[test]
fn build_writes_store_dot_and_svg() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let summary = ok(
        dir.path(),
        &["build", &s(&examples()), "--out", &s(&out_dir)],
    );
    assert!(summary.contains("documents  5"), "{summary}");
    assert!(summary.contains("relations"));
    for f in ["newsgraph.store", "graph.dot", "graph.svg"] {
        assert!(out_dir.join(f).exists(), "{f} written");
    }
}
