//! `newsgraph load INPUT... [--store PATH] [--input-format F] [--id NAME] [--aliases FILE] [--skip-bad]`
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
use newsgraph::input::{records, Format};
use newsgraph::pipeline::{list_inputs, load_records, nothing_read, LoadOptions};
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
    #[command(flatten)]
    read: super::read_args::ReadArgs,
    /// The old name of --input-format, kept for one release.
    #[arg(long, hide = true)]
    format: Option<Format>,
    /// Apply this alias file (TOML; see `newsgraph aliases --help`) and keep it for later loads.
    #[arg(long)]
    aliases: Option<PathBuf>,
    /// Keep announced or expected events (marked planned).
    #[arg(long)]
    include_planned: bool,
    /// Extraction threads (default: all cores).
    #[arg(long)]
    threads: Option<usize>,
    #[command(flatten)]
    lexicon: super::lexicon_args::LexiconArgs,
}

pub fn run(mut args: Args) -> Result<()> {
    if args.format.is_some() && args.read.input_format.is_none() {
        args.read.input_format = args.format;
    }
    let path = args.store.path();
    // Read the alias file and list the inputs before waiting for the lock, so
    // mistakes are reported at once.
    let entries = match &args.aliases {
        Some(f) => Some(aliases::read_file(f)?),
        None => None,
    };
    let lexicon = args.lexicon.load()?;
    let listed = list_inputs(&args.inputs)?;
    super::read_args::print_notes(&listed);
    let (files, total) = (listed.files, listed.total_bytes);
    let mut st = StoreEdit::open(path)?;
    let g = &mut st.graph;
    let mut changed = false;
    if let (Some(entries), Some(file)) = (&entries, &args.aliases) {
        aliases::check_with_stored(g, file, entries)?;
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
        skip_bad: args.read.skip_bad,
        ..LoadOptions::default()
    };
    if let Some(t) = args.threads {
        opts.threads = t.max(1);
    }
    let bar = std::sync::Arc::new(Progress::new(total));
    let ticker = bar.clone();
    let tick: newsgraph::input::Tick = std::sync::Arc::new(move |n| ticker.inc(n));
    let read = args.read.options(&args.inputs, Some(tick))?;
    let report = load_records(g, records(files, read), opts, |n| bar.inc(n))?;
    bar.finish();
    super::read_args::print_bad(&report.bad);
    if report.documents_read() == 0 {
        // Nothing was read: the store is left as it was.
        anyhow::bail!("{}", nothing_read(&args.inputs, &report.bad));
    }
    if report.changed() || changed {
        st.save_as_is()?;
    }
    let (g, path) = (&st.graph, &st.path);
    let mut line = format!(
        "loaded {} new, {} changed, {} unchanged document(s)",
        report.loaded, report.replaced, report.unchanged
    );
    if args.read.skip_bad {
        line.push_str(&format!(", skipped {} bad", report.bad.len()));
    }
    super::print_out(&format!(
        "{line}; +{} actor(s), +{} relation(s); store {}: {} documents, {} actors, {} relations\n",
        report.actors,
        report.relations,
        path.display(),
        g.documents.len(),
        g.actor_count(),
        g.relation_count()
    ))
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
