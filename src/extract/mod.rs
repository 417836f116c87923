//! Extraction: from a document's text to actors and relations with evidence.
//!
//! The stages run in order, one file each: [`tokens`] → [`sentences`] →
//! [`quotes`] → [`mentions`] → [`actors`] (aliases and coreference) → [`events`]
//! (triggers, argument frames, affiliations). Every decision is a lookup in the
//! lexicons of `data/` ([`lexicon`]) or a grammar-level rule, so each relation
//! can say which entry or rule produced it ([`Evidence::rule`]).

pub mod actors;
pub mod batch;
pub mod clauses;
pub mod events;
pub mod lexicon;
pub mod mentions;
pub mod quotes;
pub mod sentences;
pub mod tokens;

pub use batch::{extract_many, extract_records};

use crate::graph::model::{Actor, ActorKind, Document, Evidence, Extraction, Relation};
use crate::text::slug;
use actors::{DocActor, DocCtx};
use lexicon::lexicon;
use mentions::{Mention, MentionForm, SentenceCtx};
use std::collections::{HashMap, HashSet};

/// Extraction options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Keep planned or expected events (marked `planned: true`).
    pub include_planned: bool,
}

/// Everything extraction learned about one document, including the intermediate
/// steps that `--explain` shows.
#[derive(Debug, Clone)]
pub struct DocResult {
    /// The actors and relations, in the JSON contract's shape.
    pub extraction: Extraction,
    /// For each actor id, how it was identified.
    pub trails: HashMap<String, Vec<String>>,
}

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

/// Extracts actors and relations from one document's text.
pub fn extract_document(doc: &Document, text: &str, opts: Options) -> DocResult {
    extract_in_windows(doc, text, opts, WINDOW_BYTES)
}

/// [`extract_document`] with windows of `window` bytes.
fn extract_in_windows(doc: &Document, text: &str, opts: Options, window: usize) -> DocResult {
    if text.len() <= window {
        return extract_whole(doc, text, opts).0;
    }
    let mut g = crate::NewsGraph::new();
    let mut trails_by_name: HashMap<String, Vec<String>> = HashMap::new();
    let (mut offset, mut sentences) = (0usize, 0usize);
    while offset < text.len() {
        let end = window_end(text, offset, window);
        let (mut r, n) = extract_whole(doc, &text[offset..end], opts);
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
        crate::graph::merge::merge_into(&mut g, r.extraction);
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
    DocResult { extraction, trails }
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

/// Extracts one window of text (a whole document up to [`WINDOW_BYTES`]);
/// also returns its number of sentences.
fn extract_whole(doc: &Document, text: &str, opts: Options) -> (DocResult, usize) {
    let lx = lexicon();
    let tokens = tokens::tokenize(text);
    let sentences = sentences::split(text, &tokens, lx);
    let quotes = quotes::find(&tokens, &sentences, lx);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut known: lexicon::WordSet<String> = lexicon::WordSet::default();
    for s in &sentences {
        let start = skip_dateline(&tokens, s.tokens.clone());
        let before = mentions.len();
        let ctx = SentenceCtx {
            doc: text,
            tokens: &tokens,
            range: start..s.tokens.end,
            sentence: s.index,
            lx,
            known: &known,
        };
        mentions::find(&ctx, &mut mentions);
        for m in &mentions[before..] {
            if m.form == MentionForm::Name
                && m.head.len() >= 2
                && m.kind.is_none_or(|k| k == ActorKind::Person)
            {
                known.insert(tokens[m.head.end - 1].norm.clone());
            }
        }
    }
    let ctx = DocCtx {
        doc: text,
        tokens: &tokens,
        sentences: &sentences,
        quotes: &quotes,
        lx,
    };
    let doc_actors = actors::resolve(&ctx, &mut mentions);
    let events = events::find(&ctx, &mentions, &doc_actors);
    let r = assemble(doc, text, &tokens, &sentences, &doc_actors, &events, opts);
    (r, sentences.len())
}

/// "SULAIMANIYAH, Iraq —" or "BEIJING, April 6 —" at the start of a paragraph: the
/// dateline is not part of the story's first sentence.
fn skip_dateline(tokens: &[tokens::Token], r: std::ops::Range<usize>) -> usize {
    let Some(first) = tokens.get(r.start) else {
        return r.start;
    };
    if !(first.upper && first.norm.len() >= 3) {
        return r.start;
    }
    for i in r.clone().take(10) {
        let t = &tokens[i];
        if t.is_punct('-') {
            return i + 1;
        }
        // "WASHINGTON (Reuters) —": the agency in parentheses is no actor either.
        let ok = t.is_punct(',')
            || t.is_punct('/')
            || t.is_punct('(')
            || t.is_punct(')')
            || t.upper
            || t.kind == tokens::TokKind::Number
            || t.cap
            || t.is_punct('.');
        if !ok {
            break;
        }
    }
    r.start
}

fn assemble(
    doc: &Document,
    text: &str,
    toks: &[tokens::Token],
    sentences: &[sentences::Sentence],
    actors: &[DocActor],
    events: &[events::Event],
    opts: Options,
) -> DocResult {
    // Ids: slugs of names, unique within the document.
    let mut used: HashSet<String> = HashSet::new();
    let ids: Vec<String> = actors
        .iter()
        .map(|a| {
            let base = slug(&a.name);
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            id
        })
        .collect();
    let mut relations: Vec<Relation> = Vec::new();
    let mut seen: HashSet<(usize, crate::RelationType, usize)> = HashSet::new();
    for e in events {
        if e.planned && !opts.include_planned {
            continue;
        }
        let (s, t) = if e.kind.is_symmetric() && e.source > e.target {
            (e.target, e.source)
        } else {
            (e.source, e.target)
        };
        if !seen.insert((s, e.kind, t)) {
            continue;
        }
        let sent = &sentences[e.sentence];
        let trig = match (
            toks.get(e.trigger.start),
            toks.get(e.trigger.end.saturating_sub(1)),
        ) {
            (Some(a), Some(b)) if b.end >= a.start => text[a.start..b.end].to_string(),
            _ => String::new(),
        };
        relations.push(Relation {
            source: ids[e.source].clone(),
            target: ids[e.target].clone(),
            kind: e.kind,
            cameo: e.cameo.clone(),
            date: doc.date.clone(),
            planned: e.planned,
            evidence: Evidence {
                doc: doc.id.clone(),
                sentence: e.sentence,
                start: sent.start,
                end: sent.end,
                trigger: trig,
                text: text[sent.start..sent.end].to_string(),
                rule: Some(e.rule.clone()),
            },
        });
    }
    let mut out_actors = Vec::new();
    let mut trails = HashMap::new();
    let related: HashSet<&str> = relations
        .iter()
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .collect();
    for (i, a) in actors.iter().enumerate() {
        let kind = a.kind.unwrap_or(ActorKind::Organization);
        // A place is only of interest as where someone went or what was attacked
        // ("Diplomats in Brussels say ..." does not make Brussels an actor).
        if kind == ActorKind::Place && !related.contains(ids[i].as_str()) {
            continue;
        }
        let country = if kind == ActorKind::Country {
            a.country.clone()
        } else {
            a.country.clone().filter(|c| c.len() == 3)
        };
        let mut aliases: Vec<String> = a
            .aliases
            .iter()
            .filter(|x| crate::text::name_key(x) != crate::text::name_key(&a.name))
            .cloned()
            .collect();
        aliases.sort_by(|x, y| y.len().cmp(&x.len()).then(x.cmp(y)));
        out_actors.push(Actor {
            id: ids[i].clone(),
            name: a.name.clone(),
            kind,
            country,
            aliases,
        });
        trails.insert(ids[i].clone(), a.trail.clone());
    }
    DocResult {
        extraction: Extraction {
            documents: vec![doc.clone()],
            actors: out_actors,
            relations,
        },
        trails,
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

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
        let whole = extract_whole(&doc(), &text, Options::default())
            .0
            .extraction;
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
        let whole = extract_whole(&doc(), &text, Options::default())
            .0
            .extraction;
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

/// Helpers for the unit tests of the extraction stages: extract a text and ask
/// whether a relation between two actors, named by any of their forms, was found.
#[cfg(test)]
pub(crate) mod testing {
    use super::{extract_document, Options};
    use crate::graph::model::{Document, Extraction};

    /// Extracts one text (planned events included when `planned`).
    pub fn extract_with(text: &str, planned: bool) -> Extraction {
        let doc = Document {
            id: "test".into(),
            path: "test.txt".into(),
            date: None,
            title: None,
            url: None,
        };
        let opts = Options {
            include_planned: planned,
        };
        extract_document(&doc, text, opts).extraction
    }

    /// Extracts one text.
    pub fn extract(text: &str) -> Extraction {
        extract_with(text, false)
    }

    /// The id of the actor named `name` (its name or one of its aliases).
    pub fn actor(x: &Extraction, name: &str) -> Option<String> {
        let key = crate::text::name_key(name);
        x.actors
            .iter()
            .find(|a| crate::text::name_key(&a.name) == key)
            .or_else(|| {
                x.actors
                    .iter()
                    .find(|a| a.aliases.iter().any(|al| crate::text::name_key(al) == key))
            })
            .map(|a| a.id.clone())
    }

    /// Whether `source -type-> target` was found (either way round for symmetric types).
    pub fn has(x: &Extraction, source: &str, kind: &str, target: &str) -> bool {
        let (Some(s), Some(t)) = (actor(x, source), actor(x, target)) else {
            return false;
        };
        x.relations.iter().any(|r| {
            r.kind.to_string() == kind
                && (r.source == s && r.target == t
                    || r.kind.is_symmetric() && r.source == t && r.target == s)
        })
    }

    /// All relations as "source -type-> target" lines, for failure messages.
    pub fn show(x: &Extraction) -> String {
        let name = |id: &str| {
            x.actors
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone())
                .unwrap_or_default()
        };
        x.relations
            .iter()
            .map(|r| format!("{} -{}-> {}", name(&r.source), r.kind, name(&r.target)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
