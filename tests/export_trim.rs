//! Big graphs a person can read: `export` keeps the highest ranked actors of a
//! generated archive (`gen-corpus --size 1MB`, about 2,000 actors and 8,000
//! relations), says on stderr what it left out and how to get it, and filters
//! by degree, type and date on request.

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

/// A store of a generated 1 MB archive in `dir`.
fn big_store(dir: &Path) -> String {
    let corpus = s(&dir.join("corpus"));
    ok(dir, &["gen-corpus", &corpus, "--size", "1MB"]);
    let st = s(&dir.join("big.store"));
    ok(dir, &["load", "--store", &st, &corpus]);
    st
}

fn export(dir: &Path, st: &str, args: &[&str]) -> (String, String) {
    let mut all = vec!["export", "--store", st];
    all.extend_from_slice(args);
    let out: Output = run(dir, &all);
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{args:?}: {err}");
    (String::from_utf8_lossy(&out.stdout).to_string(), err)
}

/// Actors drawn in an SVG (Graphviz's and the embedded renderer's both mark
/// them; the legend is a node too, hence `--no-legend` where this counts).
fn svg_nodes(svg: &str) -> usize {
    svg.matches("class=\"node\"").count() + svg.matches("class=\"node highlight\"").count()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text:.200}"))
}

#[test]
fn diagrams_of_a_big_store_keep_the_top_actors_and_say_what_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = big_store(d);
    let everything = json(&export(d, &st, &["--format", "json"]).0);
    let (actors, relations) = (
        everything["nodes"].as_array().unwrap().len(),
        everything["links"].as_array().unwrap().len(),
    );
    assert!(actors > 1000 && relations > 4000, "{actors} {relations}");

    // The default cap, with a note naming the options.
    let engine = if graphviz("diagrams_of_a_big_store") {
        "auto"
    } else {
        "builtin"
    };
    let (svg, err) = export(
        d,
        &st,
        &["--format", "svg", "--engine", engine, "--no-legend"],
    );
    let n = svg_nodes(&svg);
    assert!((100..=150).contains(&n), "{n} actors drawn");
    let note = err
        .lines()
        .find(|l| l.contains("drew 150 of"))
        .unwrap_or_else(|| panic!("a note on what was left out: {err}"));
    assert!(
        note.contains(&format!("of {actors} actors"))
            && note.contains("--max-nodes")
            && note.contains("--all"),
        "{note}"
    );
    assert!(svg.contains("The 150 highest ranked of"), "a title says so");

    let (svg, err) = export(
        d,
        &st,
        &[
            "--format",
            "svg",
            "--engine",
            engine,
            "--no-legend",
            "--top",
            "40",
        ],
    );
    assert!(svg_nodes(&svg) <= 40 && svg_nodes(&svg) >= 20, "{err}");
    assert!(err.contains("drew 40 of"), "{err}");
    let (svg, _) = export(
        d,
        &st,
        &[
            "--format",
            "svg",
            "--engine",
            "builtin",
            "--no-legend",
            "--max-nodes",
            "25",
            "--by",
            "pagerank",
        ],
    );
    assert!(svg_nodes(&svg) <= 25);
    let (dot, err) = export(d, &st, &["--format", "dot", "--all"]);
    assert!(!err.contains("drew"), "--all draws everything: {err}");
    assert!(dot.matches("tooltip=").count() > 1000);

    // Interchange files are whole unless asked.
    let top = json(&export(d, &st, &["--format", "json", "--top", "10"]).0);
    assert_eq!(top["nodes"].as_array().unwrap().len(), 10);
    let degree = |v: &Value, id: &str| {
        v["links"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["source"] == id || l["target"] == id)
            .filter_map(|l| {
                if l["source"] == id {
                    l["target"].as_str()
                } else {
                    l["source"].as_str()
                }
            })
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    // The ten kept are the ten with the most distinct neighbours.
    let mut degrees: Vec<usize> = everything["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| degree(&everything, a["id"].as_str().unwrap()))
        .collect();
    degrees.sort_unstable_by(|a, b| b.cmp(a));
    let least_kept = top["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| degree(&everything, a["id"].as_str().unwrap()))
        .min()
        .unwrap();
    assert_eq!(least_kept, degrees[9]);

    let min = json(&export(d, &st, &["--format", "json", "--min-degree", "20"]).0);
    let kept = min["nodes"].as_array().unwrap();
    assert!(!kept.is_empty() && kept.len() < actors);
    for a in kept {
        assert!(degree(&everything, a["id"].as_str().unwrap()) >= 20);
    }
    let no_aff = json(
        &export(
            d,
            &st,
            &["--format", "json", "--exclude-type", "affiliation"],
        )
        .0,
    );
    let links = no_aff["links"].as_array().unwrap();
    assert!(!links.is_empty() && links.iter().all(|l| l["type"] != "affiliation"));

    // Mermaid stops at its edge limit, with a note.
    let (mmd, err) = export(d, &st, &["--format", "mermaid"]);
    let edges = mmd
        .lines()
        .filter(|l| l.contains("-->") || l.contains("-.->") || l.contains("==>"))
        .count();
    assert!(edges > 100 && edges <= 500, "{edges} edges");
    assert!(err.contains("Mermaid draws at most 500 edges"), "{err}");
}

#[test]
fn focus_survives_the_cap_and_dates_filter_relations() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = d.join("edges.csv");
    std::fs::write(
        &csv,
        "source,target,type,date\n\
         Ana Ortiz,Ben Lutz,meet,2023-12-30\n\
         Ben Lutz,Cleo Marsh,call,2024-01-02\n\
         Cleo Marsh,Dan Hale,meet,2024-02-10\n\
         Ana Ortiz,Cleo Marsh,visit,2024-03-01\n",
    )
    .unwrap();
    let st = s(&d.join("g.store"));
    ok(d, &["load", "--store", &st, &s(&csv)]);
    let v = json(
        &export(
            d,
            &st,
            &[
                "--format", "json", "--since", "2024-01", "--until", "2024-02",
            ],
        )
        .0,
    );
    let dates: Vec<&str> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2024-01-02", "2024-02-10"]);
    let ids: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(!ids.contains(&"ana-ortiz"), "no relation left: {ids:?}");

    // The focus actor stays however low it ranks.
    let v = json(
        &export(
            d,
            &st,
            &[
                "--format",
                "json",
                "--focus",
                "Dan Hale",
                "--depth",
                "3",
                "--max-nodes",
                "1",
            ],
        )
        .0,
    );
    let ids: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["dan-hale"]);

    let bad = run(
        d,
        &[
            "export", "--store", &st, "--format", "svg", "--since", "May",
        ],
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("--since \"May\""), "{err}");
}

/// `build` trims what it writes with `export`'s options: `--top` keeps the
/// highest ranked actors and says so, `--exclude-type` leaves a type out.
#[test]
fn build_trims_its_diagrams_as_export_does() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let out = s(&d.join("out"));
    let built = ok(
        d,
        &[
            "build",
            &s(&examples()),
            &s(&article()),
            "--out",
            &out,
            "--top",
            "5",
            "--engine",
            "builtin",
            "--no-legend",
        ],
    );
    let read = |f: &str| std::fs::read_to_string(d.join("out").join(f)).unwrap();
    assert_eq!(svg_nodes(&read("graph.svg")), 5, "{built}");
    let dot_nodes = read("graph.dot")
        .lines()
        .filter(|l| l.starts_with("  \"") && l.contains("\"[label=") && !l.contains(" -> "))
        .count();
    assert_eq!(dot_nodes, 5);
    assert!(
        built
            .lines()
            .any(|l| l.starts_with("note: graph.svg: drew 5 of")),
        "{built}"
    );
    // --top is a question, as in `export`: the interchange files answer it too.
    let top = json(&read("graph.json"));
    assert_eq!(top["nodes"].as_array().unwrap().len(), 5);

    // A filter asked for cuts the interchange files too; a bad one is refused.
    let out2 = s(&d.join("out2"));
    ok(
        d,
        &[
            "build",
            &s(&examples()),
            "--out",
            &out2,
            "--exclude-type",
            "affiliation",
        ],
    );
    let j = json(&std::fs::read_to_string(d.join("out2/graph.json")).unwrap());
    let links = j["links"].as_array().unwrap();
    assert!(!links.is_empty() && links.iter().all(|l| l["type"] != "affiliation"));
    let bad = run(
        d,
        &[
            "build",
            &s(&examples()),
            "--out",
            &s(&d.join("out3")),
            "--by",
            "fame",
        ],
    );
    assert!(!bad.status.success());
}
