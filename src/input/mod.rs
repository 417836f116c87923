//! Readers: turn files, folders and stdin into documents.
//!
//! Two shapes of input: articles (plain text, Markdown, JSON Lines, HTML), whose
//! text goes through extraction, and ready-made graphs (node-link JSON, CSV edge
//! lists, GDELT event files), whose actors and relations are taken as they are.
//! [`records`] streams both as [`Record`]s, one document at a time, so memory is
//! bounded by the store rather than by the input; each record carries the content
//! hash that lets a reload skip what is already stored.

pub mod csv;
pub mod gdelt;
pub mod html;
pub mod jsonl;
pub mod nodelink;
pub mod structured;
pub mod text;

pub use text::{read_inputs, SourceDoc};

use crate::error::{Error, Result};
use crate::model::{Document, Extraction};
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

/// Parses a ready-made graph when the loader needs it: `(extraction, bad records
/// skipped)`.
pub type Parse = Box<dyn FnOnce() -> Result<(Extraction, Vec<String>)> + Send + Sync>;

/// What a record holds.
pub enum Payload {
    /// Article text, to be extracted.
    Text(String),
    /// Actors and relations read as they are.
    Graph(Extraction),
    /// A graph file not parsed yet: the loader parses it only when its content
    /// hash is new, so an unchanged GDELT file costs one hashing pass.
    Deferred(Parse),
}

impl std::fmt::Debug for Payload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Payload::Text(t) => write!(f, "Text({} bytes)", t.len()),
            Payload::Graph(x) => write!(f, "Graph({} relations)", x.relations.len()),
            Payload::Deferred(_) => f.write_str("Deferred"),
        }
    }
}

/// One document read from the input.
#[derive(Debug)]
pub struct Record {
    /// The document's metadata.
    pub doc: Document,
    /// Hex SHA-256 of the document's content as read.
    pub hash: String,
    /// Where the document came from: what identifies it on a reload (see
    /// [`Input::source`]); empty when unknown (then its id does).
    pub source: String,
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

/// The format of a file, from its extension and, for `.csv`, `.tsv` and
/// unknown extensions, its first line: GDELT event files are tab-separated with
/// 57, 58 or 61 columns; a line that is a JSON object with "text" is JSON Lines.
pub fn detect(path: &Path) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "txt" | "md" | "markdown" => return Format::Text,
        "jsonl" | "ndjson" => return Format::Jsonl,
        "html" | "htm" | "xhtml" => return Format::Html,
        "json" => return Format::NodeLink,
        _ => {}
    }
    let first = first_line(path).unwrap_or_default();
    if gdelt::looks_like(&first) {
        return Format::Gdelt;
    }
    match ext.as_str() {
        "csv" => Format::Csv,
        "tsv" => Format::Gdelt,
        _ => {
            let t = first.trim_start();
            if t.starts_with('{') {
                match serde_json::from_str::<serde_json::Value>(t) {
                    Ok(v) if v.get("text").is_some() => Format::Jsonl,
                    _ => Format::NodeLink,
                }
            } else if t.starts_with('<') {
                Format::Html
            } else {
                Format::Text
            }
        }
    }
}

/// The first line of a file (at most 1 MiB of it), lossily decoded.
fn first_line(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => {
                n += k;
                if buf[..n].contains(&b'\n') {
                    break;
                }
            }
            Err(_) => return None,
        }
    }
    let end = buf[..n].iter().position(|&b| b == b'\n').unwrap_or(n);
    Some(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// Hex SHA-256 of a file, streamed.
pub fn file_hash(path: &Path) -> Result<(String, u64)> {
    file_hash_limited(path, None)
}

/// [`file_hash`], stopping at the first NUL byte (binary data is refused
/// anyway, and `/dev/zero` must not be hashed forever) and, when `max` is
/// given, after `max` bytes (for inputs that are not regular files: a FIFO or
/// a device may never end).
pub fn file_hash_limited(path: &Path, max: Option<u64>) -> Result<(String, u64)> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    let mut nul = None;
    let mut nonblank = false;
    loop {
        let n = f.read(&mut buf).map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        if nul.is_none() {
            nul = buf[..n]
                .iter()
                .position(|&b| b == 0)
                .map(|i| total + i as u64);
        }
        nonblank |= buf[..n].iter().any(|b| !b.is_ascii_whitespace());
        h.update(&buf[..n]);
        total += n as u64;
        if nul.is_some() {
            break;
        }
        if let Some(m) = max {
            if total > m {
                return Err(text::bad(path, None, &text::too_large(m)));
            }
        }
    }
    if !nonblank {
        return Err(text::bad(path, None, "empty file"));
    }
    if let Some(i) = nul {
        return Err(text::bad(
            path,
            None,
            &format!("binary data (NUL byte at offset {i}), not text"),
        ));
    }
    let d = h.finalize();
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    Ok((s, total))
}

/// Extensions a folder walk picks up.
pub const FOLDER_EXTENSIONS: &[&str] = &[
    "txt", "md", "jsonl", "ndjson", "html", "htm", "json", "csv", "tsv",
];

/// Whether a folder walk picks this file up.
fn known_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// One file to read, and the source that identifies its documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file (or `-` for stdin).
    pub path: PathBuf,
    /// What identifies its documents across loads: the path below the folder
    /// given on the command line, with that folder's name
    /// (`archive/2024-05/report.txt`), or, for a file named on its own, its path
    /// as given. Records of a file may refine it (a URL, an explicit id, a line).
    pub source: String,
}

impl From<PathBuf> for Input {
    fn from(path: PathBuf) -> Self {
        let source = text::named_source(&path);
        Input { path, source }
    }
}

impl From<&Path> for Input {
    fn from(path: &Path) -> Self {
        Input::from(path.to_path_buf())
    }
}

/// The inputs behind the command line's, with notes on what was left out.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    /// The files to read, in order.
    pub files: Vec<Input>,
    /// One line per special file (FIFO, device, socket) a folder walk skipped.
    pub skipped: Vec<String>,
    /// Files a folder walk passed over because no reader takes their
    /// extension (`.pdf`, `.png`, ...), so a run can say what it left out.
    pub unsupported: Vec<PathBuf>,
}

/// The files behind the inputs: folders walked recursively (sorted), `-` kept.
pub fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    Ok(expand_inputs(inputs)?
        .files
        .into_iter()
        .map(|i| i.path)
        .collect())
}

/// The files behind the inputs with their sources: folders walked recursively
/// (sorted; special files skipped with a note, since a FIFO would block the load
/// forever), files named on their own kept whatever they are (a FIFO or device
/// named explicitly is read, up to the document size limit), `-` kept.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Expanded> {
    let mut out = Expanded::default();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.files.push(Input::from(input.clone()));
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            let passed = std::cell::RefCell::new(Vec::new());
            let keep = |p: &Path| {
                let k = known_extension(p);
                if !k {
                    passed.borrow_mut().push(p.to_path_buf());
                }
                k
            };
            text::walk_noting(input, &mut files, &keep, &mut out.skipped)?;
            let mut passed = passed.into_inner();
            passed.sort();
            out.unsupported.extend(passed);
            files.sort();
            out.files.extend(files.into_iter().map(|f| Input {
                source: text::source_in(input, &f),
                path: f,
            }));
        } else {
            out.files.push(Input::from(input.clone()));
        }
    }
    Ok(out)
}

/// A callback told how many more input bytes were read.
pub type Tick = std::sync::Arc<dyn Fn(u64) + Send + Sync>;

/// How to read inputs.
#[derive(Clone)]
pub struct ReadOptions {
    /// Force one format for every input (default: by extension and content).
    pub format: Option<Format>,
    /// Skip bad records inside a graph file (CSV rows, GDELT lines, node-link
    /// items) and report them, instead of failing the whole file.
    pub skip_bad: bool,
    /// Told the bytes read while graph files are parsed (for a progress bar).
    pub tick: Option<Tick>,
    /// The largest document read (`--max-doc-size`): a text, Markdown, HTML or
    /// node-link file, a JSON Lines line, stdin. Checked while reading, so
    /// endless input stops here instead of filling the memory.
    pub max_doc_bytes: u64,
    /// The id of a document read from stdin (`--id`); without it the id comes
    /// from the content (see [`stdin_id`]).
    pub stdin_id: Option<String>,
}

/// The id of a document read from stdin: the name given (`--id NAME`), else
/// `stdin-` and the first 12 hex digits of its content hash, so two different
/// piped articles never take each other's place in a store.
pub fn stdin_id(name: Option<&str>, hash: &str) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => n.to_string(),
        None => format!("stdin-{}", hash.get(..12).unwrap_or(hash)),
    }
}

/// Names a record read from stdin after [`stdin_id`]; its source (what a later
/// load recognizes it by) follows the id, unless the page named its own URL.
fn name_stdin_record(rec: &mut Record, name: Option<&str>) {
    rec.doc.id = stdin_id(name, &rec.hash);
    if rec.source.is_empty() || rec.source == "-" {
        rec.source = format!("stdin:{}", rec.doc.id);
    }
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            skip_bad: false,
            tick: None,
            max_doc_bytes: text::DEFAULT_MAX_DOC_BYTES,
            stdin_id: None,
        }
    }
}

/// Streams the records of every input, one file after another. A bad file or
/// record is an `Err` item; the caller decides whether to stop (the default) or
/// skip it and go on (`--skip-bad`).
pub fn records<I: Into<Input>>(
    files: Vec<I>,
    opts: ReadOptions,
) -> impl Iterator<Item = Result<Record>> {
    let mut ids = std::collections::HashMap::<String, usize>::new();
    let max = opts.max_doc_bytes;
    files.into_iter().map(Into::into).flat_map(
        move |input: Input| -> Box<dyn Iterator<Item = Result<Record>>> {
            let (f, source) = (input.path, input.source);
            let stdin = f.as_os_str() == "-";
            let format = opts
                .format
                .unwrap_or_else(|| if stdin { Format::Text } else { detect(&f) });
            let one = |r: Result<Record>| -> Box<dyn Iterator<Item = Result<Record>>> {
                Box::new(std::iter::once(r))
            };
            match format {
                Format::Text => {
                    let mut r = text::read_record_limited(&f, max);
                    if let Ok(rec) = &mut r {
                        rec.source = source;
                        if stdin {
                            name_stdin_record(rec, opts.stdin_id.as_deref());
                        }
                        // Two files with one stem in different folders get distinct ids.
                        let n = ids.entry(rec.doc.id.clone()).or_insert(0);
                        *n += 1;
                        if *n > 1 {
                            rec.doc.id = format!("{}-{}", rec.doc.id, n);
                        }
                    }
                    one(r)
                }
                Format::Jsonl => match jsonl::open(&f) {
                    Ok(it) => Box::new(
                        it.with_source(&source)
                            .with_max_line(max)
                            .with_stdin_name(opts.stdin_id.clone()),
                    ),
                    Err(e) => one(Err(e)),
                },
                Format::Html | Format::NodeLink => {
                    let mut r = if format == Format::Html {
                        read_html(&f, &source, max)
                    } else {
                        read_deferred(&f, &source, format, &opts)
                    };
                    if let (true, Ok(rec)) = (stdin, &mut r) {
                        name_stdin_record(rec, opts.stdin_id.as_deref());
                    }
                    one(r)
                }
                Format::Csv | Format::Gdelt => {
                    if stdin {
                        one(Err(text::bad(
                            Path::new("<stdin>"),
                            None,
                            "CSV and GDELT inputs must be files, not stdin",
                        )))
                    } else {
                        one(read_deferred(&f, &source, format, &opts))
                    }
                }
            }
        },
    )
}

fn read_html(path: &Path, source: &str, max: u64) -> Result<Record> {
    let bytes = text::read_bytes_limited(path, max)?;
    let n = bytes.len() as u64;
    let hash = content_hash(&bytes);
    let src = text::decode_text(&text::shown(path), bytes)?;
    let page = html::parse(&src);
    if page.text.trim().is_empty() {
        return Err(text::bad(path, None, "no text in this HTML page"));
    }
    Ok(Record {
        doc: Document {
            id: text::stem(path),
            path: path.display().to_string(),
            date: page.date,
            title: page.title,
            // A page's canonical address identifies it wherever it was saved.
            url: page.url.clone(),
        },
        source: match page.url {
            Some(u) if !u.trim().is_empty() => u,
            _ => source.to_string(),
        },
        hash,
        payload: Payload::Text(page.text),
        bytes: n,
    })
}

/// A graph file: hashed now, parsed when the loader asks.
fn read_deferred(path: &Path, source: &str, format: Format, opts: &ReadOptions) -> Result<Record> {
    let (skip_bad, tick, max) = (opts.skip_bad, opts.tick.clone(), opts.max_doc_bytes);
    let (hash, n) = if path.as_os_str() == "-" {
        let bytes = text::read_bytes_limited(path, max)?;
        (content_hash(&bytes), bytes.len() as u64)
    } else {
        // A regular CSV or GDELT file streams row by row whatever its size; a
        // FIFO or device named explicitly may never end, so it is bounded.
        let special = !matches!(
            crate::fsio::entry_kind(path),
            Ok(crate::fsio::EntryKind::File)
        );
        let limit = (special || format == Format::NodeLink).then_some(max);
        file_hash_limited(path, limit)?
    };
    let p = path.to_path_buf();
    let parse: Parse = match format {
        Format::Csv => Box::new(move || csv::read(&p, skip_bad, tick)),
        Format::Gdelt => Box::new(move || gdelt::read(&p, skip_bad, tick).map(|(x, b, _)| (x, b))),
        _ => Box::new(move || {
            let bytes = text::read_bytes_limited(&p, max)?;
            if let Some(t) = &tick {
                t(bytes.len() as u64);
            }
            let src = text::decode_text(&text::shown(&p), bytes)?;
            nodelink::read(&p, &src, skip_bad)
        }),
    };
    Ok(Record {
        doc: Document {
            id: text::stem(path),
            path: path.display().to_string(),
            date: None,
            title: None,
            url: None,
        },
        source: source.to_string(),
        hash,
        payload: Payload::Deferred(parse),
        bytes: n,
    })
}
