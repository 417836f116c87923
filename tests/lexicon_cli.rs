//! `--lexicon DIR` end to end: a user adds a trigger verb, an organization and
//! a title in files named like those in data/, and `extract`, `load` and
//! `build` find what the built-in lexicons alone do not, without a rebuild.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;

/// A made-up verb no English lexicon has, used as an accusation, and an
/// organization whose name reads as two common words.
const ARTICLE: &str = "Portugal blorfed Denmark on Tuesday over the fishing dispute.\n\n\
Officials of Quiet Harbour said the group supported Denmark in the talks.\n";

fn lexicon_dir(dir: &Path) -> std::path::PathBuf {
    let lex = dir.join("mylex");
    std::fs::create_dir_all(&lex).unwrap();
    std::fs::write(
        lex.join("triggers.tsv"),
        "# type\tcameo\tframe\tpattern\naccuse\t112\tsvo\tblorf+\n",
    )
    .unwrap();
    std::fs::write(
        lex.join("organizations.tsv"),
        "# name\tother names\tcountry\nQuiet Harbour\t\tDNK\n",
    )
    .unwrap();
    lex
}

fn relations(x: &Value) -> Vec<(String, String, String, String)> {
    let name = |id: &Value| {
        x["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == *id)
            .unwrap()["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    x["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                name(&r["source"]),
                r["type"].as_str().unwrap().to_string(),
                name(&r["target"]),
                r["evidence"]["rule"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn a_users_trigger_verb_gives_a_relation_that_names_the_users_file() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let lex = lexicon_dir(dir.path());

    let plain: Value = serde_json::from_str(&ok(
        dir.path(),
        &["extract", "--format", "json", &s(&article)],
    ))
    .unwrap();
    assert!(
        !relations(&plain).iter().any(|r| r.1 == "accuse"),
        "the built-in lexicon knows no such verb: {:?}",
        relations(&plain)
    );

    let args = [
        "extract",
        "--format",
        "json",
        "--lexicon",
        &s(&lex),
        &s(&article),
    ];
    let x: Value = serde_json::from_str(&ok(dir.path(), &args)).unwrap();
    let rels = relations(&x);
    let accuse = rels
        .iter()
        .find(|r| r.1 == "accuse")
        .unwrap_or_else(|| panic!("no accusation with the user's verb: {rels:?}"));
    assert_eq!(
        (accuse.0.as_str(), accuse.2.as_str()),
        ("Portugal", "Denmark")
    );
    let rule = &accuse.3;
    assert!(
        rule.starts_with(&format!(
            "{}:2 accuse [blorf+]",
            s(&lex.join("triggers.tsv"))
        )),
        "{rule}"
    );
    let org = x["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Quiet Harbour")
        .unwrap_or_else(|| panic!("the user's organization is an actor: {x}"));
    assert_eq!(org["kind"], "organization");
}

#[test]
fn load_and_build_take_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let lex = lexicon_dir(dir.path());
    let store = dir.path().join("st.store");
    ok(
        dir.path(),
        &[
            "load",
            "--store",
            &s(&store),
            "--lexicon",
            &s(&lex),
            &s(&article),
        ],
    );
    let out = ok(
        dir.path(),
        &[
            "relations",
            "--store",
            &s(&store),
            "--type",
            "accuse",
            "--format",
            "json",
        ],
    );
    assert!(out.contains("Portugal") && out.contains("Denmark"), "{out}");

    let outdir = dir.path().join("out");
    ok(
        dir.path(),
        &[
            "build",
            "--out",
            &s(&outdir),
            "--lexicon",
            &s(&lex),
            &s(&article),
        ],
    );
    let json = std::fs::read_to_string(outdir.join("graph.json")).unwrap();
    assert!(json.contains("\"accuse\""), "{json}");
}

#[test]
fn a_bad_lexicon_line_is_one_line_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let lex = dir.path().join("badlex");
    std::fs::create_dir_all(&lex).unwrap();
    std::fs::write(
        lex.join("triggers.tsv"),
        "# mine\n\naccuse\t112\tsov\tblorf+\n",
    )
    .unwrap();
    for cmd in ["extract", "load", "build"] {
        let mut args = vec![cmd, "--lexicon"];
        let l = s(&lex);
        let a = s(&article);
        args.push(&l);
        args.push(&a);
        let out = run(dir.path(), &args);
        assert!(!out.status.success(), "{cmd} accepted a bad lexicon");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{cmd}: {err}");
        assert!(
            err.contains(&format!(
                "{}:3: frame \"sov\"",
                s(&lex.join("triggers.tsv"))
            )),
            "{cmd}: {err}"
        );
    }
}
