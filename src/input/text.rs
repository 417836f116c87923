//! Plain-text documents: files, folders (recursive, `.txt` and `.md`) and stdin.

use super::{content_hash, Payload, Record};
use crate::error::{Error, Result};
use crate::model::Document;
use std::io::Read;
use std::path::{Path, PathBuf};

/// A document and its text.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The document's metadata.
    pub doc: Document,
    /// Its full text.
    pub text: String,
    /// Where it came from, as `load` identifies documents (see
    /// [`crate::graph::NewsGraph::doc_source`]); empty when unknown.
    pub source: String,
}

/// Extensions read from folders.
pub(crate) const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Largest document the store can point into (its offsets are 32-bit).
pub const MAX_DOC_BYTES: u64 = u32::MAX as u64;

/// Reads every input: `-` is stdin, a folder is walked recursively (sorted, so
/// the order is stable), a file is read as text; an empty one is an error.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<SourceDoc>> {
    Ok(read_inputs_limited(inputs, DEFAULT_MAX_DOC_BYTES)?.0)
}

/// [`read_inputs`] with a document size limit of `max` bytes (checked while
/// reading); also returns a note for every special file a folder walk left out.
pub fn read_inputs_limited(inputs: &[PathBuf], max: u64) -> Result<(Vec<SourceDoc>, Vec<String>)> {
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let bytes = read_bounded(input, max, false)?;
            let id = super::stdin_id(None, &content_hash(&bytes));
            let text = decode(Path::new("<stdin>"), bytes)?;
            not_empty(Path::new("<stdin>"), &text)?;
            out.push(SourceDoc {
                source: format!("stdin:{id}"),
                doc: Document {
                    id,
                    path: "-".into(),
                    date: None,
                    title: None,
                    url: None,
                },
                text,
            });
            continue;
        }
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            walk_noting(
                input,
                &mut files,
                &|p: &Path| {
                    p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
                },
                &mut skipped,
            )?;
            files.sort();
            for f in files {
                let mut d = read_file_limited(&f, max)?;
                d.source = source_in(input, &f);
                out.push(d);
            }
        } else {
            out.push(read_file_limited(input, max)?);
        }
    }
    disambiguate_ids(&mut out);
    Ok((out, skipped))
}

/// The source of a file named on its own: its path as given, without `./`
/// steps (see [`crate::graph::NewsGraph::doc_source`]).
pub fn named_source(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "-".into();
    }
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect::<PathBuf>()
        .to_string_lossy()
        .into_owned()
}

/// The source of a file found by walking the folder `root`: the folder's own
/// name and the path below it (`archive/2024-05/report.txt`), so the same
/// archive loaded again from anywhere finds its documents, and two folders'
/// files that share a name stay two documents.
pub fn source_in(root: &Path, file: &Path) -> String {
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            std::fs::canonicalize(root)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_default();
    let rel = file.strip_prefix(root).unwrap_or(file);
    let mut parts: Vec<String> = Vec::new();
    if !name.is_empty() {
        parts.push(name);
    }
    parts.extend(
        rel.components()
            .filter(|c| matches!(c, std::path::Component::Normal(_)))
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Collects the files under `dir` (recursively) that `keep` accepts; hidden
/// files and folders (names starting with '.') are left out, and so are special
/// files (FIFOs, devices, sockets), which could block the walk forever or never
/// end: each gets a note in `skipped`
/// ("DIR/pipe.txt: skipped: a FIFO, not a regular file").
pub(crate) fn walk_noting(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    keep: &dyn Fn(&Path) -> bool,
    skipped: &mut Vec<String>,
) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() {
            walk_noting(&path, out, keep, skipped)?;
        } else if keep(&path) {
            // A link is judged by what it points to; a dangling one is left
            // for the reader to report.
            if ft.is_file() {
                out.push(path);
                continue;
            }
            match crate::fsio::entry_kind(&path) {
                Ok(crate::fsio::EntryKind::Special(what)) => skipped.push(format!(
                    "{}: skipped: {what}, not a regular file (name it on its own to read it)",
                    path.display()
                )),
                Ok(crate::fsio::EntryKind::Dir) => {}
                _ => out.push(path),
            }
        }
    }
    Ok(())
}

/// The size limit of one document when none is given (`--max-doc-size`).
pub const DEFAULT_MAX_DOC_BYTES: u64 = 64 << 20;

/// The error message of a document over the size limit.
pub(crate) fn too_large(max: u64) -> String {
    format!(
        "larger than the document size limit of {} (raise it with --max-doc-size, or split the input)",
        human_bytes(max)
    )
}

/// A byte count as people write it (64 MiB, 1.5 GiB, 300 bytes).
pub fn human_bytes(n: u64) -> String {
    const UNITS: [(u64, &str); 3] = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for (size, unit) in UNITS {
        if n >= size {
            return if n.is_multiple_of(size) {
                format!("{} {unit}", n / size)
            } else {
                format!("{:.1} {unit}", n as f64 / size as f64)
            };
        }
    }
    format!("{n} bytes")
}

/// Reads one line (through `\n`) into `buf` (cleared first), at most `max`
/// bytes: `Ok(Some(n))` with the bytes read (0 at the end), `Ok(None)` when the
/// line is longer than `max`. The limit is applied while reading, so an endless
/// line (`/dev/zero`) costs `max` bytes of memory, not all of it.
pub fn read_line_bounded(
    reader: &mut dyn std::io::BufRead,
    buf: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<Option<usize>> {
    buf.clear();
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(Some(buf.len()));
        }
        let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        if (buf.len() + take) as u64 > max.saturating_add(1) {
            return Ok(None);
        }
        buf.extend_from_slice(&chunk[..take]);
        reader.consume(take);
        if done {
            return Ok(Some(buf.len()));
        }
    }
}

/// The bytes of a file or of stdin (`-`), refusing what cannot be a document:
/// empty, binary (a NUL byte) or larger than the default size limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_bytes_limited(path, DEFAULT_MAX_DOC_BYTES)
}

/// Like [`read_bytes`] with a size limit of `max` bytes, checked while reading:
/// endless input (`/dev/zero`, a FIFO that never closes its end) stops at the
/// limit or at its first NUL byte, never after filling the memory.
pub fn read_bytes_limited(path: &Path, max: u64) -> Result<Vec<u8>> {
    let bytes = read_bounded(path, max, true)?;
    check_content(&shown(path), &bytes)?;
    Ok(bytes)
}

/// Reads at most `max` bytes of a file or stdin; more is an error, and so is a
/// NUL byte when `nul_is_error` (found as soon as it is read).
fn read_bounded(path: &Path, max: u64, nul_is_error: bool) -> Result<Vec<u8>> {
    let max = max.min(MAX_DOC_BYTES);
    let shown_path = shown(path);
    let mut reader: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(std::io::stdin())
    } else {
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_file() && meta.len() > max {
                return Err(bad(path, None, &too_large(max)));
            }
        }
        Box::new(std::fs::File::open(path).map_err(|e| Error::io(path, e))?)
    };
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let n = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(&shown_path, e)),
        };
        if let Some(i) = memchr_nul(&chunk[..n]).filter(|_| nul_is_error) {
            let at = bytes.len() + i;
            let line = bytes
                .iter()
                .chain(&chunk[..i])
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            return Err(bad(
                &shown_path,
                Some(line),
                &format!("binary data (NUL byte at offset {at}), not text"),
            ));
        }
        if (bytes.len() + n) as u64 > max {
            return Err(bad(&shown_path, None, &too_large(max)));
        }
        bytes.extend_from_slice(&chunk[..n]);
    }
    Ok(bytes)
}

/// Empty and binary inputs are errors rather than empty documents.
pub fn check_content(path: &Path, bytes: &[u8]) -> Result<()> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(bad(path, None, "empty file"));
    }
    if let Some(i) = memchr_nul(bytes) {
        let line = bytes[..i].iter().filter(|&&b| b == b'\n').count() + 1;
        return Err(bad(
            path,
            Some(line),
            &format!("binary data (NUL byte at offset {i}), not text"),
        ));
    }
    Ok(())
}

fn memchr_nul(b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == 0)
}

/// A bad-input error (its reason made one line: it may quote the input).
/// Opens a file for a streaming reader (CSV, GDELT, JSON Lines) with a 64 KiB
/// buffer; the error names the file.
pub(crate) fn open_buffered(path: &Path) -> Result<std::io::BufReader<std::fs::File>> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(std::io::BufReader::with_capacity(1 << 16, f))
}

pub(crate) fn bad(path: &Path, line: Option<usize>, reason: &str) -> Error {
    Error::BadInput {
        path: path.to_path_buf(),
        line,
        reason: crate::error::one_line(reason),
    }
}

/// The path as shown in documents and messages (`-` for stdin).
pub(crate) fn shown(path: &Path) -> PathBuf {
    if path.as_os_str() == "-" {
        PathBuf::from("<stdin>")
    } else {
        path.to_path_buf()
    }
}

/// Reads one text file (or stdin) as a record whose id is the file stem.
pub fn read_record(path: &Path) -> Result<Record> {
    read_record_limited(path, DEFAULT_MAX_DOC_BYTES)
}

/// Like [`read_record`], with a document size limit (see [`read_bytes_limited`]).
pub fn read_record_limited(path: &Path, max: u64) -> Result<Record> {
    let bytes = read_bytes_limited(path, max)?;
    let n = bytes.len() as u64;
    let hash = content_hash(&bytes);
    let text = decode_text(&shown(path), bytes)?;
    let id = if path.as_os_str() == "-" {
        super::stdin_id(None, &hash)
    } else {
        stem(path)
    };
    Ok(Record {
        doc: Document {
            id,
            path: if path.as_os_str() == "-" {
                "-".into()
            } else {
                path.display().to_string()
            },
            date: None,
            title: None,
            url: None,
        },
        source: named_source(path),
        hash,
        payload: Payload::Text(text),
        bytes: n,
    })
}

/// A file's stem as a document id.
pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "doc".into())
}

/// Reads one text file as a document whose id is the file stem.
pub fn read_file(path: &Path) -> Result<SourceDoc> {
    read_file_limited(path, DEFAULT_MAX_DOC_BYTES)
}

/// [`read_file`] with a document size limit of `max` bytes.
pub fn read_file_limited(path: &Path, max: u64) -> Result<SourceDoc> {
    let bytes = read_bounded(path, max, false)?;
    let text = decode(path, bytes)?;
    not_empty(path, &text)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "doc".into());
    Ok(SourceDoc {
        doc: Document {
            id,
            path: path.display().to_string(),
            date: None,
            title: None,
            url: None,
        },
        text,
        source: named_source(path),
    })
}

/// An empty (or all-whitespace) document is an error, as in `load`: most likely
/// the wrong file, and silence would hide it.
fn not_empty(path: &Path, text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(bad(path, None, "empty file"));
    }
    Ok(())
}

/// UTF-8 text (a byte-order mark is dropped); anything else is an error with the
/// offset of the first bad byte.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => Err(Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        }),
    }
}

/// Like [`decode`], but the error names the line of the first bad byte.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(mut s) => {
            if s.starts_with('\u{feff}') {
                s.drain(..3);
            }
            Ok(s)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let b = e.into_bytes();
            let line = b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
            Err(bad(
                path,
                Some(line),
                &format!("not UTF-8 text (invalid byte at offset {at})"),
            ))
        }
    }
}

/// Two files with the same stem in different folders get distinct ids.
fn disambiguate_ids(docs: &mut [SourceDoc]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for d in docs.iter_mut() {
        let n = seen.entry(d.doc.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            d.doc.id = format!("{}-{}", d.doc.id, n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_in_order_and_non_text_skipped() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "B").unwrap();
        std::fs::write(dir.path().join("sub/a.md"), "A").unwrap();
        std::fs::write(dir.path().join("img.png"), [0u8, 1, 2]).unwrap();
        let docs = read_inputs(&[dir.path().to_path_buf()]).unwrap();
        let ids: Vec<&str> = docs.iter().map(|d| d.doc.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"]);
    }

    #[test]
    fn invalid_utf8_names_file_and_offset() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.txt");
        std::fs::write(&p, b"ok \xff bad").unwrap();
        let e = read_inputs(&[p]).unwrap_err().to_string();
        assert!(e.contains("bad.txt") && e.contains("offset 3"), "{e}");
    }
}
