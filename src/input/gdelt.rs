//! GDELT event files: GDELT 1.0 (57 columns, or 58 with SOURCEURL) and GDELT 2.0
//! (61 columns), tab-separated, no header.
//!
//! Columns used (0-based; the same in both versions up to 34): 0 GLOBALEVENTID,
//! 1 SQLDATE (YYYYMMDD), 5 Actor1Code, 6 Actor1Name, 7 Actor1CountryCode,
//! 12 Actor1Type1Code, 15 Actor2Code, 16 Actor2Name, 17 Actor2CountryCode,
//! 22 Actor2Type1Code, 26 EventCode, and the last column SOURCEURL (58 and 61
//! columns). Each event with two named actors becomes a relation: its type from
//! the CAMEO EventCode (kept as a string: leading zeros matter), its date from
//! SQLDATE, its evidence the SOURCEURL and the row's line. Events of a CAMEO class
//! outside the 13 relation types (e.g. 09x investigate) and events with one actor
//! are skipped and counted. The file is one document.

use super::structured::{cameo_type, file_document, guess_kind, iso_date, Builder};
use super::text::{bad, stem};
use crate::error::{Error, Result};
use crate::model::{ActorKind, Evidence, Extraction};
use std::io::BufRead;
use std::path::Path;

/// Column counts of the GDELT layouts.
pub const LAYOUTS: [usize; 3] = [57, 58, 61];

/// Whether a first line looks like a GDELT event row.
pub fn looks_like(line: &str) -> bool {
    let n = line.trim_end_matches(['\r', '\n']).split('\t').count();
    LAYOUTS.contains(&n)
}

/// What reading a GDELT file found besides relations.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct GdeltCounts {
    /// Events with a single actor (nothing to relate).
    pub one_actor: usize,
    /// Events whose CAMEO class is none of the 13 relation types.
    pub other_type: usize,
}

/// Title case for GDELT's upper-case names ("BARACK OBAMA" → "Barack Obama").
fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// An event actor: countries by their code, others named (generic one-word
/// roles such as "POLICE" get their country, so India's police and Kenya's stay
/// apart).
fn actor(b: &mut Builder, name: &str, code: &str, country: &str, type1: &str) -> String {
    let lx = crate::lexicon::builtin();
    let country = (country.len() == 3).then(|| country.to_string());
    let display = title_case(name);
    let is_country = country.as_deref().is_some_and(|c| code == c) && type1.is_empty();
    if is_country {
        let c = country.clone().unwrap_or_default();
        let n = lx.country_name(&c).map_or(display.clone(), str::to_string);
        let aliases = if n != display {
            vec![display]
        } else {
            Vec::new()
        };
        return b.actor(&n, ActorKind::Country, country, aliases);
    }
    let (kind, gaz_country) = guess_kind(&display);
    if kind == ActorKind::Country {
        return b.actor(&display, kind, gaz_country.or(country), Vec::new());
    }
    let named = match (&country, display.split_whitespace().count()) {
        (Some(c), 1) => {
            let cn = lx.country_name(c).unwrap_or(c);
            format!("{display} ({cn})")
        }
        _ => display,
    };
    b.actor(&named, kind, country.or(gaz_country), Vec::new())
}

/// Reads a GDELT event file into one document's extraction, streaming its lines.
pub fn read(
    path: &Path,
    skip_bad: bool,
    tick: Option<super::Tick>,
) -> Result<(Extraction, Vec<String>, GdeltCounts)> {
    read_from(path, super::text::open_buffered(path)?, skip_bad, tick)
}

/// Like [`read`], from any buffered reader; `path` names the document and the
/// messages. (The fuzz targets and property tests feed bytes through here.)
pub fn read_from(
    path: &Path,
    mut r: impl BufRead,
    skip_bad: bool,
    tick: Option<super::Tick>,
) -> Result<(Extraction, Vec<String>, GdeltCounts)> {
    let mut ticked = 0u64;
    let mut b = Builder::new(file_document(stem(path), path));
    let mut counts = GdeltCounts::default();
    let mut bad_rows = Vec::new();
    let mut buf = Vec::new();
    let (mut line, mut offset) = (0usize, 0u64);
    let mut columns: Option<usize> = None;
    loop {
        buf.clear();
        let n = r
            .read_until(b'\n', &mut buf)
            .map_err(|e| Error::io(path, e))?;
        if n == 0 {
            break;
        }
        line += 1;
        let start = offset;
        offset += n as u64;
        if let Some(t) = &tick {
            if offset - ticked >= 1 << 20 {
                t(offset - ticked);
                ticked = offset;
            }
        }
        let result = (|| -> std::result::Result<(), String> {
            let text = std::str::from_utf8(&buf).map_err(|e| {
                format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    start + e.valid_up_to() as u64
                )
            })?;
            let text = text.trim_end_matches(['\r', '\n']);
            if text.trim().is_empty() {
                return Ok(());
            }
            if text.contains('\0') {
                return Err("binary data (NUL byte), not a GDELT event file".into());
            }
            let f: Vec<&str> = text.split('\t').collect();
            if !LAYOUTS.contains(&f.len()) {
                return Err(format!(
                    "{} tab-separated columns; GDELT event files have 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0)",
                    f.len()
                ));
            }
            if columns.is_some_and(|c| c != f.len()) {
                return Err(format!(
                    "{} columns where earlier rows have {}",
                    f.len(),
                    columns.unwrap_or(0)
                ));
            }
            columns = Some(f.len());
            let date =
                iso_date(f[1]).ok_or_else(|| format!("SQLDATE {:?} is not YYYYMMDD", f[1]))?;
            let code = f[26].trim();
            if code.is_empty() || !code.bytes().all(|c| c.is_ascii_digit()) {
                return Err(format!("EventCode {code:?} is not a CAMEO code"));
            }
            let (n1, n2) = (f[6].trim(), f[16].trim());
            if n1.is_empty() || n2.is_empty() {
                counts.one_actor += 1;
                return Ok(());
            }
            let Some(kind) = cameo_type(code) else {
                counts.other_type += 1;
                return Ok(());
            };
            let s = actor(&mut b, n1, f[5].trim(), f[7].trim(), f[12].trim());
            let t = actor(&mut b, n2, f[15].trim(), f[17].trim(), f[22].trim());
            let url = if f.len() > 57 {
                f[f.len() - 1].trim()
            } else {
                ""
            };
            let doc = b.doc_id().to_string();
            b.relation(
                s,
                t,
                kind,
                Some(code.to_string()),
                Some(date),
                Evidence {
                    doc,
                    sentence: line,
                    start: start as usize,
                    end: start as usize + text.len(),
                    trigger: format!("CAMEO {code}"),
                    text: url.to_string(),
                    rule: Some(format!("gdelt event {}", f[0].trim())),
                },
            );
            Ok(())
        })();
        if let Err(reason) = result {
            let err = bad(path, Some(line), &reason);
            if skip_bad {
                bad_rows.push(err.to_string());
            } else {
                return Err(err);
            }
        }
    }
    if let Some(t) = &tick {
        t(offset - ticked);
    }
    if line == 0 {
        return Err(bad(path, None, "empty file"));
    }
    Ok((b.finish(), bad_rows, counts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_title_cased() {
        assert_eq!(title_case("BARACK OBAMA"), "Barack Obama");
    }
}
