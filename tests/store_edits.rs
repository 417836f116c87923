//! Corrections on a store: alias files (applied now and at later loads), merge,
//! split and remove, each logged, each leaving a store that reads back.

mod common;
use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn js(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).expect("JSON output")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn actor<'a>(actors: &'a Value, name: &str) -> Option<&'a Value> {
    actors
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
}

fn merges(dir: &Path, st: &str) -> u64 {
    js(dir, &["stats", "--store", st, "--format", "json"])["merges_logged"]
        .as_u64()
        .unwrap()
}

const ALIASES: &str = r#"
# Fixes for the example articles.
[[actor]]
name = "Activision Blizzard"
kind = "organization"

[[actor]]
name = "U.S. Department of State"
kind = "organization"
country = "USA"
aliases = ["State Dept", "Foggy Bottom"]
"#;

#[test]
fn alias_files_fix_the_store_and_later_loads() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    ok(
        dir.path(),
        &["load", "--store", &st, &s(&examples()), &s(&article())],
    );
    let before = js(dir.path(), &["actors", "--store", &st, "--format", "json"]);
    // (Whatever kind extraction gave it, the alias file's kind wins below.)
    assert!(actor(&before, "Activision Blizzard").is_some());
    assert!(actor(&before, "State Dept").is_some());
    let logged = merges(dir.path(), &st);
    let file = write(dir.path(), "aliases.toml", ALIASES);
    let out = ok(dir.path(), &["aliases", "apply", &s(&file), "--store", &st]);
    assert!(
        out.starts_with("2 entr(ies): 2 matched, 1 actor(s) merged"),
        "{out}"
    );
    let after = js(dir.path(), &["actors", "--store", &st, "--format", "json"]);
    assert_eq!(
        after.as_array().unwrap().len(),
        before.as_array().unwrap().len() - 1
    );
    assert_eq!(
        actor(&after, "Activision Blizzard").unwrap()["kind"],
        "organization"
    );
    assert!(actor(&after, "State Dept").is_none());
    let dos = actor(&after, "U.S. Department of State").unwrap();
    assert!(dos["aliases"].to_string().contains("State Dept"), "{dos}");
    assert!(merges(dir.path(), &st) > logged, "merges are logged");
    // The entries stay in the store and apply to what is loaded later.
    let shown = ok(dir.path(), &["aliases", "show", "--store", &st]);
    assert!(
        shown.contains("[[actor]]") && shown.contains("Foggy Bottom"),
        "{shown}"
    );
    let later = write(dir.path(), "later.csv", "Foggy Bottom,Iraq,meet\n");
    ok(dir.path(), &["load", "--store", &st, &s(&later)]);
    let rels = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &st,
            "--doc",
            "later",
            "--format",
            "json",
        ],
    );
    assert_eq!(rels[0]["source"], dos["id"], "{rels}");
    // `load --aliases` on a fresh store gives the same actors as load, then apply.
    let fresh = s(&dir.path().join("fresh.store"));
    ok(
        dir.path(),
        &[
            "load",
            "--aliases",
            &s(&file),
            "--store",
            &fresh,
            &s(&examples()),
            &s(&article()),
        ],
    );
    ok(dir.path(), &["load", "--store", &fresh, &s(&later)]);
    assert_eq!(
        js(
            dir.path(),
            &["actors", "--store", &fresh, "--format", "json"]
        ),
        js(dir.path(), &["actors", "--store", &st, "--format", "json"])
    );
    // Bad alias files: one line naming the file (and line), store untouched.
    let bytes = std::fs::read(dir.path().join("g.store")).unwrap();
    for (name, text, needle) in [
        ("syntax.toml", "[[actor]\nname = \"x\"\n", "syntax.toml:1:"),
        ("kind.toml", "[[actor]]\nname = \"X Y\"\nkind = \"robot\"\n", "kind.toml:3:"),
        ("twice.toml", "[[actor]]\nname = \"A B\"\naliases = [\"Z\"]\n[[actor]]\nname = \"C D\"\naliases = [\"z\"]\n", "listed for both"),
        ("country.toml", "[[actor]]\nname = \"A B\"\ncountry = \"Iraq\"\n", "alpha-3"),
    ] {
        let f = write(dir.path(), name, text);
        let out = run(dir.path(), &["aliases", "apply", &s(&f), "--store", &st]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(needle), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(std::fs::read(dir.path().join("g.store")).unwrap(), bytes);
}

#[test]
fn merge_then_split_restores_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    let a = write(
        dir.path(),
        "a.csv",
        "Ann Lee,Iraq,meet\nAnn Lee,Iran,call\n",
    );
    let b = write(
        dir.path(),
        "b.csv",
        "Ann Li,Iran,visit\nTurkey,Ann Li,support\n",
    );
    ok(dir.path(), &["load", "--store", &st, &s(&a), &s(&b)]);
    let rels = js(
        dir.path(),
        &["relations", "--store", &st, "--format", "json"],
    );
    let actors = js(dir.path(), &["actors", "--store", &st, "--format", "json"]);
    let out = ok(dir.path(), &["merge", "--store", &st, "Ann Lee", "Ann Li"]);
    assert!(
        out.contains("merged Ann Li (ann-li) into Ann Lee (ann-lee)"),
        "{out}"
    );
    let merged = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &st,
            "--actor",
            "Ann Li",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        merged.as_array().unwrap().len(),
        4,
        "all four relations on one actor"
    );
    assert!(merges(dir.path(), &st) >= 1);
    let out = ok(
        dir.path(),
        &["split", "--store", &st, "Ann Lee", "--alias", "Ann Li"],
    );
    assert!(out.contains("1 document(s), 2 relation(s) moved"), "{out}");
    assert_eq!(
        js(
            dir.path(),
            &["relations", "--store", &st, "--format", "json"]
        ),
        rels
    );
    assert_eq!(
        js(dir.path(), &["actors", "--store", &st, "--format", "json"]),
        actors
    );
    // Mistakes are refused with one line, the store unchanged.
    let bytes = std::fs::read(dir.path().join("g.store")).unwrap();
    for args in [
        vec!["merge", "Ann Lee", "ann-lee"],
        vec!["merge", "Ann Lee", "Nobody Here"],
        vec!["split", "Ann Lee", "--alias", "Bo Chan"],
        vec!["split", "Ann Lee"],
        vec!["split", "Ann Lee", "--doc", "b"],
        vec!["remove", "--doc", "a", "--doc", "nope"],
    ] {
        let mut v = args.clone();
        v.extend(["--store", &st]);
        let out = run(dir.path(), &v);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} accepted");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    assert_eq!(std::fs::read(dir.path().join("g.store")).unwrap(), bytes);
}

/// One article names two people whom a wrong merge made one; splitting the
/// alias back off moves only the relations whose sentence uses it, not every
/// relation of the article (which would hand Ann Lee's meeting and visit to Ann Li).
#[test]
fn split_by_alias_moves_only_the_mentions_that_used_it() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    let a = write(
        dir.path(),
        "a.txt",
        "Ann Lee met Egyptian Foreign Minister Ahmed Sami in Cairo on Monday.\n\n\
         Ann Li called Jordanian Prime Minister Omar Farouk on Tuesday.\n\n\
         Lee later visited Amman.\n",
    );
    let b = write(dir.path(), "b.txt", "Ann Li met Omar Farouk in Amman.\n");
    ok(dir.path(), &["load", "--store", &st, &s(&a), &s(&b)]);
    let rels = js(
        dir.path(),
        &["relations", "--store", &st, "--format", "json"],
    );
    let actors = js(dir.path(), &["actors", "--store", &st, "--format", "json"]);
    let of = |rels: &Value, id: &str| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = rels
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["source"] == id || r["target"] == id)
            .map(|r| {
                let e = &r["evidence"];
                (
                    e["doc"].as_str().unwrap().to_string(),
                    r["type"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        v.sort();
        v
    };
    let pair = |d: &str, t: &str| (d.to_string(), t.to_string());
    assert_eq!(
        of(&rels, "ann-lee"),
        [pair("a", "meet"), pair("a", "visit")],
        "{rels}"
    );
    assert_eq!(of(&rels, "ann-li"), [pair("a", "call"), pair("b", "meet")]);
    ok(dir.path(), &["merge", "--store", &st, "Ann Lee", "Ann Li"]);
    let out = ok(
        dir.path(),
        &["split", "--store", &st, "Ann Lee", "--alias", "Ann Li"],
    );
    assert!(out.contains("2 document(s), 2 relation(s) moved"), "{out}");
    let after = js(
        dir.path(),
        &["relations", "--store", &st, "--format", "json"],
    );
    assert_eq!(of(&after, "ann-lee"), of(&rels, "ann-lee"), "{after}");
    assert_eq!(of(&after, "ann-li"), of(&rels, "ann-li"), "{after}");
    assert_eq!(after, rels);
    assert_eq!(
        js(dir.path(), &["actors", "--store", &st, "--format", "json"]),
        actors
    );
    // Both names stay findable, each on its own actor.
    let lee = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &st,
            "--actor",
            "Lee",
            "--format",
            "json",
        ],
    );
    assert_eq!(of(&lee, "ann-lee").len(), 2, "{lee}");
}

#[test]
fn removing_a_document_takes_back_what_only_it_brought() {
    let dir = tempfile::tempdir().unwrap();
    let st = s(&dir.path().join("g.store"));
    let rest = dir.path().join("rest");
    std::fs::create_dir(&rest).unwrap();
    for f in [
        "activision-deal.txt",
        "brics-johannesburg.txt",
        "erbil-reactions.txt",
        "woodside-summit.txt",
    ] {
        std::fs::copy(examples().join(f), rest.join(f)).unwrap();
    }
    ok(
        dir.path(),
        &[
            "load",
            "--store",
            &st,
            &s(&article()),
            &s(&examples().join("vilnius-nato.txt")),
            &s(&rest),
        ],
    );
    let out = ok(
        dir.path(),
        &["remove", "--store", &st, "--doc", "vilnius-nato"],
    );
    assert!(out.starts_with("removed 1 document(s)"), "{out}");
    let only = s(&dir.path().join("only.store"));
    ok(
        dir.path(),
        &["load", "--store", &only, &s(&article()), &s(&rest)],
    );
    for cmd in ["relations", "actors"] {
        assert_eq!(
            js(dir.path(), &[cmd, "--store", &st, "--format", "json"]),
            js(dir.path(), &[cmd, "--store", &only, "--format", "json"]),
            "{cmd} after remove = never loaded"
        );
    }
    // Loading it again brings it back.
    let out = ok(
        dir.path(),
        &[
            "load",
            "--store",
            &st,
            &s(&examples().join("vilnius-nato.txt")),
        ],
    );
    assert!(out.starts_with("loaded 1 new"), "{out}");
}
