//! Documents of any size: long ones are extracted in windows and the windows'
//! actors joined by the graph's merge rules. It sits in the pipeline because
//! it needs both stages, extraction and the graph's merge.

use crate::extract::{extract_text, DocResult, Options};
use crate::graph::merge::merge_into;
use crate::graph::NewsGraph;
use crate::model::{Document, Relation};
use std::collections::HashMap;

/// Documents longer than this are extracted in windows of at most this many
/// bytes, cut at a paragraph break where possible (else a line break, a
/// sentence end, a space). Extraction needs about 30 bytes of working memory
/// per byte of prose (up to 100 for text that is all punctuation), so a 100 MB
/// article on one line would otherwise take 3 GB, and time quadratic in the
/// line's length where a stage looks back along the line; a window's working
/// memory stays under about 100 MB. Actors
/// of the windows are joined by the graph's merge rules (same full name, same
/// lexicon entity), so only coreference across a cut (a bare surname or "he"
/// whose antecedent is in the previous window) is lost; no real news article
/// comes near this size.
pub const WINDOW_BYTES: usize = 1 << 20;

/// Extracts actors and relations from one document's text, of any size.
pub fn extract_document(doc: &Document, text: &str, opts: Options) -> DocResult {
    extract_in_windows(doc, text, opts, WINDOW_BYTES)
}

/// [`extract_document`] with windows of `window` bytes.
fn extract_in_windows(doc: &Document, text: &str, opts: Options, window: usize) -> DocResult {
    if text.len() <= window {
        return extract_text(doc, text, opts);
    }
    // The dateline is in the first window; every window's relations are dated
    // against the document's date.
    let (doc, _) = &crate::extract::dated(doc, text);
    let mut g = NewsGraph::new();
    let mut trails_by_name: HashMap<String, Vec<String>> = HashMap::new();
    let (mut offset, mut sentences) = (0usize, 0usize);
    while offset < text.len() {
        let end = window_end(text, offset, window);
        let mut r = extract_text(doc, &text[offset..end], opts);
        let n = r.sentences;
        for rel in &mut r.extraction.relations {
            rel.evidence.start += offset;
            rel.evidence.end += offset;
            rel.evidence.sentence += sentences;
        }
        for a in &r.extraction.actors {
            if let Some(t) = r.trails.remove(&a.id) {
                trails_by_name
                    .entry(crate::text::name_key(&a.name))
                    .or_default()
                    .extend(t);
            }
        }
        merge_into(&mut g, r.extraction);
        offset = end;
        sentences += n;
    }
    let mut extraction = g.to_extraction();
    extraction.documents = vec![doc.clone()];
    // As within one window: one relation per (source, type, target) and
    // document, the first one read.
    let key = |r: &Relation| {
        let (s, t) = if r.kind.is_symmetric() && r.source > r.target {
            (&r.target, &r.source)
        } else {
            (&r.source, &r.target)
        };
        (s.clone(), r.kind, t.clone())
    };
    let mut first: HashMap<_, (usize, usize)> = HashMap::new();
    for r in &extraction.relations {
        let at = (r.evidence.sentence, r.evidence.start);
        let e = first.entry(key(r)).or_insert(at);
        *e = (*e).min(at);
    }
    extraction
        .relations
        .retain(|r| first.get(&key(r)) == Some(&(r.evidence.sentence, r.evidence.start)));
    let mut trails = HashMap::new();
    for a in &extraction.actors {
        let t: Vec<String> = std::iter::once(&a.name)
            .chain(&a.aliases)
            .filter_map(|f| trails_by_name.remove(&crate::text::name_key(f)))
            .flatten()
            .collect();
        trails.insert(a.id.clone(), t);
    }
    DocResult {
        extraction,
        trails,
        sentences,
    }
}

/// Where the window of `text` starting at `start` ends: at most `size` bytes
/// on, after the last paragraph break, else line break, else sentence end,
/// else space in its second half; else at a character boundary.
fn window_end(text: &str, start: usize, size: usize) -> usize {
    if text.len() - start <= size {
        return text.len();
    }
    let mut hi = start + size.max(4);
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let mut lo = start + size / 2;
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let w = &text[lo..hi];
    let cut = w
        .rfind("\n\n")
        .map(|i| i + 2)
        .or_else(|| w.rfind('\n').map(|i| i + 1))
        .or_else(|| w.rfind(". ").map(|i| i + 2))
        .or_else(|| w.rfind(' ').map(|i| i + 1));
    match cut {
        Some(i) => lo + i,
        None => hi,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Extraction;

    fn doc() -> Document {
        Document {
            id: "w".into(),
            path: "w.txt".into(),
            date: None,
            title: None,
            url: None,
        }
    }

    /// (source name, type, target name, sentence, start, end) of every relation.
    fn facts(x: &Extraction) -> Vec<(String, String, String, usize, usize, usize)> {
        let name = |id: &str| x.actors.iter().find(|a| a.id == id).unwrap().name.clone();
        let mut v: Vec<_> = x
            .relations
            .iter()
            .map(|r| {
                let e = &r.evidence;
                let (s, t) = (name(&r.source), name(&r.target));
                (s, r.kind.to_string(), t, e.sentence, e.start, e.end)
            })
            .collect();
        v.sort();
        v
    }

    const COUNTRIES: [&str; 20] = [
        "Russia", "Ukraine", "Poland", "Germany", "France", "Italy", "Spain", "Turkey", "Iran",
        "Iraq", "Syria", "Egypt", "Japan", "China", "India", "Brazil", "Mexico", "Canada", "Kenya",
        "Nigeria",
    ];

    /// Paragraphs (or sentences on one line) of distinct country relations,
    /// repeated: the first 20 pieces hold every fact.
    fn pieces(n: usize, sep: &str) -> String {
        (0..n)
            .map(|i| {
                let c = |k: usize| COUNTRIES[(i + k) % COUNTRIES.len()];
                format!(
                    "{} condemned {} in Zürich 🎉. {} accused {} of spying.{sep}",
                    c(0),
                    c(1),
                    c(1),
                    c(2)
                )
            })
            .collect()
    }

    #[test]
    fn windows_cut_at_paragraphs_give_the_whole_document_result() {
        let text = pieces(60, "\n\n");
        let whole = extract_text(&doc(), &text, Options::default()).extraction;
        assert!(facts(&whole).len() >= 40, "{:?}", facts(&whole));
        for window in [300, 1000] {
            let windowed = extract_in_windows(&doc(), &text, Options::default(), window).extraction;
            assert_eq!(facts(&windowed), facts(&whole), "window {window}");
            assert_eq!(windowed.actors.len(), whole.actors.len());
            assert_eq!(windowed.documents, vec![doc()]);
        }
    }

    #[test]
    fn windows_of_one_long_line_keep_spans_on_the_text() {
        let text = pieces(80, " ");
        let whole = extract_text(&doc(), &text, Options::default()).extraction;
        assert!(facts(&whole).len() >= 40, "{:?}", facts(&whole));
        for window in [7, 64, 333, 1000] {
            let x = extract_in_windows(&doc(), &text, Options::default(), window).extraction;
            for r in &x.relations {
                let e = &r.evidence;
                assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                assert_eq!(&text[e.start..e.end], e.text);
            }
            if window >= 333 {
                assert_eq!(facts(&x), facts(&whole), "window {window}");
            }
        }
    }
}
