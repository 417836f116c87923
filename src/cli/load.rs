//! `newsgraph load INPUT... [--store PATH] [--format F] [--aliases FILE] [--skip-bad]`
//!
//! Reads articles (text, Markdown, JSON Lines, HTML) and graphs (node-link JSON,
//! CSV edge lists, GDELT event files), extracts the articles, and merges
//! everything into the store (default `newsgraph.store` in the current folder, or
//! `$NEWSGRAPH_STORE`). A document stored before with the same content is
//! skipped; one whose content changed replaces its old version. Bad input stops
//! the load with one line naming the file and line, and the store is left exactly
//! as it was; with `--skip-bad` bad files and records are skipped and counted.
//! Concurrent loads on one store wait for each other (a lock file beside it).

use super::store::{StoreArgs, StoreEdit};
use anyhow::Result;
use newsgraph::graph::aliases;
use newsgraph::input::{expand, records, Format, ReadOptions};
use newsgraph::pipeline::{load_records, LoadOptions};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Files or folders to read (`-` for stdin). Folders are walked recursively
    /// for .txt, .md, .jsonl, .ndjson, .html, .htm, .json, .csv and .tsv files.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
    /// Read every input as this format: text, jsonl, html, json, csv or gdelt
    /// (default: by extension and content).
    #[arg(long)]
    format: Option<Format>,
    /// Apply this alias file (TOML; see `newsgraph aliases --help`) and keep it for later loads.
    #[arg(long)]
    aliases: Option<PathBuf>,
    /// Skip bad files and records (counted in the summary) instead of stopping.
    #[arg(long)]
    skip_bad: bool,
    /// Keep announced or expected events (marked planned).
    #[arg(long)]
    include_planned: bool,
    /// Extraction threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    #[command(flatten)]
    lexicon: super::lexicon_args::LexiconArgs,
}

pub fn run(args: Args) -> Result<()> {
    let path = args.store.path();
    // Read the alias file and list the inputs before waiting for the lock, so
    // mistakes are reported at once.
    let entries = match &args.aliases {
        Some(f) => Some(aliases::read_file(f)?),
        None => None,
    };
    let lexicon = args.lexicon.load()?;
    let files = expand(&args.inputs)?;
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let mut st = StoreEdit::open(path)?;
    let g = &mut st.graph;
    let mut changed = false;
    if let Some(entries) = &entries {
        let r = aliases::apply(g, entries);
        changed = true;
        eprintln!(
            "alias file: {} entr(ies) matched, {} actor(s) merged, {} not seen yet",
            r.matched, r.merged, r.pending
        );
    }
    let mut opts = LoadOptions {
        include_planned: args.include_planned,
        lexicon,
        skip_bad: args.skip_bad,
        ..LoadOptions::default()
    };
    if let Some(t) = args.threads {
        opts.threads = t.max(1);
    }
    let bar = std::sync::Arc::new(Progress::new(total));
    let ticker = bar.clone();
    let tick: newsgraph::input::Tick = std::sync::Arc::new(move |n| ticker.inc(n));
    let report = load_records(
        g,
        records(
            files,
            ReadOptions {
                format: args.format,
                skip_bad: args.skip_bad,
                tick: Some(tick),
            },
        ),
        opts,
        |n| bar.inc(n),
    )?;
    bar.finish();
    for (i, b) in report.bad.iter().enumerate() {
        if i == 20 {
            eprintln!("skipped: ... and {} more", report.bad.len() - 20);
            break;
        }
        eprintln!("skipped: {b}");
    }
    if report.changed() || changed {
        st.save_as_is()?;
    }
    let (g, path) = (&st.graph, &st.path);
    let mut line = format!(
        "loaded {} new, {} changed, {} unchanged document(s)",
        report.loaded, report.replaced, report.unchanged
    );
    if args.skip_bad {
        line.push_str(&format!(", skipped {} bad", report.bad.len()));
    }
    println!(
        "{line}; +{} actor(s), +{} relation(s); store {}: {} documents, {} actors, {} relations",
        report.actors,
        report.relations,
        path.display(),
        g.documents.len(),
        g.actor_count(),
        g.relation_count()
    );
    Ok(())
}

/// A progress bar on stderr, shown only on a terminal and only once a load has
/// taken more than a second.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
    shown: AtomicBool,
}

impl Progress {
    fn new(total: u64) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(total),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
            ) {
                b.set_style(style);
            }
            b
        });
        Progress {
            bar,
            start: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// Another `n` input bytes done (called from the loader and the readers).
    fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            if !self.shown.load(Ordering::Relaxed) && self.start.elapsed() > Duration::from_secs(1)
            {
                self.shown.store(true, Ordering::Relaxed);
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            }
            b.inc(n);
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
