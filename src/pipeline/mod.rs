//! The pipeline: read → extract → merge, wired for `load` and `build`. Each
//! stage below knows nothing of the others; this module is where they meet.
//!
//! Loading records into a graph (the database side of `newsgraph load`):
//! Each record is a document with a content hash. A document already stored with
//! the same hash is skipped; one stored with another hash (or none, from a
//! version 1 store) is replaced: its old relations, sightings and the actors only
//! it named go, the new version comes in. Articles are extracted in parallel, a
//! batch at a time, and merged in input order, so the result does not depend on
//! the number of threads.

pub mod batch;
pub mod read;
pub mod windows;

pub use batch::{extract_many, extract_records};
pub use read::{extract_records_all, list_inputs, nothing_read, Extracted, Inputs};
pub use windows::{extract_document, WINDOW_BYTES};

use crate::error::{Error, Result};
use crate::extract::Options;
use crate::graph::merge::merge_into;
use crate::graph::NewsGraph;
use crate::input::{Payload, Record};

/// How to load.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions<'a> {
    /// Keep planned or expected events.
    pub include_planned: bool,
    /// The lexicons extraction looks words up in.
    pub lexicon: &'a crate::lexicon::Lexicon,
    /// Skip bad files and records (counted) instead of stopping at the first.
    pub skip_bad: bool,
    /// Extraction threads (at least 1).
    pub threads: usize,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            include_planned: false,
            lexicon: crate::lexicon::builtin(),
            skip_bad: false,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// New documents.
    pub loaded: usize,
    /// Documents stored before with other content, now replaced.
    pub replaced: usize,
    /// Documents stored before with the same content, skipped.
    pub unchanged: usize,
    /// Bad files or records skipped (`skip_bad`), each as a one-line message.
    pub bad: Vec<String>,
    /// Relations added.
    pub relations: usize,
    /// Actors added.
    pub actors: usize,
}

impl LoadReport {
    /// Whether the graph changed.
    pub fn changed(&self) -> bool {
        self.loaded + self.replaced > 0
    }
}

/// Articles whose text adds up to this many bytes are extracted together.
const BATCH_BYTES: usize = 8 << 20;

/// Pours records into the graph. On an error (without `skip_bad`) the graph is
/// left half-loaded: the caller must not save it. `progress` is called with the
/// input bytes done since its last call: articles and skipped documents as they
/// are processed; graph files (CSV, GDELT, node-link) tick from their reader
/// while they are parsed when [`crate::input::ReadOptions::tick`] is set.
pub fn load_records(
    g: &mut NewsGraph,
    records: impl Iterator<Item = Result<Record>>,
    opts: LoadOptions<'_>,
    mut progress: impl FnMut(u64),
) -> Result<LoadReport> {
    let mut report = LoadReport::default();
    let mut batch: Vec<Record> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut pending = 0u64;
    let before = (g.actor_count(), g.relation_count());
    let mut ids = DocIds::default();
    for r in records {
        let mut rec = match r {
            Ok(rec) => rec,
            Err(e) if opts.skip_bad && skippable(&e) => {
                report.bad.push(e.to_string());
                continue;
            }
            Err(e) => return Err(e),
        };
        rec.doc.id = ids.assign(g, &rec.doc.id, &rec.source);
        if g.doc_hash(&rec.doc.id) == Some(rec.hash.as_str()) {
            report.unchanged += 1;
            progress(rec.bytes);
            continue;
        }
        if !matches!(rec.payload, Payload::Deferred(_)) {
            pending += rec.bytes;
        }
        if let Payload::Text(t) = &rec.payload {
            batch_bytes += t.len();
        }
        batch.push(rec);
        if batch_bytes >= BATCH_BYTES || batch.len() >= 64 * opts.threads.max(1) {
            flush(g, &mut batch, opts, &mut report)?;
            batch_bytes = 0;
            progress(std::mem::take(&mut pending));
        }
    }
    flush(g, &mut batch, opts, &mut report)?;
    progress(pending);
    report.actors = g.actor_count().saturating_sub(before.0);
    report.relations = g.relation_count().saturating_sub(before.1);
    if report.changed() {
        g.compact();
    }
    Ok(report)
}

/// Which stored document a record is: the one loaded before from the same
/// source, never one that merely shares its id (two `story.txt` in two
/// folders are two documents). Ids are kept where free, so ordinary loads name
/// documents as before; a new source whose id is taken gets `ID-2`, `ID-3`, ...
#[derive(Default)]
struct DocIds {
    /// Source → id given in this load (records not merged yet).
    given: std::collections::HashMap<String, String>,
    /// Ids given in this load.
    taken: std::collections::HashSet<String>,
}

impl DocIds {
    fn assign(&mut self, g: &NewsGraph, id: &str, source: &str) -> String {
        if source.is_empty() {
            // Nothing known of where it came from: its id is all there is.
            self.taken.insert(id.to_string());
            return id.to_string();
        }
        if let Some(id) = self.given.get(source) {
            return id.clone();
        }
        let found = g.doc_with_source(source).map(str::to_string);
        let id = found.unwrap_or_else(|| {
            // A stored document of that id without a source comes from an
            // older store: it is taken to be this one, as before.
            let free = |c: &str| match g.document(c) {
                None => !self.taken.contains(c),
                Some(_) => g.doc_source(c).is_none() && !self.taken.contains(c),
            };
            if free(id) {
                return id.to_string();
            }
            (2..)
                .map(|n| format!("{id}-{n}"))
                .find(|c| free(c))
                .unwrap_or_else(|| id.to_string())
        });
        self.given.insert(source.to_string(), id.clone());
        self.taken.insert(id.clone());
        id
    }
}

/// Errors about one input (bad data, unreadable file) can be skipped; others
/// (e.g. a failing disk under the store) cannot.
fn skippable(e: &Error) -> bool {
    matches!(
        e,
        Error::BadInput { .. } | Error::NotUtf8 { .. } | Error::Io { .. }
    )
}

/// Extracts the articles of a batch in parallel, then merges every record in order.
fn flush(
    g: &mut NewsGraph,
    batch: &mut Vec<Record>,
    opts: LoadOptions<'_>,
    report: &mut LoadReport,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let xopts = Options {
        include_planned: opts.include_planned,
        lexicon: opts.lexicon,
    };
    let records = std::mem::take(batch);
    // The same parallel extraction as `extract` and `build` (rayon, work
    // stealing across documents): fixed chunks per thread left cores idle
    // behind the chunk holding the longest articles.
    let results = extract_records(&records, opts.threads, xopts);
    // Changed articles of the batch are taken out together: one pass over the
    // relations per batch instead of one per document.
    let replaced: Vec<&str> = records
        .iter()
        .zip(&results)
        .filter(|(r, x)| x.is_some() && g.document(&r.doc.id).is_some())
        .map(|(r, _)| r.doc.id.as_str())
        .collect();
    let replaced: std::collections::HashSet<String> = if replaced.is_empty() {
        Default::default()
    } else {
        g.remove_documents(&replaced);
        replaced.into_iter().map(str::to_string).collect()
    };
    for (rec, x) in records.into_iter().zip(results) {
        let x = match (rec.payload, x) {
            (_, Some(x)) => x,
            (Payload::Graph(x), None) => x,
            (Payload::Deferred(parse), None) => match parse() {
                Ok((x, bad)) => {
                    report.bad.extend(bad);
                    x
                }
                Err(e) if opts.skip_bad && skippable(&e) => {
                    report.bad.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e),
            },
            (Payload::Text(_), None) => continue,
        };
        let x = read::renamed(x, &rec.doc.id);
        let mut doc = rec.doc;
        // A date read from the text (its dateline) when the input gave none.
        if doc.date.is_none() {
            if let [d] = x.documents.as_slice() {
                doc.date.clone_from(&d.date);
            }
        }
        if replaced.contains(&doc.id) {
            report.replaced += 1;
        } else if g.document(&doc.id).is_some() {
            g.remove_document(&doc.id);
            report.replaced += 1;
        } else {
            report.loaded += 1;
        }
        merge_into(g, x);
        if !rec.source.is_empty() {
            g.set_doc_source(&doc.id, &rec.source);
        }
        g.put_document(doc, Some(rec.hash));
    }
    Ok(())
}
