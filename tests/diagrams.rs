//! Diagrams are checked by reading them back: DOT with graphviz-rust's parser, SVG
//! as well-formed XML (quick-xml) carrying every actor's name.

mod common;
use common::*;
use graphviz_rust::dot_structures::{Graph, Stmt};
use newsgraph::export::dot::unquote;
use quick_xml::events::Event;
use std::collections::BTreeSet;

fn store_with_article_and_examples(dir: &std::path::Path) -> String {
    let st = s(&dir.join("g.store"));
    ok(
        dir,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    st
}

/// Names of the actors in the store: (those in some relation, the others).
fn actor_names(dir: &std::path::Path, st: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let json = ok(dir, &["export", "--store", st, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let linked: BTreeSet<&str> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| [l["source"].as_str().unwrap(), l["target"].as_str().unwrap()])
        .collect();
    let (mut with, mut without) = (BTreeSet::new(), BTreeSet::new());
    for n in v["nodes"].as_array().unwrap() {
        let name = n["name"].as_str().unwrap().to_string();
        if linked.contains(n["id"].as_str().unwrap()) {
            with.insert(name);
        } else {
            without.insert(name);
        }
    }
    (with, without)
}

/// Labels of every node (HTML-like labels such as the legend's included raw).
fn node_labels(g: &Graph) -> BTreeSet<String> {
    fn walk(stmts: &[Stmt], out: &mut BTreeSet<String>) {
        for s in stmts {
            match s {
                Stmt::Node(n) => {
                    for a in &n.attributes {
                        if unquote(&a.0) == "label" {
                            out.insert(unquote(&a.1));
                        }
                    }
                }
                Stmt::Subgraph(sg) => walk(&sg.stmts, out),
                _ => {}
            }
        }
    }
    let mut out = BTreeSet::new();
    match g {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => walk(stmts, &mut out),
    }
    out
}

/// All text content of an SVG, one string per element, failing on malformed XML.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut r = quick_xml::Reader::from_str(svg);
    r.config_mut().check_end_names = true;
    let mut texts = Vec::new();
    let mut cur = String::new();
    let mut saw_svg = false;
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.name().as_ref() == b"svg" => {
                saw_svg = true
            }
            Ok(Event::Text(t)) => cur.push_str(&t.decode().expect("UTF-8 text")),
            Ok(Event::GeneralRef(g)) => {
                let name = g.decode().expect("UTF-8 entity");
                let c = match name.as_ref() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    _ => g
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .unwrap_or_default(),
                };
                cur.push_str(&c);
            }
            Ok(Event::End(_)) => texts.push(std::mem::take(&mut cur)),
            Ok(Event::Eof) => break,
            Err(e) => panic!("malformed SVG at {}: {e}", r.buffer_position()),
            _ => {}
        }
    }
    assert!(saw_svg, "root element is <svg>");
    texts
}

#[test]
fn dot_parses_back_with_every_actor_and_a_legend() {
    let dir = tempfile::tempdir().unwrap();
    let st = store_with_article_and_examples(dir.path());
    let dot = ok(dir.path(), &["export", "--store", &st, "--format", "dot"]);
    let g = graphviz_rust::parse(&dot).expect("DOT re-parses with graphviz-rust");
    let labels = node_labels(&g);
    let (linked, isolated) = actor_names(dir.path(), &st);
    assert!(
        !isolated.is_empty(),
        "the examples have actors in no relation"
    );
    for name in &linked {
        assert!(labels.contains(name), "node for {name}");
    }
    for name in &isolated {
        assert!(
            !labels.contains(name),
            "{name} is in no relation: not drawn"
        );
    }
    let legend = labels
        .iter()
        .find(|l| l.starts_with("<<TABLE"))
        .expect("a legend table");
    for word in [">person<", ">organization<", ">call<", ">affiliation<"] {
        assert!(legend.contains(word), "legend shows {word}: {legend}");
    }
    assert!(
        legend.contains(&format!(
            "{} actor(s) with no relation not drawn",
            isolated.len()
        )),
        "legend counts the actors left out: {legend}"
    );
    // Deterministic: the same store gives the same bytes.
    assert_eq!(
        dot,
        ok(dir.path(), &["export", "--store", &st, "--format", "dot"])
    );
    // --isolated keep draws them too, boxed.
    let dot = ok(
        dir.path(),
        &["export", "--store", &st, "--isolated", "keep"],
    );
    let labels = node_labels(&graphviz_rust::parse(&dot).expect("DOT re-parses"));
    for name in linked.iter().chain(&isolated) {
        assert!(labels.contains(name), "node for {name}");
    }
}

/// Draws the store as SVG with `engine` and checks it; returns what was said on stderr.
fn check_svg(engine: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let st = store_with_article_and_examples(dir.path());
    let svg_path = dir.path().join("g.svg");
    let out = run(
        dir.path(),
        &[
            "export",
            "--store",
            &st,
            "--format",
            "svg",
            "--engine",
            engine,
            "-o",
            &s(&svg_path),
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{engine}: {stderr}");
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    let texts = svg_texts(&svg).join("\n");
    for name in actor_names(dir.path(), &st).0 {
        assert!(texts.contains(&name), "{engine}: SVG shows {name}");
    }
    let root = &svg[svg.find("<svg").unwrap()..];
    let root = &root[..root.find('>').unwrap()];
    assert!(
        root.contains("viewBox") && !root.contains(" width="),
        "{engine}: scalable root {root}"
    );
    stderr
}

/// Graphviz when installed; without it, `--engine auto` (the default) falls
/// back on the embedded renderer and says so.
#[test]
fn svg_with_graphviz_or_its_fallback_is_well_formed_with_all_labels() {
    if graphviz("svg_with_graphviz_or_its_fallback_is_well_formed_with_all_labels") {
        for engine in ["dot", "auto"] {
            let said = check_svg(engine);
            assert!(!said.contains("embedded renderer"), "{engine}: {said}");
        }
    } else {
        let said = check_svg("auto");
        assert!(
            said.contains("note: drawn with the embedded renderer"),
            "auto without Graphviz: {said}"
        );
    }
}

#[test]
fn svg_with_embedded_renderer_is_well_formed_with_all_labels() {
    let said = check_svg("builtin");
    assert!(!said.contains("note:"), "asked for, so no note: {said}");
}

#[test]
fn build_writes_every_diagram_and_interchange_file() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let summary = ok(
        dir.path(),
        &[
            "build",
            &s(&examples()),
            &s(&article()),
            "--out",
            &s(&out_dir),
        ],
    );
    for f in [
        "newsgraph.store",
        "graph.dot",
        "graph.svg",
        "graph.html",
        "graph.json",
        "graph.graphml",
        "graph.mmd",
    ] {
        let p = out_dir.join(f);
        assert!(p.exists(), "{f} written");
        assert!(summary.contains(&s(&p)), "summary names {f}: {summary}");
    }
    let dot = std::fs::read_to_string(out_dir.join("graph.dot")).unwrap();
    graphviz_rust::parse(&dot).expect("graph.dot parses");
    svg_texts(&std::fs::read_to_string(out_dir.join("graph.svg")).unwrap());
    let json = std::fs::read_to_string(out_dir.join("graph.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&json).expect("graph.json parses");
}
