//! Extraction: from a document's text to actors and relations with evidence.
//!
//! The stages run in order: [`tokens`] → [`sentences`] → [`quotes`] →
//! [`mentions`] → [`actors`] (aliases and coreference) → [`events`] (triggers,
//! argument frames, affiliations). Mentions and events read each sentence
//! through one [`sentence::SentenceView`]. Every decision is a lookup in the
//! lexicons of `data/` ([`crate::lexicon`]) or a grammar-level rule naming the
//! closed-class words of [`grammar`], so each relation can say which entry or
//! rule produced it ([`Evidence::rule`]).

pub mod actors;
mod buildings;
pub mod clauses;
pub mod events;
pub mod furniture;
pub mod grammar;
pub mod mentions;
pub mod quotes;
pub mod sentence;
pub mod sentences;
pub mod tokens;

use crate::lexicon::Lexicon;
use crate::model::{Actor, ActorKind, Document, Evidence, Extraction, Relation};
use crate::text::slug;
use actors::{DocActor, DocCtx};
use mentions::{Mention, MentionForm};
use sentence::SentenceView;
use std::collections::{HashMap, HashSet};

/// Extraction options.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    /// Keep planned or expected events (marked `planned: true`).
    pub include_planned: bool,
    /// The lexicons every decision is looked up in: the built-in ones, or those
    /// extended from a user's folder ([`Lexicon::with_extensions`]).
    pub lexicon: &'a Lexicon,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            include_planned: false,
            lexicon: crate::lexicon::builtin(),
        }
    }
}

/// Everything extraction learned about one document, including the intermediate
/// steps that `--explain` shows.
#[derive(Debug, Clone)]
pub struct DocResult {
    /// The actors and relations, in the JSON contract's shape.
    pub extraction: Extraction,
    /// For each actor id, how it was identified.
    pub trails: HashMap<String, Vec<String>>,
    /// How many sentences the text had (sentence numbers of the evidence run
    /// below it): windows of a long document are numbered on from it.
    pub sentences: usize,
}

/// Extracts actors and relations from one text in one go. Working memory grows
/// with the text's length, so documents of any size go through
/// [`crate::pipeline::extract_document`], which cuts them into windows first.
pub fn extract_text(doc: &Document, text: &str, opts: Options) -> DocResult {
    let doc = &dated(doc, text).0;
    let lx = opts.lexicon;
    let tokens = tokens::tokenize(text, lx);
    let sentences = sentences::split(text, &tokens, lx);
    let quotes = quotes::find(&tokens, &sentences, lx);
    let lines = furniture::classify(text, &tokens, &sentences, lx);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut known: crate::lexicon::WordSet<String> = crate::lexicon::WordSet::default();
    for s in &sentences {
        if lines[s.index] == furniture::LineKind::Furniture {
            continue;
        }
        let start = skip_dateline(&tokens, s.tokens.clone());
        let before = mentions.len();
        let view = SentenceView {
            doc: text,
            tokens: &tokens,
            range: start..s.tokens.end,
            sentence: s.index,
            lx,
        };
        mentions::find(&view, &known, &mut mentions);
        if lines[s.index] == furniture::LineKind::Byline {
            keep_people(&mut mentions, before, &tokens, lx);
        }
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
    let mut doc_actors = actors::resolve(&ctx, &mut mentions);
    let mut events = events::find(&ctx, &mentions, &doc_actors);
    buildings::settle(&mut doc_actors, &mut events, lx);
    assemble(doc, text, &tokens, &sentences, &doc_actors, &events, opts)
}

/// A byline names the people who wrote the page; its other words ("Staff
/// Reporters", "Technology Correspondent", "in Washington") are no actors.
fn keep_people(mentions: &mut Vec<Mention>, from: usize, toks: &[tokens::Token], lx: &Lexicon) {
    let tail = mentions.split_off(from);
    mentions.extend(tail.into_iter().filter(|m| {
        m.form == MentionForm::Name
            && toks[m.head.clone()]
                .iter()
                .any(|t| t.is_word() && !lx.common.contains(&t.norm))
            && m.head.len() >= 2
            && m.kind.is_none_or(|k| k == ActorKind::Person)
            && m.qualifier.is_none_or(|q| q < from)
            && m.group.is_empty()
    }));
}

/// The document with its date: the one its input gave (JSON Lines or HTML
/// metadata), else its dateline's ("KYIV, October 10, 2022 —"); and where the
/// dateline ends, so its date is not read again as an event's.
pub fn dated(doc: &Document, text: &str) -> (Document, Option<usize>) {
    let cal = crate::lexicon::dates::calendar();
    let mut doc = doc.clone();
    let Some((found, end)) = cal.dateline(text) else {
        return (doc, None);
    };
    if doc.date.is_none() {
        doc.date = found.resolve(None);
    }
    (doc, Some(end))
}

/// Dates the relations of one document: the date its sentence gives nearest to
/// the trigger ("on Monday", "on March 3, 2024", "yesterday"), resolved
/// against the document's date; else the document's date. The evidence is
/// untouched: the date is read from the sentence it already points to.
struct Dater<'t> {
    text: &'t str,
    doc_date: Option<String>,
    reference: Option<crate::lexicon::dates::Date>,
    dateline_end: Option<usize>,
    /// Date expressions by sentence start (absolute offsets).
    found: HashMap<usize, Vec<crate::lexicon::dates::Found>>,
}

impl<'t> Dater<'t> {
    fn new(doc: &Document, text: &'t str) -> Self {
        let (doc, dateline_end) = dated(doc, text);
        Dater {
            text,
            reference: doc
                .date
                .as_deref()
                .and_then(crate::lexicon::dates::Date::parse_iso),
            doc_date: doc.date,
            dateline_end,
            found: HashMap::new(),
        }
    }

    /// The date of an event whose sentence spans `start..end` and whose
    /// trigger starts at byte `trigger`.
    fn date(&mut self, start: usize, end: usize, trigger: usize) -> Option<String> {
        let (text, dateline_end) = (self.text, self.dateline_end);
        let found = self.found.entry(start).or_insert_with(|| {
            let Some(sentence) = text.get(start..end) else {
                return Vec::new();
            };
            crate::lexicon::dates::calendar()
                .find(sentence)
                .into_iter()
                .map(|mut f| {
                    f.start += start;
                    f.end += start;
                    f
                })
                .filter(|f| dateline_end.is_none_or(|d| f.start >= d))
                .collect()
        });
        let distance = |f: &crate::lexicon::dates::Found| {
            if f.end <= trigger {
                trigger - f.end
            } else {
                f.start.saturating_sub(trigger)
            }
        };
        found
            .iter()
            .filter_map(|f| f.resolve(self.reference).map(|d| (distance(f), d)))
            .min_by_key(|(dist, _)| *dist)
            .map(|(_, d)| d)
            .or_else(|| self.doc_date.clone())
    }
}

/// Whether a sentence opens a new story with a dateline of its own ("CAIRO, May
/// 3, 2011 —"), as each item of a page of news briefs does: who the last story
/// was about is no longer who a role or pronoun names.
fn opens_dated_story(tokens: &[tokens::Token], r: std::ops::Range<usize>) -> bool {
    let end = skip_dateline(tokens, r.clone());
    end > r.start
        && tokens[r.start..end]
            .iter()
            .any(|t| t.kind == tokens::TokKind::Number || t.is_punct('('))
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
    for i in r.clone().take(16) {
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
    let mut dater = Dater::new(doc, text);
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
            // A role is a state, not an event: its sentence's "on Monday"
            // belongs to the event beside it.
            date: if e.kind == crate::RelationType::Affiliation {
                dater.doc_date.clone()
            } else {
                dater.date(
                    sent.start,
                    sent.end,
                    toks.get(e.trigger.start).map_or(sent.start, |t| t.start),
                )
            },
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
            // "UN Security Council" for "U.N. Security Council": how the text
            // wrote an abbreviation is a form a reader searches for.
            .filter(|x| {
                crate::text::name_key(x) != crate::text::name_key(&a.name)
                    || x.contains('.') != a.name.contains('.')
            })
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
        sentences: sentences.len(),
    }
}

/// Helpers for the unit tests of the extraction stages: extract a text and ask
/// whether a relation between two actors, named by any of their forms, was found.
#[cfg(test)]
pub(crate) mod testing {
    use super::{extract_text, Options};
    use crate::model::{Document, Extraction};

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
            ..Options::default()
        };
        extract_text(&doc, text, opts).extraction
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
