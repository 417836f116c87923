//! The store through `newsgraph load`, `stats`, `actors` and `relations`:
//! idempotent reloads, merges across documents, changed documents, concurrent
//! loads, bad input that leaves the store as it was, and version 1 stores.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).expect("JSON output")
}

fn example(name: &str) -> std::path::PathBuf {
    examples().join(name)
}

#[test]
fn reloading_the_same_inputs_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    let out = ok(
        dir.path(),
        &["load", "--store", &st, &s(&examples()), &s(&article())],
    );
    assert!(
        out.starts_with("loaded 6 new, 0 changed, 0 unchanged"),
        "{out}"
    );
    let first = std::fs::read(dir.path().join("g.store")).unwrap();
    let out = ok(
        dir.path(),
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    assert!(
        out.starts_with("loaded 0 new, 0 changed, 6 unchanged"),
        "{out}"
    );
    assert_eq!(std::fs::read(dir.path().join("g.store")).unwrap(), first);
    // A second store loaded in one go holds the same graph.
    let st2 = s(&dir.path().join("h.store"));
    ok(
        dir.path(),
        &["load", "--store", &st2, &s(&examples()), &s(&article())],
    );
    assert_eq!(
        ok(
            dir.path(),
            &["relations", "--store", &st, "--format", "json"]
        ),
        ok(
            dir.path(),
            &["relations", "--store", &st2, "--format", "json"]
        )
    );
}

#[test]
fn the_same_actor_in_two_documents_is_one_node() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    ok(dir.path(), &["load", "--store", &st, &s(&article())]);
    ok(
        dir.path(),
        &["load", "--store", &st, &s(&example("erbil-reactions.txt"))],
    );
    let actors = json(dir.path(), &["actors", "--store", &st, "--format", "json"]);
    let named = |needle: &str| {
        actors
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["name"].as_str().unwrap().contains(needle))
            .count()
    };
    assert_eq!(named("al-Kadhimi"), 1);
    // Relatives who share a surname stay apart.
    assert!(named("Barzani") >= 2, "{actors}");
    let rels = json(
        dir.path(),
        &[
            "relations",
            "--store",
            &st,
            "--actor",
            "Mustafa al-Kadhimi",
            "--format",
            "json",
        ],
    );
    let mut docs: Vec<&str> = rels
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["evidence"]["doc"].as_str().unwrap())
        .collect();
    docs.sort();
    docs.dedup();
    assert_eq!(
        docs.len(),
        2,
        "relations of one al-Kadhimi from both documents: {docs:?}"
    );
    let stats = json(dir.path(), &["stats", "--store", &st, "--format", "json"]);
    assert_eq!(stats["documents"], 2);
    let docs = json(
        dir.path(),
        &["documents", "--store", &st, "--format", "json"],
    );
    let docs = docs.as_array().unwrap();
    assert_eq!(docs[1]["id"], "erbil-reactions");
    assert_eq!(docs[1]["hash"].as_str().unwrap().len(), 64);
    let per_doc: u64 = docs.iter().map(|d| d["relations"].as_u64().unwrap()).sum();
    assert_eq!(per_doc, stats["relations"].as_u64().unwrap());
    assert!(stats["merges_logged"].as_u64().unwrap() >= 1, "{stats}");
    assert_eq!(
        stats["relations"].as_u64().unwrap() as usize,
        json(
            dir.path(),
            &["relations", "--store", &st, "--format", "json"]
        )
        .as_array()
        .unwrap()
        .len()
    );
}

#[test]
fn a_changed_document_replaces_its_old_version() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("news.txt");
    let st = s(&dir.path().join("g.store"));
    std::fs::copy(example("erbil-reactions.txt"), &doc).unwrap();
    ok(dir.path(), &["load", "--store", &st, &s(&doc)]);
    std::fs::copy(example("brics-johannesburg.txt"), &doc).unwrap();
    let out = ok(dir.path(), &["load", "--store", &st, &s(&doc)]);
    assert!(out.starts_with("loaded 0 new, 1 changed"), "{out}");
    // Exactly what a fresh store of the new version holds: nothing of the old one.
    let fresh = s(&dir.path().join("fresh.store"));
    ok(dir.path(), &["load", "--store", &fresh, &s(&doc)]);
    for cmd in ["relations", "actors"] {
        assert_eq!(
            ok(dir.path(), &[cmd, "--store", &st, "--format", "json"]),
            ok(dir.path(), &[cmd, "--store", &fresh, "--format", "json"]),
            "{cmd}"
        );
    }
}

#[test]
fn concurrent_loads_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("g.store");
    let names = [
        "activision-deal.txt",
        "brics-johannesburg.txt",
        "erbil-reactions.txt",
        "vilnius-nato.txt",
        "woodside-summit.txt",
    ];
    for round in 0..3 {
        let _ = std::fs::remove_file(&store);
        let children: Vec<_> = names
            .iter()
            .map(|n| {
                Command::new(env!("CARGO_BIN_EXE_newsgraph"))
                    .args([
                        "load",
                        "--threads",
                        "1",
                        "--store",
                        &s(&store),
                        &s(&example(n)),
                    ])
                    .current_dir(dir.path())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let stats = json(
            dir.path(),
            &["stats", "--store", &s(&store), "--format", "json"],
        );
        assert_eq!(stats["documents"], 5, "round {round}: {stats}");
    }
    // The same graph as one sequential load.
    let seq = s(&dir.path().join("seq.store"));
    ok(dir.path(), &["load", "--store", &seq, &s(&examples())]);
    let count = |p: &str| {
        json(dir.path(), &["stats", "--store", p, "--format", "json"])["relations"].clone()
    };
    assert_eq!(count(&s(&store)), count(&seq));
}

#[test]
fn bad_input_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("g.store");
    let st = s(&store);
    ok(dir.path(), &["load", "--store", &st, &s(&article())]);
    let before = std::fs::read(&store).unwrap();
    let good = dir.path().join("good.txt");
    std::fs::copy(example("vilnius-nato.txt"), &good).unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("empty.txt", b"  \n", "empty file"),
        ("binary.txt", b"PK\x03\x04\x00\x00binary", "binary data"),
        ("latin1.txt", b"line one\nCaf\xe9 talks\n", "not UTF-8"),
    ];
    for (name, bytes, what) in cases {
        let bad = dir.path().join(name);
        std::fs::write(&bad, bytes).unwrap();
        let out = run(dir.path(), &["load", "--store", &st, &s(&good), &s(&bad)]);
        assert!(!out.status.success(), "{name} accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(err.contains(name) && err.contains(what), "{err}");
        assert_eq!(
            std::fs::read(&store).unwrap(),
            before,
            "{name} changed the store"
        );
        // With --skip-bad the good file lands and the bad one is counted.
        let skip = dir.path().join(format!("{name}.store"));
        let out = ok(
            dir.path(),
            &[
                "load",
                "--skip-bad",
                "--store",
                &s(&skip),
                &s(&good),
                &s(&bad),
            ],
        );
        assert!(
            out.starts_with("loaded 1 new") && out.contains("skipped 1 bad"),
            "{out}"
        );
    }
    let err = String::from_utf8_lossy(
        &run(
            dir.path(),
            &["load", "--store", &st, &s(&dir.path().join("latin1.txt"))],
        )
        .stderr,
    )
    .to_string();
    assert!(err.contains("latin1.txt:2:"), "line of the bad byte: {err}");
}

#[test]
fn version_1_json_stores_are_read_and_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let x = json(dir.path(), &["extract", "--format", "json", &s(&article())]);
    let v1 = serde_json::json!({"format": "newsgraph-store", "version": 1,
        "documents": x["documents"], "actors": x["actors"], "relations": x["relations"], "merges": []});
    let store = dir.path().join("old.store");
    std::fs::write(&store, v1.to_string()).unwrap();
    let st = s(&store);
    let stats = json(dir.path(), &["stats", "--store", &st, "--format", "json"]);
    assert_eq!(stats["format_version"], 1);
    assert_eq!(
        stats["relations"].as_u64().unwrap() as usize,
        x["relations"].as_array().unwrap().len()
    );
    let out = ok(
        dir.path(),
        &["load", "--store", &st, &s(&example("erbil-reactions.txt"))],
    );
    assert!(out.starts_with("loaded 1 new"), "{out}");
    assert_eq!(
        json(dir.path(), &["stats", "--store", &st, "--format", "json"])["format_version"],
        2
    );
    // A store from a newer program is refused with a clear message.
    let mut bytes = std::fs::read(&store).unwrap();
    bytes[8] = 9;
    std::fs::write(&store, &bytes).unwrap();
    let err =
        String::from_utf8_lossy(&run(dir.path(), &["stats", "--store", &st]).stderr).to_string();
    assert!(err.contains("version 9"), "{err}");
}

#[test]
fn listings_filter_by_kind_type_and_document() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    ok(dir.path(), &["load", "--store", &st, &s(&examples())]);
    let countries = json(
        dir.path(),
        &[
            "actors", "--store", &st, "--kind", "country", "--format", "json",
        ],
    );
    let countries = countries.as_array().unwrap();
    assert!(!countries.is_empty());
    assert!(countries.iter().all(|a| a["kind"] == "country"));
    let meets = json(
        dir.path(),
        &[
            "relations",
            "--store",
            &st,
            "--type",
            "meet,call",
            "--format",
            "json",
        ],
    );
    let meets = meets.as_array().unwrap();
    assert!(!meets.is_empty());
    assert!(meets
        .iter()
        .all(|r| r["type"] == "meet" || r["type"] == "call"));
    let one = json(
        dir.path(),
        &[
            "relations",
            "--store",
            &st,
            "--doc",
            "vilnius-nato",
            "--format",
            "json",
        ],
    );
    assert!(one
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["evidence"]["doc"] == "vilnius-nato"));
    let table = ok(
        dir.path(),
        &["relations", "--store", &st, "--doc", "vilnius-nato"],
    );
    assert_eq!(
        table.lines().count(),
        one.as_array().unwrap().len() + 1,
        "{table}"
    );
    let bad = run(
        dir.path(),
        &["relations", "--store", &st, "--since", "last week"],
    );
    assert!(!bad.status.success());
    let missing = run(
        dir.path(),
        &["stats", "--store", &s(&dir.path().join("none.store"))],
    );
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no store here yet"));
}
