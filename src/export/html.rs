//! One self-contained HTML report: the diagram as inline SVG, a legend, a table
//! of actors and a table of relations with their evidence (trigger marked) and
//! links to the source documents, and an inline script over embedded data
//! (search, evidence, paths, filters). No external file: it reads offline and
//! prints cleanly. The page is well-formed XML (XHTML syntax), and every
//! text from the data goes through [`xml::escape`].

use super::diagram::{Diagram, DotOptions};
use super::style::{kind_style, relation_color, relation_line, OUTLINE};
use super::xml::escape;
use crate::graph::NewsGraph;
use crate::model::{Actor, Relation};
use crate::query::select::Highlight;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write;

const CSS: &str = r#"
body { font-family: Helvetica, Arial, sans-serif; color: #222; margin: 2em auto; max-width: 78em; padding: 0 1em; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
.summary { color: #555; }
figure { margin: 1em 0; text-align: center; }
figure svg { max-width: 100%; height: auto; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; font-size: 0.9em; margin: 0.5em 0 1em; }
.legend span { white-space: nowrap; }
.swatch { display: inline-block; padding: 0 0.5em; border: 1px solid #5f6b7a; border-radius: 3px; }
.line { display: inline-block; width: 2em; vertical-align: middle; margin-right: 0.3em; border-top-width: 2px; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; }
th, td { border: 1px solid #ddd; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #f4f4f2; }
tr:nth-child(even) td { background: #fafaf8; }
mark { background: #fff3b0; }
#ng-explore { border: 1px solid #ddd; border-radius: 4px; padding: 0.6em 1em; margin: 1em 0; }
#ng-explore input[type=search], #ng-explore input[type=text] { font-size: 1em; padding: 0.2em 0.4em; min-width: 16em; }
#ng-explore input[type=number] { width: 4em; }
#ng-types label, #ng-kinds label { margin-right: 0.8em; white-space: nowrap; }
.ng-path h4.ng-title { margin-top: 1em; }
#ng-hits { list-style: none; padding: 0; margin: 0.3em 0; }
button.ng-actor { border: none; background: none; color: #0645ad; cursor: pointer; font: inherit; padding: 0; text-decoration: underline; }
.ng-group h4 { margin: 0.8em 0 0.2em; }
.ng-evidence { margin: 0.2em 0 0.2em 1em; }
figure .node.ng-focus polygon, figure .node.ng-focus ellipse, figure .node.ng-focus rect, figure .node.ng-focus path { stroke: #d9480f; stroke-width: 4px; }
@media print { #ng-explore { display: none; } }
tr.highlight td, tr.highlight:nth-child(even) td { background: #ffe9c2; font-weight: bold; }
.type { font-weight: bold; white-space: nowrap; }
.muted { color: #666; font-size: 0.85em; }
@media print {
  body { margin: 0; max-width: none; }
  figure { page-break-inside: avoid; }
  tr { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
"#;

/// The offline explorer's script: search, actor and path from the embedded data.
const EXPLORER_JS: &str = include_str!("assets/explorer.js");

/// What the page may load: nothing from anywhere (its own inline script and
/// style only), so it reads the same offline and cannot call home.
const CSP: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// One actor as the page's script sees it.
#[derive(Serialize)]
struct PageActor<'a> {
    id: &'a str,
    name: &'a str,
    kind: String,
    aliases: &'a [String],
}

/// One relation as the page's script sees it: its ends by position in the actors.
#[derive(Serialize)]
struct PageRelation<'a> {
    s: usize,
    t: usize,
    #[serde(rename = "type")]
    kind: String,
    date: Option<&'a str>,
    text: &'a str,
    trigger: &'a str,
    doc: &'a str,
    cameo: Option<&'a str>,
    rule: Option<&'a str>,
}

/// The page's data as JSON that may sit inside a `<script>` element: `<`, `>`
/// and `&` escaped (so no `</script>` or `]]>` in a name ends it early, and
/// the page stays well-formed XML), and the two line separators JavaScript
/// once refused in strings.
fn page_data(actors: &[&Actor], anchor: &HashMap<&str, usize>, relations: &[&Relation]) -> String {
    #[derive(Serialize)]
    struct Data<'a> {
        actors: Vec<PageActor<'a>>,
        relations: Vec<PageRelation<'a>>,
    }
    let data = Data {
        actors: actors
            .iter()
            .map(|a| PageActor {
                id: &a.id,
                name: &a.name,
                kind: a.kind.to_string(),
                aliases: &a.aliases,
            })
            .collect(),
        relations: relations
            .iter()
            .filter_map(|r| {
                Some(PageRelation {
                    s: *anchor.get(r.source.as_str())?,
                    t: *anchor.get(r.target.as_str())?,
                    kind: r.kind.to_string(),
                    date: r.date.as_deref(),
                    text: &r.evidence.text,
                    trigger: &r.evidence.trigger,
                    doc: &r.evidence.doc,
                    cameo: r.cameo.as_deref(),
                    rule: r.evidence.rule.as_deref(),
                })
            })
            .collect(),
    };
    script_safe(&serde_json::to_string(&data).unwrap_or_else(|_| "{}".into()))
}

/// JSON made safe inside a script element (the characters only occur in
/// strings): markup characters, the line separators JavaScript once refused,
/// and the control characters JSON leaves raw (DEL and C1) become escapes, so
/// the page holds no raw control character.
fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' | '\u{7f}'..='\u{9f}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// The search box, path finder and filters (document, actor kinds) above the
/// diagram; the script keeps their state in the URL's fragment.
const EXPLORER_FORM: &str = "<section id=\"ng-explore\">\n<p><label>Search an actor: <input type=\"search\" id=\"ng-q\" autocomplete=\"off\" placeholder=\"a name, part of one, or a misspelling\"/></label></p>\n<ul id=\"ng-hits\"></ul>\n<p><label>Path from <input type=\"text\" id=\"ng-from\"/></label> <label>to <input type=\"text\" id=\"ng-to\"/></label> <label><input type=\"checkbox\" id=\"ng-via\"/> through affiliations too</label> <label>paths <input type=\"number\" id=\"ng-k\" min=\"1\" max=\"20\" value=\"1\"/></label> <label>at most <input type=\"number\" id=\"ng-hops\" min=\"1\" max=\"20\" placeholder=\"any\"/> hops</label> <button type=\"button\" id=\"ng-go\">Find a path</button></p>\n<p id=\"ng-types\">Relation types walked (none ticked: every event): </p>\n<p id=\"ng-filters\"><label>Document <select id=\"ng-doc\"><option value=\"\">any</option></select></label> <span id=\"ng-kinds\">Actor kinds (none ticked: every kind): </span></p>\n<div id=\"ng-out\"></div>\n</section>\n";

/// Strips what comes before the root `<svg` (XML declaration, doctype,
/// comments) so the SVG can sit inside the page.
pub fn inline_svg(svg: &str) -> &str {
    svg.find("<svg").map_or(svg, |i| &svg[i..])
}

/// Whether a document URL may become a link: web addresses only (never
/// `javascript:` or `data:`).
fn linkable(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://")
}

/// The evidence sentence with the first occurrence of the trigger marked.
fn marked(text: &str, trigger: &str) -> String {
    match (!trigger.is_empty()).then(|| text.find(trigger)).flatten() {
        Some(i) => format!(
            "{}<mark>{}</mark>{}",
            escape(&text[..i]),
            escape(trigger),
            escape(&text[i + trigger.len()..])
        ),
        None => escape(text),
    }
}

/// The class attribute of a table row that is highlighted (part of a path).
fn row_class(lit: bool) -> &'static str {
    if lit {
        " class=\"highlight\""
    } else {
        ""
    }
}

/// The report page. `svg` is the rendered diagram of `d` (any renderer).
pub fn to_html(g: &NewsGraph, d: &Diagram, opts: &DotOptions, svg: &str) -> String {
    let title = opts
        .title
        .clone()
        .unwrap_or_else(|| "Actors and relations".to_string());
    let mut h = String::with_capacity(svg.len() + 4096 + g.relation_count() * 400);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"newsgraph {}\"/>\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title),
        escape(&title)
    );
    let _ = writeln!(
        h,
        "<p class=\"summary\">{} document(s), {} actor(s), {} relation(s). Search an actor or click a node for its relations and their evidence, find a path between two, or hover the diagram for details; the tables below give every relation with its evidence.</p>",
        g.documents.len(),
        g.actor_count(),
        g.relation_count()
    );
    let hl = &opts.highlight;
    if !hl.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"summary\">Highlighted: {} actor(s) and {} relation(s) (drawn thick in the diagram, shaded in the tables).</p>",
            hl.actors.len(),
            hl.relations.len()
        );
    }
    h.push_str(EXPLORER_FORM);
    let _ = writeln!(h, "<figure>\n{}\n</figure>", inline_svg(svg).trim());
    write_legend(&mut h, d);
    // Rows link to their actors and documents by position.
    let actors = g.actors();
    let anchor: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let relations = g.relations();
    write_actors(&mut h, &actors, &anchor, &relations, hl);
    write_relations(&mut h, g, &actors, &anchor, &relations, hl);
    write_documents(&mut h, g);
    let _ = write!(
        h,
        "</tbody>\n</table>\n<p class=\"muted\">Made with newsgraph.</p>\n<script type=\"application/json\" id=\"newsgraph-data\">{}</script>\n<script>//<![CDATA[\n{EXPLORER_JS}//]]>\n</script>\n</body>\n</html>\n",
        page_data(&actors, &anchor, &relations)
    );
    h
}

/// The legend under the diagram: kinds, relation types, actors not drawn.
fn write_legend(h: &mut String, d: &Diagram) {
    h.push_str("<div class=\"legend\">\n");
    for k in &d.kinds {
        let (_, fill) = kind_style(*k);
        let _ = writeln!(
            h,
            "<span><span class=\"swatch\" style=\"background:{fill};border-color:{OUTLINE}\">{k}</span></span>"
        );
    }
    for t in &d.types {
        let style = if relation_line(*t) == "dashed" {
            "dashed"
        } else {
            "solid"
        };
        let _ = writeln!(
            h,
            "<span><span class=\"line\" style=\"border-top-style:{style};border-top-color:{}\"></span>{t}</span>",
            relation_color(*t)
        );
    }
    if d.hidden_isolated > 0 {
        let _ = writeln!(
            h,
            "<span class=\"muted\">{} actor(s) with no relation are not drawn (listed below)</span>",
            d.hidden_isolated
        );
    }
    h.push_str("</div>\n");
}

/// The actors' table, with each actor's number of relations.
fn write_actors(
    h: &mut String,
    actors: &[&Actor],
    anchor: &HashMap<&str, usize>,
    relations: &[&Relation],
    hl: &Highlight,
) {
    let mut degree = vec![0usize; actors.len()];
    for r in relations {
        for id in [&r.source, &r.target] {
            if let Some(&i) = anchor.get(id.as_str()) {
                degree[i] += 1;
            }
        }
    }
    let _ = writeln!(
        h,
        "<h2>Actors ({})</h2>\n<table>\n<thead><tr><th>Name</th><th>Kind</th><th>Country</th><th>Also called</th><th>Relations</th></tr></thead>\n<tbody>",
        actors.len()
    );
    for (i, a) in actors.iter().enumerate() {
        let (_, fill) = kind_style(a.kind);
        let _ = writeln!(
            h,
            "<tr id=\"actor-{i}\"{}><td>{}</td><td><span class=\"swatch\" style=\"background:{fill}\">{}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            row_class(hl.has_actor(&a.id)),
            escape(&a.name),
            a.kind,
            escape(a.country.as_deref().unwrap_or("")),
            escape(&a.aliases.join("; ")),
            degree[i]
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The relations' table, with their evidence and links to actors and documents.
fn write_relations(
    h: &mut String,
    g: &NewsGraph,
    actors: &[&Actor],
    anchor: &HashMap<&str, usize>,
    relations: &[&Relation],
    hl: &Highlight,
) {
    let doc_anchor: HashMap<&str, usize> = g
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let _ = writeln!(
        h,
        "<h2>Relations ({})</h2>\n<table>\n<thead><tr><th>Source</th><th>Relation</th><th>Target</th><th>Date</th><th>Evidence</th><th>Document</th></tr></thead>\n<tbody>",
        relations.len()
    );
    let actor_link = |id: &str| match anchor.get(id) {
        Some(&i) => format!("<a href=\"#actor-{i}\">{}</a>", escape(&actors[i].name)),
        None => escape(id),
    };
    for r in relations {
        let ev = &r.evidence;
        let mut kind = r.kind.to_string();
        if r.planned {
            kind.push_str(" (planned)");
        }
        let doc = match doc_anchor.get(ev.doc.as_str()) {
            Some(&i) => format!("<a href=\"#doc-{i}\">{}</a>", escape(&ev.doc)),
            None => escape(&ev.doc),
        };
        let _ = writeln!(
            h,
            "<tr{}><td>{}</td><td class=\"type\" style=\"color:{}\" title=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{doc}<br/><span class=\"muted\">sentence {}, bytes {}–{}</span></td></tr>",
            row_class(hl.has_relation(r)),
            actor_link(&r.source),
            relation_color(r.kind),
            escape(&format!(
                "CAMEO {}; {}",
                r.cameo.as_deref().unwrap_or("none"),
                ev.rule.as_deref().unwrap_or("")
            )),
            escape(&kind),
            actor_link(&r.target),
            escape(r.date.as_deref().unwrap_or("")),
            marked(&ev.text, &ev.trigger),
            ev.sentence,
            ev.start,
            ev.end
        );
    }
    h.push_str("</tbody>\n</table>\n");
}

/// The documents' table (the last one: the page's closing follows it).
fn write_documents(h: &mut String, g: &NewsGraph) {
    let _ = writeln!(
        h,
        "<h2>Documents ({})</h2>\n<table>\n<thead><tr><th>Id</th><th>Title</th><th>Date</th><th>Source</th></tr></thead>\n<tbody>",
        g.documents.len()
    );
    for (i, doc) in g.documents.iter().enumerate() {
        let source = match &doc.url {
            Some(u) if linkable(u) => {
                format!("<a href=\"{}\">{}</a>", escape(u), escape(u))
            }
            Some(u) => escape(u),
            None => escape(&doc.path),
        };
        let _ = writeln!(
            h,
            "<tr id=\"doc-{i}\"><td>{}</td><td>{}</td><td>{}</td><td>{source}</td></tr>",
            escape(&doc.id),
            escape(doc.title.as_deref().unwrap_or("")),
            escape(doc.date.as_deref().unwrap_or("")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(linkable("https://example.org/a"));
        assert!(!linkable("javascript:alert(1)"));
        assert!(!linkable(" data:text/html,x"));
    }

    #[test]
    fn the_trigger_is_marked_and_everything_escaped() {
        assert_eq!(
            marked("A <b> met B.", "met"),
            "A &lt;b&gt; <mark>met</mark> B."
        );
        assert_eq!(marked("x & y", "zzz"), "x &amp; y");
    }

    #[test]
    fn embedded_data_has_no_raw_control_character() {
        let s = script_safe("{\"n\":\"C\u{7f}rt\u{85}\"}");
        assert!(!s.chars().any(char::is_control), "{s}");
        assert_eq!(s, "{\"n\":\"C\\u007frt\\u0085\"}");
    }

    #[test]
    fn embedded_data_cannot_end_its_script() {
        let name = "</script><b>&]]>\u{2028}";
        let s = script_safe(&serde_json::json!({ "n": name }).to_string());
        assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
        assert!(!s.contains('\u{2028}'));
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["n"], name);
        assert!(!EXPLORER_JS.contains("]]>") && !EXPLORER_JS.contains("</script"));
    }
}
