//! JSON Lines articles: one JSON object per line, with `text` and optional `id`,
//! `title`, `url` and `date` (ISO 8601: the article's date, which each of its
//! relations takes unless its sentence gives another). Lines are read one at a time, so a file of any size streams.
//! A record without `id` is named `STEM-LINE`. Blank lines are skipped.

use super::structured::iso_date;
use super::text::{bad, shown, stem};
use super::{content_hash, Payload, Record};
use crate::error::{Error, Result};
use crate::model::Document;
use serde_json::Value;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The records of a JSON Lines file (or stdin, `-`), one per non-blank line.
pub struct JsonLines {
    path: PathBuf,
    reader: Option<Box<dyn BufRead>>,
    line: usize,
    seen_any: bool,
    buf: Vec<u8>,
    source: String,
    max_line: u64,
    stdin_name: Option<String>,
}

/// Opens a JSON Lines input.
pub fn open(path: &Path) -> Result<JsonLines> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        Box::new(super::text::open_buffered(path)?)
    };
    Ok(from_reader(path, reader))
}

/// The records of JSON Lines read from any reader; `path` names the documents
/// and the messages. (The fuzz targets and property tests feed bytes through here.)
pub fn from_reader(path: &Path, reader: Box<dyn BufRead>) -> JsonLines {
    JsonLines {
        path: path.to_path_buf(),
        reader: Some(reader),
        line: 0,
        seen_any: false,
        buf: Vec::new(),
        source: path.display().to_string(),
        max_line: super::text::DEFAULT_MAX_DOC_BYTES,
        stdin_name: None,
    }
}

impl JsonLines {
    /// Names the file's documents after this source (see
    /// [`crate::input::Input::source`]) instead of the path as given.
    pub fn with_source(mut self, source: &str) -> Self {
        self.source = source.to_string();
        self
    }

    /// The longest line (one article) read; a longer one is an error found
    /// while reading, so an endless line cannot fill the memory.
    pub fn with_max_line(mut self, bytes: u64) -> Self {
        self.max_line = bytes;
        self
    }

    /// Read from stdin, records without an `id` are named `NAME-LINE` after
    /// this name (`--id`), else after their content hash, so two piped files
    /// never take each other's place.
    pub fn with_stdin_name(mut self, name: Option<String>) -> Self {
        self.stdin_name = name;
        self
    }
}

impl Iterator for JsonLines {
    type Item = Result<Record>;

    fn next(&mut self) -> Option<Result<Record>> {
        loop {
            let reader = self.reader.as_mut()?;
            self.buf.clear();
            let n = match super::text::read_line_bounded(reader, &mut self.buf, self.max_line) {
                Ok(Some(n)) => n,
                Ok(None) => {
                    self.reader = None;
                    self.line += 1;
                    return Some(Err(bad(
                        &shown(&self.path),
                        Some(self.line),
                        &super::text::too_large(self.max_line),
                    )));
                }
                Err(e) => {
                    self.reader = None;
                    return Some(Err(Error::io(shown(&self.path), e)));
                }
            };
            if n == 0 {
                self.reader = None;
                if !self.seen_any {
                    return Some(Err(bad(&shown(&self.path), None, "empty file")));
                }
                return None;
            }
            self.line += 1;
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.seen_any = true;
            return Some(self.record(n as u64));
        }
    }
}

impl JsonLines {
    fn record(&self, bytes: u64) -> Result<Record> {
        let path = shown(&self.path);
        let line = self.line;
        let err = |reason: String| bad(&path, Some(line), &reason);
        let text = std::str::from_utf8(&self.buf).map_err(|e| {
            err(format!(
                "not UTF-8 text (invalid byte at column {})",
                e.valid_up_to() + 1
            ))
        })?;
        let v: Value = serde_json::from_str(text).map_err(|e| err(format!("invalid JSON: {e}")))?;
        let Some(o) = v.as_object() else {
            return Err(err("expected a JSON object with a \"text\" field".into()));
        };
        let field = |k: &str| -> Result<Option<String>> {
            match o.get(k) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Number(n)) if k == "id" => Ok(Some(n.to_string())),
                Some(_) => Err(err(format!("\"{k}\" must be a string"))),
            }
        };
        let body = field("text")?.ok_or_else(|| err("no \"text\" field".into()))?;
        if body.trim().is_empty() {
            return Err(err("empty \"text\"".into()));
        }
        if body.len() as u64 > super::text::MAX_DOC_BYTES {
            return Err(err("article larger than 4 GiB".into()));
        }
        let date = match field("date")? {
            Some(d) => Some(
                iso_date(&d)
                    .ok_or_else(|| err(format!("date {d:?} is not ISO 8601 (YYYY-MM-DD)")))?,
            ),
            None => None,
        };
        let url = field("url")?;
        let hash = content_hash(self.buf.trim_ascii());
        // What identifies the record on a reload: its explicit id, else its URL,
        // else its line in this file (piped in: its name or content).
        let (id, source) = match field("id")? {
            Some(id) if !id.trim().is_empty() => (id.clone(), format!("id:{id}")),
            _ => {
                let id = if self.path.as_os_str() != "-" {
                    format!("{}-{line}", stem(&self.path))
                } else if let Some(n) = &self.stdin_name {
                    format!("{}-{line}", super::stdin_id(Some(n), &hash))
                } else {
                    super::stdin_id(None, &hash)
                };
                let source = match &url {
                    Some(u) if !u.trim().is_empty() => u.clone(),
                    _ if self.path.as_os_str() == "-" => format!("stdin:{id}"),
                    _ => format!("{}#{line}", self.source),
                };
                (id, source)
            }
        };
        Ok(Record {
            doc: Document {
                id,
                path: format!("{}:{line}", path.display()),
                date,
                title: field("title")?,
                url,
            },
            source,
            hash,
            payload: Payload::Text(body),
            bytes,
        })
    }
}
