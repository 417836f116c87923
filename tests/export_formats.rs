//! Every export format on a store built from the examples and the test article, read
//! back by a parser: serde_json (JSON), quick-xml (GraphML, HTML, SVG), our CSV
//! reader (neo4j-admin files), the Mermaid grammar of our writer, PNG and PDF
//! signatures; and, when `NEWSGRAPH_TEST_PYTHON` names a Python with networkx
//! (.ci/run sets one up), networkx's `read_graphml` and `node_link_graph`.

mod common;
#[path = "common/xmlcheck.rs"]
mod xmlcheck;

use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use xmlcheck::{all_text, attr, elements, flat_text};

struct Fixture {
    dir: tempfile::TempDir,
    store: String,
    json: Value,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = s(&dir.path().join("g.store"));
    ok(
        dir.path(),
        &["load", "--store", &store, &s(&article()), &s(&examples())],
    );
    let json: Value = serde_json::from_str(&ok(
        dir.path(),
        &["export", "--store", &store, "-f", "json"],
    ))
    .expect("node-link JSON parses");
    Fixture { dir, store, json }
}

impl Fixture {
    fn export(&self, format: &str, extra: &[&str]) -> String {
        let mut args = vec!["export", "--store", &self.store, "--format", format];
        args.extend_from_slice(extra);
        ok(self.dir.path(), &args)
    }
    fn export_file(&self, format: &str, name: &str, extra: &[&str]) -> PathBuf {
        let path = self.dir.path().join(name);
        let p = s(&path);
        let mut args = vec!["export", "--store", &self.store, "-f", format, "-o", &p];
        args.extend_from_slice(extra);
        ok(self.dir.path(), &args);
        path
    }
    fn nodes(&self) -> &Vec<Value> {
        self.json["nodes"].as_array().unwrap()
    }
    fn links(&self) -> &Vec<Value> {
        self.json["links"].as_array().unwrap()
    }
    fn names(&self) -> BTreeSet<String> {
        self.nodes()
            .iter()
            .map(|n| n["name"].as_str().unwrap().to_string())
            .collect()
    }
}

#[test]
fn json_is_node_link_with_every_attribute_and_evidence() {
    let f = fixture();
    let j = &f.json;
    assert_eq!(j["directed"], true);
    assert_eq!(j["multigraph"], true);
    let ids: BTreeSet<&str> = f
        .nodes()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(f.nodes().len() > 30 && ids.len() == f.nodes().len());
    for n in f.nodes() {
        for k in ["id", "name", "label", "kind", "aliases"] {
            assert!(n.get(k).is_some(), "node has {k}: {n}");
        }
    }
    assert!(f.links().len() > 30);
    for l in f.links() {
        assert!(ids.contains(l["source"].as_str().unwrap()));
        assert!(ids.contains(l["target"].as_str().unwrap()));
        let ev = &l["evidence"];
        for k in ["doc", "sentence", "start", "end", "trigger", "text"] {
            assert!(ev.get(k).is_some(), "evidence has {k}: {l}");
        }
        assert!(l["type"].is_string() && l["key"].is_u64());
    }
}

#[test]
fn graphml_has_typed_keys_and_every_actor_and_relation() {
    let f = fixture();
    let text = f.export("graphml", &[]);
    let els = elements(&text);
    assert_eq!(els[0].name, "graphml");
    let keys: BTreeMap<String, (String, String)> = els
        .iter()
        .filter(|e| e.name == "key" && attr(e, "attr.name").is_some())
        .map(|e| {
            (
                attr(e, "id").unwrap().to_string(),
                (
                    attr(e, "attr.name").unwrap().to_string(),
                    attr(e, "attr.type").unwrap().to_string(),
                ),
            )
        })
        .collect();
    assert_eq!(keys["e_sentence"], ("sentence".into(), "int".into()));
    assert_eq!(keys["e_planned"], ("planned".into(), "boolean".into()));
    let nodes: Vec<_> = els.iter().filter(|e| e.name == "node").collect();
    let edges: Vec<_> = els.iter().filter(|e| e.name == "edge").collect();
    assert_eq!(nodes.len(), f.nodes().len());
    assert_eq!(edges.len(), f.links().len());
    let node_ids: BTreeSet<&str> = nodes.iter().map(|e| attr(e, "id").unwrap()).collect();
    for e in &edges {
        assert!(node_ids.contains(attr(e, "source").unwrap()));
        assert!(node_ids.contains(attr(e, "target").unwrap()));
    }
    let mut names = BTreeSet::new();
    for d in els.iter().filter(|e| e.name == "data") {
        let key = attr(d, "key").unwrap();
        if key.ends_with("yfiles") {
            continue;
        }
        let (name, ty) = keys
            .get(key)
            .unwrap_or_else(|| panic!("key {key} declared"));
        match ty.as_str() {
            "int" => {
                d.text
                    .parse::<i64>()
                    .unwrap_or_else(|_| panic!("{name}: {}", d.text));
            }
            "boolean" => assert!(d.text == "true" || d.text == "false"),
            _ => {}
        }
        if name == "name" {
            names.insert(d.text.clone());
        }
    }
    assert_eq!(names, f.names());
    // yEd graphics: a label per node.
    assert_eq!(
        els.iter().filter(|e| e.name == "y:NodeLabel").count(),
        nodes.len()
    );
}

/// Splits one RFC 4180 line (no line breaks inside fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    assert!(!quoted, "unbalanced quotes: {line}");
    out.push(cur);
    out
}

#[test]
fn csv_files_follow_the_neo4j_admin_header_format() {
    let f = fixture();
    let dir = f.dir.path().join("csv");
    ok(
        f.dir.path(),
        &["export", "--store", &f.store, "-f", "csv", "-o", &s(&dir)],
    );
    let actors = std::fs::read_to_string(dir.join("actors.csv")).unwrap();
    let relations = std::fs::read_to_string(dir.join("relations.csv")).unwrap();
    let mut lines = actors.lines();
    let header = csv_fields(lines.next().unwrap());
    assert_eq!(header[0], "id:ID");
    assert!(header.contains(&":LABEL".to_string()));
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for l in lines {
        let r = csv_fields(l);
        assert_eq!(r.len(), header.len(), "{l}");
        assert!(r[5].starts_with("Actor;"));
        ids.insert(r[0].clone());
        names.insert(r[1].clone());
    }
    assert_eq!(names, f.names());
    let mut lines = relations.lines();
    let header = csv_fields(lines.next().unwrap());
    assert_eq!(&header[..3], [":START_ID", ":END_ID", ":TYPE"]);
    let mut n = 0;
    for l in lines {
        let r = csv_fields(l);
        assert_eq!(r.len(), header.len(), "{l}");
        assert!(ids.contains(&r[0]) && ids.contains(&r[1]), "{l}");
        assert!(r[2].chars().all(|c| c.is_ascii_uppercase()), "{l}");
        r[7].parse::<usize>().expect("sentence:int");
        n += 1;
    }
    assert_eq!(n, f.links().len());
    // csv needs a folder.
    let out = run(f.dir.path(), &["export", "--store", &f.store, "-f", "csv"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
}

#[test]
fn mermaid_is_a_flowchart_with_a_node_per_drawn_actor() {
    let f = fixture();
    let text = f.export("mermaid", &["--isolated", "keep"]);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut labels = BTreeSet::new();
    let mut edges = 0;
    for l in lines {
        let t = l.trim();
        if t.starts_with("classDef") || t.starts_with("class ") || t.starts_with("linkStyle") {
            continue;
        }
        if t.contains("-->") || t.contains("-.->") {
            edges += 1;
            continue;
        }
        // nN<open>"label"<close>
        let q1 = t.find('"').unwrap_or_else(|| panic!("node line {t}"));
        let q2 = t.rfind('"').unwrap();
        assert!(t.starts_with('n'));
        labels.insert(newsgraph::export::mermaid::unlabel(&t[q1..=q2]));
    }
    assert_eq!(labels, f.names());
    assert!(edges > 30 && edges <= f.links().len());
}

#[test]
fn html_report_is_well_formed_and_has_diagram_legend_and_tables() {
    let f = fixture();
    let text = f.export("html", &[]);
    assert!(text.starts_with("<!DOCTYPE html>"));
    let els = elements(&text);
    let names: Vec<&str> = els.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"svg") && names.contains(&"table"));
    // Scripts only inline (the offline explorer and its data), nothing linked.
    assert_eq!(names.iter().filter(|n| **n == "script").count(), 2);
    assert!(!names.contains(&"link"));
    let body = flat_text(&text);
    for n in f.names() {
        assert!(body.contains(&n), "report names {n}");
    }
    for l in f.links() {
        let sentence = l["evidence"]["text"].as_str().unwrap();
        assert!(body.contains(sentence.trim()), "evidence {sentence}");
    }
    let rows = els.iter().filter(|e| e.name == "tr").count();
    // Header rows + actors + relations + documents.
    let docs = f.json["graph"]["documents"].as_array().unwrap().len();
    assert_eq!(rows, 3 + f.nodes().len() + f.links().len() + docs);
    // Offline: no external resource, and links stay inside the page or on the web.
    for e in &els {
        if let Some(h) = attr(e, "href") {
            assert!(h.starts_with('#') || h.starts_with("http"), "{h}");
        }
        assert!(attr(e, "src").is_none());
    }
    assert!(els.iter().any(|e| e.name == "mark"), "triggers marked");
}

fn svg_root(svg: &str) -> String {
    let els = elements(svg);
    assert_eq!(els[0].name, "svg");
    assert!(attr(&els[0], "viewBox").is_some());
    assert!(attr(&els[0], "width").is_none() && attr(&els[0], "height").is_none());
    all_text(&els)
}

/// Every Graphviz engine when Graphviz is installed; without it, `auto` (which
/// falls back on the embedded renderer) and `builtin`, while asking for a
/// Graphviz engine is a one-line error naming what to install.
#[test]
fn svg_with_every_engine_is_scalable_and_shows_every_linked_actor() {
    let f = fixture();
    let linked: BTreeSet<&str> = f
        .links()
        .iter()
        .flat_map(|l| [l["source"].as_str().unwrap(), l["target"].as_str().unwrap()])
        .collect();
    let engines: &[&str] =
        if graphviz("svg_with_every_engine_is_scalable_and_shows_every_linked_actor") {
            &["dot", "neato", "sfdp", "auto", "builtin"]
        } else {
            for engine in ["dot", "neato", "sfdp"] {
                let out = run(
                    f.dir.path(),
                    &[
                        "export", "--store", &f.store, "-f", "svg", "--engine", engine,
                    ],
                );
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(!out.status.success() && out.stdout.is_empty(), "{engine}");
                assert!(
                    err.contains("apt-get install graphviz") && err.trim_end().lines().count() == 1,
                    "{engine}: {err}"
                );
            }
            &["auto", "builtin"]
        };
    for &engine in engines {
        let svg = f.export("svg", &["--engine", engine]);
        let text = svg_root(&svg);
        for n in f.nodes() {
            if linked.contains(n["id"].as_str().unwrap()) {
                let name = n["name"].as_str().unwrap();
                assert!(text.contains(name), "{engine}: {name}");
            }
        }
        for word in ["person", "affiliation"] {
            assert!(text.contains(word), "{engine}: legend shows {word}");
        }
    }
    // Country clusters and the builtin renderer draw the country names.
    let svg = f.export("svg", &["--engine", "builtin", "--cluster", "country"]);
    let els = elements(&svg);
    let clusters: Vec<_> = els
        .iter()
        .filter(|e| e.name == "g" && attr(e, "class") == Some("cluster"))
        .collect();
    assert!(!clusters.is_empty());
}

/// PNG and PDF by Graphviz when it is installed, by the embedded renderer when
/// it is not (and with Graphviz hidden by an empty PATH); a Graphviz layout
/// asked for by name without it is a one-line error that writes no file.
#[test]
fn png_and_pdf_with_graphviz_or_the_embedded_renderer() {
    let f = fixture();
    graphviz("png_and_pdf_with_graphviz_or_the_embedded_renderer");
    let png = std::fs::read(f.export_file("png", "g.png", &[])).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert!(w > 500 && h > 300, "{w}x{h}");
    let pdf = std::fs::read(f.export_file("pdf", "g.pdf", &["--cluster", "country"])).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    // Without Graphviz on PATH: PNG and PDF from the embedded renderer, with a note.
    for (format, magic) in [("png", &b"\x89PNG\r\n\x1a\n"[..]), ("pdf", &b"%PDF-"[..])] {
        let file = format!("nogv.{format}");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(["export", "--store", &f.store, "-f", format, "-o", &file])
            .current_dir(f.dir.path())
            .env("PATH", f.dir.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stderr).contains("embedded renderer"));
        let bytes = std::fs::read(f.dir.path().join(&file)).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
        assert!(bytes.len() > 2_000, "{format}: {} bytes", bytes.len());
    }
    // A Graphviz layout asked for by name: a clear error naming what to install
    // and the embedded renderer as the way out.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args([
            "export", "--store", &f.store, "-f", "png", "--engine", "dot", "-o", "x.png",
        ])
        .current_dir(f.dir.path())
        .env("PATH", f.dir.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("apt-get install graphviz") && err.contains("--engine builtin"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        !f.dir.path().join("x.png").exists(),
        "no file for a failed export"
    );
    // And SVG still works, with a note.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["export", "--store", &f.store, "-f", "svg"])
        .current_dir(f.dir.path())
        .env("PATH", f.dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("embedded renderer"));
    svg_root(&String::from_utf8(out.stdout).unwrap());
}

#[test]
fn cypher_works_and_unknown_formats_list_the_known_ones() {
    let f = fixture();
    // The script itself is tested in export_cypher.rs and, against a live
    // server, in remote_falkordb.rs.
    let out = run(
        f.dir.path(),
        &["export", "--store", &f.store, "-f", "cypher"],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("MERGE (a:Actor:"));
    let out = run(f.dir.path(), &["export", "--store", &f.store, "-f", "gexf"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("graphml") && err.contains("cypher"),
        "{err}"
    );
}

/// The GraphML and node-link JSON files read back as networkx reads them: by
/// the Rust-side reader below always, and by networkx itself when
/// `NEWSGRAPH_TEST_PYTHON` names a Python with it (CI); a note says when not.
#[test]
fn networkx_reads_graphml_and_node_link_json() {
    let f = fixture();
    let graphml = f.export_file("graphml", "g.graphml", &[]);
    let json = f.export_file("json", "g.json", &[]);
    let (nodes, edges) = (f.nodes().len(), f.links().len());
    check_like_networkx(&graphml, &json, nodes, edges);
    match std::env::var_os("NEWSGRAPH_TEST_PYTHON") {
        Some(python) => check_with_networkx(Path::new(&python), &graphml, &json, nodes, edges),
        None => eprintln!(
            "note: NEWSGRAPH_TEST_PYTHON not set: the files were read back in Rust only, not by networkx"
        ),
    }
}

/// What the networkx script below checks, done in Rust: the GraphML graph is
/// directed with `nodes` nodes and `edges` edges, typed data as declared (kind,
/// name, an int sentence, a boolean planned, the evidence text), edges between
/// declared nodes; the node-link JSON is a directed multigraph of the same size
/// and nodes, every link with its evidence text.
fn check_like_networkx(graphml: &Path, json: &Path, nodes: usize, edges: usize) {
    let text = std::fs::read_to_string(graphml).unwrap();
    let els = elements(&text);
    let graph = els.iter().find(|e| e.name == "graph").expect("a <graph>");
    assert_eq!(attr(graph, "edgedefault"), Some("directed"));
    let keys: BTreeMap<&str, (&str, &str)> = els
        .iter()
        .filter(|e| e.name == "key" && attr(e, "attr.name").is_some())
        .map(|e| {
            let name = attr(e, "attr.name").unwrap();
            let ty = attr(e, "attr.type").unwrap_or("string");
            (attr(e, "id").expect("key id"), (name, ty))
        })
        .collect();
    // (is a node, id or (source, target), data by attribute name)
    struct Item<'a> {
        node: bool,
        ends: (&'a str, &'a str),
        data: BTreeMap<&'a str, String>,
    }
    let mut items: Vec<Item> = Vec::new();
    for e in &els {
        match e.name.as_str() {
            "node" => items.push(Item {
                node: true,
                ends: (attr(e, "id").expect("node id"), ""),
                data: BTreeMap::new(),
            }),
            "edge" => items.push(Item {
                node: false,
                ends: (attr(e, "source").unwrap(), attr(e, "target").unwrap()),
                data: BTreeMap::new(),
            }),
            "data" => {
                let key = attr(e, "key").expect("data key");
                if let Some(&(name, ty)) = keys.get(key) {
                    let v = e.text.clone();
                    match ty {
                        "int" => {
                            v.parse::<i64>()
                                .unwrap_or_else(|_| panic!("{name} is an int: {v:?}"));
                        }
                        "boolean" => assert!(v == "true" || v == "false", "{name}: {v:?}"),
                        _ => {}
                    }
                    let item = items.last_mut().expect("data inside a node or edge");
                    assert!(item.data.insert(name, v).is_none(), "{name} given twice");
                } else {
                    assert!(key.ends_with("yfiles"), "undeclared key {key}");
                }
            }
            _ => {}
        }
    }
    let ids: BTreeSet<&str> = items.iter().filter(|i| i.node).map(|i| i.ends.0).collect();
    assert_eq!(ids.len(), nodes, "GraphML nodes (distinct ids)");
    assert_eq!(items.iter().filter(|i| i.node).count(), nodes);
    assert_eq!(
        items.iter().filter(|i| !i.node).count(),
        edges,
        "GraphML edges"
    );
    for i in &items {
        if i.node {
            let kind = i.data.get("kind").map(String::as_str);
            assert!(
                matches!(kind, Some("person" | "organization" | "country" | "place")),
                "{}: kind {kind:?}",
                i.ends.0
            );
            assert!(i.data.get("name").is_some_and(|n| !n.is_empty()));
        } else {
            assert!(
                ids.contains(i.ends.0) && ids.contains(i.ends.1),
                "{:?}",
                i.ends
            );
            for k in ["sentence", "planned"] {
                assert!(i.data.contains_key(k), "edge {:?} has {k}", i.ends);
            }
            assert!(i.data.get("text").is_some_and(|t| !t.is_empty()));
        }
    }
    let data: Value = serde_json::from_str(&std::fs::read_to_string(json).unwrap()).unwrap();
    assert_eq!(
        (&data["directed"], &data["multigraph"]),
        (&Value::Bool(true), &Value::Bool(true))
    );
    let json_ids: BTreeSet<&str> = data["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(data["nodes"].as_array().unwrap().len(), nodes);
    assert_eq!(json_ids, ids, "the same nodes in both files");
    let links = data["links"].as_array().unwrap();
    assert_eq!(links.len(), edges);
    for l in links {
        assert!(json_ids.contains(l["source"].as_str().unwrap()));
        assert!(json_ids.contains(l["target"].as_str().unwrap()));
        assert!(
            l["evidence"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty()),
            "{l}"
        );
    }
}

/// Runs a networkx script that loads both files and checks their sizes and a
/// few attributes; panics with Python's output when it fails.
pub fn check_with_networkx(python: &Path, graphml: &Path, json: &Path, nodes: usize, edges: usize) {
    let script = r#"
import json, sys
import networkx as nx
graphml, node_link, nodes, edges = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
g = nx.read_graphml(graphml)
assert g.is_directed(), "directed"
assert g.number_of_nodes() == nodes, (g.number_of_nodes(), nodes)
assert g.number_of_edges() == edges, (g.number_of_edges(), edges)
for n, d in g.nodes(data=True):
    assert d["kind"] in ("person", "organization", "country", "place"), d
    assert isinstance(d["name"], str) and d["name"], d
for u, v, d in g.edges(data=True):
    assert isinstance(d["sentence"], int) and isinstance(d["planned"], bool), d
    assert d["text"], d
data = json.load(open(node_link, encoding="utf-8"))
try:
    h = nx.node_link_graph(data, edges="links")
except TypeError:
    h = nx.node_link_graph(data)
assert h.is_directed() and h.is_multigraph()
assert h.number_of_nodes() == nodes, (h.number_of_nodes(), nodes)
assert h.number_of_edges() == edges, (h.number_of_edges(), edges)
for u, v, d in h.edges(data=True):
    assert d["evidence"]["text"], d
assert set(g.nodes) == set(h.nodes)
print("networkx", nx.__version__, "ok")
"#;
    let out = std::process::Command::new(python)
        .args(["-c", script])
        .arg(graphml)
        .arg(json)
        .arg(nodes.to_string())
        .arg(edges.to_string())
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", python.display()));
    assert!(
        out.status.success(),
        "networkx could not read the exports:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_embedded_renderer_highlights_a_path_like_graphviz() {
    let f = fixture();
    // Without Graphviz, `auto` stands for the embedded renderer.
    let other = if graphviz("the_embedded_renderer_highlights_a_path_like_graphviz") {
        "dot"
    } else {
        "auto"
    };
    for engine in ["builtin", other] {
        let svg = f.export(
            "svg",
            &["--engine", engine, "--path", "Kadhimi", "Masrour Barzani"],
        );
        let els = elements(&svg);
        let lit: Vec<_> = els
            .iter()
            .filter(|e| attr(e, "class").is_some_and(|c| c.contains("highlight")))
            .collect();
        assert!(
            lit.len() >= 3,
            "{engine}: two actors and a relation lit: {}",
            lit.len()
        );
    }
}
