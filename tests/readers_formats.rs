//! Every reader on real files written in its documented layout, through
//! `newsgraph load`: JSON Lines, HTML, node-link JSON (ours and networkx's), CSV
//! edge lists, GDELT 1.0 and 2.0 event files; and each one's bad input.

mod common;
use common::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn js(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).expect("JSON output")
}

fn article(name: &str) -> String {
    std::fs::read_to_string(examples().join(name)).unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// (source, type, target) of every stored relation, sorted.
fn triples(dir: &Path, st: &str) -> Vec<(String, String, String)> {
    let rels = js(dir, &["relations", "--store", st, "--format", "json"]);
    let mut v: Vec<_> = rels
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["source"].as_str().unwrap().to_string(),
                r["type"].as_str().unwrap().to_string(),
                r["target"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A failing load: one line naming the file and line, store unchanged.
fn refused(dir: &Path, st: &Path, input: &Path, needle: &str) {
    let before = std::fs::read(st).ok();
    let out = run(dir, &["load", "--store", &s(st), &s(input)]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{} accepted", input.display());
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    let name = input.file_name().unwrap().to_string_lossy();
    assert!(err.contains(&*name) && err.contains(needle), "{err}");
    assert_eq!(std::fs::read(st).ok(), before, "store changed by {name}");
}

#[test]
fn json_lines_articles_with_dates() {
    let dir = tempfile::tempdir().unwrap();
    let st = dir.path().join("g.store");
    let lines = [
        json!({"id": "vilnius", "title": "NATO summit", "url": "https://example.org/v", "date": "2023-07-11", "text": article("vilnius-nato.txt")}),
        json!({"id": "erbil", "date": "2022-06-05T08:00:00Z", "text": article("erbil-reactions.txt")}),
        json!({"text": article("brics-johannesburg.txt")}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n\n")).collect();
    let f = write(dir.path(), "feed.jsonl", &body);
    let out = ok(dir.path(), &["load", "--store", &s(&st), &s(&f)]);
    assert!(out.starts_with("loaded 3 new"), "{out}");
    let stats = js(
        dir.path(),
        &["stats", "--store", &s(&st), "--format", "json"],
    );
    // Erbil's record is dated Sunday 2022-06-05; its "on Monday" is 2022-05-30.
    assert_eq!(stats["first_date"], "2022-05-30");
    assert_eq!(stats["last_date"], "2023-07-11");
    let rels = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &s(&st),
            "--doc",
            "vilnius",
            "--format",
            "json",
        ],
    );
    let rels = rels.as_array().unwrap();
    assert!(!rels.is_empty());
    // Each relation has the record's date, or the date its sentence gives
    // against it ("agreed on Monday": the Monday before Tuesday 2023-07-11).
    assert!(
        rels.iter().all(|r| r["date"]
            .as_str()
            .is_some_and(|d| ("2023-07-04"..="2023-07-11").contains(&d))),
        "{rels:?}"
    );
    assert!(
        rels.iter()
            .any(|r| r["type"] == "meet" && r["date"] == "2023-07-11"),
        "{rels:?}"
    );
    let since = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &s(&st),
            "--since",
            "2023",
            "--format",
            "json",
        ],
    );
    assert_eq!(since.as_array().unwrap().len(), rels.len());
    // The record without an id is named by file and line.
    let none = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &s(&st),
            "--doc",
            "feed-5",
            "--format",
            "json",
        ],
    );
    assert!(!none.as_array().unwrap().is_empty());
    // Same content again: nothing to do; one article edited: one replaced.
    assert!(ok(dir.path(), &["load", "--store", &s(&st), &s(&f)])
        .starts_with("loaded 0 new, 0 changed, 3 unchanged"));
    let edited = body.replace("Stoltenberg hailed", "Stoltenberg praised");
    write(dir.path(), "feed.jsonl", &edited);
    assert!(ok(dir.path(), &["load", "--store", &s(&st), &s(&f)])
        .starts_with("loaded 0 new, 1 changed, 2 unchanged"));
    // Bad records.
    let bad = write(
        dir.path(),
        "bad.jsonl",
        format!("{}\n{{\"text\": \"unterminated\n", lines[0]),
    );
    refused(dir.path(), &st, &bad, "bad.jsonl:2: invalid JSON");
    let notext = write(
        dir.path(),
        "notext.jsonl",
        "{\"id\": \"x\", \"title\": \"no body\"}\n",
    );
    refused(dir.path(), &st, &notext, "notext.jsonl:1: no \"text\"");
    let baddate = write(
        dir.path(),
        "baddate.jsonl",
        format!("{}\n", json!({"text": "A met B.", "date": "last Tuesday"})),
    );
    refused(dir.path(), &st, &baddate, "baddate.jsonl:1: date");
    let mut latin = lines[1].to_string().into_bytes();
    latin.extend_from_slice(b"\n{\"text\": \"Caf\xe9\"}\n");
    let latin = write(dir.path(), "latin.jsonl", latin);
    refused(dir.path(), &st, &latin, "latin.jsonl:2: not UTF-8");
    let skip = dir.path().join("skip.store");
    let out = ok(
        dir.path(),
        &[
            "load",
            "--skip-bad",
            "--store",
            &s(&skip),
            &s(&bad),
            &s(&notext),
        ],
    );
    assert!(
        out.starts_with("loaded 1 new") && out.contains("skipped 2 bad"),
        "{out}"
    );
}

#[test]
fn html_pages_give_their_main_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = article("vilnius-nato.txt");
    let paras: String = text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>\n", p.trim().replace('&', "&amp;")))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html><head><title>Vilnius summit</title>\
         <meta property=\"article:published_time\" content=\"2023-07-11T09:00:00Z\">\
         <link rel=\"canonical\" href=\"https://example.org/vilnius\">\
         <script>var t = 'Vladimir Putin met Kim Jong Un.';</script></head><body>\
         <nav><a href=\"/\">Home</a> Emmanuel Macron visited Beijing.</nav>\
         <article>{paras}<aside>Read more: Narendra Modi called Joe Biden.</aside></article>\
         <footer>Olaf Scholz condemned Hamas.</footer></body></html>"
    );
    let html = write(dir.path(), "vilnius.html", page);
    let txt = write(dir.path(), "vilnius.txt", &text);
    let st_html = dir.path().join("h.store");
    let st_txt = dir.path().join("t.store");
    ok(dir.path(), &["load", "--store", &s(&st_html), &s(&html)]);
    ok(dir.path(), &["load", "--store", &s(&st_txt), &s(&txt)]);
    assert_eq!(
        triples(dir.path(), &s(&st_html)),
        triples(dir.path(), &s(&st_txt))
    );
    let actors = ok(dir.path(), &["actors", "--store", &s(&st_html)]);
    for noise in ["Putin", "Macron", "Modi", "Scholz"] {
        assert!(
            !actors.contains(noise),
            "{noise} from page chrome: {actors}"
        );
    }
    let rels = js(
        dir.path(),
        &["relations", "--store", &s(&st_html), "--format", "json"],
    );
    // The page's date, or the day its sentence gives against it.
    assert!(rels.as_array().unwrap().iter().all(|r| r["date"]
        .as_str()
        .is_some_and(|d| ("2023-07-04"..="2023-07-11").contains(&d))));
    assert!(rels
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["date"] == "2023-07-11"));
    let empty = write(
        dir.path(),
        "blank.html",
        "<html><body><nav>menu</nav></body></html>",
    );
    refused(dir.path(), &st_html, &empty, "no text");
    let bin = write(dir.path(), "bin.html", b"<html>\x00\x01\x02</html>");
    refused(dir.path(), &st_html, &bin, "binary");
}

#[test]
fn node_link_json_round_trips_and_networkx_graphs_load() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.store");
    ok(dir.path(), &["load", "--store", &s(&a), &s(&examples())]);
    let exported = ok(
        dir.path(),
        &["export", "--store", &s(&a), "--format", "json"],
    );
    let f = write(dir.path(), "graph.json", &exported);
    let b = dir.path().join("b.store");
    let out = ok(dir.path(), &["load", "--store", &s(&b), &s(&f)]);
    assert!(out.starts_with("loaded 1 new"), "{out}");
    assert_eq!(triples(dir.path(), &s(&a)), triples(dir.path(), &s(&b)));
    // Evidence survives, the original document named in the rule.
    let r = js(
        dir.path(),
        &[
            "relations",
            "--store",
            &s(&b),
            "--type",
            "visit",
            "--format",
            "json",
        ],
    );
    let first = &r.as_array().unwrap()[0];
    assert_eq!(first["evidence"]["doc"], "graph");
    assert!(first["evidence"]["text"].as_str().unwrap().len() > 20);
    assert!(
        first["evidence"]["rule"]
            .as_str()
            .unwrap()
            .contains(" from "),
        "{first}"
    );
    // networkx node_link_data (3.4+: "edges"), with numeric ids and a CAMEO code.
    let nx = json!({"directed": true, "multigraph": true, "graph": {},
        "nodes": [{"id": 0, "name": "Anthony Blinken", "kind": "person"}, {"id": 1, "name": "Iraq"},
                  {"id": 2, "label": "Mustafa al-Kadhimi"}],
        "edges": [{"source": 0, "target": 2, "type": "call", "date": "2022-06-01"},
                  {"source": 0, "target": 1, "relation": "042", "key": 0}]});
    let nxf = write(dir.path(), "nx.json", nx.to_string());
    let c = dir.path().join("c.store");
    ok(dir.path(), &["load", "--store", &s(&c), &s(&nxf)]);
    let rels = js(
        dir.path(),
        &["relations", "--store", &s(&c), "--format", "json"],
    );
    let rels = rels.as_array().unwrap();
    assert_eq!(rels.len(), 2);
    let visit = rels.iter().find(|r| r["type"] == "visit").unwrap();
    assert_eq!(visit["cameo"], "042");
    assert_eq!(visit["target"], "iraq");
    let actors = js(
        dir.path(),
        &["actors", "--store", &s(&c), "--format", "json"],
    );
    let kind = |id: &str| {
        actors
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .unwrap()["kind"]
            .clone()
    };
    assert_eq!(kind("iraq"), "country");
    assert_eq!(kind("mustafa-al-kadhimi"), "person");
    // Bad graphs.
    let trunc = write(dir.path(), "trunc.json", &exported[..exported.len() / 2]);
    refused(dir.path(), &c, &trunc, "invalid JSON");
    let notgraph = write(dir.path(), "list.json", "[1, 2, 3]");
    refused(dir.path(), &c, &notgraph, "node-link");
    let badtype = write(dir.path(), "badtype.json", json!({"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "type": "hug"}]}).to_string());
    refused(dir.path(), &c, &badtype, "hug");
    let deep = write(
        dir.path(),
        "deep.json",
        format!(
            "{{\"nodes\": {}{}, \"links\": []}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
    );
    refused(dir.path(), &c, &deep, "invalid JSON: recursion limit");
}

#[test]
fn csv_edge_lists() {
    let dir = tempfile::tempdir().unwrap();
    let st = dir.path().join("g.store");
    let with_header = write(
        dir.path(),
        "edges.csv",
        "source,target,type,date,evidence\n\
         Anthony Blinken,Mustafa al-Kadhimi,call,2022-06-01,\"Blinken called al-Kadhimi, officials said.\"\n\
         Turkey,Sweden,agree,2023-07-10,\n\
         Joe Biden,Ukraine,042,2023-02-20,Biden visited Kyiv\n",
    );
    let bare = write(
        dir.path(),
        "more.csv",
        "Iran,Israel,threaten\n\"Hamas\",Israel,attack,2023-10-07\n",
    );
    let out = ok(
        dir.path(),
        &["load", "--store", &s(&st), &s(&with_header), &s(&bare)],
    );
    assert!(out.starts_with("loaded 2 new"), "{out}");
    let rels = js(
        dir.path(),
        &["relations", "--store", &s(&st), "--format", "json"],
    );
    let rels = rels.as_array().unwrap();
    assert_eq!(rels.len(), 5);
    let call = rels.iter().find(|r| r["type"] == "call").unwrap();
    assert_eq!(
        call["evidence"]["text"],
        "Blinken called al-Kadhimi, officials said."
    );
    assert_eq!(call["evidence"]["sentence"], 2, "line of the row");
    assert_eq!(call["date"], "2022-06-01");
    let visit = rels.iter().find(|r| r["type"] == "visit").unwrap();
    assert_eq!(visit["cameo"], "042");
    let actors = js(
        dir.path(),
        &[
            "actors",
            "--store",
            &s(&st),
            "--kind",
            "country",
            "--format",
            "json",
        ],
    );
    let names: Vec<&str> = actors
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    for c in ["Turkey", "Sweden", "Ukraine", "Iran", "Israel"] {
        assert!(names.contains(&c), "{c} as a country: {names:?}");
    }
    let short = write(dir.path(), "short.csv", "a,b,meet\nc,d\n");
    refused(
        dir.path(),
        &st,
        &short,
        "short.csv:2: expected source,target,type",
    );
    let unknown = write(dir.path(), "unknown.csv", "a,b,meet\nc,d,hug\n");
    refused(
        dir.path(),
        &st,
        &unknown,
        "unknown.csv:2: unknown relation type \"hug\"",
    );
    let quote = write(dir.path(), "quote.csv", "a,b,meet\n\"c,d,meet\n");
    refused(dir.path(), &st, &quote, "quote.csv");
    let latin = write(dir.path(), "latin.csv", b"a,b,meet\nCaf\xe9,d,meet\n");
    refused(dir.path(), &st, &latin, "latin.csv:2: ");
    let empty = write(dir.path(), "empty.csv", "");
    refused(dir.path(), &st, &empty, "empty file");
    let skip = dir.path().join("skip.store");
    let out = ok(
        dir.path(),
        &[
            "load",
            "--skip-bad",
            "--store",
            &s(&skip),
            &s(&unknown),
            &s(&short),
        ],
    );
    assert!(out.contains("skipped 2 bad"), "{out}");
    assert_eq!(
        js(
            dir.path(),
            &["stats", "--store", &s(&skip), "--format", "json"]
        )["relations"],
        2
    );
}

/// A GDELT event row in the documented column layout.
fn gdelt_row(
    columns: usize,
    id: u64,
    date: &str,
    a1: (&str, &str, &str, &str),
    a2: (&str, &str, &str, &str),
    code: &str,
    url: &str,
) -> String {
    let mut f = vec![String::new(); columns];
    f[0] = id.to_string();
    f[1] = date.to_string();
    f[2] = date[..6].to_string();
    f[3] = date[..4].to_string();
    (f[5], f[6], f[7], f[12]) = (a1.0.into(), a1.1.into(), a1.2.into(), a1.3.into());
    (f[15], f[16], f[17], f[22]) = (a2.0.into(), a2.1.into(), a2.2.into(), a2.3.into());
    f[25] = "1".into();
    f[26] = code.to_string();
    f[27] = code[..3.min(code.len())].to_string();
    f[28] = code[..2].to_string();
    if columns > 57 {
        f[columns - 1] = url.to_string();
    }
    f.join("\t")
}

#[test]
fn gdelt_event_files_1_and_2() {
    let dir = tempfile::tempdir().unwrap();
    let st = dir.path().join("g.store");
    let rows = |cols: usize| {
        [
            gdelt_row(
                cols,
                1,
                "20240105",
                ("USA", "UNITED STATES", "USA", ""),
                ("IRQ", "IRAQ", "IRQ", ""),
                "042",
                "https://example.org/a",
            ),
            gdelt_row(
                cols,
                2,
                "20240106",
                ("USAGOV", "ANTHONY BLINKEN", "USA", "GOV"),
                ("IRQGOV", "MUSTAFA AL-KADHIMI", "IRQ", "GOV"),
                "041",
                "https://example.org/b",
            ),
            gdelt_row(
                cols,
                3,
                "20240107",
                ("INDCOP", "POLICE", "IND", "COP"),
                ("", "", "", ""),
                "190",
                "",
            ),
            gdelt_row(
                cols,
                4,
                "20240107",
                ("KENCOP", "POLICE", "KEN", "COP"),
                ("KEN", "KENYA", "KEN", ""),
                "0874",
                "https://example.org/c",
            ),
            gdelt_row(
                cols,
                5,
                "20240108",
                ("RUS", "RUSSIA", "RUS", ""),
                ("UKR", "UKRAINE", "UKR", ""),
                "090",
                "https://example.org/d",
            ),
        ]
        .join("\n")
            + "\n"
    };
    let v1 = write(dir.path(), "20240105.export.CSV", rows(58));
    let v2 = write(dir.path(), "20240106.export.tsv", rows(61));
    let v1old = write(dir.path(), "1979.csv", rows(57));
    for (f, n) in [(&v1, 3), (&v2, 3), (&v1old, 3)] {
        let one = dir.path().join(format!(
            "{}.store",
            f.file_name().unwrap().to_string_lossy()
        ));
        ok(dir.path(), &["load", "--store", &s(&one), &s(f)]);
        let rels = js(
            dir.path(),
            &["relations", "--store", &s(&one), "--format", "json"],
        );
        let rels = rels.as_array().unwrap();
        assert_eq!(
            rels.len(),
            n,
            "{}: one-actor and 09x events skipped",
            f.display()
        );
        let visit = rels.iter().find(|r| r["cameo"] == "042").unwrap();
        assert_eq!(visit["type"], "visit");
        assert_eq!(visit["date"], "2024-01-05");
        assert_eq!(visit["source"], "united-states");
        assert_eq!(visit["target"], "iraq");
        let url = if f == &v1old {
            ""
        } else {
            "https://example.org/a"
        };
        assert_eq!(visit["evidence"]["text"], url);
        assert_eq!(visit["evidence"]["sentence"], 1);
        let call = rels.iter().find(|r| r["type"] == "call").unwrap();
        assert_eq!(call["cameo"], "041");
        let agree = rels.iter().find(|r| r["cameo"] == "0874").unwrap();
        assert_eq!(agree["type"], "agree");
        assert_eq!(
            agree["source"], "police-kenya",
            "generic actors keep their country"
        );
    }
    ok(dir.path(), &["load", "--store", &s(&st), &s(&v1), &s(&v2)]);
    let actors = js(
        dir.path(),
        &["actors", "--store", &s(&st), "--format", "json"],
    );
    let blinken = actors
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Anthony Blinken")
        .unwrap();
    assert_eq!(blinken["kind"], "person");
    assert_eq!(blinken["country"], "USA");
    assert_eq!(blinken["relations"], 2, "one actor across both files");
    // Missing columns, a bad date, a non-numeric code: one-line errors with the line.
    let mut short = rows(58);
    short.push_str("1\t20240101\tonly three\n");
    let short = write(dir.path(), "short.export.CSV", short);
    refused(
        dir.path(),
        &st,
        &short,
        "short.export.CSV:6: 3 tab-separated columns",
    );
    let baddate = write(
        dir.path(),
        "baddate.tsv",
        gdelt_row(
            58,
            9,
            "2024x105",
            ("USA", "UNITED STATES", "USA", ""),
            ("IRQ", "IRAQ", "IRQ", ""),
            "042",
            "u",
        ) + "\n",
    );
    refused(dir.path(), &st, &baddate, "baddate.tsv:1: SQLDATE");
    let mixed = write(
        dir.path(),
        "mixed.tsv",
        format!(
            "{}\n{}\n",
            gdelt_row(
                58,
                1,
                "20240101",
                ("A", "A", "", ""),
                ("B", "B", "", ""),
                "040",
                "u"
            ),
            gdelt_row(
                61,
                2,
                "20240101",
                ("A", "A", "", ""),
                ("B", "B", "", ""),
                "040",
                "u"
            )
        ),
    );
    refused(
        dir.path(),
        &st,
        &mixed,
        "mixed.tsv:2: 61 columns where earlier rows have 58",
    );
    let bin = write(dir.path(), "bin.tsv", b"\x00\x00\x00\x01");
    refused(dir.path(), &st, &bin, "binary");
}
