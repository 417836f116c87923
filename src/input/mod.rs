//! Readers: turn files, folders and stdin into documents.
//!
//! Two shapes of input: articles (plain text, Markdown, JSON Lines, HTML), whose
//! text goes through extraction, and ready-made graphs (node-link JSON, CSV edge
//! lists, GDELT event files), whose actors and relations are taken as they are.
//! [`records`] streams both as [`Record`]s, one document at a time, so memory is
//! bounded by the store rather than by the input; each record carries the content
//! hash that lets a reload skip what is already stored.

pub mod text;

pub use text::{read_inputs, SourceDoc};

use crate::error::{Error, Result};
use crate::graph::model::{Document, Extraction};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: one article per file.
    Text,
    /// JSON Lines: one article per line (`text`, optional `id`, `title`, `url`, `date`).
    Jsonl,
    /// An HTML page: its main text is the article.
    Html,
    /// Node-link JSON graph (ours or networkx's `node_link_data`).
    NodeLink,
    /// CSV edge list: `source,target,type[,date,evidence]`.
    Csv,
    /// GDELT 1.0 or 2.0 event file (tab-separated, 57, 58 or 61 columns).
    Gdelt,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "md" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "html" | "htm" => Format::Html,
            "json" | "node-link" | "nodelink" => Format::NodeLink,
            "csv" => Format::Csv,
            "gdelt" | "tsv" => Format::Gdelt,
            _ => {
                return Err(format!(
                    "unknown input format {s:?} (expected text, jsonl, html, json, csv or gdelt)"
                ))
            }
        })
    }
}

/// What a record holds.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Article text, to be extracted.
    Text(String),
    /// Actors and relations read as they are.
    Graph(Extraction),
}

/// One document read from the input.
#[derive(Debug, Clone)]
pub struct Record {
    /// The document's metadata.
    pub doc: Document,
    /// Hex SHA-256 of the document's content as read.
    pub hash: String,
    /// Text or graph.
    pub payload: Payload,
    /// Input bytes this record consumed (for progress).
    pub bytes: u64,
}

/// Hex SHA-256 of some bytes.
pub fn content_hash(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The format of a file, from its extension (and, for `.csv`/`.tsv` and unknown
/// extensions, a look at its first line: GDELT files are tab-separated with 57,
/// 58 or 61 columns).
pub fn detect(path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "md" => Format::Text,
        "jsonl" | "ndjson" => Format::Jsonl,
        "html" | "htm" | "xhtml" => Format::Html,
        "json" => Format::NodeLink,
        _ => Format::Text,
    }
}

/// Whether a folder walk picks this file up.
fn known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| text::TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The files behind the inputs: folders walked recursively (sorted), `-` kept.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(input.clone());
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            text::walk(input, &mut files, &known_extension)?;
            files.sort();
            out.extend(files);
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

/// How to read inputs.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Force one format for every input (default: by extension and content).
    pub format: Option<Format>,
}

/// Streams the records of every input, one file after another. A bad file or
/// record is an `Err` item; the caller decides whether to stop (the default) or
/// skip it and go on (`--skip-bad`).
pub fn records(files: Vec<PathBuf>, opts: ReadOptions) -> impl Iterator<Item = Result<Record>> {
    let mut ids = std::collections::HashMap::<String, usize>::new();
    files
        .into_iter()
        .flat_map(move |f| -> Box<dyn Iterator<Item = Result<Record>>> {
            // Only articles so far; the other readers plug in here.
            let _format = opts.format.unwrap_or_else(|| detect(&f));
            let mut r = text::read_record(&f);
            if let Ok(rec) = &mut r {
                // Two files with one stem in different folders get distinct ids.
                let n = ids.entry(rec.doc.id.clone()).or_insert(0);
                *n += 1;
                if *n > 1 {
                    rec.doc.id = format!("{}-{}", rec.doc.id, n);
                }
            }
            Box::new(std::iter::once(r))
        })
}
