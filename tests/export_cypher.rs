//! `export --format cypher`: a script that creates the stored graph in Neo4j,
//! Memgraph or FalkorDB. (Run against a live FalkorDB, with hostile names, in
//! `remote_falkordb.rs`.)

mod common;
use common::*;
use std::path::Path;

fn example_store(dir: &Path) -> String {
    let st = dir.join("news.store");
    ok(
        dir,
        &["load", &s(&examples()), &s(&article()), "--store", &s(&st)],
    );
    s(&st)
}

#[test]
fn the_script_has_one_statement_per_line_and_every_actor_and_relation() {
    let dir = tempfile::tempdir().unwrap();
    let st = example_store(dir.path());
    let stats: serde_json::Value = serde_json::from_str(&ok(
        dir.path(),
        &["stats", "--store", &st, "--format", "json"],
    ))
    .unwrap();
    let script = ok(
        dir.path(),
        &["export", "--store", &st, "--format", "cypher"],
    );
    let statements: Vec<&str> = script.lines().filter(|l| !l.starts_with("//")).collect();
    assert!(
        statements.iter().all(|l| l.ends_with(';')),
        "one statement per line"
    );
    assert!(statements[0]
        .starts_with("CREATE INDEX newsgraph_actor_key IF NOT EXISTS FOR (n:Actor) ON (n.key)"));
    // Every actor and relation is in exactly one row: count the row fields that
    // only actors (`search`) and relations (`ord`) have.
    let actors = script.matches("`search`: [").count();
    let relations = script.matches("`ord`: ").count();
    let count = |k: &str| stats[k].as_u64().expect("a count") as usize;
    assert_eq!(actors, count("actors"));
    assert_eq!(relations, count("relations"));
    assert!(script.contains("MERGE (s)-[r:CALL {key: row.key}]->(t)"));
    assert!(script.contains("MERGE (a:Actor:Person {key: row.key})"));
    // The same store gives the same bytes.
    assert_eq!(
        script,
        ok(
            dir.path(),
            &["export", "--store", &st, "--format", "cypher"]
        )
    );
    // Dialects differ only in how the index is made.
    let mem = ok(
        dir.path(),
        &[
            "export",
            "--store",
            &st,
            "--format",
            "cypher",
            "--dialect",
            "memgraph",
        ],
    );
    assert!(mem.contains("\nCREATE INDEX ON :Actor(key);\n"));
    let fdb = ok(
        dir.path(),
        &[
            "export",
            "--store",
            &st,
            "--format",
            "cypher",
            "--dialect",
            "falkordb",
        ],
    );
    assert!(fdb.contains("\nCREATE INDEX FOR (n:Actor) ON (n.key);\n"));
    let out = run(
        dir.path(),
        &[
            "export",
            "--store",
            &st,
            "--format",
            "cypher",
            "--dialect",
            "oracle",
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown Cypher dialect"));
}
