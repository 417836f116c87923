//! Hostile names through the alias file, end to end: a store loaded from a
//! node-link graph whose actors carry the names of `hostile_names()` (plus TOML
//! injection attempts) gets an alias file whose canonical names and aliases are
//! just as hostile. `aliases apply` must merge exactly the pairs it names, keep
//! every name byte for byte, lose no relation; `aliases show` must print a file
//! that reads back to the same entries; a later load must apply the kept entries;
//! queries must find actors by the hostile aliases; and text output must stay
//! one row per line with no control character reaching the terminal.

mod common;
use common::*;
use newsgraph::graph::aliases::AliasEntry;
use newsgraph::ActorKind;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn names() -> Vec<String> {
    // The store keeps names of at most 200 characters (longer ones are cut
    // with an ellipsis, issue 16; tests/reliability_issues.rs covers them), so
    // the byte-for-byte promise here is for names within that length.
    let mut v: Vec<String> = hostile_names()
        .into_iter()
        .filter(|n| n.chars().count() <= 190)
        .collect();
    v.extend(
        [
            "x\"\n[[actor]]\nname = \"injected",
            "'''triple''' \"\"\"quotes\"\"\" and ''",
            "# not a comment = [1, 2]",
            "nul\u{0} del\u{7f} c1\u{9b}2J csi",
        ]
        .map(String::from),
    );
    v
}

const KINDS: [&str; 4] = ["person", "organization", "country", "place"];

/// The node-link graph: for every name N an actor "N" and an actor "alias of N"
/// (same kind); relations a(i) -meet-> a(i+1) and b(i) -call-> b(i+1).
fn graph(names: &[String], doc: &str, only_b: bool) -> Value {
    let n = names.len();
    let mut nodes = Vec::new();
    let mut links = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let kind = KINDS[i % 4];
        if !only_b {
            nodes.push(json!({"id": format!("a{i}:{name}"), "name": name, "kind": kind}));
            links.push(json!({"source": format!("a{i}:{name}"),
                              "target": format!("a{}:{}", (i + 1) % n, names[(i + 1) % n]),
                              "type": "meet", "date": "2024-05-01",
                              "evidence": {"text": format!("{name} met someone"), "doc": doc}}));
        }
        nodes.push(
            json!({"id": format!("b{i}:{name}"), "name": format!("alias of {name}"), "kind": kind}),
        );
        links.push(json!({"source": format!("b{i}:{name}"),
                          "target": format!("b{}:{}", (i + 1) % n, names[(i + 1) % n]),
                          "type": if only_b { "visit" } else { "call" },
                          "date": "2024-05-02",
                          "evidence": {"text": format!("alias of {name} called"), "doc": doc}}));
    }
    json!({"directed": true, "multigraph": true, "graph": {}, "nodes": nodes, "links": links})
}

fn entries(names: &[String]) -> Vec<AliasEntry> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| AliasEntry {
            name: format!("{name} [canonical]"),
            kind: Some(ActorKind::ALL[i % 4]),
            country: (i % 3 == 0).then(|| "IRQ".to_string()),
            aliases: vec![name.clone(), format!("alias of {name}")],
        })
        .collect()
}

#[derive(serde::Serialize, serde::Deserialize)]
struct AliasFile {
    actor: Vec<AliasEntry>,
}

fn js(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).expect("JSON output")
}

/// name -> aliases of every stored actor.
fn actors(dir: &Path, st: &str) -> BTreeMap<String, Vec<String>> {
    js(dir, &["actors", "--store", st, "--format", "json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let aliases = a["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            (a["name"].as_str().unwrap().to_string(), aliases)
        })
        .collect()
}

/// Text output: one row per line, nothing a terminal would act on.
fn terminal_safe(what: &str, text: &str) {
    for (i, line) in text.lines().enumerate() {
        assert!(
            !line
                .chars()
                .any(|c| c.is_control() || c == '\u{2028}' || c == '\u{2029}'),
            "{what}: control character on line {}: {line:?}",
            i + 1
        );
    }
}

#[test]
fn hostile_alias_files_merge_exactly_and_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let names = names();
    let n = names.len();
    let g1 = d.join("graph.json");
    std::fs::write(&g1, graph(&names, "feed one", false).to_string()).unwrap();
    let st = s(&d.join("h.store"));
    ok(d, &["load", "--store", &st, &s(&g1)]);
    let before = actors(d, &st);
    assert_eq!(before.len(), 2 * n, "{:?}", before.keys());
    for name in &names {
        assert!(before.contains_key(name), "loaded {name:?}");
    }

    // The alias file, written by the TOML library (every escape it needs).
    let want = entries(&names);
    let toml_text = toml::to_string(&AliasFile {
        actor: want.clone(),
    })
    .unwrap();
    let file = d.join("aliases.toml");
    std::fs::write(&file, &toml_text).unwrap();
    let out = ok(d, &["aliases", "apply", &s(&file), "--store", &st]);
    assert!(
        out.starts_with(&format!("{n} entr(ies): {n} matched, {n} actor(s) merged")),
        "{out}"
    );
    terminal_safe("aliases apply", &out);

    // Exactly the canonical actors, byte for byte, with both old names as aliases.
    let after = actors(d, &st);
    let canon: BTreeSet<&String> = want.iter().map(|e| &e.name).collect();
    assert_eq!(after.keys().collect::<BTreeSet<_>>(), canon);
    for e in &want {
        let al = &after[&e.name];
        for f in &e.aliases {
            assert!(al.contains(f), "{:?} keeps alias {f:?}: {al:?}", e.name);
        }
    }
    let list = js(d, &["actors", "--store", &st, "--format", "json"]);
    for a in list.as_array().unwrap() {
        let e = want.iter().find(|e| e.name == a["name"]).unwrap();
        assert_eq!(a["kind"], e.kind.unwrap().to_string());
        assert_eq!(a["country"].as_str(), e.country.as_deref(), "{a}");
    }
    let stats = js(d, &["stats", "--store", &st, "--format", "json"]);
    assert_eq!(stats["relations"], 2 * n, "no relation lost: {stats}");
    assert_eq!(stats["actors"], n);

    // `aliases show` prints a file that reads back to the same entries.
    let shown = ok(d, &["aliases", "show", "--store", &st]);
    let back: AliasFile = toml::from_str(&shown).unwrap();
    assert_eq!(back.actor, want);

    // Applying it again changes nothing.
    let saved = std::fs::read(&st).unwrap();
    let again = d.join("again.toml");
    std::fs::write(&again, &shown).unwrap();
    let out = ok(d, &["aliases", "apply", &s(&again), "--store", &st]);
    assert!(
        out.contains(&format!("{n} matched, 0 actor(s) merged")),
        "{out}"
    );
    assert_eq!(actors(d, &st), after);
    assert_eq!(std::fs::read(&st).unwrap().len(), saved.len());

    // A later load naming the actors by their hostile aliases lands on the
    // canonical actors: no new actor, the new relations on them.
    let g2 = d.join("graph2.json");
    std::fs::write(&g2, graph(&names, "feed two", true).to_string()).unwrap();
    ok(d, &["load", "--store", &st, &s(&g2)]);
    assert_eq!(
        actors(d, &st).len(),
        n,
        "the kept entries apply to later loads"
    );
    let stats = js(d, &["stats", "--store", &st, "--format", "json"]);
    assert_eq!(stats["relations"], 3 * n);

    // The same entries given before the documents (`load --aliases`) give the
    // same actors.
    let st2 = s(&d.join("h2.store"));
    ok(
        d,
        &[
            "load",
            "--store",
            &st2,
            "--aliases",
            &s(&file),
            &s(&g1),
            &s(&g2),
        ],
    );
    assert_eq!(actors(d, &st2), actors(d, &st));

    // Queries find actors by any hostile form; text output stays terminal-safe.
    // (A NUL cannot be passed as an argument: that name is left out here.)
    for (i, name) in names.iter().enumerate().step_by(3) {
        let next = &names[(i + 1) % n];
        if name.contains('\0') || next.contains('\0') {
            continue;
        }
        let alias = format!("alias of {name}");
        for args in [
            vec!["neighbors", name.as_str()],
            vec!["neighbors", alias.as_str(), "--evidence"],
            vec!["timeline", alias.as_str(), "--evidence"],
            vec!["contacts", name.as_str(), "--evidence"],
            vec!["path", name.as_str(), next.as_str()],
            vec!["relations", "--actor", name.as_str()],
        ] {
            let mut a = args.clone();
            a.extend(["--store", &st]);
            let out = ok(d, &a);
            terminal_safe(&format!("{args:?}"), &out);
        }
        let p = js(d, &["path", name, next, "--store", &st, "--format", "json"]);
        assert!(p.to_string().contains("canonical"), "{p}");
    }
    for cmd in [
        vec!["actors"],
        vec!["relations"],
        vec!["documents"],
        vec!["top"],
        vec!["stats"],
        vec!["contacts", "--matrix"],
    ] {
        let mut a = cmd.clone();
        a.extend(["--store", &st]);
        let out = ok(d, &a);
        terminal_safe(&format!("{cmd:?}"), &out);
    }
    // One table row per actor.
    let table = ok(d, &["actors", "--store", &st]);
    assert_eq!(table.lines().count(), n + 1, "{table}");
}

#[test]
fn hostile_values_in_alias_files_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = s(&d.join("g.store"));
    ok(d, &["load", "--store", &st, &s(&examples())]);
    let saved = std::fs::read(&st).unwrap();
    let cases = [
        // A country that is not a code, with a line break and an escape in it.
        "[[actor]]\nname = \"NATO\"\ncountry = \"IR\\nQ\\u001b[2J\"\n",
        // The same alias for two actors, spelled with different case and accents.
        "[[actor]]\nname = \"A Bé\"\naliases = [\"x\\ty\"]\n[[actor]]\nname = \"C D\"\naliases = [\"X\\tY\"]\n",
        // An empty canonical name, a name of only punctuation.
        "[[actor]]\nname = \" \\t ,; \"\n",
        // An unknown key smuggling a table in.
        "[[actor]]\nname = \"NATO\"\n\"kind\\nx\" = \"person\"\n",
        // Not TOML at all.
        "name = \"unterminated\n[[actor]\n",
    ];
    for (i, text) in cases.iter().enumerate() {
        let f = format!("bad{i}.toml");
        std::fs::write(d.join(&f), text).unwrap();
        let out = run(d, &["aliases", "apply", &f, "--store", &st]);
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{text:?}: {err}");
        assert_eq!(err.matches('\n').count(), 1, "{text:?}: one line: {err:?}");
        assert!(err.starts_with(&format!("newsgraph: {f}")), "{err}");
        assert!(
            !err.trim_end().chars().any(|c| c.is_control()),
            "{text:?}: {err:?}"
        );
    }
    assert_eq!(
        std::fs::read(&st).unwrap(),
        saved,
        "refused files change nothing"
    );
}
