//! Plain-text documents: files, folders (recursive, `.txt` and `.md`) and stdin.

use crate::error::{Error, Result};
use crate::graph::model::Document;
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
const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Reads every input: `-` is stdin, a folder is walked recursively (sorted, so
/// the order is stable), a file is read as text.
pub fn read_inputs(inputs: &[PathBuf]) -> Result<Vec<SourceDoc>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io("<stdin>", e))?;
            let text = decode(Path::new("<stdin>"), bytes)?;
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
            walk(input, &mut files)?;
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

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads one text file as a document whose id is the file stem.
pub fn read_file(path: &Path) -> Result<SourceDoc> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = decode(path, bytes)?;
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
