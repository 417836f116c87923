//! `newsgraph serve`'s JSON API against a server on a free loopback port, on
//! a store of the example articles and the test article: search, actor,
//! neighbors, path (the same JSON as the command line's), filters, drawings,
//! the request bounds, a store reloaded while serving, and hostile names.

mod common;
use common::*;
use serde_json::{json, Value};
use std::path::Path;

fn store(dir: &Path) -> String {
    let st = s(&dir.join("g.store"));
    ok(
        dir,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    st
}

fn hop_ids(from: &str, hops: &Value) -> Vec<String> {
    let mut ids = vec![from.to_string()];
    for h in hops.as_array().unwrap() {
        ids.push(h["to"].as_str().unwrap().to_string());
    }
    ids
}

#[test]
fn search_actor_neighbors_path_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = store(d);
    let srv = serve(d, &st);

    // Search: misspelled and partial names.
    let found = srv.json("/api/search?q=blinkn");
    assert_eq!(found[0]["id"], "antony-blinken", "{found}");
    assert!(found[0]["relations"].as_u64().unwrap() > 0);
    let found = srv.json("/api/search?q=kadhim");
    assert_eq!(found[0]["id"], "mustafa-al-kadhimi", "{found}");
    assert_eq!(srv.json("/api/search?q=").as_array().unwrap().len(), 0);

    // The actor: its relations with evidence, the call to al-Kadhimi among them.
    let a = srv.json("/api/actor/antony-blinken");
    assert_eq!(a["actor"]["name"], "Antony Blinken");
    let call = a["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["relation"])
        .find(|r| r["type"] == "call" && r["target"] == "mustafa-al-kadhimi")
        .unwrap_or_else(|| panic!("the call: {a}"));
    let ev = &call["evidence"];
    let text = ev["text"].as_str().unwrap();
    assert!(text.contains(ev["trigger"].as_str().unwrap()), "{ev}");
    assert_eq!(ev["doc"], ARTICLE_ID);
    // Names resolve as on the command line.
    assert_eq!(
        srv.json("/api/actor/Blinken")["actor"]["id"],
        "antony-blinken"
    );
    let only_calls = srv.json("/api/actor/antony-blinken?types=call");
    let rels = only_calls["relations"].as_array().unwrap();
    assert!(!rels.is_empty() && rels.iter().all(|r| r["relation"]["type"] == "call"));

    // Neighbors: al-Kadhimi at one hop, Nechirvan Barzani at two.
    let ids = |v: &Value| -> Vec<String> {
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["actor"]["id"].as_str().unwrap().to_string())
            .collect()
    };
    let one = srv.json("/api/neighbors/antony-blinken");
    assert!(ids(&one).contains(&"mustafa-al-kadhimi".to_string()));
    assert!(!ids(&one).contains(&"nechirvan-barzani".to_string()));
    let two = srv.json("/api/neighbors/antony-blinken?depth=2");
    assert!(ids(&two).contains(&"nechirvan-barzani".to_string()));

    // Path: through al-Kadhimi, exactly the command line's JSON.
    let p = srv.json("/api/path?from=Blinken&to=Nechirvan%20Barzani");
    assert_eq!(
        hop_ids("antony-blinken", &p["hops"]),
        ["antony-blinken", "mustafa-al-kadhimi", "nechirvan-barzani"]
    );
    let cli: Value = serde_json::from_str(&ok(
        d,
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "Blinken",
            "Nechirvan Barzani",
        ],
    ))
    .unwrap();
    assert_eq!(p, cli, "the API answers with the CLI's JSON");
    let k = srv.json("/api/path?from=antony-blinken&to=nechirvan-barzani&k=3");
    assert!(!k["paths"].as_array().unwrap().is_empty());
    // Over events by default: Biden and Blinken share only a country.
    let r = srv.get("/api/path?from=Biden&to=Blinken");
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(r.body.contains("via=affiliation"), "{}", r.body);
    let via = srv.json("/api/path?from=Biden&to=Blinken&via=affiliation");
    assert_eq!(via["hops"][0]["to"], "united-states");
    let typed = srv.get("/api/path?from=Blinken&to=Nechirvan%20Barzani&types=attack");
    assert_eq!(typed.status, 404);

    // Relations, filtered; stats as the command line prints them.
    let calls = srv.json("/api/relations?types=call");
    let calls = calls.as_array().unwrap();
    assert!(!calls.is_empty() && calls.iter().all(|r| r["type"] == "call"));
    let mine = srv.json("/api/relations?actor=Kadhimi&types=meet&limit=2");
    assert!(mine.as_array().unwrap().len() <= 2);
    for r in mine.as_array().unwrap() {
        assert!(r["source"] == "mustafa-al-kadhimi" || r["target"] == "mustafa-al-kadhimi");
    }
    let cli_stats: Value =
        serde_json::from_str(&ok(d, &["stats", "--store", &st, "--format", "json"])).unwrap();
    assert_eq!(srv.json("/api/stats"), cli_stats);

    // Bad questions are one-line JSON errors with the right status.
    for (path, status) in [
        ("/api/relations?since=May", 400),
        ("/api/actor/nobody-at-all", 404),
        ("/api/path?from=Blinken", 400),
        ("/api/neighbors/antony-blinken?types=hug", 400),
        ("/api/nothing", 404),
        ("/../Cargo.toml", 404),
    ] {
        let r = srv.get(path);
        assert_eq!(r.status, status, "{path}: {}", r.body);
        let v: Value = serde_json::from_str(&r.body).unwrap();
        assert!(v["error"].is_string(), "{path}: {}", r.body);
    }
}

#[test]
fn drawings_bounds_and_a_store_reloaded_while_serving() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = s(&d.join("g.store"));
    ok(d, &["load", "--store", &st, &s(&examples())]);
    let srv = serve(d, &st);

    let svg = srv.get("/api/svg/actor/mustafa-al-kadhimi");
    assert_eq!(svg.status, 200);
    assert_eq!(svg.content_type, "image/svg+xml");
    assert!(svg.body.contains("<svg") && svg.body.contains("Masrour"));
    let path = srv.get("/api/svg/path?from=Masrour&to=Erbil");
    assert_eq!(path.status, 200, "{}", path.body);
    assert!(path.body.contains("highlight"), "the path is highlighted");

    // The page and its assets, with a policy that runs only our own script.
    let page = srv.get("/");
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("/app.js"));
    assert!(srv.get("/app.js").body.contains("textContent"));
    let head = srv.request("GET", "/", &[]);
    assert_eq!(head.status, 200);

    // Bounds: GET only, no body, short URLs, our own Host.
    assert_eq!(
        srv.request("POST", "/api/stats", &["Content-Length: 0"])
            .status,
        405
    );
    assert_eq!(
        srv.request("GET", "/api/stats", &["Content-Length: 5"])
            .status,
        413
    );
    let long = format!("/api/search?q={}", "a".repeat(70_000));
    assert_eq!(srv.get(&long).status, 414);
    assert_eq!(
        srv.request("GET", "/api/stats", &["Host: attacker.example:80"])
            .status,
        421
    );

    // `load` adds the test article while the server runs: the next answer has it.
    let before = srv.json("/api/stats")["relations"].as_u64().unwrap();
    assert_eq!(srv.get("/api/actor/antony-blinken").status, 404);
    ok(d, &["load", "--store", &st, &s(&article())]);
    let after = srv.json("/api/stats")["relations"].as_u64().unwrap();
    assert!(after > before, "{before} → {after}");
    let p = srv.json("/api/path?from=Blinken&to=Nechirvan%20Barzani");
    assert_eq!(p["hops"][0]["to"], "mustafa-al-kadhimi");
}

#[test]
fn hostile_names_come_back_as_data() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let names = hostile_names();
    let ids: Vec<String> = (0..names.len())
        .map(|i| format!("{i}:{}", names[i]))
        .collect();
    let actors: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| json!({"id": ids[i], "name": n, "kind": "person", "aliases": [n]}))
        .collect();
    let relations: Vec<Value> = (0..names.len())
        .map(|i| {
            let j = (i + 1) % names.len();
            json!({"source": ids[i], "target": ids[j], "type": "meet",
                   "evidence": {"doc": "d", "sentence": i, "start": 0, "end": 3,
                                "trigger": "met", "text": format!("{} met {}", names[i], names[j])}})
        })
        .collect();
    let store = json!({"format": "newsgraph-store", "version": 1,
                       "documents": [{"id": "d", "path": "d.txt"}],
                       "actors": actors, "relations": relations, "merges": []});
    let st = d.join("hostile.store");
    std::fs::write(&st, serde_json::to_string(&store).unwrap()).unwrap();
    let srv = serve(d, &s(&st));
    for (i, name) in names.iter().enumerate() {
        let a = srv.json(&format!("/api/actor/{}", enc(&ids[i])));
        assert_eq!(a["actor"]["name"].as_str().unwrap(), name.as_str());
        let svg = srv.get(&format!("/api/svg/actor/{}", enc(&ids[i])));
        assert_eq!(svg.status, 200, "{}", svg.body);
        assert!(
            !svg.body.contains("<script"),
            "markup escaped in the drawing"
        );
    }
    let found = srv.json("/api/search?q=script");
    assert!(found
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["name"] == "<script>alert(1)</script>"));
    let r = srv.get(&format!("/api/search?q={}", enc("\u{202e}")));
    assert_eq!(r.status, 200);
}

#[test]
fn the_drawn_view_downloads_as_dot_graphml_and_node_link_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = store(d);
    let srv = serve(d, &st);
    let dot = srv.get("/api/export/actor/antony-blinken?format=dot");
    assert_eq!(dot.status, 200);
    assert!(dot.body.starts_with("digraph"), "{}", dot.body);
    assert!(dot.body.contains("Mustafa al-Kadhimi"));
    let gm = srv.get("/api/export/path?from=antony-blinken&to=nechirvan-barzani&format=graphml");
    assert_eq!(gm.status, 200);
    assert!(gm.body.contains("<graphml") && gm.body.contains("Nechirvan Barzani"));
    let j = srv.json("/api/export/actor/antony-blinken?format=json&types=call");
    let nodes = j["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("node-link: {j}"));
    assert!(nodes.iter().any(|n| n["id"] == "mustafa-al-kadhimi"), "{j}");
    let links = j["links"].as_array().unwrap();
    assert!(
        !links.is_empty() && links.iter().all(|l| l["type"] == "call"),
        "{j}"
    );
    let svg = srv.get("/api/export/actor/antony-blinken");
    assert!(svg.body.contains("<svg"));
    assert_eq!(
        srv.get("/api/export/actor/antony-blinken?format=exe")
            .status,
        400
    );
    assert_eq!(
        srv.get("/api/export/actor/nobody-at-all?format=dot").status,
        404
    );
}

/// Document and actor-kind filters on every question, an expanded drawing,
/// the contact matrix (the command line's JSON) and the document list.
#[test]
fn document_and_kind_filters_expansion_and_the_contact_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = store(d);
    let srv = serve(d, &st);
    let ids = |v: &Value| -> Vec<String> {
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["actor"]["id"].as_str().unwrap().to_string())
            .collect()
    };

    // One document: every relation of the actor comes from it.
    let one = srv.json(&format!("/api/actor/antony-blinken?doc={ARTICLE_ID}"));
    let rels = one["relations"].as_array().unwrap();
    assert!(!rels.is_empty());
    assert!(rels
        .iter()
        .all(|r| r["relation"]["evidence"]["doc"] == ARTICLE_ID));
    let all = srv.json("/api/actor/antony-blinken");
    assert!(all["relations"].as_array().unwrap().len() >= rels.len());
    let listed = srv.json(&format!("/api/relations?doc={ARTICLE_ID}&actor=Blinken"));
    assert!(!listed.as_array().unwrap().is_empty());

    // Actor kinds: people only around Blinken (he stays, being asked about).
    let people = srv.json("/api/neighbors/antony-blinken?kinds=person");
    let kinds: Vec<Value> = people["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["actor"]["kind"].clone())
        .collect();
    assert!(
        kinds.len() > 1 && kinds.iter().all(|k| k == "person"),
        "{people}"
    );
    let countries = srv.json("/api/neighbors/antony-blinken?kinds=country");
    assert!(!ids(&countries).contains(&"mustafa-al-kadhimi".to_string()));
    assert_eq!(ids(&countries)[0], "antony-blinken");
    let p = srv.json("/api/path?from=Blinken&to=Nechirvan%20Barzani&kinds=person");
    assert_eq!(
        hop_ids("antony-blinken", &p["hops"]),
        ["antony-blinken", "mustafa-al-kadhimi", "nechirvan-barzani"]
    );
    let r = srv.get("/api/path?from=Blinken&to=Nechirvan%20Barzani&kinds=place");
    assert_eq!(r.status, 404, "{}", r.body);
    assert!(r.body.contains("with these filters"), "{}", r.body);
    let r = srv.get(&format!(
        "/api/path?from=Blinken&to=Nechirvan%20Barzani&doc={ARTICLE_ID}"
    ));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(srv.get("/api/actor/antony-blinken?kinds=ship").status, 400);
    let kinded = srv.json("/api/relations?actor=Kadhimi&kinds=person");
    assert!(kinded
        .as_array()
        .unwrap()
        .iter()
        .all(|r| { r["source"] != "iraq" && r["target"] != "iraq" }));

    // Expanding al-Kadhimi in Blinken's drawing brings in Nechirvan Barzani.
    let plain = srv.json("/api/export/actor/antony-blinken?format=json");
    let node_ids = |v: &Value| -> Vec<String> {
        v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(!node_ids(&plain).contains(&"nechirvan-barzani".to_string()));
    let grown = srv.json("/api/export/actor/antony-blinken?format=json&expand=mustafa-al-kadhimi");
    assert!(node_ids(&grown).contains(&"nechirvan-barzani".to_string()));
    let svg = srv.get("/api/svg/actor/antony-blinken?expand=mustafa-al-kadhimi");
    assert!(svg.body.contains("Nechirvan Barzani"), "{:.300}", svg.body);
    assert_eq!(
        srv.get("/api/svg/actor/antony-blinken?expand=nobody-at-all")
            .status,
        404
    );

    // The contact matrix: the command line's JSON, for names or the top.
    let m = srv.json("/api/contacts?ids=Blinken,Kadhimi,Nechirvan%20Barzani");
    let cli: Value = serde_json::from_str(&ok(
        d,
        &[
            "contacts",
            "--store",
            &st,
            "--matrix",
            "--actors",
            "Blinken,Kadhimi,Nechirvan Barzani",
            "--format",
            "json",
        ],
    ))
    .unwrap();
    assert_eq!(m, cli);
    assert!(m["matrix"][0][1].as_u64().unwrap() >= 1, "{m}");
    let top = srv.json("/api/contacts?limit=3");
    assert_eq!(top["actors"].as_array().unwrap().len(), 3);
    let later = srv.json("/api/contacts?ids=Blinken,Kadhimi&since=2100");
    assert_eq!(later["matrix"], json!([[0, 0], [0, 0]]));
    assert_eq!(srv.get("/api/contacts?ids=nobody-at-all").status, 404);

    // Documents, as `documents --format json` lists them.
    let docs = srv.json("/api/documents");
    let cli: Value =
        serde_json::from_str(&ok(d, &["documents", "--store", &st, "--format", "json"])).unwrap();
    assert_eq!(docs, cli);
}
