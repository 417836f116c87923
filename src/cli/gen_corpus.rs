//! `newsgraph gen-corpus DIR --size SIZE [--seed N] [--people N] [--organizations N]`
//!
//! Writes synthetic news articles (invented people, organizations and towns; real
//! countries) totalling SIZE bytes into DIR, one `.txt` file per article, a
//! thousand per subfolder, for benchmarks and load tests:
//! `newsgraph gen-corpus /tmp/news --size 100MB && newsgraph load /tmp/news`.
//! The same seed always writes the same bytes.

use anyhow::Result;
use newsgraph::corpus::{parse_size, write_dir, CorpusOptions};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Folder to write the articles into (created if missing).
    dir: PathBuf,
    /// Total size of text to write: 100MB, 2GB, 640KB, or a number of bytes.
    #[arg(long, default_value = "10MB")]
    size: String,
    /// Seed: the same seed writes the same articles.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Number of distinct people the articles draw from.
    #[arg(long, default_value_t = 20_000)]
    people: usize,
    /// Number of distinct organizations the articles draw from.
    #[arg(long, default_value_t = 2_000)]
    organizations: usize,
}

pub fn run(args: Args) -> Result<()> {
    let bytes = parse_size(&args.size)?;
    let opts = CorpusOptions {
        seed: args.seed,
        people: args.people,
        organizations: args.organizations,
    };
    let bar = super::progress::bar(bytes as u64, "writing", std::io::stderr().is_terminal());
    let stats = write_dir(&args.dir, bytes, opts, |b| {
        if let Some(bar) = &bar {
            bar.set_position(b as u64);
        }
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    outln!(
        "wrote {} articles, {} sentences, {} bytes into {}",
        stats.articles,
        stats.sentences,
        stats.bytes,
        args.dir.display()
    );
    Ok(())
}
