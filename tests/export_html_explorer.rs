//! `export --format html` as an offline explorer: the page embeds the actors
//! and relations of the drawn (trimmed) graph as data for its inline script,
//! loads nothing from anywhere (no `src`, no linked style, a policy that
//! forbids fetching), and `--all` embeds everything.

mod common;
#[path = "common/xmlcheck.rs"]
mod xmlcheck;

use common::*;
use serde_json::Value;
use xmlcheck::{attr, elements};

fn data(page: &str) -> Value {
    let tag = "id=\"newsgraph-data\">";
    let start = page.find(tag).expect("the data block") + tag.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).expect("the data is JSON")
}

fn names(v: &Value) -> Vec<String> {
    v["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_page_embeds_the_drawn_graph_and_fetches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let st = s(&d.join("g.store"));
    ok(
        d,
        &["load", "--store", &st, &s(&article()), &s(&examples())],
    );
    let page = ok(d, &["export", "--store", &st, "-f", "html"]);
    let els = elements(&page);
    for e in &els {
        assert!(attr(e, "src").is_none(), "<{}> loads something", e.name);
        assert_ne!(e.name, "link");
    }
    assert!(!page.contains("url(http") && !page.contains("@import"));
    assert!(!page.contains("fetch(") && !page.contains("XMLHttpRequest"));
    let csp = els
        .iter()
        .find(|e| attr(e, "http-equiv") == Some("Content-Security-Policy"))
        .and_then(|e| attr(e, "content"))
        .expect("a page policy");
    assert!(csp.starts_with("default-src 'none'"), "{csp}");

    let all = data(&page);
    let n = names(&all);
    assert!(
        n.contains(&"Antony Blinken".to_string()) && n.contains(&"Mustafa al-Kadhimi".to_string())
    );
    let rels = all["relations"].as_array().unwrap();
    let call = rels
        .iter()
        .find(|r| {
            r["type"] == "call"
                && n[r["s"].as_u64().unwrap() as usize] == "Antony Blinken"
                && n[r["t"].as_u64().unwrap() as usize] == "Mustafa al-Kadhimi"
        })
        .expect("the call, its ends by position");
    assert!(call["text"]
        .as_str()
        .unwrap()
        .contains(call["trigger"].as_str().unwrap()));

    // The size guard: the page carries what is drawn, everything with --all.
    let small = ok(
        d,
        &["export", "--store", &st, "-f", "html", "--max-nodes", "5"],
    );
    assert_eq!(names(&data(&small)).len(), 5);
    let every = ok(d, &["export", "--store", &st, "-f", "html", "--all"]);
    assert_eq!(names(&data(&every)).len(), n.len());
}
