//! One reading path for `extract`, `build` and `load` (every reader, its
//! options, its account of what it skipped), dates read from the text, and
//! documents piped on stdin: end to end through the binary, on the articles
//! of tests/data.

mod common;
use common::*;
use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn data(name: &str) -> PathBuf {
    root().join("tests/data").join(name)
}

fn js(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(dir, args)).expect("JSON output")
}

/// (source, type, target, date) of every relation of an extraction, sorted.
fn relations(x: &Value) -> Vec<(String, String, String, String)> {
    let mut v: Vec<_> = x["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let f = |k: &str| r[k].as_str().unwrap_or("").to_string();
            (f("source"), f("type"), f("target"), f("date"))
        })
        .collect();
    v.sort();
    v
}

/// Runs `newsgraph args` with `input` on stdin.
fn piped(dir: &Path, args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// A failure with one line on stderr containing `needle`.
fn fails_with(out: &std::process::Output, needle: &str) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!out.status.success(), "succeeded: {err}");
    assert!(err.contains(needle), "{err}");
    err
}

#[test]
fn extract_on_a_page_gives_only_the_articles_relations() {
    let dir = tempfile::tempdir().unwrap();
    let page = data("reading-page.html");
    let x = js(dir.path(), &["extract", "--format", "json", &s(&page)]);
    // 2023-09-14 was a Thursday: "on Wednesday" is the day before.
    let want = [
        ("antonio-tajani", "affiliation", "italy", "2023-09-14"),
        ("antonio-tajani", "agree", "ian-borg", "2023-09-14"),
        ("antonio-tajani", "meet", "ian-borg", "2023-09-13"),
        // A meeting abroad is a visit of the foreign side.
        ("antonio-tajani", "visit", "valletta", "2023-09-13"),
        ("ian-borg", "affiliation", "malta", "2023-09-14"),
    ]
    .map(|(a, b, c, d)| (a.into(), b.into(), c.into(), d.into()));
    assert_eq!(relations(&x), want);
    assert_eq!(x["documents"][0]["date"], "2023-09-14");
    assert_eq!(x["documents"][0]["title"], "Harbour talks in Valletta");
    let table = ok(dir.path(), &["extract", &s(&page)]);
    for chrome in [
        "Home", "Putin", "Biden", "Modi", "Scholz", "Erdogan", "World",
    ] {
        assert!(
            !table.contains(chrome),
            "{chrome} from the page's chrome:\n{table}"
        );
    }
}

#[test]
fn build_over_a_folder_of_html_and_json_lines_counts_every_document() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed");
    std::fs::create_dir(&feed).unwrap();
    std::fs::copy(data("reading-page.html"), feed.join("valletta.html")).unwrap();
    let kyiv = std::fs::read_to_string(data("dateline-kyiv.txt")).unwrap();
    let lines = [
        serde_json::json!({"id": "kyiv", "text": kyiv}),
        serde_json::json!({"text": "Japan's prime minister praised India for hosting the summit.", "date": "2023-09-10"}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(feed.join("wire.jsonl"), body).unwrap();
    std::fs::write(feed.join("scan.pdf"), "%PDF-1.4 not an article").unwrap();
    let out = run(dir.path(), &["build", "feed", "--out", "out"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("documents  3\n"), "{stdout}");
    // The file no reader takes is named on stderr.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("scan.pdf") && err.contains("skipped"), "{err}");
    // The store is the one `load` would make: documents with their dates.
    let docs = js(
        dir.path(),
        &[
            "documents",
            "--store",
            "out/newsgraph.store",
            "--format",
            "json",
        ],
    );
    let dates: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap_or("-"))
        .collect();
    assert_eq!(dates, ["2023-09-14", "2022-10-10", "2023-09-10"], "{docs}");
}

#[test]
fn a_run_that_reads_nothing_fails_with_its_reason_and_bad_files_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.docx"), "x").unwrap();
    for args in [
        vec!["extract", "empty"],
        vec!["build", "empty", "--out", "o"],
        vec!["load", "--store", "g.store", "empty"],
    ] {
        let out = run(dir.path(), &args);
        let err = fails_with(
            &out,
            "no document read: empty holds no file of a supported type",
        );
        assert_eq!(
            err.lines().filter(|l| l.starts_with("newsgraph:")).count(),
            1
        );
        assert!(err.contains("notes.docx"), "{err}");
    }
    assert!(!dir.path().join("g.store").exists());
    // With --skip-bad a bad file is named, and a run left with nothing fails.
    std::fs::write(dir.path().join("bad.txt"), b"\xff\xfe").unwrap();
    std::fs::copy(data("dateline-kyiv.txt"), dir.path().join("kyiv.txt")).unwrap();
    for (cmd, n) in [("extract", 0), ("build", 1)] {
        let args = |n: usize, inputs: &[&str]| -> Vec<String> {
            let mut v = vec![cmd.to_string(), "--skip-bad".into()];
            if cmd == "build" {
                v.extend(["--out".into(), format!("b{n}")]);
            }
            v.extend(inputs.iter().map(|i| i.to_string()));
            v
        };
        let a = args(n, &["bad.txt", "kyiv.txt"]);
        let out = run(
            dir.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("skipped: bad.txt"), "{cmd}: {err}");
        let a = args(n + 10, &["bad.txt"]);
        let out = run(
            dir.path(),
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        fails_with(&out, "no document read: 1 bad input(s) skipped");
    }
}

#[test]
fn a_dateline_and_a_weekday_date_the_relation_in_every_view() {
    let dir = tempfile::tempdir().unwrap();
    let kyiv = data("dateline-kyiv.txt");
    let x = js(dir.path(), &["extract", "--format", "json", &s(&kyiv)]);
    assert_eq!(x["documents"][0]["date"], "2022-10-10");
    // 2022-10-10 was a Monday: "on Monday" is the dateline's day.
    assert_eq!(
        relations(&x),
        [(
            "russia".into(),
            "attack".into(),
            "kharkiv".into(),
            "2022-10-10".into()
        )]
    );
    ok(dir.path(), &["load", "--store", "g.store", &s(&kyiv)]);
    let t = ok(dir.path(), &["timeline", "--store", "g.store", "Russia"]);
    assert!(t.contains("2022-10-10  Russia -attack-> Kharkiv"), "{t}");
    let r = ok(
        dir.path(),
        &["relations", "--store", "g.store", "--since", "2022-10"],
    );
    assert!(r.contains("Kharkiv") && r.contains("2022-10-10"), "{r}");
    let graphml = ok(
        dir.path(),
        &["export", "--store", "g.store", "--format", "graphml"],
    );
    assert!(graphml.contains("2022-10-10"), "{graphml}");
    // A range that keeps nothing says why.
    let out = run(
        dir.path(),
        &["relations", "--store", "g.store", "--since", "2023-01"],
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "no relation on or after 2023-01; dated relations span 2022-10-10..2022-10-10"
        ),
        "{err}"
    );
}

#[test]
fn an_undated_store_says_no_relation_is_dated() {
    let dir = tempfile::tempdir().unwrap();
    let out = piped(
        dir.path(),
        &["load", "--store", "g.store", "-"],
        b"Iran condemned Israel over the strike.",
    );
    assert!(out.status.success());
    for args in [
        vec!["relations", "--store", "g.store", "--since", "2022-10"],
        vec!["timeline", "--store", "g.store", "Iran", "--until", "2022"],
    ] {
        let out = run(dir.path(), &args);
        assert!(out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("no relation is dated; 0 of 1 have a date"),
            "{err}"
        );
    }
}

#[test]
fn json_lines_dates_survive_extract() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("feed.jsonl");
    std::fs::write(
        &f,
        "{\"id\": \"a\", \"date\": \"2021-03-02\", \"text\": \"Canada condemned Belarus over the forced landing.\"}\n",
    )
    .unwrap();
    let x = js(dir.path(), &["extract", "--format", "json", &s(&f)]);
    assert_eq!(x["documents"][0]["id"], "a");
    assert_eq!(x["documents"][0]["date"], "2021-03-02");
    assert_eq!(
        relations(&x),
        [(
            "canada".into(),
            "condemn".into(),
            "belarus".into(),
            "2021-03-02".into()
        )]
    );
}

#[test]
fn piped_documents_keep_their_own_ids() {
    let dir = tempfile::tempdir().unwrap();
    let a = b"Iran condemned Israel over the strike.".as_slice();
    let b = b"# Ties\n\nJapan praised India for hosting the summit.".as_slice();
    for input in [a, b, a] {
        let out = piped(dir.path(), &["load", "--store", "g.store", "-"], input);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let named = piped(
        dir.path(),
        &["load", "--store", "g.store", "--id", "wire-7", "-"],
        b"Egypt urged Ethiopia to resume talks.",
    );
    assert!(named.status.success());
    let docs = js(
        dir.path(),
        &["documents", "--store", "g.store", "--format", "json"],
    );
    let ids: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids[0].starts_with("stdin-") && ids[0].len() == "stdin-".len() + 12);
    assert!(ids[1].starts_with("stdin-") && ids[0] != ids[1], "{ids:?}");
    assert_eq!(ids[2], "wire-7");
    // The third load was the first article again: unchanged, not a copy.
    let rel = ok(dir.path(), &["relations", "--store", "g.store"]);
    assert_eq!(rel.matches("Israel").count(), 1, "{rel}");
    // extract takes the name too; without `-` it is a mistake.
    let out = piped(
        dir.path(),
        &["extract", "--format", "json", "--id", "x1", "-"],
        a,
    );
    let x: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(x["documents"][0]["id"], "x1");
    fails_with(
        &run(
            dir.path(),
            &["extract", "--id", "x1", &s(&data("dateline-kyiv.txt"))],
        ),
        "--id names the document read from stdin",
    );
}

#[test]
fn load_takes_input_format_and_the_old_format_flag_still_works() {
    let dir = tempfile::tempdir().unwrap();
    // An article saved without an extension, read as HTML either way.
    let page = dir.path().join("saved-page");
    std::fs::copy(data("reading-page.html"), &page).unwrap();
    let help = ok(dir.path(), &["load", "--help"]);
    assert!(help.contains("--input-format"), "{help}");
    assert!(
        !help.contains("--format"),
        "the old name stays hidden: {help}"
    );
    for (store, flag) in [("a.store", "--input-format"), ("b.store", "--format")] {
        let out = ok(
            dir.path(),
            &["load", "--store", store, flag, "html", "saved-page"],
        );
        assert!(out.starts_with("loaded 1 new"), "{out}");
        let a = ok(dir.path(), &["actors", "--store", store]);
        assert!(a.contains("Antonio Tajani") && !a.contains("Home"), "{a}");
    }
    // extract and build take it too; their --format stays the output's.
    let x = js(
        dir.path(),
        &[
            "extract",
            "--input-format",
            "html",
            "--format",
            "json",
            "saved-page",
        ],
    );
    assert_eq!(x["documents"][0]["title"], "Harbour talks in Valletta");
}
