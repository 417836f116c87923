//! Hostile names through every format: quotes, backslashes, markup, `&`,
//! colons, braces, line breaks, control characters, right-to-left text,
//! injection attempts for DOT, XML, Mermaid, CSV and Markdown, and a 10 KB name.
//! Names, ids, evidence, document ids, titles and URLs all carry them.
//! DOT must parse back to the labels written; SVG, GraphML and HTML must be
//! well-formed XML with no injected element; Mermaid must keep each name as
//! label text; CSV must keep one record per line; JSON must keep them exactly.

mod common;
#[path = "common/xmlcheck.rs"]
mod xmlcheck;

use common::*;
use graphviz_rust::dot_structures::{Graph, Stmt};
use newsgraph::export::diagram::{truncate, MAX_LABEL};
use newsgraph::export::dot::unquote;
use serde_json::json;
use std::collections::BTreeSet;
use xmlcheck::{attr, elements, flat_text};

/// What a name becomes in a one-line label: line breaks as spaces, control
/// characters dropped.
fn one_line(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

struct Hostile {
    dir: tempfile::TempDir,
    store: String,
    names: Vec<String>,
    ids: Vec<String>,
}

fn hostile_store() -> Hostile {
    let dir = tempfile::tempdir().unwrap();
    let names = hostile_names();
    let kinds = ["person", "organization", "country", "place"];
    let ids: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{i}:{n}"))
        .collect();
    let actors: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            json!({"id": ids[i], "name": n, "kind": kinds[i % 4],
                   "country": if i % 3 == 0 { json!("IRQ") } else { json!(n) },
                   "aliases": [n, format!("alias; of {n}")]})
        })
        .collect();
    let docs: Vec<_> = names
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, n)| {
            let url = [
                "javascript:alert(5)",
                "https://example.org/?a=<b>&c=\"d\"",
                n,
            ][i];
            json!({"id": format!("doc{i} {n}"), "path": n, "title": n, "url": url})
        })
        .collect();
    let types = RELATION_TYPES;
    let relations: Vec<_> = (0..names.len())
        .map(|i| {
            let j = (i + 1) % names.len();
            json!({"source": ids[i], "target": ids[j], "type": types[i % 13],
                   "date": names[i], "cameo": names[j],
                   "evidence": {"doc": format!("doc{} {}", i % 3, names[i % 3]),
                                "sentence": i, "start": 0, "end": 5,
                                "trigger": names[j], "text": format!("{} met {}", names[i], names[j]),
                                "rule": names[i]}})
        })
        .collect();
    let store = json!({"format": "newsgraph-store", "version": 1, "documents": docs,
                       "actors": actors, "relations": relations, "merges": []});
    let path = dir.path().join("hostile.store");
    std::fs::write(&path, serde_json::to_string(&store).unwrap()).unwrap();
    Hostile {
        store: s(&path),
        dir,
        names,
        ids,
    }
}

impl Hostile {
    fn export(&self, format: &str, extra: &[&str]) -> String {
        let mut args = vec!["export", "--store", &self.store, "-f", format];
        args.extend_from_slice(extra);
        ok(self.dir.path(), &args)
    }
}

/// Elements the SVG writers may produce (Graphviz's and ours).
const SVG_ELEMENTS: &[&str] = &[
    "svg", "g", "title", "text", "polygon", "ellipse", "path", "polyline", "a", "rect", "defs",
    "marker", "line",
];

#[test]
fn dot_parses_back_to_the_same_labels_and_graphviz_accepts_it() {
    let h = hostile_store();
    // Without Graphviz, the embedded renderer (auto's fallback) draws them.
    let engine = if graphviz("dot_parses_back_to_the_same_labels_and_graphviz_accepts_it") {
        "dot"
    } else {
        "auto"
    };
    for extra in [&[][..], &["--cluster", "country", "--no-collapse"][..]] {
        let dot = h.export("dot", extra);
        let g = graphviz_rust::parse(&dot).expect("DOT parses back");
        let mut labels = BTreeSet::new();
        let mut ids = BTreeSet::new();
        fn walk(stmts: &[Stmt], labels: &mut BTreeSet<String>, ids: &mut BTreeSet<String>) {
            for s in stmts {
                match s {
                    Stmt::Node(n) => {
                        ids.insert(unquote(&n.id.0));
                        for a in &n.attributes {
                            if unquote(&a.0) == "label" {
                                labels.insert(unquote(&a.1));
                            }
                        }
                    }
                    Stmt::Subgraph(sg) => walk(&sg.stmts, labels, ids),
                    _ => {}
                }
            }
        }
        let Graph::DiGraph { stmts, .. } = &g else {
            panic!("a digraph")
        };
        walk(stmts, &mut labels, &mut ids);
        for (name, id) in h.names.iter().zip(&h.ids) {
            let want = truncate(&one_line(name), MAX_LABEL);
            assert!(labels.contains(&want), "label {want:?}");
            assert!(ids.contains(&one_line(id)), "id {id:?}");
        }
        // Graphviz itself reads it (or the embedded renderer draws the same).
        let path = h.dir.path().join("h.svg");
        let p = s(&path);
        let mut args = vec![
            "export", "--store", &h.store, "-f", "svg", "--engine", engine, "-o", &p,
        ];
        args.extend_from_slice(extra);
        ok(h.dir.path(), &args);
        check_svg(&std::fs::read_to_string(&path).unwrap(), &h.names, engine);
    }
}

fn check_svg(svg: &str, names: &[String], what: &str) {
    let els = elements(svg);
    for e in &els {
        assert!(
            SVG_ELEMENTS.contains(&e.name.as_str()),
            "{what}: unexpected element <{}>",
            e.name
        );
    }
    // Graphviz keeps runs of spaces as no-break spaces.
    let text = flat_text(svg).replace('\u{a0}', " ");
    for n in names {
        let want = truncate(&one_line(n), MAX_LABEL);
        // Graphviz renders HTML entities found in labels ("&amp;" shows as "&"),
        // so a name containing one is compared without them.
        if !n.contains("&amp;") {
            assert!(text.contains(&want), "{what}: shows {want:?}");
        }
    }
}

#[test]
fn svg_is_well_formed_without_injected_elements_with_every_engine() {
    let h = hostile_store();
    // Without Graphviz: `auto` (its fallback) and the embedded renderer.
    let engines: &[&str] =
        if graphviz("svg_is_well_formed_without_injected_elements_with_every_engine") {
            &["dot", "sfdp", "builtin"]
        } else {
            &["auto", "builtin"]
        };
    for &engine in engines {
        let svg = h.export("svg", &["--engine", engine, "--title", &h.names[4]]);
        check_svg(&svg, &h.names, engine);
    }
    let svg = h.export("svg", &["--engine", "builtin", "--cluster", "country"]);
    check_svg(&svg, &h.names, "builtin clusters");
}

#[test]
fn graphml_is_well_formed_and_keeps_ids_and_names_exactly() {
    let h = hostile_store();
    let text = h.export("graphml", &[]);
    let els = elements(&text);
    for e in &els {
        let ok = ["graphml", "key", "graph", "node", "edge", "data"].contains(&e.name.as_str())
            || e.name.starts_with("y:");
        assert!(ok, "unexpected element <{}>", e.name);
    }
    let ids: BTreeSet<&str> = els
        .iter()
        .filter(|e| e.name == "node")
        .map(|e| attr(e, "id").unwrap())
        .collect();
    let names: BTreeSet<&str> = els
        .iter()
        .filter(|e| e.name == "data" && attr(e, "key") == Some("n_name"))
        .map(|e| e.text.as_str())
        .collect();
    for (name, id) in h.names.iter().zip(&h.ids) {
        // XML cannot carry control characters at all: they are dropped.
        let keep = |s: &str| -> String {
            s.chars()
                .filter(|&c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
                .collect()
        };
        assert!(ids.contains(keep(id).as_str()), "id {id:?}");
        let want = keep(name).replace("\r\n", "\n").replace('\r', "\n");
        assert!(
            names.contains(want.as_str()) || names.contains(keep(name).as_str()),
            "name {name:?}"
        );
    }
    if let Some(python) = std::env::var_os("NEWSGRAPH_TEST_PYTHON") {
        let script = "import networkx as nx, sys\ng = nx.read_graphml(sys.argv[1])\nassert g.number_of_nodes() == int(sys.argv[2]), g.number_of_nodes()\nprint('ok')";
        let path = h.dir.path().join("h.graphml");
        std::fs::write(&path, &text).unwrap();
        let out = std::process::Command::new(python)
            .args(["-c", script, &s(&path), &h.names.len().to_string()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "networkx: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn html_is_well_formed_without_injected_elements_or_script_links() {
    let h = hostile_store();
    let text = h.export("html", &["--title", &h.names[3]]);
    let els = elements(&text);
    let allowed = [
        "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "figure", "div", "span",
        "table", "thead", "tbody", "tr", "th", "td", "a", "mark", "br", "section", "label",
        "input", "ul", "button", "script", "select", "option",
    ];
    // Two scripts, both inline: the explorer and its data, which parses back to
    // every name exactly (no name ends the script early).
    let scripts: Vec<_> = els.iter().filter(|e| e.name == "script").collect();
    assert_eq!(scripts.len(), 2);
    assert!(scripts.iter().all(|e| attr(e, "src").is_none()));
    let start = text.find("id=\"newsgraph-data\">").unwrap() + "id=\"newsgraph-data\">".len();
    let end = start + text[start..].find("</script>").unwrap();
    let data: serde_json::Value = serde_json::from_str(&text[start..end]).unwrap();
    let embedded: BTreeSet<&str> = data["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(embedded, h.names.iter().map(String::as_str).collect());
    for e in &els {
        assert!(
            allowed.contains(&e.name.as_str()) || SVG_ELEMENTS.contains(&e.name.as_str()),
            "unexpected element <{}>",
            e.name
        );
        if let Some(href) = attr(e, "href") {
            assert!(
                href.starts_with('#')
                    || href.starts_with("https://")
                    || href.starts_with("http://"),
                "link {href:?}"
            );
        }
    }
    let body = flat_text(&text);
    for n in &h.names {
        let kept: String = n
            .chars()
            .filter(|&c| !c.is_control() || c == '\n' || c == '\r' || c == '\t')
            .collect();
        assert!(body.contains(&kept), "report shows {n:?}");
    }
}

#[test]
fn mermaid_keeps_every_name_as_label_text() {
    let h = hostile_store();
    let text = h.export(
        "mermaid",
        &["--title", &h.names[14], "--cluster", "country"],
    );
    let mut labels = BTreeSet::new();
    for (k, line) in text.lines().enumerate() {
        let t = line.trim_start();
        assert!(!t.starts_with("%%"), "no directive injected: {line}");
        assert!(!t.starts_with("click"), "no click injected: {line}");
        if k < 3 && (line == "---" || line.starts_with("title: ")) {
            continue;
        }
        let t = line.trim();
        if let Some(q1) = t.find('"') {
            let q2 = t.rfind('"').unwrap();
            let inner = &t[q1 + 1..q2];
            assert!(
                !inner.contains('"') && !inner.contains('<') && !inner.contains('`'),
                "label stays a label: {t}"
            );
            labels.insert(newsgraph::export::mermaid::unlabel(&t[q1..=q2]));
        } else {
            // Structure lines only: ids, arrows, class definitions.
            assert!(
                t == "flowchart LR"
                    || t == "end"
                    || t.starts_with("classDef ")
                    || t.starts_with("class ")
                    || t.starts_with("linkStyle ")
                    || t.starts_with('n'),
                "{t}"
            );
        }
    }
    for n in &h.names {
        let want = truncate(&one_line(n), MAX_LABEL);
        assert!(labels.contains(&want), "{want:?}");
    }
}

#[test]
fn csv_keeps_one_record_per_line_and_every_field() {
    let h = hostile_store();
    let dir = h.dir.path().join("csv");
    ok(
        h.dir.path(),
        &["export", "--store", &h.store, "-f", "csv", "-o", &s(&dir)],
    );
    let actors = std::fs::read_to_string(dir.join("actors.csv")).unwrap();
    assert_eq!(actors.lines().count(), h.names.len() + 1);
    for line in actors.lines().skip(1) {
        assert_eq!(line.matches('"').count() % 2, 0, "balanced quotes: {line}");
    }
    for n in &h.names {
        let want = one_line(n).replace('"', "\"\"");
        assert!(actors.contains(&format!("\"{want}\"")), "{n:?}");
    }
    let relations = std::fs::read_to_string(dir.join("relations.csv")).unwrap();
    assert_eq!(relations.lines().count(), h.names.len() + 1);
}

#[test]
fn json_keeps_every_name_exactly() {
    let h = hostile_store();
    let v: serde_json::Value = serde_json::from_str(&h.export("json", &[])).unwrap();
    let names: BTreeSet<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["name"].as_str().unwrap())
        .collect();
    for n in &h.names {
        assert!(names.contains(n.as_str()), "{n:?}");
    }
}

/// Hostile names rendered to PNG: by Graphviz (auto) when it is installed and
/// by the embedded renderer (builtin, and auto without Graphviz, with its note).
#[test]
fn png_renders_hostile_names() {
    let h = hostile_store();
    let with_graphviz = graphviz("png_renders_hostile_names");
    for engine in ["auto", "builtin"] {
        let path = h.dir.path().join(format!("h-{engine}.png"));
        let p = s(&path);
        let out = run(
            h.dir.path(),
            &[
                "export", "--store", &h.store, "-f", "png", "-o", &p, "--dpi", "72", "--engine",
                engine,
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{engine}: {err}");
        let png = std::fs::read(&path).unwrap();
        assert_eq!(&png[..4], b"\x89PNG", "{engine}");
        assert_eq!(
            err.contains("embedded renderer"),
            engine == "auto" && !with_graphviz,
            "{engine}: a note only when auto fell back: {err}"
        );
    }
}
