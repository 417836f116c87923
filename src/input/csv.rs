//! CSV edge lists: `source,target,type[,date,evidence]`, one relation per row.
//!
//! A header row is optional; when present (its third field is `type`), columns go
//! by name and may come in any order, with optional extra columns
//! `source_kind`, `target_kind`, `source_country`, `target_country` and `cameo`.
//! `type` is one of the 13 relation types or a CAMEO code (`042`). The file is one
//! document (its stem is the id); each relation's evidence names the row's line
//! (as `sentence`), its byte span, and the `evidence` column as text.

use super::structured::{file_document, guess_kind, iso_date, relation_type, Builder};
use super::text::{bad, stem};
use crate::error::Result;
use crate::model::{ActorKind, Evidence, Extraction};
use std::path::Path;

/// Reads a CSV edge list into one document's extraction. Bad rows are errors,
/// or with `skip_bad` collected as one-line messages.
pub fn read(
    path: &Path,
    skip_bad: bool,
    tick: Option<super::Tick>,
) -> Result<(Extraction, Vec<String>)> {
    read_from(path, super::text::open_buffered(path)?, skip_bad, tick)
}

/// Like [`read`], from any reader; `path` names the document and the messages.
/// (The fuzz targets and property tests feed bytes through here.)
pub fn read_from(
    path: &Path,
    input: impl std::io::Read,
    skip_bad: bool,
    tick: Option<super::Tick>,
) -> Result<(Extraction, Vec<String>)> {
    let mut ticked = 0u64;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let mut b = Builder::new(file_document(stem(path), path));
    let mut cols = Columns::default();
    let mut bad_rows = Vec::new();
    let mut rec = csv::ByteRecord::new();
    let mut first = true;
    loop {
        let line = rdr.position().line() as usize;
        let start = rdr.position().byte();
        match rdr.read_byte_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(line, |p| p.line() as usize);
                let err = bad(
                    path,
                    Some(line),
                    &format!("malformed CSV: {}", csv_reason(&e)),
                );
                if skip_bad && !matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    bad_rows.push(err.to_string());
                    continue;
                }
                return Err(err);
            }
        }
        let end = rdr.position().byte();
        if let Some(t) = &tick {
            if end - ticked >= 1 << 20 {
                t(end - ticked);
                ticked = end;
            }
        }
        let fields: std::result::Result<Vec<&str>, usize> = rec
            .iter()
            .enumerate()
            .map(|(i, f)| std::str::from_utf8(f).map_err(|_| i))
            .collect();
        let row = match fields {
            Ok(f) => f,
            Err(i) => {
                let err = bad(
                    path,
                    Some(line),
                    &format!("field {} is not UTF-8 text", i + 1),
                );
                if skip_bad {
                    bad_rows.push(err.to_string());
                    continue;
                }
                return Err(err);
            }
        };
        if first {
            first = false;
            if row.get(2).is_some_and(|t| t.eq_ignore_ascii_case("type")) {
                cols = Columns::from_header(&row);
                continue;
            }
        }
        if row.iter().all(|f| f.is_empty()) {
            continue;
        }
        if let Err(reason) = add_row(&mut b, &cols, &row, line, start, end) {
            let err = bad(path, Some(line), &reason);
            if skip_bad {
                bad_rows.push(err.to_string());
                continue;
            }
            return Err(err);
        }
    }
    if let Some(t) = &tick {
        t(rdr.position().byte().saturating_sub(ticked));
    }
    if b.len() == 0 && bad_rows.is_empty() {
        return Err(bad(
            path,
            None,
            "no relations (expected rows of source,target,type[,date,evidence])",
        ));
    }
    Ok((b.finish(), bad_rows))
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::Utf8 { err, .. } => format!("not UTF-8 text ({err})"),
        _ => e.to_string().replace('\n', " "),
    }
}

/// Column positions.
struct Columns {
    source: usize,
    target: usize,
    kind: usize,
    date: Option<usize>,
    evidence: Option<usize>,
    source_kind: Option<usize>,
    target_kind: Option<usize>,
    source_country: Option<usize>,
    target_country: Option<usize>,
    cameo: Option<usize>,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            source: 0,
            target: 1,
            kind: 2,
            date: Some(3),
            evidence: Some(4),
            source_kind: None,
            target_kind: None,
            source_country: None,
            target_country: None,
            cameo: None,
        }
    }
}

impl Columns {
    fn from_header(h: &[&str]) -> Self {
        let at = |name: &str| h.iter().position(|c| c.eq_ignore_ascii_case(name));
        Columns {
            source: at("source").unwrap_or(0),
            target: at("target").unwrap_or(1),
            kind: at("type").unwrap_or(2),
            date: at("date"),
            evidence: at("evidence"),
            source_kind: at("source_kind"),
            target_kind: at("target_kind"),
            source_country: at("source_country"),
            target_country: at("target_country"),
            cameo: at("cameo"),
        }
    }
}

fn add_row(
    b: &mut Builder,
    c: &Columns,
    row: &[&str],
    line: usize,
    start: u64,
    end: u64,
) -> std::result::Result<(), String> {
    let get = |i: Option<usize>| {
        i.and_then(|i| row.get(i))
            .copied()
            .filter(|s| !s.is_empty())
    };
    if row.len() < 3 {
        return Err(format!(
            "expected source,target,type[,date,evidence], found {} field(s)",
            row.len()
        ));
    }
    let (Some(src), Some(tgt)) = (get(Some(c.source)), get(Some(c.target))) else {
        return Err("empty source or target".into());
    };
    let ty = get(Some(c.kind)).unwrap_or("");
    let (kind, mut cameo) = relation_type(ty).ok_or_else(|| {
        format!("unknown relation type {ty:?} (expected call, meet, visit, ..., affiliation, or a CAMEO code)")
    })?;
    if let Some(code) = get(c.cameo) {
        cameo = Some(code.to_string());
    }
    let date = match get(c.date) {
        Some(d) => Some(iso_date(d).ok_or_else(|| format!("date {d:?} is not YYYY-MM-DD"))?),
        None => None,
    };
    let mut end_actor =
        |name: &str, k: Option<usize>, cc: Option<usize>| -> std::result::Result<String, String> {
            let (guess, country) = guess_kind(name);
            let kind = match get(k) {
                Some(k) => k.parse::<ActorKind>()?,
                None => guess,
            };
            let country = get(cc).map(str::to_string).or(country);
            Ok(b.actor(name, kind, country, Vec::new()))
        };
    let s = end_actor(src, c.source_kind, c.source_country)?;
    let t = end_actor(tgt, c.target_kind, c.target_country)?;
    let text = get(c.evidence).unwrap_or("").to_string();
    let doc = b.doc_id().to_string();
    b.relation(
        s,
        t,
        kind,
        cameo,
        date,
        Evidence {
            doc,
            sentence: line,
            start: start as usize,
            end: end as usize,
            trigger: ty.to_string(),
            text,
            rule: Some(format!("csv line {line}")),
        },
    );
    Ok(())
}
