//! `newsgraph extract` on the test article: the JSON contract and the table.

mod common;
use common::*;
use serde_json::Value;

fn extract_article() -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["extract", "--format", "json", &s(&article())]);
    serde_json::from_str(&out).expect("extract --format json prints one JSON object")
}

fn actor_id(x: &Value, name: &str) -> String {
    x["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == name)
        .unwrap_or_else(|| panic!("no actor {name}"))["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn json_follows_the_contract() {
    let x = extract_article();
    let docs = x["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert!(docs[0]["id"].is_string() && docs[0]["path"].is_string());
    let kinds = ["person", "organization", "country", "place"];
    let types = RELATION_TYPES;
    let ids: Vec<&str> = x["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    for a in x["actors"].as_array().unwrap() {
        assert!(kinds.contains(&a["kind"].as_str().unwrap()));
        assert!(a["name"].is_string() && a["aliases"].is_array());
        if let Some(c) = a.get("country") {
            let c = c.as_str().unwrap();
            assert!(
                c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()),
                "alpha-3 code, got {c}"
            );
        }
    }
    let text = std::fs::read_to_string(article()).unwrap();
    for r in x["relations"].as_array().unwrap() {
        assert!(
            ids.contains(&r["source"].as_str().unwrap())
                && ids.contains(&r["target"].as_str().unwrap())
        );
        let t = r["type"].as_str().unwrap();
        assert!(types.contains(&t));
        assert_eq!(r["cameo"].is_string(), t != "affiliation", "{r}");
        let e = &r["evidence"];
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text[start..end],
            e["text"].as_str().unwrap(),
            "evidence span is the sentence"
        );
        assert!(
            e["text"]
                .as_str()
                .unwrap()
                .contains(e["trigger"].as_str().unwrap()),
            "trigger inside the sentence"
        );
    }
}

#[test]
fn article_relations_are_found() {
    let x = extract_article();
    let blinken = actor_id(&x, "Antony Blinken");
    let kadhimi = actor_id(&x, "Mustafa al-Kadhimi");
    let has = |s: &str, t: &str, ty: &str| {
        x["relations"].as_array().unwrap().iter().any(|r| {
            r["type"] == ty
                && ((r["source"] == s && r["target"] == t)
                    || (ty == "call" && r["source"] == t && r["target"] == s))
        })
    };
    assert!(
        has(&blinken, &kadhimi, "call"),
        "Blinken spoke with al-Kadhimi"
    );
    for b in ["Nechirvan Barzani", "Masoud Barzani", "Masrour Barzani"] {
        let id = actor_id(&x, b);
        assert!(
            has(&kadhimi, &id, "meet") || has(&id, &kadhimi, "meet"),
            "al-Kadhimi met {b}"
        );
    }
    assert!(has(&actor_id(&x, "Iran"), &actor_id(&x, "Erbil"), "attack"));
    let k = x["actors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Mustafa al-Kadhimi")
        .unwrap();
    assert_eq!(k["country"], "IRQ");
    let aliases: Vec<&str> = k["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert!(aliases.contains(&"Al-Kadhimi"), "{aliases:?}");
}

#[test]
fn table_is_readable_and_stdin_works() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["extract", &s(&article())]);
    assert!(out.contains("SOURCE") && out.contains("Mustafa al-Kadhimi") && out.contains("call"));
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["extract", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"Iranian Foreign Minister Hossein Amir-Abdollahian met Saudi Foreign Minister Faisal bin Farhan in Beijing.").unwrap();
    let out = child.wait_with_output().unwrap();
    let x: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(x["relations"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["type"] == "meet"));
}

#[test]
fn explain_names_rule_and_trigger() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(dir.path(), &["extract", "--explain", &s(&article())]);
    assert!(out.contains("rule:    data/triggers.tsv:"), "{out}");
    assert!(out.contains("-call-> Mustafa al-Kadhimi"), "{out}");
    // "spoke by telephone on Monday with": the call rule's verb.
    assert!(out.contains("trigger: \"telephone\""), "{out}");
}

#[test]
fn bad_input_is_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bin.txt"), [0x66u8, 0x6f, 0xff, 0xfe, 0x00]).unwrap();
    let out = run(dir.path(), &["extract", "bin.txt"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // The same reader as `load`: the NUL byte makes it binary, not text.
    assert!(
        err.contains("bin.txt") && err.contains("binary data (NUL byte at offset 4)"),
        "{err}"
    );
    let out = run(dir.path(), &["extract", "missing.txt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}
