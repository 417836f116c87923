//! One reading path for every command that reads documents (`extract`,
//! `build`, `load`): the same inputs listed the same way, the same readers
//! ([`crate::input::records`]: text, Markdown, HTML main text, JSON Lines,
//! node-link JSON, CSV, GDELT) with the same options, and the same account of
//! what was left out. Before it, `extract` and `build` read every file as plain
//! text, so a page's scripts and menus became actors and relations.

use super::extract_document;
use super::{skippable, LoadReport};
use crate::error::Result;
use crate::extract::{DocResult, Options};
use crate::input::{expand_inputs, Input, Payload, Record, FOLDER_EXTENSIONS};
use crate::model::Extraction;
use rayon::prelude::*;
use std::path::PathBuf;

/// The inputs of a run, listed: what will be read and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// The files to read, in order (`-` for stdin).
    pub files: Vec<Input>,
    /// One line per file a folder walk left out (special files, and one line
    /// naming the files no reader takes), for stderr.
    pub notes: Vec<String>,
    /// Bytes of the regular files listed (for a progress bar).
    pub total_bytes: u64,
}

/// Lists the inputs: folders walked for every supported extension, special
/// files and unsupported ones noted.
pub fn list_inputs(inputs: &[PathBuf]) -> Result<Inputs> {
    let expanded = expand_inputs(inputs)?;
    let mut notes = expanded.skipped;
    if !expanded.unsupported.is_empty() {
        const SHOWN: usize = 5;
        let names: Vec<String> = expanded
            .unsupported
            .iter()
            .take(SHOWN)
            .map(|p| p.display().to_string())
            .collect();
        let more = expanded.unsupported.len().saturating_sub(SHOWN);
        notes.push(format!(
            "skipped {} file(s) of no supported type: {}{}",
            expanded.unsupported.len(),
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    let total_bytes = expanded
        .files
        .iter()
        .filter_map(|f| std::fs::metadata(&f.path).ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    Ok(Inputs {
        files: expanded.files,
        notes,
        total_bytes,
    })
}

/// Why a run read no document, in one line: no file to read (naming what was
/// given and which extensions a folder walk takes), or every input bad.
pub fn nothing_read(inputs: &[PathBuf], bad: &[String]) -> String {
    let given: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    if !bad.is_empty() {
        return format!(
            "no document read: {} bad input(s) skipped and nothing else to read in {}",
            bad.len(),
            given.join(", ")
        );
    }
    let exts: Vec<String> = FOLDER_EXTENSIONS.iter().map(|e| format!(".{e}")).collect();
    format!(
        "no document read: {} holds no file of a supported type ({})",
        given.join(", "),
        exts.join(" ")
    )
}

/// What the documents of a run gave, one result per document in input order.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Articles extracted and graphs read as they are (a graph's result has
    /// no trails).
    pub results: Vec<DocResult>,
    /// Bad files and records skipped (`skip_bad`), one line each.
    pub bad: Vec<String>,
}

/// Reads every record and extracts the articles among them (in parallel across
/// documents, results in input order); graph files are parsed and taken as
/// they are. A bad input stops the run unless `skip_bad`, when it is counted in
/// [`Extracted::bad`]. What `extract` prints; `build` and `load` merge the same
/// records through [`super::load_records`].
pub fn extract_records_all(
    records: impl Iterator<Item = Result<Record>>,
    opts: Options,
    skip_bad: bool,
) -> Result<Extracted> {
    let mut out = Extracted::default();
    let mut read = Vec::new();
    for r in records {
        match r {
            Ok(rec) => read.push(rec),
            Err(e) if skip_bad && skippable(&e) => out.bad.push(e.to_string()),
            Err(e) => return Err(e),
        }
    }
    let texts: Vec<Option<DocResult>> = read
        .par_iter()
        .map(|r| match &r.payload {
            Payload::Text(t) => Some(extract_document(&r.doc, t, opts)),
            _ => None,
        })
        .collect();
    for (rec, x) in read.into_iter().zip(texts) {
        let graph = match (rec.payload, x) {
            (_, Some(x)) => {
                out.results.push(x);
                continue;
            }
            (Payload::Graph(x), None) => x,
            (Payload::Deferred(parse), None) => match parse() {
                Ok((x, bad)) => {
                    out.bad.extend(bad);
                    x
                }
                Err(e) if skip_bad && skippable(&e) => {
                    out.bad.push(e.to_string());
                    continue;
                }
                Err(e) => return Err(e),
            },
            (Payload::Text(_), None) => continue,
        };
        out.results.push(DocResult {
            extraction: renamed(graph, &rec.doc.id),
            trails: Default::default(),
            sentences: 0,
        });
    }
    Ok(out)
}

/// Graph readers name their document after the file's stem; the id the
/// reading gave it (another file may hold that stem, stdin has none) wins.
pub(crate) fn renamed(mut x: Extraction, id: &str) -> Extraction {
    if let [d] = x.documents.as_mut_slice() {
        if d.id != id {
            let old = std::mem::replace(&mut d.id, id.to_string());
            for r in &mut x.relations {
                if r.evidence.doc == old {
                    r.evidence.doc = id.to_string();
                }
            }
        }
    }
    x
}

impl LoadReport {
    /// Documents the load read (new, changed or unchanged): zero means the
    /// run read nothing, which is an error for every reading command.
    pub fn documents_read(&self) -> usize {
        self.loaded + self.replaced + self.unchanged
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{records, ReadOptions};

    #[test]
    fn html_and_jsonl_in_a_folder_are_all_read_and_other_files_noted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("a.html"),
            "<html><body><nav>Home</nav><article><p>Chancellor Olaf Scholz met President Emmanuel Macron in Paris.</p></article></body></html>",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("b.jsonl"),
            "{\"text\": \"Iran condemned Israel.\", \"date\": \"2024-04-02\"}\n{\"text\": \"Japan praised India.\"}\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("c.pdf"), "%PDF").unwrap();
        let listed = list_inputs(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(listed.files.len(), 2);
        assert!(
            listed.notes.iter().any(|n| n.contains("c.pdf")),
            "{:?}",
            listed.notes
        );
        let x = extract_records_all(
            records(listed.files, ReadOptions::default()),
            Options::default(),
            false,
        )
        .unwrap();
        assert_eq!(x.results.len(), 3);
        let docs: Vec<_> = x
            .results
            .iter()
            .flat_map(|r| &r.extraction.documents)
            .collect();
        assert_eq!(docs[1].date.as_deref(), Some("2024-04-02"));
        let actors: Vec<&str> = x.results[0]
            .extraction
            .actors
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert!(!actors.contains(&"Home"), "{actors:?}");
    }

    #[test]
    fn an_empty_folder_says_what_it_looked_for() {
        let dir = tempfile::tempdir().unwrap();
        let m = nothing_read(&[dir.path().to_path_buf()], &[]);
        assert!(
            m.contains("no document read") && m.contains(".jsonl"),
            "{m}"
        );
        assert!(!m.contains('\n'));
    }
}
