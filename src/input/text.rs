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
}

/// Extensions read from folders.
pub(crate) const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Largest document the store can point into (its offsets are 32-bit).
pub const MAX_DOC_BYTES: u64 = u32::MAX as u64;

/// Reads every input: `-` is stdin, a folder is walked recursively (sorted, so
/// the order is stable), a file is read as text; an empty one is an error.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<SourceDoc>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            let text = decode(Path::new("<stdin>"), bytes)?;
            not_empty(Path::new("<stdin>"), &text)?;
            out.push(SourceDoc {
                doc: Document {
                    id: "stdin".into(),
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
            walk(input, &mut files, &|p: &Path| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            })?;
            files.sort();
            for f in files {
                out.push(read_file(&f)?);
            }
        } else {
            out.push(read_file(input)?);
        }
    }
    disambiguate_ids(&mut out);
    Ok(out)
}

/// Collects the files under `dir` (recursively) that `keep` accepts; hidden
/// files and folders (names starting with '.') are left out.
pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>, keep: &dyn Fn(&Path) -> bool) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() {
            walk(&path, out, keep)?;
        } else if keep(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// The bytes of a file or of stdin (`-`), refusing what cannot be a document:
/// empty, binary (a NUL byte) or larger than [`MAX_DOC_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .take(MAX_DOC_BYTES + 1)
            .read_to_end(&mut b)
            .map_err(|e| Error::io("<stdin>", e))?;
        b
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.len() > MAX_DOC_BYTES {
            return Err(bad(
                path,
                None,
                "larger than 4 GiB: split it into several documents",
            ));
        }
        std::fs::read(path).map_err(|e| Error::io(path, e))?
    };
    if bytes.len() as u64 > MAX_DOC_BYTES {
        return Err(bad(
            path,
            None,
            "larger than 4 GiB: split it into several documents",
        ));
    }
    check_content(path, &bytes)?;
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
    let bytes = read_bytes(path)?;
    let n = bytes.len() as u64;
    let hash = content_hash(&bytes);
    let text = decode_text(&shown(path), bytes)?;
    let id = if path.as_os_str() == "-" {
        "stdin".to_string()
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
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
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
