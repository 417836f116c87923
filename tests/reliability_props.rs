//! Property tests for every reader and the store: arbitrary bytes, arbitrary
//! Unicode and input that is *almost* right (the documented layout with hostile
//! values) never panic; every error is one line naming the file; every
//! relation's span lies inside its document on character boundaries; and what
//! reads cleanly loads, writes and reads back as the same graph
//! (`tests/common/checks.rs`, shared with the fuzz targets).
//!
//! The extractor itself and text decoding are covered by `tests/properties.rs`.
//! `PROPTEST_CASES=N` overrides every property's number of cases.

#[path = "common/checks.rs"]
mod checks;
mod common;

use checks::*;
use common::examples;

use newsgraph::extract::Options;
use newsgraph::graph::{aliases, store};
use newsgraph::input::{content_hash, csv, gdelt, html, jsonl, nodelink, Payload, Record};
use newsgraph::pipeline::extract_document;
use newsgraph::{Actor, ActorKind, Evidence, Extraction, NewsGraph, Relation, RelationType};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

fn opts() -> Options<'static> {
    Options {
        include_planned: true,
        ..Options::default()
    }
}

fn cases(n: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(n);
    ProptestConfig {
        cases: n,
        // Shrinking a failure is worth it, but not for ever.
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

/// Values that break naive code: quotes, separators of every format, line
/// breaks, control characters, surrogates' neighbours, right-to-left marks,
/// combining marks, dates and CAMEO codes right and wrong, names the lexicons
/// know.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "", " ", "\"", "\"\"", "'", ",", ";", "\t", "\n", "\r\n", "\r", "\\", "\\n", "{", "}",
            "[", "]", "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "\u{0}", "\u{1}", "\u{7f}",
            "\u{85}", "\u{2028}", "\u{feff}", "\u{202e}", "\u{200b}", "e\u{301}", "🎉", "ß", "İ",
            "Iraq", "IRQ", "USA", "UNITED STATES", "Kadhimi", "Mustafa al-Kadhimi", "NATO",
            "the Kremlin", "Police", "POLICE", "Erdoğan", "call", "meet", "visit", "attack",
            "affiliation", "042", "190", "09", "0", "12345", "20240105", "2024-01-05", "2024-13-45",
            "99999999", "-1", "1e400", "NaN", "null", "true", "person", "organization", "country",
            "place", "planet",
        ])
        .prop_map(str::to_string),
        2 => "\\PC{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn field() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_piece(), 0..4).prop_map(|v| v.concat())
}

/// Mostly one of the valid values, sometimes a hostile one: input that is
/// almost right reaches the code behind the first checks.
fn mostly(valid: &[&'static str]) -> BoxedStrategy<String> {
    prop_oneof![
        4 => prop::sample::select(valid.to_vec()).prop_map(str::to_string),
        1 => field(),
    ]
    .boxed()
}

/// An actor name: a plain one, or one wrapped in hostile characters.
fn name() -> BoxedStrategy<String> {
    let plain = prop::sample::select(vec![
        "Mustafa al-Kadhimi",
        "Kadhimi",
        "Anthony Blinken",
        "Blinken",
        "Iraq",
        "NATO",
        "United States",
        "Masrour Barzani",
        "Nechirvan Barzani",
        "Erbil",
        "Ministry of Defence",
        "Recep Tayyip Erdoğan",
        "BARACK OBAMA",
        "POLICE",
    ]);
    prop_oneof![
        3 => plain.clone().prop_map(str::to_string),
        2 => (field(), plain, field()).prop_map(|(a, n, b)| format!("{a}{n}{b}")),
        1 => field(),
    ]
    .boxed()
}

const TYPES: &[&str] = &[
    "call",
    "meet",
    "visit",
    "condemn",
    "claim",
    "attack",
    "deny",
    "demand",
    "support",
    "accuse",
    "threaten",
    "agree",
    "affiliation",
    "042",
    "190",
    "0841",
    "Meet",
    "MEET",
];

/// Article text the extractor's rules fire on, with hostile pieces mixed in.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "Iraqi Prime Minister Mustafa al-Kadhimi", "Blinken", "spoke with", "met", "visited",
            "condemned", "the attack", "claimed responsibility for", "He", "said", ".", ",", "\"",
            "U.S.", "Iran's Revolutionary Guards", " and ", "\n", "Erdoğan", "NATO", "accused",
            "threatened", "did not meet", "will visit", "’s", "—", "(CMF)", "in Baghdad",
        ])
        .prop_map(str::to_string),
        1 => hostile_piece(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), 0..max)
}

// ------------------------------------------------------------------ JSON Lines

fn check_jsonl(input: &[u8]) {
    let path = "feed.jsonl";
    let it = jsonl::from_reader(Path::new(path), Box::new(Cursor::new(input.to_vec())));
    let mut good = Vec::new();
    for r in it {
        match r {
            Ok(rec) => {
                assert!(rec.doc.path.starts_with("feed.jsonl:"), "{}", rec.doc.path);
                let Payload::Text(t) = &rec.payload else {
                    panic!("a JSON Lines record is text")
                };
                text_relations(t, &extract_document(&rec.doc, t, opts()).extraction);
                good.push(rec);
            }
            Err(e) => one_line_error(&e, path),
        }
    }
    // Ids may repeat inside a file: the later record replaces the earlier.
    load_and_round_trip(good);
}

fn jsonl_line() -> impl Strategy<Value = String> {
    let obj = (
        prop_oneof![newsy(), field()],
        prop::option::of(field()),
        prop::option::of(prop_oneof![field(), Just("2024-05-01".to_string())]),
        prop::option::of(field()),
        prop::option::of(field()),
    )
        .prop_map(|(text, id, date, title, url)| {
            let mut o = json!({ "text": text });
            for (k, v) in [("id", id), ("date", date), ("title", title), ("url", url)] {
                if let Some(v) = v {
                    o[k] = json!(v);
                }
            }
            o.to_string()
        });
    prop_oneof![
        6 => obj,
        1 => field().prop_map(|f| f.replace('\n', " ")),
        1 => Just(String::new()),
        1 => Just(r#"{"text": 5}"#.to_string()),
        1 => Just(r#"[{"text": "a"}]"#.to_string()),
        1 => (1usize..300).prop_map(|n| format!("{}{}", "[".repeat(n), "]".repeat(n))),
    ]
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn jsonl_arbitrary_bytes(input in bytes(400)) {
        check_jsonl(&input);
    }

    #[test]
    fn jsonl_hostile_records(lines in prop::collection::vec(jsonl_line(), 0..8), crlf in any::<bool>()) {
        let sep = if crlf { "\r\n" } else { "\n" };
        check_jsonl(lines.join(sep).as_bytes());
    }
}

// ------------------------------------------------------------------------ HTML

fn check_html(src: &str) {
    let page = html::parse(src);
    let d = doc("page");
    let x = extract_document(&d, &page.text, opts()).extraction;
    text_relations(&page.text, &x);
    if let Some(date) = &page.date {
        assert!(
            date.len() >= 4 && date[..4].bytes().all(|b| b.is_ascii_digit()),
            "{date:?}"
        );
    }
    if !page.text.trim().is_empty() {
        load_and_round_trip(vec![Record {
            doc: d,
            hash: content_hash(src.as_bytes()),
            payload: Payload::Text(page.text.clone()),
            bytes: src.len() as u64,
        }]);
    }
}

fn html_doc() -> impl Strategy<Value = String> {
    let tag = prop::sample::select(vec![
        "<article>",
        "</article>",
        "<main>",
        "</main>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<br>",
        "<nav>",
        "</nav>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<aside hidden>",
        "</aside>",
        "<title>",
        "</title>",
        "<body>",
        "</body>",
        "<head>",
        "<html>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<p aria-hidden=\"true\">",
        "<meta property=\"article:published_time\" content=\"2024-05-01T10:00:00Z\">",
        "<meta property='og:title' content=\"",
        "<time datetime=\"",
        "\">",
        "<link rel=\"canonical\" href=\"",
        "<svg><foreignObject>",
        "<template>",
        "<noscript>",
        "<plaintext>",
        "<textarea>",
        "&nbsp;",
        "&amp;",
        "&#x0;",
        "&#xD800;",
        "&notanentity;",
        "<",
        ">",
        "</",
        "=\"",
    ]);
    prop::collection::vec(
        prop_oneof![2 => tag.prop_map(str::to_string), 2 => newsy(), 1 => hostile_piece()],
        0..30,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn html_arbitrary_unicode(src in any::<String>()) {
        check_html(&src);
    }

    #[test]
    fn html_hostile_pages(src in html_doc()) {
        check_html(&src);
    }
}

// -------------------------------------------------------------- node-link JSON

fn check_nodelink(src: &str, skip_bad: bool) {
    let path = "graph.json";
    match nodelink::read(Path::new(path), src, skip_bad) {
        Ok((x, bad)) => {
            for b in &bad {
                assert!(!b.contains(['\n', '\r']) && b.starts_with(path), "{b:?}");
            }
            graph_relations(&x, None);
            load_graph(x, src.as_bytes());
        }
        Err(e) => one_line_error(&e, path),
    }
}

/// Any JSON value, a few levels deep, with hostile strings.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        field().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((field(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// A count or offset: mostly small, sometimes past what the store's 32 bits hold.
fn number() -> impl Strategy<Value = u64> {
    prop_oneof![6 => 0u64..5000, 1 => any::<u64>(), 1 => Just(u32::MAX as u64 + 1)]
}

fn nodelink_doc() -> impl Strategy<Value = String> {
    let id = prop_oneof![
        8 => prop::sample::select(vec!["a", "b", "d\n", "é"]).prop_map(Value::from),
        3 => (0u64..2).prop_map(Value::from),
        1 => field().prop_map(Value::from),
        1 => any_json(),
    ];
    let node = (
        id.clone(),
        prop::option::of(name()),
        prop::option::of(mostly(&["person", "organization", "country", "place"])),
        prop::option::of(mostly(&["IRQ", "USA"])),
        prop::option::of(prop::collection::vec(name(), 0..3)),
        any::<bool>(),
    )
        .prop_map(|(id, name, kind, country, aliases, label)| {
            let mut n = json!({ "id": id });
            if let Some(v) = name {
                n[if label { "label" } else { "name" }] = json!(v);
            }
            if let Some(v) = kind {
                n["kind"] = json!(v);
            }
            if let Some(v) = country {
                n["country"] = json!(v);
            }
            if let Some(v) = aliases {
                n["aliases"] = json!(v);
            }
            n
        });
    let evidence = prop_oneof![
        1 => Just(Value::Null),
        1 => any_json(),
        3 => (field(), number(), number(), number(), field(), field(), field()).prop_map(
            |(d, s, a, b, t, x, r)| json!({"doc": d, "sentence": s, "start": a, "end": b,
                                           "trigger": t, "text": x, "rule": r})
        ),
    ];
    let link = (
        id.clone(),
        id,
        mostly(TYPES),
        prop::sample::select(vec!["type", "relation", "label"]),
        prop::option::of(mostly(&["042", "190"])),
        prop::option::of(mostly(&["2024-05-01", "2024-05", "2024"])),
        evidence,
        prop_oneof![3 => any::<bool>().prop_map(Value::from), 1 => any_json()],
    )
        .prop_map(|(s, t, ty, tk, cameo, date, ev, planned)| {
            let mut l =
                json!({ "source": s, "target": t, tk: ty, "evidence": ev, "planned": planned });
            if let Some(v) = cameo {
                l["cameo"] = json!(v);
            }
            if let Some(v) = date {
                l["date"] = json!(v);
            }
            l
        });
    (
        prop::collection::vec(node, 0..10),
        prop::collection::vec(link, 0..10),
        any::<bool>(),
        any_json(),
    )
        .prop_map(|(nodes, links, edges, graph)| {
            let key = if edges { "edges" } else { "links" };
            json!({"directed": true, "multigraph": true, "graph": graph, "nodes": nodes, key: links})
                .to_string()
        })
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn nodelink_arbitrary_text(src in any::<String>(), skip in any::<bool>()) {
        check_nodelink(&src, skip);
    }

    #[test]
    fn nodelink_arbitrary_json(v in any_json(), skip in any::<bool>()) {
        check_nodelink(&v.to_string(), skip);
    }

    #[test]
    fn nodelink_hostile_graphs(src in nodelink_doc(), skip in any::<bool>()) {
        check_nodelink(&src, skip);
    }
}

// -------------------------------------------------------------- CSV edge lists

fn check_csv(input: &[u8], skip_bad: bool) {
    let path = "edges.csv";
    match csv::read_from(Path::new(path), Cursor::new(input), skip_bad, None) {
        Ok((x, bad)) => {
            for b in &bad {
                assert!(!b.contains(['\n', '\r']) && b.starts_with(path), "{b:?}");
            }
            graph_relations(&x, Some(input));
            load_graph(x, input);
        }
        Err(e) => one_line_error(&e, path),
    }
}

fn csv_field() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => field(),
        1 => field().prop_map(|f| format!("\"{}\"", f.replace('"', "\"\""))),
        1 => field().prop_map(|f| format!("\"{f}")),
    ]
}

/// A CSV value as written by a careful or a careless writer.
fn quoted(v: BoxedStrategy<String>) -> BoxedStrategy<String> {
    (v, 0..6u8)
        .prop_map(|(v, how)| match how {
            0 => format!("\"{}\"", v.replace('"', "\"\"")),
            1 => format!(" {v} "),
            _ if v.contains([',', '"', '\n', '\r']) && how < 5 => {
                format!("\"{}\"", v.replace('"', "\"\""))
            }
            _ => v,
        })
        .boxed()
}

const CSV_COLUMNS: &[&str] = &[
    "source",
    "target",
    "type",
    "date",
    "evidence",
    "source_kind",
    "target_kind",
    "source_country",
    "target_country",
    "cameo",
    "extra",
];

fn csv_value(col: &str) -> BoxedStrategy<String> {
    quoted(match col {
        "source" | "target" => name(),
        "type" => mostly(TYPES),
        "date" => mostly(&["2024-05-01", "20240501", "2024-05", ""]),
        "source_kind" | "target_kind" => mostly(&["person", "country", ""]),
        "source_country" | "target_country" => mostly(&["IRQ", ""]),
        "cameo" => mostly(&["042", "190", ""]),
        _ => prop_oneof![newsy(), field()].boxed(),
    })
}

/// A row for these columns, sometimes cut short or run long.
fn csv_row(cols: Vec<&'static str>) -> impl Strategy<Value = String> {
    let n = cols.len();
    (
        cols.into_iter().map(csv_value).collect::<Vec<_>>(),
        0..n + 2,
        prop::collection::vec(csv_field(), 0..3),
    )
        .prop_map(|(vals, keep, extra)| {
            let mut v: Vec<String> = vals.into_iter().take(keep).collect();
            if keep > v.len() {
                v.extend(extra);
            }
            v.join(",")
        })
}

fn csv_doc() -> impl Strategy<Value = String> {
    let header = prop::sample::subsequence(CSV_COLUMNS.to_vec(), 0..11).prop_shuffle();
    (prop::option::of(header), any::<bool>())
        .prop_flat_map(|(h, crlf)| {
            let cols = h.clone().unwrap_or_else(|| CSV_COLUMNS[..5].to_vec());
            (
                Just(h),
                Just(crlf),
                prop::collection::vec(csv_row(cols), 0..10),
            )
        })
        .prop_map(|(h, crlf, rows)| {
            let sep = if crlf { "\r\n" } else { "\n" };
            let mut lines: Vec<String> = h.map(|h| h.join(",")).into_iter().collect();
            lines.extend(rows);
            lines.join(sep)
        })
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn csv_arbitrary_bytes(input in bytes(400), skip in any::<bool>()) {
        check_csv(&input, skip);
    }

    #[test]
    fn csv_hostile_edge_lists(src in csv_doc(), skip in any::<bool>()) {
        check_csv(src.as_bytes(), skip);
    }
}

// -------------------------------------------------------------------- GDELT

fn check_gdelt(input: &[u8], skip_bad: bool) {
    let path = "events.tsv";
    match gdelt::read_from(Path::new(path), Cursor::new(input), skip_bad, None) {
        Ok((x, bad, _)) => {
            for b in &bad {
                assert!(!b.contains(['\n', '\r']) && b.starts_with(path), "{b:?}");
            }
            graph_relations(&x, Some(input));
            load_graph(x, input);
        }
        Err(e) => one_line_error(&e, path),
    }
}

/// A GDELT row: the documented layouts (57, 58, 61 columns) or a wrong count,
/// with hostile values in the columns the reader uses.
fn gdelt_row(layout: usize) -> impl Strategy<Value = String> {
    let cols = prop_oneof![
        12 => Just(layout),
        1 => prop::sample::select(vec![57usize, 58, 61]),
        1 => 0usize..70,
    ];
    // Mostly right, sometimes wrong, sometimes hostile.
    let value = |good: Vec<&'static str>, wrong: Vec<&'static str>| {
        prop_oneof![
            8 => prop::sample::select(good).prop_map(str::to_string),
            1 => prop::sample::select(wrong).prop_map(str::to_string),
            1 => field().prop_map(|f| f.replace(['\t', '\n', '\r'], " ")),
        ]
    };
    (
        cols,
        value(
            vec!["20240105", "19790101"],
            vec!["20241301", "2024", "", "99999999"],
        ),
        value(vec!["USA", "IRQ", "GOV", ""], vec!["U"]),
        value(
            vec!["UNITED STATES", "BARACK OBAMA", "POLICE", "ÉLYSÉE"],
            vec![""],
        ),
        value(vec!["USA", "IRQ", ""], vec!["XX", "ABCD"]),
        value(vec!["IRQ", "USA", "MIL"], vec![""]),
        value(vec!["IRAQ", "KURDISTAN", "PROTESTER"], vec![""]),
        value(
            vec!["042", "190", "112", "0841", "13"],
            vec!["", "abc", "-1"],
        ),
        value(vec!["https://example.org/a"], vec![""]),
    )
        .prop_map(|(n, date, c1, n1, cc1, c2, n2, code, url)| {
            let mut f = vec![String::new(); n];
            let mut set = |i: usize, v: String| {
                if i < n {
                    f[i] = v;
                }
            };
            set(0, "1".into());
            set(1, date);
            set(5, c1);
            set(6, n1);
            set(7, cc1);
            set(15, c2);
            set(16, n2);
            set(17, "IRQ".into());
            set(26, code);
            if n > 57 {
                f[n - 1] = url;
            }
            f.join("\t")
        })
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn gdelt_arbitrary_bytes(input in bytes(400), skip in any::<bool>()) {
        check_gdelt(&input, skip);
    }

    #[test]
    fn gdelt_hostile_rows(
        rows in prop::sample::select(vec![57usize, 58, 61])
            .prop_flat_map(|n| prop::collection::vec(gdelt_row(n), 0..8)),
        skip in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let sep = if crlf { "\r\n" } else { "\n" };
        check_gdelt(rows.join(sep).as_bytes(), skip);
    }
}

// ---------------------------------------------------------------- store files

/// A real store: the example articles, extracted and loaded.
fn example_store() -> &'static Vec<u8> {
    static STORE: OnceLock<Vec<u8>> = OnceLock::new();
    STORE.get_or_init(|| {
        let mut records = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(examples())
            .expect("examples/")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        files.push(common::article());
        for f in &files {
            records.push(newsgraph::input::text::read_record(f).expect("example article"));
        }
        let mut g = load_and_round_trip(records);
        g.merges.push("merged \"x\" into y".into());
        g.alias_entries.push(aliases::AliasEntry {
            name: "Ann Lee".into(),
            kind: Some(ActorKind::Person),
            country: None,
            aliases: vec!["A. Lee".into()],
        });
        encode(&g)
    })
}

/// Puts the right length and checksum into a store header, so the structure
/// checks (counts, offsets, indices, UTF-8), not the checksum, meet the damage.
fn forge(mut b: Vec<u8>) -> Vec<u8> {
    if b.len() >= 32 {
        let len = (b.len() - 32) as u64;
        b[16..24].copy_from_slice(&len.to_le_bytes());
        let crc = crc32fast::hash(&b[32..]);
        b[24..28].copy_from_slice(&crc.to_le_bytes());
    }
    b
}

fn check_store(bytes: Vec<u8>) {
    let path = "s.store";
    match store::from_bytes(Path::new(path), bytes) {
        Ok(g) => round_trip(&g),
        Err(e) => one_line_error(&e, path),
    }
}

fn graph_strategy() -> impl Strategy<Value = Extraction> {
    let actor = (
        field(),
        field(),
        0usize..4,
        prop::option::of(field()),
        prop::collection::vec(field(), 0..3),
    );
    (
        prop::collection::vec(actor, 1..8),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
                0usize..13,
                field(),
                any::<u32>(),
                any::<u32>(),
                any::<u32>(),
                field(),
                prop::option::of(field()),
                any::<bool>(),
            ),
            0..12,
        ),
        field(),
    )
        .prop_map(|(actors, rels, doc_id)| {
            let mut x = Extraction::default();
            let mut seen = std::collections::HashSet::new();
            for (i, (id, name, kind, country, aliases)) in actors.into_iter().enumerate() {
                let id = if seen.insert(id.clone()) {
                    id
                } else {
                    format!("{id}#{i}")
                };
                seen.insert(id.clone());
                x.actors.push(Actor {
                    id,
                    name,
                    kind: ActorKind::ALL[kind],
                    country,
                    aliases,
                });
            }
            for (s, t, k, text, a, b, sentence, trigger, date, planned) in rels {
                let (s, t) = (s.get(&x.actors).id.clone(), t.get(&x.actors).id.clone());
                x.relations.push(Relation {
                    source: s,
                    target: t,
                    kind: RelationType::ALL[k],
                    cameo: None,
                    date,
                    planned,
                    evidence: Evidence {
                        doc: doc_id.clone(),
                        sentence: sentence as usize,
                        start: a.min(b) as usize,
                        end: a.max(b) as usize,
                        trigger,
                        text,
                        rule: Some("prop".into()),
                    },
                });
            }
            x.documents.push(doc(&doc_id));
            x
        })
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn store_arbitrary_bytes(mut input in bytes(300), header in any::<bool>()) {
        if header {
            let mut b = b"NGSTORE\0\x02\0\0\0".to_vec();
            b.extend_from_slice(&[0; 20]);
            b.append(&mut input);
            input = forge(b);
        }
        check_store(input);
    }

    /// A real store damaged in several places at once (the checksum forged).
    #[test]
    fn store_damaged_real_file(edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6), cut in prop::option::of(any::<prop::sample::Index>())) {
        let mut b = example_store().clone();
        for (i, v) in edits {
            let i = 32 + i.index(b.len() - 32);
            b[i] = v;
        }
        if let Some(c) = cut {
            b.truncate(c.index(b.len()));
        }
        check_store(forge(b));
    }

    /// Arbitrary graphs (hostile strings everywhere) write and read back exactly.
    #[test]
    fn store_round_trips_arbitrary_graphs(x in graph_strategy()) {
        let g = NewsGraph::from_extraction(x.clone());
        round_trip(&g);
        prop_assert_eq!(g.relation_count(), x.relations.len());
    }
}

// ------------------------------------------------------------------ alias files

/// A graph of the examples to apply alias files to.
fn example_graph() -> NewsGraph {
    store::from_bytes(Path::new("ex.store"), example_store().clone()).expect("example store")
}

fn check_aliases(text: &str) {
    let path = "aliases.toml";
    match aliases::parse(Path::new(path), text) {
        Ok(entries) => {
            let mut g = example_graph();
            let before = g.documents.len();
            aliases::apply(&mut g, &entries);
            assert_eq!(g.documents.len(), before, "an alias file adds no document");
            round_trip(&g);
        }
        Err(e) => one_line_error(&e, path),
    }
}

fn alias_file() -> impl Strategy<Value = String> {
    // Forms the example graph holds, so entries really merge actors.
    let known = prop::sample::select(vec![
        "Blinken",
        "Anthony Blinken",
        "Mustafa al-Kadhimi",
        "Kadhimi",
        "Iraq",
        "Iraqi",
        "NATO",
        "Joe Biden",
        "Biden",
        "Jens Stoltenberg",
        "Stoltenberg",
        "BRICS",
        "China",
        "Cyril Ramaphosa",
        "Ramaphosa",
        "Erbil",
        "Masrour Barzani",
        "Nechirvan Barzani",
    ])
    .prop_map(str::to_string);
    let name = prop_oneof![4 => known, 1 => name()];
    let entry = (
        name.clone(),
        prop::option::of(mostly(&["person", "organization", "country", "place"])),
        prop::option::of(mostly(&["IRQ", "USA"])),
        prop::collection::vec(name, 0..4),
    );
    prop::collection::vec(entry, 0..5).prop_map(|entries| {
        let actors: Vec<toml::Value> = entries
            .into_iter()
            .map(|(name, kind, country, aliases)| {
                let mut t = toml::map::Map::new();
                t.insert("name".into(), name.into());
                if let Some(k) = kind {
                    t.insert("kind".into(), k.into());
                }
                if let Some(c) = country {
                    t.insert("country".into(), c.into());
                }
                t.insert("aliases".into(), aliases.into());
                toml::Value::Table(t)
            })
            .collect();
        let mut root = toml::map::Map::new();
        root.insert("actor".into(), actors.into());
        toml::to_string(&toml::Value::Table(root)).unwrap_or_default()
    })
}

proptest! {
    #![proptest_config(cases(1000))]

    #[test]
    fn aliases_arbitrary_text(text in any::<String>()) {
        check_aliases(&text);
    }

    #[test]
    fn aliases_hostile_entries(text in alias_file()) {
        check_aliases(&text);
    }
}
