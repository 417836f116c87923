//! Extraction throughput (one thread and all threads, rayon across documents), the
//! scaling of the load pipeline (extract + merge) from 1x to 10x documents, and of
//! one document from 1x to 10x length.
//!
//! Sections (BENCH_ONLY=throughput,realistic,scaling,longdoc to pick); sizes
//! (environment, megabytes of text): BENCH_EXTRACT_MB (default 8) for throughput,
//! BENCH_SCALE_MB (default 1; the 10x run uses ten times that).
//!
//! `realistic` measures real news instead of generated text: the `text` of every
//! JSON case in the folders of BENCH_TEXTS (colon-separated; default the gold
//! cases `../shared/eval/dev` and `../shared/eval/dev2` beside the clone),
//! repeated to BENCH_REALISTIC_MB (default 8). Those texts are not ours to copy
//! into the repository, so the section says so and is skipped when they are
//! absent.
//!
//! Throughput is given per wall-clock second and per CPU second: on a machine
//! shared with other work the CPU figure is the cost per core.

mod common;

use common::*;
use newsgraph::corpus::{articles_of_size, CorpusOptions};
use newsgraph::extract::Options;
use newsgraph::graph::merge::merge_into;
use newsgraph::input::SourceDoc;
use newsgraph::input::{content_hash, Payload, Record};
use newsgraph::pipeline::{extract_document, extract_many};
use newsgraph::pipeline::{load_records, LoadOptions};
use newsgraph::NewsGraph;

// No counting allocator here (the store, query and export benchmarks have one
// for their memory figures): this benchmark reports none, and counting every
// allocation with atomic operations cost extraction about 5 % that
// `newsgraph load` does not pay.

const B: &str = "extraction";

fn corpus(mb: f64, seed: u64) -> (Vec<SourceDoc>, usize, usize) {
    let opts = CorpusOptions {
        seed,
        ..CorpusOptions::default()
    };
    let arts = articles_of_size(opts, (mb * 1e6) as usize);
    let sentences = arts.iter().map(|a| a.sentences).sum();
    let bytes = arts.iter().map(|a| a.text.len()).sum();
    (
        arts.into_iter().map(|a| a.into_source()).collect(),
        sentences,
        bytes,
    )
}

fn main() {
    if enabled("throughput") {
        throughput();
    }
    if enabled("realistic") {
        realistic();
    }
    if enabled("scaling") {
        scaling();
    }
    if enabled("longdoc") {
        long_document();
    }
}

fn throughput() {
    header("extraction throughput");
    let mb = env_size("BENCH_EXTRACT_MB", 8) as f64;
    let (docs, sentences, bytes) = corpus(mb, 1);
    println!(
        "  corpus: {} articles, {sentences} sentences, {:.1} MB (generated, seed 1)",
        docs.len(),
        bytes as f64 / 1e6
    );
    // Warm-up: the lexicons are compiled on first use.
    let _ = extract_document(&docs[0].doc, &docs[0].text, Options::default());
    let (n1, t1, c1) = timed_cpu(|| {
        docs.iter()
            .map(|d| {
                extract_document(&d.doc, &d.text, Options::default())
                    .extraction
                    .relations
                    .len()
            })
            .sum::<usize>()
    });
    let (rs, tn, cn) = timed_cpu(|| extract_many(&docs, Options::default()));
    let nn: usize = rs.iter().map(|r| r.extraction.relations.len()).sum();
    assert_eq!(n1, nn, "parallel and sequential extraction disagree");
    drop(rs);
    let th = threads();
    let s = sentences as f64;
    let m = bytes as f64 / 1e6;
    record(B, "relations found", n1 as f64, "", None);
    record(
        B,
        "1 thread: sentences/s (wall)",
        s / secs(t1),
        "sent/s",
        Some(">= 100,000 per core"),
    );
    record(
        B,
        "1 thread: sentences per CPU second",
        s / secs(c1),
        "sent/s",
        Some(">= 100,000"),
    );
    record(B, "1 thread: MB/s (wall)", m / secs(t1), "MB/s", None);
    record(
        B,
        &format!("{th} threads: sentences/s (wall)"),
        s / secs(tn),
        "sent/s",
        None,
    );
    record(
        B,
        &format!("{th} threads: sentences per CPU second"),
        s / secs(cn),
        "sent/s",
        Some(">= 100,000"),
    );
    record(
        B,
        &format!("{th} threads: MB/s (wall)"),
        m / secs(tn),
        "MB/s",
        None,
    );
    record(
        B,
        &format!("{th} threads: speed-up over 1 thread (wall)"),
        secs(t1) / secs(tn),
        "x",
        None,
    );
}

/// The texts of the JSON cases in the folders BENCH_TEXTS names.
fn real_texts() -> Vec<String> {
    let dirs = std::env::var("BENCH_TEXTS")
        .unwrap_or_else(|_| "../shared/eval/dev:../shared/eval/dev2".to_string());
    let mut files: Vec<std::path::PathBuf> = dirs
        .split(':')
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|s| serde_json::from_str::<serde_json::Value>(&s).ok())
        .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
        .collect()
}

fn realistic() {
    header("extraction throughput on real news");
    let texts = real_texts();
    if texts.is_empty() {
        println!("  skipped: no texts (BENCH_TEXTS, or ../shared/eval beside the clone)");
        return;
    }
    let target = env_size("BENCH_REALISTIC_MB", 8) * 1_000_000;
    let one: usize = texts.iter().map(String::len).sum();
    let copies = target.div_ceil(one.max(1));
    let docs: Vec<SourceDoc> = (0..copies)
        .flat_map(|r| texts.iter().enumerate().map(move |(i, t)| (r, i, t)))
        .map(|(r, i, t)| SourceDoc {
            doc: newsgraph::Document {
                id: format!("r{r}-{i}"),
                path: String::new(),
                date: None,
                title: None,
                url: None,
            },
            text: t.clone(),
            source: String::new(),
        })
        .collect();
    let bytes = one * copies;
    let _ = extract_document(&docs[0].doc, &docs[0].text, Options::default());
    let ((sentences, relations), t1, c1) = timed_cpu(|| {
        docs.iter().fold((0, 0), |(s, r), d| {
            let x = extract_document(&d.doc, &d.text, Options::default());
            (s + x.sentences, r + x.extraction.relations.len())
        })
    });
    println!(
        "  corpus: {} texts x {copies} = {} documents, {sentences} sentences, {:.1} MB",
        texts.len(),
        docs.len(),
        bytes as f64 / 1e6
    );
    let s = sentences as f64;
    let m = bytes as f64 / 1e6;
    record(B, "real news: relations found", relations as f64, "", None);
    record(
        B,
        "real news, 1 thread: sentences/s (wall)",
        s / secs(t1),
        "sent/s",
        None,
    );
    record(
        B,
        "real news, 1 thread: sentences per CPU second",
        s / secs(c1),
        "sent/s",
        Some(">= 22,500 (within 25% of 805e300)"),
    );
    record(
        B,
        "real news, 1 thread: MB per CPU second",
        m / secs(c1),
        "MB/s",
        None,
    );
}

fn scaling() {
    header("load scaling, 1x vs 10x documents: load_records (what `newsgraph load` runs) and merge alone");
    let base = env_size("BENCH_SCALE_MB", 1) as f64;
    let mut per_mb = Vec::new();
    for factor in [1.0, 10.0] {
        let (docs, sentences, bytes) = corpus(base * factor, 2);
        let records: Vec<Record> = docs
            .iter()
            .map(|d| Record {
                doc: d.doc.clone(),
                source: String::new(),
                hash: content_hash(d.text.as_bytes()),
                payload: Payload::Text(d.text.clone()),
                bytes: d.text.len() as u64,
            })
            .collect();
        let (g, tl) = timed(|| {
            let mut g = NewsGraph::new();
            load_records(
                &mut g,
                records.into_iter().map(Ok),
                LoadOptions::default(),
                |_| {},
            )
            .expect("load");
            g
        });
        let rs = extract_many(&docs, Options::default());
        let (h, tm) = timed(|| {
            let mut h = NewsGraph::new();
            for r in rs {
                merge_into(&mut h, r.extraction);
            }
            h
        });
        assert_eq!(g.relation_count(), h.relation_count());
        let mbs = bytes as f64 / 1e6;
        println!(
            "  {factor:>3}x: {} docs, {sentences} sentences, {mbs:.1} MB -> {} actors, {} relations",
            docs.len(),
            g.actor_count(),
            g.relation_count()
        );
        record(
            B,
            &format!("{factor}x: load_records seconds"),
            secs(tl),
            "s",
            None,
        );
        record(
            B,
            &format!("{factor}x: load_records MB/s"),
            mbs / secs(tl),
            "MB/s",
            None,
        );
        record(
            B,
            &format!("{factor}x: merge alone seconds"),
            secs(tm),
            "s",
            None,
        );
        per_mb.push((secs(tl) / mbs, secs(tm) / mbs));
    }
    record(
        B,
        "10x/1x time per MB: load_records",
        per_mb[1].0 / per_mb[0].0,
        "x",
        Some("about 1 (linear)"),
    );
    record(
        B,
        "10x/1x time per MB: merge alone",
        per_mb[1].1 / per_mb[0].1,
        "x",
        Some("about 1 (linear)"),
    );
}

fn long_document() {
    header("one long document, 1x vs 10x length (within-document alias resolution)");
    let mut per_byte = Vec::new();
    for factor in [1usize, 10] {
        let (docs, sentences, _) = corpus(0.03 * factor as f64, 3);
        let text: String = docs
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let doc = &docs[0].doc;
        let (r, t) = timed(|| extract_document(doc, &text, Options::default()));
        println!(
            "  {factor:>3}x: {} KB, {sentences} sentences -> {} actors, {} relations",
            text.len() / 1000,
            r.extraction.actors.len(),
            r.extraction.relations.len()
        );
        record(
            B,
            &format!("long doc {factor}x: seconds"),
            secs(t),
            "s",
            None,
        );
        per_byte.push(secs(t) / text.len() as f64);
    }
    record(
        B,
        "long doc 10x/1x time per byte",
        per_byte[1] / per_byte[0],
        "x",
        Some("about 1 (linear)"),
    );
}
