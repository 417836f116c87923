//! The relationship explorer end to end: `path`, `contacts`, `neighbors`, `top`
//! and `timeline` on a store built from the example articles and the test article.
//!
//! Extraction improves under these tests, so they check structure (who is on a
//! path, who contacted whom) rather than sentence numbers or exact counts.

mod common;
use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn store(dir: &Path) -> String {
    let st = s(&dir.join("g.store"));
    ok(
        dir,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    st
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let out = ok(dir, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {out}"))
}

fn fails(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(!out.status.success(), "{args:?} should fail");
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.trim_end().lines().count(), 1, "one-line error: {err}");
    err
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["actor"]["name"].as_str().unwrap().to_string())
        .collect()
}

/// The actor ids a JSON path walks through, both ends included.
fn path_ids(from: &str, hops: &Value) -> Vec<String> {
    let mut ids = vec![from.to_string()];
    for h in hops.as_array().unwrap() {
        assert_eq!(
            h["from"].as_str().unwrap(),
            ids.last().unwrap(),
            "hops chain"
        );
        ids.push(h["to"].as_str().unwrap().to_string());
        // The relation walked joins the hop's two actors, with its evidence.
        let r = &h["relation"];
        let ends: BTreeSet<&str> =
            [r["source"].as_str().unwrap(), r["target"].as_str().unwrap()].into();
        let hop: BTreeSet<&str> = [h["from"].as_str().unwrap(), h["to"].as_str().unwrap()].into();
        assert_eq!(ends, hop);
        assert!(!r["evidence"]["text"].as_str().unwrap().is_empty());
        assert!(!r["evidence"]["doc"].as_str().unwrap().is_empty());
    }
    ids
}

#[test]
fn blinken_reaches_nechirvan_barzani_through_kadhimi() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let out = ok(
        dir.path(),
        &["path", "--store", &st, "blinken", "nechirvan barzani"],
    );
    assert!(
        out.starts_with("Antony Blinken → Nechirvan Barzani: 2 hop(s)"),
        "{out}"
    );
    assert!(out.contains("-call-> Mustafa al-Kadhimi"), "{out}");
    assert!(
        out.contains("Mustafa al-Kadhimi -meet-> Nechirvan Barzani"),
        "{out}"
    );
    assert!(
        out.contains(&format!("[{ARTICLE_ID} sentence")),
        "document cited: {out}"
    );
    let v = json(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "Antony J. Blinken",
            "NECHIRVAN BARZANI",
        ],
    );
    let ids = path_ids(v["from"]["id"].as_str().unwrap(), &v["hops"]);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids[1], "mustafa-al-kadhimi");
    assert_eq!(ids[2], v["to"]["id"].as_str().unwrap());
    // Only contacts: still through al-Kadhimi (a call then a meeting).
    let v = json(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "--type",
            "call,meet,visit",
            "Blinken",
            "Nechirvan Barzani",
        ],
    );
    assert_eq!(
        path_ids("antony-blinken", &v["hops"])[1],
        "mustafa-al-kadhimi"
    );
    // Following directions, Nechirvan Barzani cannot reach Blinken.
    let err = fails(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--directed",
            "--type",
            "call,meet",
            "Nechirvan Barzani",
            "Blinken",
        ],
    );
    assert!(
        err.contains("no path between Nechirvan Barzani and Antony Blinken"),
        "{err}"
    );
}

#[test]
fn k_shortest_and_all_paths() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let v = json(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "--k",
            "4",
            "Blinken",
            "Nechirvan Barzani",
        ],
    );
    let paths = v["paths"].as_array().unwrap();
    assert!(paths.len() >= 2 && paths.len() <= 4, "{v}");
    let mut seen = BTreeSet::new();
    let mut last = 0;
    for p in paths {
        let ids = path_ids("antony-blinken", &p["hops"]);
        assert_eq!(p["length"].as_u64().unwrap() as usize, ids.len() - 1);
        let len = ids.len() - 1;
        assert!(len >= last, "shortest first");
        last = len;
        let distinct: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "simple path {ids:?}");
        assert!(seen.insert(ids), "paths differ");
    }
    assert_eq!(
        path_ids("antony-blinken", &paths[0]["hops"])[1],
        "mustafa-al-kadhimi"
    );

    let all = json(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "--all",
            "--via",
            "affiliation",
            "--max-hops",
            "3",
            "Blinken",
            "Masrour Barzani",
        ],
    );
    let all_paths = all["paths"].as_array().unwrap();
    assert!(all["complete"].as_bool().unwrap());
    assert!(all_paths.len() >= 2, "{all}");
    for p in all_paths {
        assert!(p["length"].as_u64().unwrap() <= 3);
        assert_eq!(
            path_ids("antony-blinken", &p["hops"]).last().unwrap(),
            "masrour-barzani"
        );
    }
    // The cap: one path printed, and the answer says there may be more.
    let one = json(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "--all",
            "--via",
            "affiliation",
            "--max-hops",
            "3",
            "--limit",
            "1",
            "Blinken",
            "Masrour Barzani",
        ],
    );
    assert_eq!(one["paths"].as_array().unwrap().len(), 1);
    assert!(!one["complete"].as_bool().unwrap());
    let table = ok(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--all",
            "--via",
            "affiliation",
            "--max-hops",
            "3",
            "--limit",
            "1",
            "Blinken",
            "Masrour Barzani",
        ],
    );
    assert!(
        table.contains("Path 1 (2 hop(s))") && table.contains("there may be more paths"),
        "{table}"
    );
}

#[test]
fn contacts_of_kadhimi() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let v = json(
        dir.path(),
        &["contacts", "--store", &st, "--format", "json", "al-kadhimi"],
    );
    assert_eq!(v["actor"]["name"], "Mustafa al-Kadhimi");
    assert_eq!(v["types"], serde_json::json!(["call", "meet", "visit"]));
    let by = &v["contacted_by"];
    let blinken = by
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["actor"]["name"] == "Antony Blinken")
        .unwrap_or_else(|| panic!("Blinken contacted al-Kadhimi: {by}"));
    assert!(blinken["types"]["call"].as_u64().unwrap() >= 1);
    assert!(blinken["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == ARTICLE_ID));
    assert_eq!(
        blinken["events"],
        blinken["relations"].as_array().unwrap().len()
    );
    let contacted = v["contacted"].as_array().unwrap();
    for who in ["Nechirvan Barzani", "Masoud Barzani", "Masrour Barzani"] {
        let c = contacted
            .iter()
            .find(|c| c["actor"]["name"] == who)
            .unwrap_or_else(|| panic!("al-Kadhimi met {who}: {contacted:?}"));
        assert!(c["types"]["meet"].as_u64().unwrap() >= 1, "{c}");
        for r in c["relations"].as_array().unwrap() {
            assert!(["call", "meet", "visit"].contains(&r["type"].as_str().unwrap()));
            assert!(!r["evidence"]["text"].as_str().unwrap().is_empty());
        }
    }
    let table = ok(
        dir.path(),
        &["contacts", "--store", &st, "Kadhimi", "--evidence"],
    );
    assert!(table.contains("Mustafa al-Kadhimi contacted:"), "{table}");
    assert!(table.contains("contacted Mustafa al-Kadhimi:"), "{table}");
    assert!(
        table.contains("Antony Blinken -call-> Mustafa al-Kadhimi"),
        "{table}"
    );
    assert!(
        table.contains("Al-Kadhimi met with"),
        "evidence printed: {table}"
    );
    // Only calls: the meetings drop out.
    let calls = json(
        dir.path(),
        &[
            "contacts",
            "--store",
            &st,
            "--format",
            "json",
            "--type",
            "call",
            "al-kadhimi",
        ],
    );
    assert!(!names(&calls["contacted"]).contains(&"Nechirvan Barzani".to_string()));
    assert!(names(&calls["contacted_by"]).contains(&"Antony Blinken".to_string()));
}

#[test]
fn contact_matrix_of_named_and_top_actors() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let v = json(
        dir.path(),
        &[
            "contacts",
            "--store",
            &st,
            "--matrix",
            "--actors",
            "Blinken, al-Kadhimi ,Nechirvan Barzani",
            "--format",
            "json",
        ],
    );
    let ids: Vec<&str> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["antony-blinken", "mustafa-al-kadhimi", "nechirvan-barzani"]
    );
    let m = &v["matrix"];
    assert!(
        m[0][1].as_u64().unwrap() >= 1,
        "Blinken called al-Kadhimi: {m}"
    );
    assert!(
        m[1][2].as_u64().unwrap() >= 1,
        "al-Kadhimi met Nechirvan Barzani: {m}"
    );
    assert_eq!(m[0][0], 0);
    let top = json(
        dir.path(),
        &[
            "contacts", "--store", &st, "--matrix", "--top", "4", "--format", "json",
        ],
    );
    assert_eq!(top["actors"].as_array().unwrap().len(), 4);
    assert_eq!(
        top["actors"][0]["name"], "Mustafa al-Kadhimi",
        "most contacts: {top}"
    );
    let table = ok(
        dir.path(),
        &["contacts", "--store", &st, "--matrix", "--top", "3"],
    );
    assert!(table.contains("1. Mustafa al-Kadhimi"), "{table}");
    let err = fails(
        dir.path(),
        &[
            "contacts",
            "--store",
            &st,
            "--matrix",
            "--actors",
            "Blinken,Nobody Atall",
        ],
    );
    assert!(err.contains("Nobody Atall"), "{err}");
    let err = fails(dir.path(), &["contacts", "--store", &st]);
    assert!(err.contains("--matrix"), "{err}");
}

#[test]
fn neighbors_grouped_by_type() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let v = json(
        dir.path(),
        &[
            "neighbors",
            "--store",
            &st,
            "--format",
            "json",
            "Mustafa al-Kadhimi",
        ],
    );
    assert_eq!(v["depth"], 1);
    let actors = v["actors"].as_array().unwrap();
    assert_eq!(actors[0]["actor"]["id"], "mustafa-al-kadhimi");
    assert_eq!(actors[0]["distance"], 0);
    let near: BTreeSet<&str> = actors
        .iter()
        .map(|a| a["actor"]["name"].as_str().unwrap())
        .collect();
    for who in [
        "Antony Blinken",
        "Nechirvan Barzani",
        "Masoud Barzani",
        "Masrour Barzani",
    ] {
        assert!(near.contains(who), "{who} in {near:?}");
    }
    assert!(actors.iter().all(|a| a["distance"].as_u64().unwrap() <= 1));
    let meets: BTreeSet<&str> = v["relations"]["meet"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["target"].as_str().unwrap())
        .collect();
    assert!(
        meets.contains("nechirvan-barzani") && meets.contains("masoud-barzani"),
        "{meets:?}"
    );
    for (t, rels) in v["relations"].as_object().unwrap() {
        for r in rels.as_array().unwrap() {
            assert_eq!(r["type"].as_str().unwrap(), t);
        }
    }
    let deeper = json(
        dir.path(),
        &[
            "neighbors",
            "--store",
            &st,
            "--format",
            "json",
            "--depth",
            "2",
            "Kadhimi",
        ],
    );
    assert!(deeper["actors"].as_array().unwrap().len() > actors.len());
    assert!(deeper["actors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["distance"] == 2));
    let table = ok(
        dir.path(),
        &["neighbors", "--store", &st, "Kadhimi", "--type", "meet"],
    );
    assert!(table.contains("\nmeet ("), "{table}");
    assert!(!table.contains("\ncall ("), "{table}");
}

#[test]
fn top_actors_by_each_measure() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    for by in ["degree", "pagerank", "betweenness"] {
        let v = json(
            dir.path(),
            &[
                "top", "--store", &st, "--format", "json", "--by", by, "--limit", "5",
            ],
        );
        let list = v["actors"].as_array().unwrap();
        assert_eq!(list.len(), 5, "{by}");
        let scores: Vec<f64> = list.iter().map(|a| a["score"].as_f64().unwrap()).collect();
        assert!(
            scores.windows(2).all(|w| w[0] >= w[1]),
            "{by}: sorted {scores:?}"
        );
        assert!(scores[0] > 0.0);
        assert_eq!(list[0]["rank"], 1);
    }
    let v = json(
        dir.path(),
        &[
            "top", "--store", &st, "--format", "json", "--kind", "person",
        ],
    );
    let list = v["actors"].as_array().unwrap();
    assert!(list.iter().all(|a| a["actor"]["kind"] == "person"));
    // al-Kadhimi has the most counterparts in these articles.
    assert_eq!(list[0]["actor"]["name"], "Mustafa al-Kadhimi", "{v}");
    let table = ok(dir.path(), &["top", "--store", &st, "--by", "pagerank"]);
    assert!(
        table.contains("pagerank") && table.contains("rank"),
        "{table}"
    );
    let err = fails(dir.path(), &["top", "--store", &st, "--by", "fame"]);
    assert!(err.contains("degree, pagerank or betweenness"), "{err}");
}

#[test]
fn timeline_in_date_then_document_order() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    // Date the test article (the examples stay undated) through the library.
    let mut g = newsgraph::graph::store::open(Path::new(&st)).unwrap();
    for d in &mut g.documents {
        if d.id == ARTICLE_ID {
            d.date = Some("2022-03-14".into());
        }
    }
    newsgraph::graph::store::save(&g, Path::new(&st)).unwrap();
    let v = json(
        dir.path(),
        &["timeline", "--store", &st, "--format", "json", "al-Kadhimi"],
    );
    let rels = v["relations"].as_array().unwrap();
    assert!(rels.len() >= 5);
    let mut dated_done = false;
    for r in rels {
        let rel = &r["relation"];
        assert!(rel["source"] == "mustafa-al-kadhimi" || rel["target"] == "mustafa-al-kadhimi");
        match r["date"].as_str() {
            Some(d) => {
                assert!(!dated_done, "dated relations come first");
                assert_eq!(d, "2022-03-14");
                assert_eq!(rel["evidence"]["doc"], ARTICLE_ID);
            }
            None => dated_done = true,
        }
    }
    assert!(dated_done, "the examples' relations are undated");
    let sentences: Vec<u64> = rels
        .iter()
        .filter(|r| r["date"].is_string())
        .map(|r| r["relation"]["evidence"]["sentence"].as_u64().unwrap())
        .collect();
    assert!(
        sentences.windows(2).all(|w| w[0] <= w[1]),
        "same date: sentence order {sentences:?}"
    );
    let since = json(
        dir.path(),
        &[
            "timeline", "--store", &st, "--format", "json", "--since", "2022-03", "Kadhimi",
        ],
    );
    assert!(since["relations"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["date"] == "2022-03-14"));
    let table = ok(
        dir.path(),
        &["timeline", "--store", &st, "Kadhimi", "--type", "meet"],
    );
    assert!(
        table.contains("2022-03-14  Mustafa al-Kadhimi -meet-> "),
        "{table}"
    );
}

#[test]
fn unknown_and_ambiguous_names_get_candidates() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    for cmd in [
        vec!["path", "Blinkn", "Iraq"],
        vec!["contacts", "Blinkn"],
        vec!["neighbors", "Blinkn"],
        vec!["timeline", "Blinkn"],
    ] {
        let mut args = cmd.clone();
        args.extend(["--store", &st]);
        let err = fails(dir.path(), &args);
        assert!(
            err.contains("no actor matches \"Blinkn\"")
                && err.contains("did you mean")
                && err.contains("Antony Blinken"),
            "{cmd:?}: {err}"
        );
    }
    let err = fails(
        dir.path(),
        &["path", "--store", &st, "Stoltenbreg", "Erdogan"],
    );
    assert!(err.contains("Jens Stoltenberg"), "{err}");
    let err = fails(dir.path(), &["contacts", "--store", &st, "Minister"]);
    assert!(
        err.contains("ambiguous") && err.contains("Mustafa al-Kadhimi"),
        "{err}"
    );
    // Neither case nor diacritics matter.
    let out = ok(
        dir.path(),
        &["contacts", "--store", &st, "RECEP TAYYIP ERDOGAN"],
    );
    assert!(out.starts_with("Recep Tayyip Erdoğan: contacts"), "{out}");
}

#[test]
fn bad_options_and_missing_store_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = fails(
        dir.path(),
        &["contacts", "--store", "nothing.store", "Blinken"],
    );
    assert!(
        err.contains("nothing.store") && err.contains("newsgraph load"),
        "{err}"
    );
    let st = store(dir.path());
    let err = fails(
        dir.path(),
        &["path", "--store", &st, "--type", "hug", "Blinken", "Iraq"],
    );
    assert!(err.contains("unknown relation type"), "{err}");
    let err = fails(dir.path(), &["top", "--store", &st, "--kind", "planet"]);
    assert!(err.contains("unknown actor kind"), "{err}");
}

#[test]
fn paths_go_over_events_not_through_a_country_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    // Biden and Blinken are linked only by their country in these articles.
    let err = fails(dir.path(), &["path", "--store", &st, "Biden", "Blinken"]);
    assert!(
        err.contains("no path between Joe Biden and Antony Blinken over events only")
            && err.contains("--via affiliation"),
        "{err}"
    );
    let v = json(
        dir.path(),
        &[
            "path",
            "--store",
            &st,
            "--format",
            "json",
            "--via",
            "affiliation",
            "Biden",
            "Blinken",
        ],
    );
    assert_eq!(
        path_ids("joe-biden", &v["hops"]),
        ["joe-biden", "united-states", "antony-blinken"]
    );
    // No default answer walks an affiliation or passes a country.
    for (a, b) in [
        ("Blinken", "Masrour Barzani"),
        ("Blinken", "Nechirvan Barzani"),
        ("Xi Jinping", "Ramaphosa"),
    ] {
        let v = json(
            dir.path(),
            &["path", "--store", &st, "--format", "json", a, b],
        );
        for h in v["hops"].as_array().unwrap() {
            assert_ne!(h["relation"]["type"], "affiliation", "{a} → {b}: {v}");
        }
        let k = json(
            dir.path(),
            &["path", "--store", &st, "--format", "json", "--k", "3", a, b],
        );
        for p in k["paths"].as_array().unwrap() {
            for h in p["hops"].as_array().unwrap() {
                assert_ne!(h["relation"]["type"], "affiliation", "{a} → {b}: {k}");
            }
        }
    }
    // Contacts count affiliations only when asked.
    let c = json(
        dir.path(),
        &["contacts", "--store", &st, "--format", "json", "Biden"],
    );
    assert!(!c.to_string().contains("\"united-states\""), "{c}");
    let c = json(
        dir.path(),
        &[
            "contacts",
            "--store",
            &st,
            "--format",
            "json",
            "--via",
            "affiliation",
            "Biden",
        ],
    );
    assert!(c.to_string().contains("\"united-states\""), "{c}");
}
