//! Limits: inputs at the edge of what `newsgraph load` should take. A document
//! written on one line, a JSON Lines file of many articles, JSON nested a
//! million levels deep, a node-link graph of many nodes and links, GDELT files
//! with missing columns. Each must load cleanly or stop with one clear line,
//! never abort (no signal, no panic), with peak memory (the child's `ru_maxrss`)
//! bounded by the size of what it keeps, not by the input's shape.
//!
//! Sizes scale with `NEWSGRAPH_LIMITS_MB`, the size of the many-articles file
//! (default 16; the one-line document is a tenth of it, at least 6 MB so it is
//! cut into several extraction windows; the node-link file about 0.4 of it; the
//! GDELT file a quarter). The full run docs/reliability.md reports:
//! `NEWSGRAPH_LIMITS_MB=1000 cargo test --release --test limits -- --nocapture`.

mod common;
use common::*;
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// Size of the many-articles file in MB.
fn scale_mb() -> usize {
    std::env::var("NEWSGRAPH_LIMITS_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(16)
}

const MB: usize = 1 << 20;

/// What a run of the binary did.
struct Run {
    /// Exit code, or minus the signal that ended it.
    code: i32,
    stdout: String,
    stderr: String,
    /// Peak resident memory in MB.
    peak_mb: f64,
    secs: f64,
}

/// Runs `newsgraph args` in `dir` and measures its peak RSS: the kernel's
/// high-water mark (`VmHWM` in /proc/PID/status), read every few milliseconds
/// until the process ends. (wait4's `ru_maxrss` would also count the test
/// process's own memory, which the child shares until it execs.)
fn measured(dir: &Path, args: &[&str]) -> Run {
    let out = tempfile::NamedTempFile::new_in(dir).unwrap();
    let err = tempfile::NamedTempFile::new_in(dir).unwrap();
    let t = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(out.reopen().unwrap())
        .stderr(err.reopen().unwrap())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let status = loop {
        // Read before reaping: a zombie has no memory figures left.
        if let Ok(st) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = st
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak_kb = peak_kb.max(kb);
            }
        }
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        std::thread::sleep(std::time::Duration::from_millis(3));
    };
    use std::os::unix::process::ExitStatusExt;
    let code = status
        .code()
        .unwrap_or_else(|| -status.signal().unwrap_or(0));
    Run {
        code,
        stdout: std::fs::read_to_string(out.path()).unwrap(),
        stderr: std::fs::read_to_string(err.path()).unwrap(),
        peak_mb: peak_kb as f64 / 1024.0,
        secs: t.elapsed().as_secs_f64(),
    }
}

/// A clean load: exit 0, nothing on stderr but progress notes.
fn loaded(what: &str, r: &Run) {
    assert_eq!(r.code, 0, "{what}: {}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
}

/// A clear refusal: exit 1, one line naming the file and saying why.
fn refused(what: &str, r: &Run, file: &str, why: &str) {
    assert_eq!(
        r.code, 1,
        "{what}: must fail cleanly, got {}: {}",
        r.code, r.stderr
    );
    assert_eq!(r.stderr.matches('\n').count(), 1, "{what}: {}", r.stderr);
    assert!(
        r.stderr.starts_with(&format!("newsgraph: {file}")) && r.stderr.contains(why),
        "{what}: {}",
        r.stderr
    );
}

fn report(what: &str, bytes: u64, r: &Run) {
    eprintln!(
        "{what}: {:.1} MB in {:.1} s, peak RSS {:.0} MB",
        bytes as f64 / MB as f64,
        r.secs,
        r.peak_mb
    );
}

fn stats(dir: &Path, st: &str) -> Value {
    serde_json::from_str(&ok(dir, &["stats", "--store", st, "--format", "json"])).unwrap()
}

/// Synthetic articles of `mb` MB in total (the gen-corpus generator), in order.
fn articles(dir: &Path, mb: usize, seed: u32) -> Vec<String> {
    let corpus = dir.join(format!("corpus-{seed}"));
    ok(
        dir,
        &[
            "gen-corpus",
            &s(&corpus),
            "--size",
            &format!("{}", mb * MB),
            "--seed",
            &seed.to_string(),
        ],
    );
    let mut files = Vec::new();
    let mut stack = vec![corpus.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push(p);
            }
        }
    }
    files.sort();
    let texts = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    std::fs::remove_dir_all(&corpus).unwrap();
    texts
}

#[test]
fn a_document_on_one_line_loads_in_windows_with_spans_on_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let size = (scale_mb() / 10).max(6) * MB;
    let mut text = String::with_capacity(size + MB);
    for a in articles(d, size / MB + 1, 11) {
        text.push_str(&a.replace(['\n', '\r'], " "));
        text.push(' ');
        if text.len() >= size {
            break;
        }
    }
    assert!(!text.contains('\n'));
    let file = d.join("one-line.txt");
    std::fs::write(&file, &text).unwrap();
    // At full size the document is past the default 64 MiB limit: raised, as
    // a user with such documents would.
    let r = measured(
        d,
        &[
            "load",
            "--store",
            "g.store",
            "--max-doc-size",
            "4G",
            &s(&file),
        ],
    );
    report("one-line document", text.len() as u64, &r);
    loaded("one-line document", &r);
    let st = stats(d, "g.store");
    let relations = st["relations"].as_u64().unwrap();
    assert!(
        relations as usize > text.len() / 1000,
        "relations all along the line: {st}"
    );
    // Every span lies on the file and quotes it (windows are shifted back).
    let all: Value = serde_json::from_str(&ok(
        d,
        &["relations", "--store", "g.store", "--format", "json"],
    ))
    .unwrap();
    let mut last_window = 0;
    for rel in all.as_array().unwrap() {
        let e = &rel["evidence"];
        let (a, b) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b) && a < b);
        assert_eq!(&text[a..b], e["text"].as_str().unwrap());
        last_window = last_window.max(a / newsgraph::pipeline::WINDOW_BYTES);
    }
    assert!(last_window >= 2, "relations from every window");
    // Working memory: windows of 1 MiB, so not ~30 bytes per byte of text.
    let bound = 60.0 + 20.0 * text.len() as f64 / MB as f64;
    assert!(
        r.peak_mb < bound,
        "peak RSS {:.0} MB over {bound:.0} MB",
        r.peak_mb
    );
}

#[test]
fn a_json_lines_file_of_many_articles_streams() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let file = d.join("many.jsonl");
    let mut n = 0;
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for (i, a) in articles(d, scale_mb(), 12).into_iter().enumerate() {
            let line = json!({"id": format!("a{i}"), "date": "2024-05-01", "text": a});
            writeln!(w, "{line}").unwrap();
            n += 1;
        }
    }
    let bytes = std::fs::metadata(&file).unwrap().len();
    let r = measured(d, &["load", "--store", "g.store", &s(&file)]);
    report("JSON Lines of many articles", bytes, &r);
    loaded("many articles", &r);
    let st = stats(d, "g.store");
    assert_eq!(st["documents"], n, "{st}");
    // Memory follows the graph (what the store keeps), not the file.
    let store = std::fs::metadata(d.join("g.store")).unwrap().len() as f64 / MB as f64;
    eprintln!(
        "  {} documents, {} relations, store {store:.0} MB",
        st["documents"], st["relations"]
    );
    let bound = 60.0 + 2.2 * store;
    assert!(
        r.peak_mb < bound,
        "peak RSS {:.0} MB over {bound:.0} MB",
        r.peak_mb
    );
}

#[test]
fn json_nested_a_million_deep_is_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let deep =
        |open: &str, close: &str| format!("{}{}", open.repeat(1_000_000), close.repeat(1_000_000));
    let cases = [
        (
            "deep.jsonl",
            format!(
                "{{\"text\": \"Russia attacked Ukraine.\"}}\n{{\"text\": {}}}\n",
                deep("[", "]")
            ),
            "deep.jsonl:2",
        ),
        (
            "deep-nodes.json",
            format!("{{\"nodes\": {}, \"links\": []}}", deep("[", "]")),
            "deep-nodes.json:1",
        ),
        (
            "deep-links.json",
            format!(
                "{{\"nodes\": [], \"links\": [{{\"source\": {}1{}}}]}}",
                "{\"a\":".repeat(1_000_000),
                "}".repeat(1_000_000)
            ),
            "deep-links.json:1",
        ),
    ];
    for (name, text, at) in &cases {
        std::fs::write(d.join(name), text).unwrap();
        let r = measured(d, &["load", "--store", "g.store", name]);
        report(name, text.len() as u64, &r);
        refused(name, &r, at, "recursion limit");
        assert!(r.peak_mb < 64.0, "{name}: peak RSS {:.0} MB", r.peak_mb);
    }
    assert!(!d.join("g.store").exists());
    // With --skip-bad the good lines around a deep one load.
    let r = measured(
        d,
        &["load", "--store", "g.store", "--skip-bad", "deep.jsonl"],
    );
    loaded("deep.jsonl --skip-bad", &r);
    assert!(r.stdout.contains("1 new"), "{}", r.stdout);
}

#[test]
fn a_large_node_link_graph_loads_link_by_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let target = scale_mb() * MB * 2 / 5;
    let (nodes, links) = (target / 420, target / 420 * 2);
    let file = d.join("graph.json");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        write!(
            w,
            "{{\"directed\": true, \"multigraph\": true, \"nodes\": ["
        )
        .unwrap();
        for i in 0..nodes {
            let sep = if i > 0 { "," } else { "" };
            let node = json!({"id": format!("n{i}"), "name": format!("Person{i} Example"), "kind": "person"});
            write!(w, "{sep}{node}").unwrap();
        }
        write!(w, "], \"links\": [").unwrap();
        let types = ["meet", "call", "visit", "condemn", "accuse"];
        for j in 0..links {
            let sep = if j > 0 { "," } else { "" };
            let (a, b) = ((j * 7919) % nodes, (j * 104_729 + 1) % nodes);
            let link = json!({"source": format!("n{a}"), "target": format!("n{b}"), "type": types[j % 5],
                "date": "2024-01-02", "evidence": {"text": format!("Person{a} and Person{b} met in the capital (link {j}).")}});
            write!(w, "{sep}{link}").unwrap();
        }
        write!(w, "]}}").unwrap();
    }
    let bytes = std::fs::metadata(&file).unwrap().len();
    // A node-link file is one document, read whole: past 64 MiB it needs the
    // limit raised.
    let r = measured(
        d,
        &[
            "load",
            "--store",
            "g.store",
            "--max-doc-size",
            "4G",
            &s(&file),
        ],
    );
    report("node-link graph", bytes, &r);
    loaded("node-link graph", &r);
    let st = stats(d, "g.store");
    eprintln!("  {} actors, {} relations", st["actors"], st["relations"]);
    assert_eq!(st["actors"], nodes);
    assert!(
        st["relations"].as_u64().unwrap() as usize > links * 9 / 10,
        "{st}"
    );
    // Not a JSON tree of the whole file (about ten times its size).
    let bound = 60.0 + 7.0 * bytes as f64 / MB as f64;
    assert!(
        r.peak_mb < bound,
        "peak RSS {:.0} MB over {bound:.0} MB",
        r.peak_mb
    );
}

/// One GDELT 1.0 row (57 columns) for event `i`.
fn gdelt_row(i: usize) -> Vec<String> {
    let mut c = vec![String::new(); 57];
    let actors = [
        ("USA", "UNITED STATES"),
        ("IRQ", "IRAQ"),
        ("FRA", "FRANCE"),
        ("CHN", "CHINA"),
        ("RUS", "RUSSIA"),
    ];
    let (a, b) = (actors[i % 5], actors[(i / 5 + 1 + i) % 5]);
    c[0] = i.to_string();
    c[1] = format!("202401{:02}", 1 + i % 28);
    c[2] = "202401".into();
    c[3] = "2024".into();
    c[5] = a.0.into();
    c[6] = a.1.into();
    c[7] = a.0.into();
    c[15] = b.0.into();
    c[16] = b.1.into();
    c[17] = b.0.into();
    c[25] = "1".into();
    let code = ["042", "0841", "112", "190", "036"][i % 5];
    c[26] = code.into();
    c[27] = code[..3].into();
    c[28] = code[..2].into();
    c[56] = format!("https://example.org/news/{i}");
    c
}

#[test]
fn gdelt_files_with_missing_columns_are_refused_or_skipped_row_by_row() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rows = (scale_mb() * MB / 4) / 160;
    let file = d.join("events.tsv");
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..rows {
            let mut c = gdelt_row(i);
            if i % 100 == 57 {
                // A row cut short: its last columns missing.
                c.truncate(20 + i % 30);
            }
            writeln!(w, "{}", c.join("\t")).unwrap();
        }
    }
    let bytes = std::fs::metadata(&file).unwrap().len();
    // Strict: the first short row stops the load, naming its line.
    let r = measured(
        d,
        &[
            "load",
            "--store",
            "g.store",
            "--format",
            "gdelt",
            "events.tsv",
        ],
    );
    refused(
        "short GDELT row",
        &r,
        "events.tsv:58",
        "tab-separated columns",
    );
    assert!(!d.join("g.store").exists());
    // --skip-bad: every other row loads, the short ones are counted.
    let r = measured(
        d,
        &[
            "load",
            "--store",
            "g.store",
            "--format",
            "gdelt",
            "--skip-bad",
            "events.tsv",
        ],
    );
    report("GDELT with short rows, --skip-bad", bytes, &r);
    loaded("GDELT --skip-bad", &r);
    let short = (0..rows).filter(|i| i % 100 == 57).count();
    assert!(
        r.stdout.contains(&format!("{short} bad")) || r.stderr.contains(&format!("{short} bad")),
        "{short} bad rows counted: {} {}",
        r.stdout,
        r.stderr
    );
    let st = stats(d, "g.store");
    assert!(st["relations"].as_u64().unwrap() > 0, "{st}");
    let bound = 40.0 + 4.0 * bytes as f64 / MB as f64;
    assert!(
        r.peak_mb < bound,
        "peak RSS {:.0} MB over {bound:.0} MB",
        r.peak_mb
    );

    // A file whose every row lacks columns, and one with no tabs at all.
    std::fs::write(
        d.join("narrow.tsv"),
        "1\t20240101\t202401\n2\t20240102\t202401\n",
    )
    .unwrap();
    let r = measured(
        d,
        &[
            "load",
            "--store",
            "n.store",
            "--format",
            "gdelt",
            "narrow.tsv",
        ],
    );
    refused(
        "narrow GDELT",
        &r,
        "narrow.tsv:1",
        "GDELT event files have 57 or 58",
    );
    let line = "x".repeat(5 * MB);
    std::fs::write(d.join("notabs.tsv"), &line).unwrap();
    let r = measured(
        d,
        &[
            "load",
            "--store",
            "n.store",
            "--format",
            "gdelt",
            "notabs.tsv",
        ],
    );
    refused("one long line, no tabs", &r, "notabs.tsv:1", "columns");
    assert!(
        r.stderr.len() < 400,
        "the message does not quote the line: {}",
        r.stderr.len()
    );
}
