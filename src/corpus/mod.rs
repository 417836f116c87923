//! Synthetic news for benchmarks and load tests: a deterministic generator of
//! news-style articles of any total size ([`articles`], [`write_dir`]) and of
//! large graphs with realistic attributes ([`graph::synthetic_graph`]).
//!
//! Articles are built from sentence templates of our own (every person,
//! organization and town is invented; countries are real so the gazetteers fire):
//! relation sentences for each relation type, coreferent mentions (surname,
//! title + surname), quotes, and distractor sentences with no relation at all.
//! Popular actors recur across articles, so cross-document merging is exercised.
//! The same seed always gives the same bytes, on every platform: the random
//! generator is our own ([`Rng`]), not a crate whose streams may change.

pub mod articles;
pub mod graph;
pub mod names;

use crate::error::{Error, Result};
use crate::input::SourceDoc;
use crate::model::Document;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A small, fast, deterministic random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`; 0 when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }

    /// A number in `0..n` where small numbers are much more likely (density falling
    /// as 1/sqrt(x)): a few actors are in the news every day, most rarely.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    /// A random element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// Settings of the article generator.
#[derive(Debug, Clone, Copy)]
pub struct CorpusOptions {
    /// Seed: the same seed gives the same articles.
    pub seed: u64,
    /// Number of distinct invented people the articles draw from.
    pub people: usize,
    /// Number of distinct invented organizations the articles draw from.
    pub organizations: usize,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            seed: 1,
            people: 20_000,
            organizations: 2_000,
        }
    }
}

/// One generated article.
#[derive(Debug, Clone)]
pub struct Article {
    /// Document metadata (id `gen-<seed>-<index>`, a date).
    pub doc: Document,
    /// The article's text.
    pub text: String,
    /// Number of sentences written (one per template; paragraph breaks between).
    pub sentences: usize,
}

impl Article {
    /// The article as an input document, ready for extraction.
    pub fn into_source(self) -> SourceDoc {
        SourceDoc {
            source: self.doc.id.clone(),
            doc: self.doc,
            text: self.text,
        }
    }
}

/// The endless, deterministic stream of articles for a seed. Article `i` depends
/// only on the seed and `i`, so streams can be split across threads.
pub fn articles(opts: CorpusOptions) -> impl Iterator<Item = Article> {
    (0..).map(move |i| articles::article(&opts, i))
}

/// Articles totalling at least `bytes` bytes of text (the last one crosses the line).
pub fn articles_of_size(opts: CorpusOptions, bytes: usize) -> Vec<Article> {
    let mut out = Vec::new();
    let mut total = 0;
    for a in articles(opts) {
        if total >= bytes {
            break;
        }
        total += a.text.len();
        out.push(a);
    }
    out
}

/// What [`write_dir`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Articles written.
    pub articles: usize,
    /// Sentences written.
    pub sentences: usize,
    /// Bytes of text written.
    pub bytes: usize,
}

/// Writes articles totalling at least `bytes` bytes into `dir`, one `.txt` file per
/// article, a thousand files per subfolder (`dir/0000/gen-1-0000000.txt`), so that
/// `newsgraph load dir` reads them all. Articles are generated one at a time: memory
/// stays flat whatever the size. `progress` is called after each article with the
/// bytes written so far.
pub fn write_dir(
    dir: &Path,
    bytes: usize,
    opts: CorpusOptions,
    mut progress: impl FnMut(usize),
) -> Result<CorpusStats> {
    let mut stats = CorpusStats::default();
    let mut sub = PathBuf::new();
    for (i, a) in articles(opts).enumerate() {
        if stats.bytes >= bytes {
            break;
        }
        if i % 1000 == 0 {
            sub = dir.join(format!("{:04}", i / 1000));
            std::fs::create_dir_all(&sub).map_err(|e| Error::io(&sub, e))?;
        }
        let path = sub.join(format!("{}.txt", a.doc.id));
        let mut f = std::fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        f.write_all(a.text.as_bytes())
            .map_err(|e| Error::io(&path, e))?;
        stats.articles += 1;
        stats.sentences += a.sentences;
        stats.bytes += a.text.len();
        progress(stats.bytes);
    }
    Ok(stats)
}

/// Parses a size such as `100MB`, `2.5G`, `640k` or `12000` (bytes; powers of 1000,
/// or of 1024 with `KiB`, `MiB`, `GiB`).
pub fn parse_size(s: &str) -> Result<usize> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let bad = || {
        Error::Invalid(format!(
            "bad size {s:?} (examples: 100MB, 2GB, 640KB, 5000)"
        ))
    };
    let n: f64 = num.parse().map_err(|_| bad())?;
    let mult: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return Err(bad()),
    };
    if !(n * mult).is_finite() || n < 0.0 {
        return Err(bad());
    }
    Ok((n * mult) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_articles_other_seed_other_articles() {
        let o = CorpusOptions::default();
        let a: Vec<String> = articles(o).take(5).map(|a| a.text).collect();
        let b: Vec<String> = articles(o).take(5).map(|a| a.text).collect();
        assert_eq!(a, b);
        let c: Vec<String> = articles(CorpusOptions { seed: 2, ..o })
            .take(5)
            .map(|a| a.text)
            .collect();
        assert_ne!(a, c);
    }

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("100MB").unwrap(), 100_000_000);
        assert_eq!(parse_size("1.5k").unwrap(), 1500);
        assert_eq!(parse_size("2MiB").unwrap(), 2 * 1024 * 1024);
        assert_eq!(parse_size("77").unwrap(), 77);
        assert!(parse_size("lots").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }

    #[test]
    fn write_dir_reaches_the_size_and_files_are_readable() {
        let dir = tempfile::tempdir().unwrap();
        let stats = write_dir(dir.path(), 20_000, CorpusOptions::default(), |_| {}).unwrap();
        assert!(stats.bytes >= 20_000 && stats.articles > 1);
        let docs = crate::input::read_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(docs.len(), stats.articles);
        let total: usize = docs.iter().map(|d| d.text.len()).sum();
        assert_eq!(total, stats.bytes);
    }
}
