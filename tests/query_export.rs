//! Diagrams of answers: `export --path/--focus/--depth/--type`, checked by reading
//! the DOT back with graphviz-rust's parser and comparing with what `path` and
//! `neighbors` answer on the same store (nothing here is hard-coded from the
//! extraction but the test article's Blinken → al-Kadhimi → Nechirvan Barzani story).

mod common;
use common::*;
use graphviz_rust::dot_structures::{EdgeTy, Graph, Stmt, Vertex};
use newsgraph::export::dot::unquote;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

fn store(dir: &Path) -> String {
    let st = s(&dir.join("g.store"));
    ok(
        dir,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    st
}

type Attrs = BTreeMap<String, String>;

/// Nodes (id → attributes) and edges ((source, target) → attributes) of a DOT
/// diagram, legend and layout helpers left out.
struct Drawn {
    nodes: BTreeMap<String, Attrs>,
    edges: Vec<(String, String, Attrs)>,
}

fn read_dot(dot: &str) -> Drawn {
    fn attrs(list: &[graphviz_rust::dot_structures::Attribute]) -> Attrs {
        list.iter()
            .map(|a| (unquote(&a.0), unquote(&a.1)))
            .collect()
    }
    fn walk(stmts: &[Stmt], d: &mut Drawn) {
        for s in stmts {
            match s {
                Stmt::Node(n) => {
                    let id = unquote(&n.id.0);
                    if !id.starts_with("_ng:") {
                        d.nodes.entry(id).or_default().extend(attrs(&n.attributes));
                    }
                }
                Stmt::Edge(e) => {
                    let a = attrs(&e.attributes);
                    if a.get("style").is_some_and(|s| s == "invis") {
                        continue;
                    }
                    if let EdgeTy::Pair(Vertex::N(x), Vertex::N(y)) = &e.ty {
                        d.edges.push((unquote(&x.0), unquote(&y.0), a));
                    }
                }
                Stmt::Subgraph(sg) => walk(&sg.stmts, d),
                _ => {}
            }
        }
    }
    let g = graphviz_rust::parse(dot).expect("DOT re-parses with graphviz-rust");
    let mut d = Drawn {
        nodes: BTreeMap::new(),
        edges: Vec::new(),
    };
    match &g {
        Graph::DiGraph { stmts, .. } | Graph::Graph { stmts, .. } => walk(stmts, &mut d),
    }
    d
}

fn highlighted(a: &Attrs) -> bool {
    a.get("class").is_some_and(|c| c == "highlight")
}

/// The path `newsgraph path` answers: actor ids, and (source, target, type) of
/// each hop's relation.
fn path_answer(
    dir: &Path,
    st: &str,
    a: &str,
    b: &str,
) -> (BTreeSet<String>, BTreeSet<(String, String, String)>) {
    let out = ok(dir, &["path", "--store", st, "--format", "json", a, b]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let mut actors = BTreeSet::new();
    let mut rels = BTreeSet::new();
    for h in v["hops"].as_array().unwrap() {
        actors.insert(h["from"].as_str().unwrap().to_string());
        actors.insert(h["to"].as_str().unwrap().to_string());
        let r = &h["relation"];
        rels.insert((
            r["source"].as_str().unwrap().to_string(),
            r["target"].as_str().unwrap().to_string(),
            r["type"].as_str().unwrap().to_string(),
        ));
    }
    (actors, rels)
}

fn edge_type(a: &Attrs) -> String {
    // Labels are "type" or "type ×N".
    a.get("label")
        .map(|l| l.split(' ').next().unwrap_or("").to_string())
        .unwrap_or_default()
}

#[test]
fn export_path_highlights_exactly_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let (actors, rels) = path_answer(dir.path(), &st, "Blinken", "Nechirvan Barzani");
    assert!(actors.contains("mustafa-al-kadhimi"), "{actors:?}");
    assert_eq!(rels.len(), 2);
    for extra in [&[][..], &["--no-collapse"][..], &["--collapse"][..]] {
        let mut args = vec![
            "export",
            "--store",
            &st,
            "--format",
            "dot",
            "--path",
            "Blinken",
            "Nechirvan Barzani",
        ];
        args.extend_from_slice(extra);
        let d = read_dot(&ok(dir.path(), &args));
        let hl_nodes: BTreeSet<String> = d
            .nodes
            .iter()
            .filter(|(_, a)| highlighted(a))
            .map(|(id, _)| id.clone())
            .collect();
        assert_eq!(hl_nodes, actors, "{extra:?}");
        let hl_edges: Vec<(String, String, String)> = d
            .edges
            .iter()
            .filter(|(_, _, a)| highlighted(a))
            .map(|(s, t, a)| (s.clone(), t.clone(), edge_type(a)))
            .collect();
        assert_eq!(
            hl_edges.len(),
            rels.len(),
            "one drawn edge per hop: {hl_edges:?}"
        );
        assert_eq!(
            hl_edges.into_iter().collect::<BTreeSet<_>>(),
            rels,
            "{extra:?}"
        );
        // The whole store is drawn around the path, dimmed.
        assert!(d.nodes.len() > actors.len() + 10, "{}", d.nodes.len());
        assert!(d
            .nodes
            .iter()
            .any(|(id, a)| id == "iraq" && !highlighted(a)));
        // A parallel relation between path actors (Blinken agreed with al-Kadhimi) is drawn, not highlighted.
        assert!(d.edges.iter().any(|(s, t, a)| s == "antony-blinken"
            && t == "mustafa-al-kadhimi"
            && edge_type(a) == "agree"
            && !highlighted(a)));
    }
    // Depth 0: the path alone, with its title.
    let dot = ok(
        dir.path(),
        &[
            "export",
            "--store",
            &st,
            "--format",
            "dot",
            "--path",
            "blinken",
            "nechirvan barzani",
            "--depth",
            "0",
        ],
    );
    assert!(
        dot.contains("How Antony Blinken is connected to Nechirvan Barzani"),
        "{dot}"
    );
    let d = read_dot(&dot);
    assert_eq!(d.nodes.keys().cloned().collect::<BTreeSet<_>>(), actors);
    assert!(d.nodes.values().all(highlighted));
}

#[test]
fn export_focus_depth_and_types() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let v: Value = serde_json::from_str(&ok(
        dir.path(),
        &[
            "neighbors",
            "--store",
            &st,
            "--format",
            "json",
            "--type",
            "meet",
            "Kadhimi",
        ],
    ))
    .unwrap();
    let expected: BTreeSet<String> = v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["actor"]["id"].as_str().unwrap().to_string())
        .collect();
    let d = read_dot(&ok(
        dir.path(),
        &[
            "export", "--store", &st, "--format", "dot", "--focus", "Kadhimi", "--type", "meet",
        ],
    ));
    assert_eq!(d.nodes.keys().cloned().collect::<BTreeSet<_>>(), expected);
    assert!(
        expected.len() >= 4,
        "al-Kadhimi and the three Barzanis: {expected:?}"
    );
    assert!(d.edges.iter().all(|(_, _, a)| edge_type(a) == "meet"));
    assert!(
        d.nodes.values().all(|a| !highlighted(a)),
        "nothing to highlight"
    );
    // A focus elsewhere still shows the whole path asked for.
    let (actors, _) = path_answer(dir.path(), &st, "Blinken", "Masrour Barzani");
    let d = read_dot(&ok(
        dir.path(),
        &[
            "export",
            "--store",
            &st,
            "--format",
            "dot",
            "--focus",
            "Erdogan",
            "--path",
            "Blinken",
            "Masrour Barzani",
        ],
    ));
    for id in &actors {
        assert!(highlighted(&d.nodes[id]), "{id} on the path");
    }
    assert!(d.nodes.contains_key("recep-tayyip-erdogan"));
    // ...and nothing far from both (Xi Jinping is in other articles).
    assert!(!d.nodes.contains_key("xi-jinping"));
    // Wider depth, more actors.
    let one = read_dot(&ok(
        dir.path(),
        &[
            "export", "--store", &st, "--format", "dot", "--focus", "Kadhimi",
        ],
    ));
    let two = read_dot(&ok(
        dir.path(),
        &[
            "export", "--store", &st, "--format", "dot", "--focus", "Kadhimi", "--depth", "2",
        ],
    ));
    assert!(two.nodes.len() > one.nodes.len());
}

/// Graphviz `dot` when installed, else the embedded renderer: both mark the
/// path's actors and relations with the same classes.
#[test]
fn export_path_as_svg_carries_the_highlight() {
    let engine = if graphviz("export_path_as_svg_carries_the_highlight") {
        "dot"
    } else {
        "builtin"
    };
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let (actors, rels) = path_answer(dir.path(), &st, "Blinken", "Nechirvan Barzani");
    let svg = export_path(dir.path(), &st, "svg", &["--engine", engine]);
    assert_eq!(
        svg.matches("class=\"node highlight\"").count(),
        actors.len(),
        "{engine}"
    );
    assert_eq!(
        svg.matches("class=\"edge highlight\"").count(),
        rels.len(),
        "{engine}"
    );
}

#[test]
fn export_selection_errors_are_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    for (args, want) in [
        (vec!["--path", "Blinkn", "Iraq"], "did you mean"),
        (vec!["--depth", "2"], "needs a focus actor or a path"),
        (
            vec!["--path", "Blinken", "Nechirvan Barzani", "--type", "visit"],
            "no path between Antony Blinken and Nechirvan Barzani",
        ),
        (
            vec!["--focus", "Kadhimi", "--type", "hug"],
            "unknown relation type",
        ),
    ] {
        let mut full = vec!["export", "--store", &st, "--format", "dot"];
        full.extend(args.iter().copied());
        let o = run(dir.path(), &full);
        assert!(!o.status.success(), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains(want) && err.trim_end().lines().count() == 1,
            "{args:?}: {err}"
        );
    }
}

/// `export --path Blinken "Nechirvan Barzani" --depth 1` in a format (plus `extra` options), written to a file of the temp dir and read back.
fn export_path(dir: &Path, st: &str, format: &str, extra: &[&str]) -> String {
    let out = dir.join(format!("p.{format}"));
    let out = s(&out);
    let mut args = vec![
        "export",
        "--store",
        st,
        "--format",
        format,
        "--path",
        "Blinken",
        "Nechirvan Barzani",
        "--depth",
        "1",
        "-o",
        &out,
    ];
    args.extend_from_slice(extra);
    ok(dir, &args);
    std::fs::read_to_string(&out).unwrap()
}

#[test]
fn export_path_as_json_marks_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let (actors, rels) = path_answer(dir.path(), &st, "Blinken", "Nechirvan Barzani");
    let v: Value = serde_json::from_str(&export_path(dir.path(), &st, "json", &[])).unwrap();
    let lit = |x: &Value| x.get("highlight") == Some(&Value::Bool(true));
    let nodes: BTreeSet<String> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| lit(n))
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(nodes, actors);
    // Context around the path is there, unmarked.
    assert!(v["nodes"].as_array().unwrap().len() > actors.len());
    let links: BTreeSet<(String, String, String)> = v["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| lit(l))
        .map(|l| {
            (
                l["source"].as_str().unwrap().to_string(),
                l["target"].as_str().unwrap().to_string(),
                l["type"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(links, rels);
    // Without a path nothing is marked.
    let plain = ok(dir.path(), &["export", "--store", &st, "--format", "json"]);
    assert!(!plain.contains("\"highlight\""));
}

#[test]
fn export_path_as_mermaid_styles_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let (actors, rels) = path_answer(dir.path(), &st, "Blinken", "Nechirvan Barzani");
    let mmd = export_path(dir.path(), &st, "mermaid", &[]);
    // Node ids are generated: map them back through their labels to names, and
    // names to ids through `actors --format json`.
    let all: Value = serde_json::from_str(&ok(
        dir.path(),
        &["actors", "--store", &st, "--format", "json"],
    ))
    .unwrap();
    let names: BTreeSet<String> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| actors.contains(a["id"].as_str().unwrap()))
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    let class_line = mmd
        .lines()
        .find(|l| l.trim_start().starts_with("class ") && l.trim_end().ends_with(" highlight"))
        .expect("a class line for the highlight");
    let lit_ids: Vec<&str> = class_line
        .trim()
        .split(' ')
        .nth(1)
        .unwrap()
        .split(',')
        .collect();
    let mut lit_names = BTreeSet::new();
    for id in &lit_ids {
        let decl = mmd
            .lines()
            .map(str::trim)
            .find(|l| {
                l.starts_with(&format!("{id}("))
                    || l.starts_with(&format!("{id}["))
                    || l.starts_with(&format!("{id}{{"))
            })
            .unwrap_or_else(|| panic!("node {id} declared"));
        let q = &decl[decl.find('"').unwrap()..=decl.rfind('"').unwrap()];
        lit_names.insert(
            newsgraph::export::mermaid::unlabel(q)
                .lines()
                .next()
                .unwrap()
                .to_string(),
        );
    }
    assert!(
        names
            .iter()
            .all(|n| lit_names.iter().any(|l| l.starts_with(n.as_str()))),
        "{names:?} vs {lit_names:?}"
    );
    assert_eq!(lit_ids.len(), actors.len());
    // The last linkStyle thickens exactly as many edges as the path has hops.
    let thick = mmd
        .lines()
        .rfind(|l| l.contains("linkStyle") && l.contains("stroke-width:4px"))
        .expect("a linkStyle for the path");
    assert_eq!(
        thick.trim().split(' ').nth(1).unwrap().split(',').count(),
        rels.len()
    );
}

#[test]
fn export_path_as_html_shades_the_path_rows() {
    let dir = tempfile::tempdir().unwrap();
    let st = store(dir.path());
    let (actors, rels) = path_answer(dir.path(), &st, "Blinken", "Nechirvan Barzani");
    let html = export_path(dir.path(), &st, "html", &[]);
    let actor_rows = html.matches("<tr id=\"actor-").count();
    let lit_actors = html
        .lines()
        .filter(|l| l.starts_with("<tr id=\"actor-") && l.contains("class=\"highlight\""))
        .count();
    assert_eq!(lit_actors, actors.len());
    assert!(actor_rows > actors.len());
    let lit_relations = html
        .lines()
        .filter(|l| l.starts_with("<tr class=\"highlight\">"))
        .count();
    assert!(
        lit_relations >= rels.len(),
        "{lit_relations} < {}",
        rels.len()
    );
    assert!(html.contains("Highlighted:"));
    // The page stays well-formed XML.
    let mut r = quick_xml::Reader::from_str(&html);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("HTML is not well-formed: {e}"),
        }
    }
}
