//! Mentions: the spans of a sentence that name or point to an actor.
//!
//! Detection runs in two steps. First, *units* are found left to right: gazetteer
//! forms (countries, demonyms, capitals, known organizations), title phrases
//! ("Prime Minister", "spokesman"), capitalized name chunks (with particles such as
//! al-, bin, von der, da), pronouns and role phrases ("the group"). Then units are
//! *composed*: "Iraqi Prime Minister Mustafa al-Kadhimi" becomes one person mention
//! whose title is "Prime Minister" and whose qualifier is Iraq; "Iran's Revolutionary
//! Guards Corps" an organization qualified by Iran; "the Iraqi people" stands for Iraq.
//! A qualifier stays a mention of its own (it is still an actor) but is *absorbed*:
//! it cannot be the subject or object of an event.

use super::tokens::{TokKind, Token};
use crate::lexicon::{Form, GazEntry, Lexicon};
use crate::model::ActorKind;
use std::ops::Range;

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// A proper name ("Antony Blinken", "Iran", "Erbil").
    Name,
    /// A nationality adjective ("Iranian").
    Demonym,
    /// A capital or seat of government ("Tehran", "the Kremlin").
    Metonym,
    /// A title or role without a name ("the Secretary", "the group").
    Role,
    /// A personal pronoun.
    Pronoun,
}

/// Which actors a pronoun may point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, him, his, she, her.
    Person,
    /// it, its.
    Thing,
    /// they, them, their.
    Plural,
    /// I, me, my, we, us, our: the speaker of the quote.
    Speaker,
}

/// A mention of an actor in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Sentence index.
    pub sentence: usize,
    /// The whole phrase, as token indices into the document.
    pub span: Range<usize>,
    /// The name proper inside the phrase ("Mustafa al-Kadhimi").
    pub head: Range<usize>,
    /// The kind, where known from the phrase.
    pub kind: Option<ActorKind>,
    /// How the mention refers.
    pub form: MentionForm,
    /// The lexicon entity, for gazetteer forms.
    pub gaz: Option<GazEntry>,
    /// Title phrase and its class ("Prime Minister", "head").
    pub title: Option<(String, String)>,
    /// The title is plural ("the foreign ministers of A and B").
    pub plural: bool,
    /// For a group phrase ("the two leaders", "both companies"): how many actors.
    pub group_size: Option<usize>,
    /// The actors a plural phrase names ("the two leaders" → both leaders).
    pub group: Vec<usize>,
    /// Index (in the document's mention list) of the qualifying mention: the
    /// country or institution in "Iraqi Prime Minister X", "Iran's Guards".
    pub qualifier: Option<usize>,
    /// This mention qualifies another and is not an event argument itself.
    pub absorbed: bool,
    /// Preceded by a locative preposition (in, at, near, ...).
    pub locative: bool,
    /// For pronouns, what they may point to.
    pub pronoun: Option<Pronoun>,
    /// Followed by a possessive ("Iran's").
    pub possessive: bool,
    /// Acronym introduced in parentheses after the name: "(CMF)".
    pub acronym: Option<String>,
    /// A capital or seat of government used as a place ("arrived in Nairobi",
    /// "flew to Beijing") rather than for its government ("Nairobi said").
    pub place_use: bool,
    /// The actor it resolves to (index into the document's actor list).
    pub actor: Option<usize>,
}

impl Mention {
    fn new(sentence: usize, span: Range<usize>, form: MentionForm) -> Self {
        Mention {
            sentence,
            head: span.clone(),
            span,
            kind: None,
            form,
            gaz: None,
            title: None,
            plural: false,
            group_size: None,
            group: Vec::new(),
            qualifier: None,
            absorbed: false,
            locative: false,
            pronoun: None,
            possessive: false,
            acronym: None,
            place_use: false,
            actor: None,
        }
    }

    /// The name proper as written.
    pub fn head_text<'a>(&self, doc: &'a str, tokens: &[Token]) -> &'a str {
        span_text(doc, tokens, self.head.clone())
    }

    /// The whole phrase as written.
    pub fn text<'a>(&self, doc: &'a str, tokens: &[Token]) -> &'a str {
        span_text(doc, tokens, self.span.clone())
    }
}

/// The text of a token range as written in the document.
pub fn span_text<'a>(doc: &'a str, tokens: &[Token], r: Range<usize>) -> &'a str {
    if r.is_empty() || r.end > tokens.len() {
        return "";
    }
    doc.get(tokens[r.start].start..tokens[r.end - 1].end)
        .unwrap_or("")
}

/// Lowercase words that join the parts of a personal name.
const PARTICLES: &[&str] = &[
    "al", "bin", "bint", "ibn", "abu", "de", "da", "do", "dos", "das", "del", "della", "di", "du",
    "la", "le", "van", "von", "der", "den", "ter", "el", "y", "ben",
];
/// Lowercase words that may join the words of an institution or place name.
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "&", "para", "el", "la", "de", "del", "on", "to",
];
/// Abbreviated month names, which are dates only before a day number.
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Closed-class words that open sentences and are never a first name.
const FUNCTION_WORDS: &[&str] = &[
    "after",
    "before",
    "under",
    "over",
    "with",
    "without",
    "during",
    "despite",
    "amid",
    "among",
    "between",
    "against",
    "for",
    "from",
    "into",
    "about",
    "since",
    "until",
    "unlike",
    "like",
    "as",
    "at",
    "by",
    "in",
    "on",
    "of",
    "to",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "where",
    "whether",
    "although",
    "though",
    "because",
    "once",
    "then",
    "now",
    "also",
    "still",
    "meanwhile",
    "later",
    "earlier",
    "separately",
    "instead",
    "however",
    "thus",
    "hence",
    "last",
    "next",
    "this",
    "that",
    "these",
    "those",
    "every",
    "each",
    "all",
    "some",
    "many",
    "most",
    "several",
    "both",
    "either",
    "neither",
    "other",
    "another",
    "such",
    "only",
    "even",
    "not",
    "no",
    "yes",
    "why",
    "how",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "there",
    "here",
    "near",
    "inside",
    "outside",
    "through",
    "toward",
    "towards",
    "upon",
    "within",
    "across",
    "around",
    "behind",
    "beyond",
    "via",
    "per",
    "according",
    "regarding",
    "concerning",
    "including",
    "excluding",
    "unless",
    "whereas",
    "new",
    "former",
    "late",
    "top",
    "senior",
    "acting",
    "interim",
    "deputy",
    "chief",
];
/// Prepositions after which a name is a location.
const LOCATIVES: &[&str] = &[
    "in", "at", "near", "into", "from", "outside", "inside", "across", "around", "toward",
    "towards",
];
/// Words of travel: after them (and "to") a capital is a place.
const MOTION: &[&str] = &[
    "travel",
    "travels",
    "travelled",
    "traveled",
    "travelling",
    "traveling",
    "flew",
    "fly",
    "flies",
    "flying",
    "went",
    "go",
    "goes",
    "going",
    "came",
    "come",
    "comes",
    "coming",
    "returned",
    "return",
    "returns",
    "returning",
    "headed",
    "heading",
    "moved",
    "drove",
    "sailed",
    "visit",
    "visits",
    "visited",
    "visiting",
    "trip",
    "trips",
    "journey",
    "tour",
    "toured",
    "touring",
    "tours",
    "stop",
    "arrived",
    "arrives",
    "arrival",
    "back",
    "on",
    "push",
    "pushed",
    "march",
    "marched",
    "advance",
    "advanced",
    "delegation",
    "mission",
    "envoy",
    "ambassador",
    "flight",
    "flights",
    "route",
    "road",
];
/// Determiners and possessive pronouns that may open a role phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "both", "two",
];

fn pronoun_of(norm: &str) -> Option<Pronoun> {
    Some(match norm {
        "he" | "him" | "his" | "she" | "her" | "hers" => Pronoun::Person,
        "it" | "its" => Pronoun::Thing,
        "they" | "them" | "their" => Pronoun::Plural,
        "i" | "me" | "my" | "we" | "us" | "our" => Pronoun::Speaker,
        _ => return None,
    })
}

/// A unit found in the first step.
#[derive(Debug, Clone)]
enum Unit {
    Gaz(GazEntry),
    Title {
        text: String,
        class: String,
        honorific: bool,
        plural: bool,
    },
    Name,
    Pronoun(Pronoun),
    /// "the group", "the agency": a determiner and a descriptor noun.
    OrgRole(ActorKind),
    /// "the two leaders", "both companies": a number of actors of a kind.
    Group(ActorKind, usize),
}

#[derive(Debug, Clone)]
struct Found {
    unit: Unit,
    span: Range<usize>,
}

/// Context needed to find mentions in one sentence.
pub struct SentenceCtx<'a> {
    /// The document text.
    pub doc: &'a str,
    /// All tokens of the document.
    pub tokens: &'a [Token],
    /// The sentence's tokens (a range into `tokens`), dateline excluded.
    pub range: Range<usize>,
    /// The sentence index.
    pub sentence: usize,
    /// Lexicons.
    pub lx: &'a Lexicon,
    /// Folded last words of the multi-word names found in earlier sentences: a
    /// capitalized common word opening a sentence is a name when the text already
    /// used it as one ("Brad Smith ... Smith later praised").
    pub known: &'a crate::lexicon::WordSet<String>,
}

impl SentenceCtx<'_> {
    fn tok(&self, i: usize) -> Option<&Token> {
        if i < self.range.end {
            self.tokens.get(i)
        } else {
            None
        }
    }

    fn norm(&self, i: usize) -> &str {
        self.tok(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_word())
    }

    fn is_cap(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_word() && (t.cap || t.kind == TokKind::Number))
    }

    /// Longest gazetteer match starting at `i`.
    fn gazetteer_at(&self, i: usize) -> Option<(usize, GazEntry)> {
        if !self.is_cap(i) || !self.lx.gazetteer_may_extend(self.norm(i)) {
            return None;
        }
        // The entry a key names over tokens `i..=j`, if its surface fits.
        let entry_at = |key: &str, j: usize| {
            let entries = self.lx.gazetteer.get(key)?;
            let surface = span_text(self.doc, self.tokens, i..j + 1);
            let all_caps = surface
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
            // Every word of a multi-word name is capitalized, except short joiners.
            let words_ok = (i..=j).all(|k| self.is_cap(k) || self.norm(k).len() <= 3);
            entries
                .iter()
                .find(|e| (!e.acronym || all_caps) && words_ok)
                .map(|e| (j + 1 - i, e.clone()))
        };
        let mut key = String::new();
        let mut best = None;
        // `j` walks tokens, `n` counts words: a possessive inside a name ("Democratic
        // People's Republic of Korea") is a token of its own but part of the word.
        let mut j = i;
        for n in 1..=self.lx.gaz_max_words {
            if n > 1 {
                j += 1;
            }
            if !self.is_word(j) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(self.norm(j));
            let mut go_on = self.lx.gazetteer_may_extend(&key);
            if go_on {
                best = entry_at(&key, j).or(best);
            }
            if self
                .tok(j + 1)
                .is_some_and(|t| t.kind == TokKind::Possessive && t.norm == "'s")
                && self.is_word(j + 2)
            {
                let with = format!("{key}'s");
                if self.lx.gazetteer_may_extend(&with) {
                    key = with;
                    j += 1;
                    go_on = true;
                    best = entry_at(&key, j).or(best);
                }
            }
            if !go_on {
                break;
            }
        }
        best
    }

    /// Longest title match starting at `i`.
    fn title_at(&self, i: usize) -> Option<(usize, String, &crate::lexicon::Title)> {
        // Most words begin no title: say so before building any phrase.
        if !self.is_word(i) || !self.lx.title_may_extend(self.norm(i)) {
            return None;
        }
        let mut key = String::new();
        let mut best = None;
        for n in 1..=self.lx.title_max_words {
            let j = i + n - 1;
            if !self.is_word(j) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(self.norm(j));
            if !self.lx.title_may_extend(&key) {
                break;
            }
            if let Some(t) = self.lx.titles.get(&key) {
                best = Some((n, span_text(self.doc, self.tokens, i..j + 1).to_string(), t));
            }
        }
        best
    }

    /// End of a capitalized name chunk starting at `i` (exclusive), or `i` when none.
    fn name_chunk_end(&self, i: usize) -> usize {
        let Some(t) = self.tok(i).filter(|t| t.kind == TokKind::Word && t.cap) else {
            return i;
        };
        // Vessel prefixes: "M/L Kalayaan", "M/V Ever Given".
        let short_caps = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == TokKind::Word && t.upper || t.norm.chars().count() <= 2 && t.cap
            })
        };
        if t.norm.chars().count() <= 2
            && short_caps(i)
            && self.tok(i + 1).is_some_and(|t| t.is_punct('/'))
            && short_caps(i + 2)
            && self.is_cap(i + 3)
            && self.tokens[i + 1].start == t.end
        {
            return self.raw_chunk_end(i + 3);
        }
        // "Aug 19", "Oct. 1": an abbreviated month before a day is a date ("Jan van der
        // Linde" is a name).
        let month_abbrev = MONTH_ABBREVIATIONS.contains(&t.norm.as_str())
            && self.tok(i + 1).is_some_and(|n| {
                n.kind == TokKind::Number
                    || n.is_punct('.') && self.tok(i + 2).is_some_and(|n| n.kind == TokKind::Number)
            });
        // "wrote on Telegram" names no actor; "sued Twitter" does.
        let platform = self.lx.platforms.contains(&t.norm)
            && i > self.range.start
            && matches!(self.tokens[i - 1].norm.as_str(), "on" | "via" | "across");
        // "S. Jaishankar", "J. Smith": an initial before a surname starts a name.
        let initial = t.norm.chars().count() == 1
            && t.cap
            && self.tok(i + 1).is_some_and(|n| n.is_punct('.'))
            && self.tok(i + 2).is_some_and(|n| {
                n.kind == TokKind::Word && n.cap && n.start == self.tokens[i + 1].end + 1
            })
            && !FUNCTION_WORDS.contains(&self.norm(i + 2));
        if self.lx.non_names.contains(&t.norm)
            || platform
            || month_abbrev
            || t.norm.chars().count() == 1 && !initial
            || DETERMINERS.contains(&t.norm.as_str())
            || pronoun_of(&t.norm).is_some()
        {
            return i;
        }
        let end = self.raw_chunk_end(i);
        // A capitalized common word opening a sentence ("The", "Oil", "Separately")
        // starts no name, unless the chunk is an institution ("Armed Forces of ...").
        let opening = i == self.range.start
            || self.tokens[i - 1].is_punct('"')
            || self.tokens[i - 1].is_punct('(');
        if opening && self.lx.common.contains(&t.norm) && !self.known.contains(&t.norm) {
            let institution =
                end > i + 1 && (i..end).any(|x| self.lx.heads.contains_key(self.norm(x)));
            // "John Kirby, a spokesman, said": a common word that is also a first name,
            // followed by a word that is only a name.
            let second = self.norm(i + 1);
            let first_name = end > i + 1
                && !FUNCTION_WORDS.contains(&t.norm.as_str())
                && !t.norm.ends_with("ing")
                && !t.norm.ends_with("ed")
                && !t.norm.ends_with("ly")
                && !self.lx.common.contains(second)
                && !self.lx.non_names.contains(second)
                && !self.lx.gazetteer.contains_key(second)
                && self.title_at(i + 1).is_none();
            if !institution && !first_name {
                return i;
            }
        }
        end
    }

    fn raw_chunk_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        let mut j = i + 1;
        while let Some(t) = self.tok(j) {
            if t.kind == TokKind::Word && t.cap {
                // A non-honorific title ends a name: "Foreign Affairs | Principal Secretary".
                if let Some((_, _, title)) = self.title_at(j) {
                    if !title.honorific && self.is_cap(j) {
                        break;
                    }
                }
                j += 1;
                end = j;
                continue;
            }
            // "Kurdistan Workers' Party", "Farmers' Union": a plural possessive inside
            // an institution's name.
            if t.kind == TokKind::Possessive
                && t.norm == "'"
                && end == j
                && self
                    .tok(j + 1)
                    .is_some_and(|n| n.kind == TokKind::Word && n.cap)
                && {
                    let after = self.raw_chunk_end(j + 1);
                    (j + 1..after).any(|x| self.lx.heads.contains_key(self.norm(x)))
                }
            {
                j += 1;
                continue;
            }
            // "Kurdistan 24", "France 24" end in a number; "Google 2.4 billion",
            // "Boeing 737" (a model) do not make a name.
            let quantity = |k: usize| {
                self.tok(k).is_some_and(|n| {
                    n.is_punct('.')
                        || n.is_punct(',')
                            && self.tok(k + 1).is_some_and(|d| d.kind == TokKind::Number)
                        || matches!(
                            n.norm.as_str(),
                            "billion"
                                | "million"
                                | "thousand"
                                | "trillion"
                                | "percent"
                                | "%"
                                | "bn"
                                | "m"
                                | "people"
                                | "years"
                                | "days"
                                | "jets"
                                | "aircraft"
                        )
                })
            };
            if t.kind == TokKind::Number && end == j && j > i && !quantity(j + 1) {
                j += 1;
                end = j;
                continue;
            }
            if t.is_punct('.') && end == j {
                // Initials and suffixes: "Antony J. Blinken", "Brawner Jr.", "Ma. Teresita".
                let prev = &self.tokens[j - 1];
                let short = prev.norm.chars().count() == 1
                    || matches!(prev.norm.as_str(), "jr" | "sr" | "ma" | "st");
                if short && prev.cap {
                    let next_cap = self.is_cap(j + 1);
                    if next_cap || matches!(prev.norm.as_str(), "jr" | "sr") {
                        j += 1;
                        end = j;
                        continue;
                    }
                }
                break;
            }
            if t.kind == TokKind::Word
                && (PARTICLES.contains(&t.norm.as_str()) || CONNECTORS.contains(&t.norm.as_str()))
            {
                // A joiner continues the name only when a capitalized word follows.
                let mut k = j + 1;
                while self.tok(k).is_some_and(|t| {
                    t.kind == TokKind::Word
                        && !t.cap
                        && (PARTICLES.contains(&t.norm.as_str())
                            || CONNECTORS.contains(&t.norm.as_str()))
                }) {
                    k += 1;
                }
                if self.tok(k).is_some_and(|t| {
                    t.kind == TokKind::Word && t.cap && !self.lx.non_names.contains(&t.norm)
                }) && self
                    .gazetteer_at(k)
                    .is_none_or(|(_, e)| e.form == Form::Name)
                {
                    let connector = CONNECTORS.contains(&t.norm.as_str())
                        && !PARTICLES.contains(&t.norm.as_str());
                    if connector {
                        // "Department of Foreign Affairs", "Gulf of Aden": only when the
                        // name is an institution or place, told by a head word.
                        let before_head = (i..j).any(|x| self.lx.heads.contains_key(self.norm(x)));
                        let after_end = self.raw_chunk_end(k);
                        let after_head =
                            (k..after_end).any(|x| self.lx.heads.contains_key(self.norm(x)));
                        // "Competition and Markets Authority", "Research and Analysis
                        // Wing": ordinary words joined by "and" before an institution's
                        // head ("Kenya and Ethiopia" are two names).
                        let common_before = (i..j).all(|x| {
                            self.lx.common.contains(self.norm(x)) && self.gazetteer_at(x).is_none()
                        });
                        let and_ok = t.norm == "and" && after_head && common_before;
                        if !before_head && (!after_head || t.norm == "and") && !and_ok {
                            break;
                        }
                        // "Committee to Protect Journalists": "to" only after a head.
                        if t.norm == "to" && !before_head {
                            break;
                        }
                        // "Nordvik Shipping and Baltic Freight Group" are two names;
                        // "Department of Foreign Affairs and Trade" is one.
                        if t.norm == "and" && self.lx.heads.contains_key(self.norm(j - 1)) {
                            break;
                        }
                    }
                    j = k;
                    continue;
                }
                break;
            }
            break;
        }
        // A trailing lowercase place head joins the name: "Bryansk region", "the Abu
        // Shouk displacement camp" (one modifier word may come between).
        let place_head = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && matches!(
                        t.norm.as_str(),
                        "region"
                            | "province"
                            | "governorate"
                            | "oblast"
                            | "district"
                            | "county"
                            | "camp"
                            | "refinery"
                            | "airbase"
                            | "settlement"
                    )
            })
        };
        let lower_word = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.norm.len() > 3)
        };
        if place_head(end) {
            end += 1;
        } else if lower_word(end)
            && place_head(end + 1)
            && matches!(self.norm(end + 1), "camp" | "refinery" | "settlement")
        {
            end += 2;
        }
        end
    }

    /// Step one: units, left to right, longest first.
    fn units(&self) -> Vec<Found> {
        let mut out: Vec<Found> = Vec::new();
        let mut i = self.range.start;
        while i < self.range.end {
            let Some(t) = self.tok(i) else { break };
            if !t.is_word() {
                i += 1;
                continue;
            }
            // An institution or place name that starts with a country ("Kenya Pipeline
            // Company", "China Coast Guard") beats the bare country.
            let chunk_end = self.name_chunk_end(i);
            // "the Genocide Convention", "the Paris Agreement": a treaty or plan is no
            // actor, and neither is a country inside its name.
            if chunk_end > i + 1 && self.lx.not_actor_heads.contains(self.norm(chunk_end - 1)) {
                i = chunk_end;
                continue;
            }
            let chunk_head =
                chunk_end > i + 1 && self.lx.heads.contains_key(self.norm(chunk_end - 1));
            if let Some((n, entry)) = self.gazetteer_at(i) {
                // "Sofia Lara", "Defense Minister Israel Katz": a capital, or a country
                // right after a title, that a surname follows is a first name.
                let next = i + n;
                let first_name = n == 1
                    && entry.kind == ActorKind::Country
                    && (entry.form == Form::Metonym
                        || entry.form == Form::Name
                            && out.last().is_some_and(|f| {
                                f.span.end == i && matches!(f.unit, Unit::Title { .. })
                            }))
                    && self.tok(next).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && t.cap
                            && !t.upper
                            && !self.lx.common.contains(&t.norm)
                            && !self.lx.non_names.contains(&t.norm)
                            && !self.lx.heads.contains_key(&t.norm)
                            && !self.lx.gazetteer.contains_key(&t.norm)
                            && self.title_at(next).is_none()
                    });
                // "Indian Steel Minister X": a country's portfolio before a title,
                // not an institution named "Indian Steel".
                let portfolio_after = entry.kind == ActorKind::Country
                    && chunk_end > i + n
                    && self.is_portfolio(i + n..chunk_end)
                    && self
                        .title_at(chunk_end)
                        .is_some_and(|(_, _, t)| !t.honorific);
                if !(first_name || chunk_head && chunk_end > i + n && !portfolio_after) {
                    out.push(Found {
                        unit: Unit::Gaz(entry),
                        span: i..i + n,
                    });
                    i += n;
                    continue;
                }
            }
            if let Some((n, text, title)) = self.title_at(i) {
                // Lowercase titles count only before a name or after a determiner or
                // qualifier ("spokesman Ned Price", "the minister", "Kremlin spokesman").
                let cap = t.cap;
                let prev_ok = i > self.range.start && {
                    let p = &self.tokens[i - 1];
                    DETERMINERS.contains(&p.norm.as_str())
                        || p.kind == TokKind::Possessive
                        // "government spokesman", "intelligence chief"
                        || self.lx.institutions.contains(&p.norm)
                        || self.lx.stands.contains(&p.norm)
                        || out.last().is_some_and(|f| {
                            f.span.end == i
                                && matches!(f.unit, Unit::Gaz(_) | Unit::Name | Unit::Title { .. })
                        })
                };
                let next_name = self.is_cap(i + n);
                // "EU antitrust chief X", "Israel's legal adviser X": lowercase words
                // between a qualifier and a lowercase title belong to the title.
                let prefix_start = if cap || prev_ok || !next_name {
                    None
                } else {
                    self.title_prefix(i, out.last())
                };
                let prev_ok = prev_ok || prefix_start.is_some();
                let plain_word = !cap
                    && matches!(
                        text.as_str(),
                        "head"
                            | "chief"
                            | "leader"
                            | "chair"
                            | "speaker"
                            | "justice"
                            | "general"
                            | "representative"
                            | "director"
                    );
                if (cap || prev_ok || next_name) && (!plain_word || prev_ok) {
                    let first = prefix_start.unwrap_or(i);
                    // "Minister of Foreign Affairs", "the Ministers of Defense and
                    // Interior": a portfolio of capitalized ordinary words after "of".
                    let end = if cap && !title.honorific {
                        self.portfolio_end(i + n)
                    } else {
                        i + n
                    };
                    out.push(Found {
                        unit: Unit::Title {
                            text: if first < i || end > i + n {
                                span_text(self.doc, self.tokens, first..end).to_string()
                            } else {
                                text
                            },
                            class: title.class.clone(),
                            honorific: title.honorific,
                            plural: title.plural,
                        },
                        span: first..end,
                    });
                    i = end;
                    continue;
                }
            }
            // ("Steel Minister": a portfolio, below.)
            if chunk_end == i + 1
                && self.lx.common.contains(&t.norm)
                && self.title_at(i + 1).is_none()
            {
                if let Some(kind) = self.lx.heads.get(&t.norm).copied() {
                    // "the Region", "the Department": a role for a named place or institution.
                    out.push(Found {
                        unit: Unit::OrgRole(kind),
                        span: i..i + 1,
                    });
                    i += 1;
                    continue;
                }
            }
            if chunk_end > i {
                // "Foreign Affairs Principal Secretary", "Homeland Security Secretary": a
                // portfolio of ordinary words before a title belongs to the title.
                if let Some((n, _, title)) = self.title_at(chunk_end) {
                    let portfolio = !title.honorific && self.is_portfolio(i..chunk_end);
                    if portfolio {
                        out.push(Found {
                            unit: Unit::Title {
                                text: span_text(self.doc, self.tokens, i..chunk_end + n)
                                    .to_string(),
                                class: title.class.clone(),
                                honorific: false,
                                plural: title.plural,
                            },
                            span: i..chunk_end + n,
                        });
                        i = chunk_end + n;
                        continue;
                    }
                }
                out.push(Found {
                    unit: Unit::Name,
                    span: i..chunk_end,
                });
                i = chunk_end;
                continue;
            }
            if let Some(p) = pronoun_of(&t.norm) {
                // "US" in capitals is the country, found above; "us" is a pronoun.
                out.push(Found {
                    unit: Unit::Pronoun(p),
                    span: i..i + 1,
                });
                i += 1;
                continue;
            }
            // "the two leaders", "both companies", "the three countries".
            if let Some((n, kind, size)) = self.group_at(i) {
                out.push(Found {
                    unit: Unit::Group(kind, size),
                    span: i..i + n,
                });
                i += n;
                continue;
            }
            if t.norm == "the" {
                // "the group", "the agency", "the coast guard": a role for an institution,
                // the longest run of lowercase words ending in a head or descriptor.
                let lower = |k: usize| {
                    self.tok(k)
                        .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
                };
                let role = (1..=3).rev().find_map(|n| {
                    if !(i + 1..i + 1 + n).all(lower) {
                        return None;
                    }
                    let last = self.norm(i + n);
                    let kind = self
                        .lx
                        .descriptors
                        .get(last)
                        .copied()
                        .or_else(|| self.lx.heads.get(last).copied())?;
                    // Every word must be ordinary ("the coast guard"), and the phrase must
                    // end its noun phrase ("the group's" is fine, "the group leader" is not).
                    let next_ok = !self.is_cap(i + 1 + n)
                        && !self.tok(i + 1 + n).is_some_and(|t| {
                            t.kind == TokKind::Word && self.lx.heads.contains_key(&t.norm)
                        });
                    (next_ok
                        && (n == 1
                            || (i + 1..i + n).all(|k| {
                                self.lx.common.contains(self.norm(k))
                                    && !FUNCTION_WORDS.contains(&self.norm(k))
                            })))
                    .then_some((n, kind))
                });
                if let Some((n, kind)) = role {
                    out.push(Found {
                        unit: Unit::OrgRole(kind),
                        span: i + 1..i + 1 + n,
                    });
                    i += 1 + n;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    /// Whether the capitalized words in `r` are a portfolio before a title:
    /// ordinary words, sectors included ("Homeland Security", "Steel"), no
    /// institution's head ("Pipeline Company").
    fn is_portfolio(&self, r: Range<usize>) -> bool {
        r.into_iter().all(|x| {
            let w = self.norm(x);
            let sector = self.lx.cues.sector_word.contains(w);
            sector || self.lx.common.contains(w) && !self.lx.heads.contains_key(w)
        })
    }

    /// The end of a portfolio after a title ("of Foreign Affairs", "of Defense and
    /// Interior"): "of" and capitalized ordinary words, none of them a known name or
    /// an institution's head; `k` itself when there is none.
    fn portfolio_end(&self, k: usize) -> usize {
        if self.norm(k) != "of" {
            return k;
        }
        let ordinary = |j: usize| {
            self.tok(j).is_some_and(|t| {
                t.kind == TokKind::Word
                    && t.cap
                    && self.lx.common.contains(&t.norm)
                    && !self.lx.heads.contains_key(&t.norm)
                    && self.gazetteer_at(j).is_none()
            })
        };
        let mut j = k + 1;
        let mut end = k;
        while ordinary(j) {
            j += 1;
            end = j;
            if matches!(self.norm(j), "and" | "&") && ordinary(j + 1) {
                j += 1;
            }
        }
        end
    }

    /// Where the lowercase words before a lowercase title at `i` start, when a name
    /// or gazetteer form (with its possessive) comes right before them: "EU
    /// [antitrust] chief", "Israel's [legal] adviser" (at most two plain words).
    fn title_prefix(&self, i: usize, last: Option<&Found>) -> Option<usize> {
        // A gazetteer form, or a name with its possessive ("Sikh separatist leader X"
        // is no qualified title).
        let last = last.filter(|f| match f.unit {
            Unit::Gaz(_) => true,
            Unit::Name => self
                .tok(f.span.end)
                .is_some_and(|t| t.kind == TokKind::Possessive),
            _ => false,
        })?;
        let mut k = i;
        while k > self.range.start && i - k < 2 {
            let t = &self.tokens[k - 1];
            let plain = t.kind == TokKind::Word
                && !t.cap
                && self.lx.common.contains(&t.norm)
                && !FUNCTION_WORDS.contains(&t.norm.as_str())
                && !DETERMINERS.contains(&t.norm.as_str())
                && !self.lx.speech.contains(&t.norm)
                && !t.norm.ends_with("ed");
            if !plain {
                break;
            }
            k -= 1;
        }
        if k == i {
            return None;
        }
        let after_last = last.span.end == k
            || last.span.end + 1 == k && self.tokens[k - 1].kind == TokKind::Possessive;
        after_last.then_some(k)
    }

    /// A group phrase at `i`: "the two leaders", "both (the) companies", "the three
    /// rival countries" → (length, kind, size).
    fn group_at(&self, i: usize) -> Option<(usize, ActorKind, usize)> {
        let number = |w: &str| match w {
            "two" | "both" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            _ => None,
        };
        let (mut j, size) = match self.norm(i) {
            "both" => (i + 1 + usize::from(self.norm(i + 1) == "the"), 2),
            "the" => (i + 2, number(self.norm(i + 1))?),
            _ => return None,
        };
        if self.norm(i) == "the" && self.norm(i + 1) == "both" {
            return None;
        }
        // One modifier may come between: "the two rival leaders".
        for _ in 0..2 {
            let t = self.tok(j)?;
            if t.kind != TokKind::Word || t.cap {
                return None;
            }
            let two = format!("{} {}", t.norm, self.norm(j + 1));
            if let Some(&kind) = self.lx.groups.get(&two) {
                return Some((j + 2 - i, kind, size));
            }
            if let Some(&kind) = self.lx.groups.get(&t.norm) {
                return Some((j + 1 - i, kind, size));
            }
            j += 1;
        }
        None
    }

    /// Whether the noun phrase goes on at `k` with a lowercase noun ("military
    /// action", "military officials"), rather than ending before a verb or a joiner.
    fn noun_follows(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !FUNCTION_WORDS.contains(&t.norm.as_str())
                && !self.lx.speech.contains(&t.norm)
                && !t.norm.ends_with("ed")
                // "coast guard ships", "navy vessels": the institution's own assets
                && !matches!(
                    t.norm.as_str(),
                    "ship" | "ships" | "vessel" | "vessels" | "boat" | "boats" | "cutter"
                        | "cutters" | "aircraft" | "plane" | "planes" | "jet" | "jets"
                        | "helicopter" | "helicopters" | "officers" | "agents" | "personnel"
                        | "patrol" | "patrols" | "warship" | "warships"
                )
                && !matches!(
                    t.norm.as_str(),
                    "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would"
                        | "can" | "could" | "may" | "might" | "must" | "should" | "shall" | "did"
                        | "does" | "do" | "who" | "which" | "that" | "the" | "a" | "an"
                )
        })
    }

    /// "transport ministry", "commerce ministry": one or two ordinary lowercase
    /// words, then an institution phrase that ends in an organization's head word;
    /// the length of the whole.
    fn modified_institution(&self, i: usize) -> Option<usize> {
        (1..=2).find_map(|skip| {
            let plain = (i..i + skip).all(|k| {
                self.tok(k).is_some_and(|t| {
                    t.kind == TokKind::Word
                        && !t.cap
                        && self.lx.common.contains(&t.norm)
                        && !FUNCTION_WORDS.contains(&t.norm.as_str())
                        && !t.norm.ends_with("ed")
                })
            });
            if !plain {
                return None;
            }
            let n = self.phrase_in(i + skip, &self.lx.institutions)?;
            (self.lx.heads.get(self.norm(i + skip + n - 1)) == Some(&ActorKind::Organization))
                .then_some(skip + n)
        })
    }

    /// Lowercase phrase of up to `phrase_max_words` words at `i` found in `set`.
    fn phrase_in(&self, i: usize, set: &crate::lexicon::WordSet<String>) -> Option<usize> {
        let mut key = String::new();
        let mut best = None;
        for n in 1..=self.lx.phrase_max_words {
            let j = i + n - 1;
            if !self.tok(j).is_some_and(|t| t.is_word()) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(self.norm(j));
            if set.contains(&key) {
                best = Some(n);
            }
        }
        best
    }
}

/// Finds the mentions of one sentence and appends them to `out` (document order).
pub fn find(ctx: &SentenceCtx, out: &mut Vec<Mention>) {
    let units = ctx.units();
    let lx = ctx.lx;
    let base = out.len();
    let mut k = 0;
    while k < units.len() {
        let u = &units[k];
        let next = units.get(k + 1);
        let adjacent = |a: &Found, b: Option<&Found>| b.is_some_and(|b| b.span.start == a.span.end);
        let poss_then = |a: &Found, b: Option<&Found>| {
            b.is_some_and(|b| {
                b.span.start == a.span.end + 1
                    && ctx
                        .tok(a.span.end)
                        .is_some_and(|t| t.kind == TokKind::Possessive)
            })
        };
        match &u.unit {
            Unit::Gaz(_) | Unit::Name | Unit::OrgRole(_) => {
                // Qualifier followed by a title: "Iraqi Prime Minister ...", "Iran's Prime
                // Minister ...", "Kremlin spokesman ...", "the agency's spokesman".
                if (adjacent(u, next) || poss_then(u, next))
                    && matches!(next.map(|n| &n.unit), Some(Unit::Title { .. }))
                {
                    let q = push_unit(ctx, u, out);
                    out[q].absorbed = true;
                    k = compose_titled(ctx, &units, k + 1, Some(q), out);
                    continue;
                }
                // Country or demonym before a name: "Iran's Revolutionary Guards Corps",
                // "Russia's Bryansk region", "Chinese Foreign Ministry".
                if let Unit::Gaz(e) = &u.unit {
                    let qualifies_name = matches!(
                        next.map(|n| &n.unit),
                        Some(Unit::Name)
                            | Some(Unit::Gaz(GazEntry {
                                kind: ActorKind::Organization,
                                ..
                            }))
                    ) && (poss_then(u, next)
                        || adjacent(u, next) && e.form == Form::Demonym
                        // "The U.S. Federal Trade Commission": the agency acts, the
                        // country is its attribute.
                        || adjacent(u, next)
                            && e.kind == ActorKind::Country
                            && next.is_some_and(|n| match &n.unit {
                                Unit::Gaz(g) => g.kind == ActorKind::Organization,
                                Unit::Name => {
                                    lx.heads.get(ctx.norm(n.span.end - 1))
                                        == Some(&ActorKind::Organization)
                                }
                                _ => false,
                            }));
                    if qualifies_name {
                        let q = push_unit(ctx, u, out);
                        out[q].absorbed = true;
                        let m = push_unit(ctx, &units[k + 1], out);
                        out[m].qualifier = Some(q);
                        // "Bolivia's Luis Arce" is one phrase (lists coordinate phrases).
                        out[m].span.start = out[m].span.start.min(out[q].span.start);
                        k += 2;
                        continue;
                    }
                    if matches!(e.kind, ActorKind::Country | ActorKind::Place) {
                        let after = if ctx
                            .tok(u.span.end)
                            .is_some_and(|t| t.kind == TokKind::Possessive)
                        {
                            u.span.end + 1
                        } else {
                            u.span.end
                        };
                        let possessive = after > u.span.end;
                        // "Moldova's foreign ministry", "the Chinese foreign ministry".
                        if e.form == Form::Demonym || possessive {
                            let stands = ctx.phrase_in(after, &lx.stands).unwrap_or(0);
                            // "Japan's transport ministry", "China's commerce ministry": a
                            // portfolio word or two before an institution's head word.
                            let inst = ctx
                                .phrase_in(after, &lx.institutions)
                                .or_else(|| ctx.modified_institution(after))
                                .unwrap_or(0);
                            // "Iraqi government spokesman X", "Egyptian intelligence chief
                            // X": the person serves the country.
                            let n = stands.max(inst);
                            if n > 0
                                && next.is_some_and(|x| {
                                    x.span.start == after + n
                                        && matches!(x.unit, Unit::Title { .. })
                                })
                            {
                                let q = push_unit(ctx, u, out);
                                out[q].absorbed = true;
                                k = compose_titled(ctx, &units, k + 1, Some(q), out);
                                continue;
                            }
                            // "Indian military action": the institution word is an
                            // adjective there, and the demonym names the country.
                            if let Some(n) =
                                Some(inst).filter(|&n| n > stands && !ctx.noun_follows(after + n))
                            {
                                let q = push_unit(ctx, u, out);
                                out[q].absorbed = true;
                                let mut m = Mention::new(
                                    ctx.sentence,
                                    u.span.start..after + n,
                                    MentionForm::Name,
                                );
                                m.kind = Some(ActorKind::Organization);
                                m.qualifier = Some(q);
                                out.push(m);
                                k += 1;
                                while units.get(k).is_some_and(|x| x.span.start < after + n) {
                                    k += 1;
                                }
                                continue;
                            }
                            // Descriptor then name: "Chile's state copper giant Codelco",
                            // "the Dutch chip designer Nexperia".
                            if possessive || e.form == Form::Demonym {
                                let mut j = after;
                                while ctx
                                    .tok(j)
                                    .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
                                    && j < after + 4
                                {
                                    j += 1;
                                }
                                let desc =
                                    j > after && lx.descriptors.contains_key(ctx.norm(j - 1));
                                if desc
                                    && next.is_some_and(|n| {
                                        n.span.start == j && matches!(n.unit, Unit::Name)
                                    })
                                {
                                    let q = push_unit(ctx, u, out);
                                    out[q].absorbed = true;
                                    let m = push_unit(ctx, &units[k + 1], out);
                                    out[m].qualifier = Some(q);
                                    out[m].kind = lx.descriptors.get(ctx.norm(j - 1)).copied();
                                    k += 2;
                                    continue;
                                }
                            }
                        }
                    }
                }
                push_unit(ctx, u, out);
                k += 1;
            }
            Unit::Title { .. } => {
                k = compose_titled(ctx, &units, k, None, out);
            }
            Unit::Pronoun(_) | Unit::Group(..) => {
                push_unit(ctx, u, out);
                k += 1;
            }
        }
    }
    annotate(ctx, &mut out[base..]);
    // "(CMF)" after a name is an alias of that name, not a mention of its own.
    let mut i = base + 1;
    while i < out.len() {
        let prev = &out[i - 1];
        if prev.acronym.is_some()
            && out[i].span.start == prev.span.end + 1
            && out[i].span.len() == 1
        {
            remove_mention(out, i);
        } else {
            i += 1;
        }
    }
    link_appositions(ctx, out, base);
}

/// Pushes the mention of a single unit and returns its index.
fn push_unit(ctx: &SentenceCtx, u: &Found, out: &mut Vec<Mention>) -> usize {
    let lx = ctx.lx;
    let mut m = match &u.unit {
        Unit::Gaz(e) => {
            let form = match e.form {
                Form::Name => MentionForm::Name,
                Form::Demonym => MentionForm::Demonym,
                Form::Metonym => MentionForm::Metonym,
            };
            let mut m = Mention::new(ctx.sentence, u.span.clone(), form);
            m.kind = Some(e.kind);
            m.gaz = Some(e.clone());
            m
        }
        Unit::Name => {
            let mut m = Mention::new(ctx.sentence, u.span.clone(), MentionForm::Name);
            let last = ctx.norm(u.span.end - 1);
            let first = ctx.norm(u.span.start);
            m.kind = lx.heads.get(last).copied().or_else(|| {
                lx.heads
                    .get(first)
                    .copied()
                    .filter(|k| *k == ActorKind::Place && u.span.len() > 2)
            });
            // "Council for Economic Defense", "Ministry of External Affairs": a head
            // word before a connector.
            if m.kind.is_none() {
                m.kind = (u.span.start..u.span.end.saturating_sub(1)).find_map(|k| {
                    lx.heads
                        .get(ctx.norm(k))
                        .copied()
                        .filter(|_| matches!(ctx.norm(k + 1), "of" | "for" | "on" | "and" | "to"))
                });
            }
            if m.kind.is_none() && u.span.start > ctx.range.start {
                m.kind = lx.descriptors.get(ctx.norm(u.span.start - 1)).copied();
            }
            // "the chief executive of Nordvik Shipping", "a spokesperson for X": what a
            // title is held in is an institution.
            if m.kind.is_none() && u.span.start >= ctx.range.start + 2 {
                let mut p = u.span.start - 1;
                if ctx.norm(p) == "the" && p > ctx.range.start {
                    p -= 1;
                }
                let title_ends = |e: usize| {
                    (1..=3).any(|n| {
                        e >= ctx.range.start + n && {
                            let words: Vec<&str> = (e - n..e).map(|k| ctx.norm(k)).collect();
                            lx.titles.contains_key(&words.join(" "))
                        }
                    })
                };
                if matches!(ctx.norm(p), "of" | "for" | "at")
                    && p > ctx.range.start
                    && title_ends(p)
                    && !ctx.tokens[p - 1].cap
                {
                    m.kind = Some(ActorKind::Organization);
                }
            }
            // "the takeover of Activision Blizzard", "SQM's board", "Nvidia shares".
            if m.kind.is_none() {
                let org = &lx.cues.org_context;
                let before_of = u.span.start >= ctx.range.start + 2
                    && ctx.norm(u.span.start - 1) == "of"
                    && org.contains(ctx.norm(u.span.start - 2))
                    // "agreed to buy Pioneer Natural Resources": what is bought
                    || u.span.start > ctx.range.start
                        && matches!(
                            ctx.norm(u.span.start - 1),
                            "buy" | "buys" | "bought" | "acquire" | "acquires" | "acquired"
                                | "acquiring" | "purchase" | "purchased" | "sell" | "sold"
                        );
                let e = u.span.end;
                let after = ctx.tok(e).is_some_and(|t| t.kind == TokKind::Possessive)
                    && org.contains(ctx.norm(e + 1))
                    || ctx.tok(e).is_some_and(|t| !t.cap) && org.contains(ctx.norm(e));
                if before_of || after {
                    m.kind = Some(ActorKind::Organization);
                }
            }
            if m.kind.is_none() && ctx.tokens[u.span.end - 1].kind == TokKind::Number {
                m.kind = Some(ActorKind::Organization); // "France 24", "Channel 4"
            }
            if m.kind.is_none() && ctx.tokens[u.span.start].upper && u.span.len() == 1 {
                m.kind = Some(ActorKind::Organization);
            }
            m
        }
        Unit::Title {
            text,
            class,
            plural,
            ..
        } => {
            let mut m = Mention::new(ctx.sentence, u.span.clone(), MentionForm::Role);
            m.kind = Some(ActorKind::Person);
            m.title = Some((text.clone(), class.clone()));
            m.plural = *plural;
            m
        }
        Unit::Pronoun(p) => {
            let mut m = Mention::new(ctx.sentence, u.span.clone(), MentionForm::Pronoun);
            m.pronoun = Some(*p);
            m
        }
        Unit::OrgRole(kind) => {
            let mut m = Mention::new(ctx.sentence, u.span.clone(), MentionForm::Role);
            m.kind = Some(*kind);
            m
        }
        Unit::Group(kind, size) => {
            let mut m = Mention::new(ctx.sentence, u.span.clone(), MentionForm::Role);
            m.kind = Some(*kind);
            m.plural = true;
            m.group_size = Some(*size);
            m
        }
    };
    // "the" before a name is part of the phrase but not of the name.
    if u.span.start > ctx.range.start
        && ctx.norm(u.span.start - 1) == "the"
        && !matches!(u.unit, Unit::Pronoun(_))
    {
        m.span.start -= 1;
    }
    out.push(m);
    out.len() - 1
}

/// Composes titles starting at unit `k` with the name that follows, if any;
/// returns the index of the next unit to look at.
fn compose_titled(
    ctx: &SentenceCtx,
    units: &[Found],
    mut k: usize,
    qualifier: Option<usize>,
    out: &mut Vec<Mention>,
) -> usize {
    let start_unit = k;
    let mut title_text = String::new();
    let mut class = String::new();
    let mut plural = false;
    let mut end = units[k].span.end;
    let mut honorific_only = true;
    // One or more titles in a row: "Foreign Minister Prince Faisal".
    while let Some(Found {
        unit:
            Unit::Title {
                text,
                class: c,
                honorific,
                plural: p,
            },
        span,
    }) = units.get(k)
    {
        if k > start_unit && span.start != end {
            break;
        }
        if !*honorific || title_text.is_empty() {
            if !title_text.is_empty() && !*honorific {
                title_text.push(' ');
                title_text.push_str(text);
            } else if title_text.is_empty() {
                title_text = text.clone();
            }
            if !*honorific || class.is_empty() {
                class = c.clone();
            }
        }
        honorific_only &= *honorific;
        plural |= *p;
        end = span.end;
        k += 1;
    }
    let title_start = units[start_unit].span.start;
    let phrase_start = qualifier.map(|q| out[q].span.start).unwrap_or(title_start);
    // Lowercase words between a qualifier and its title ("a White House national
    // security spokesman") are already inside the title match or ignored.
    match units.get(k) {
        Some(Found {
            unit: Unit::Name,
            span,
        }) if span.start == end => {
            let mut m = Mention::new(ctx.sentence, phrase_start..span.end, MentionForm::Name);
            m.head = span.clone();
            m.kind = Some(ActorKind::Person);
            m.title = Some((title_text, class));
            m.qualifier = qualifier;
            if phrase_start > ctx.range.start && ctx.norm(phrase_start - 1) == "the" {
                m.span.start -= 1;
            }
            out.push(m);
            k + 1
        }
        _ => {
            // "the crown prince", "the emir" are roles; "Gen." alone or "Dr" alone
            // names nobody.
            let determined = title_start > ctx.range.start
                && matches!(ctx.norm(title_start - 1), "the" | "his" | "her" | "their")
                && class != "member";
            if honorific_only && qualifier.is_none() && !determined {
                return k;
            }
            let mut m = Mention::new(ctx.sentence, phrase_start..end, MentionForm::Role);
            m.head = title_start..end;
            m.kind = Some(ActorKind::Person);
            m.title = Some((title_text, class));
            m.qualifier = qualifier;
            m.plural = plural;
            if phrase_start > ctx.range.start && ctx.norm(phrase_start - 1) == "the" {
                m.span.start -= 1;
            }
            out.push(m);
            k
        }
    }
}

/// Locative and possessive flags, acronyms in parentheses.
fn annotate(ctx: &SentenceCtx, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        let s = m.span.start;
        if s > ctx.range.start {
            let prev = ctx.norm(s - 1);
            m.locative = LOCATIVES.contains(&prev);
            if m.form == MentionForm::Metonym {
                // "in Cairo", "travelled to Moscow", "visited Baghdad", "the trip to
                // Beijing": the city, not its government ("criticism from Brussels" is).
                let before = if s >= ctx.range.start + 2 {
                    ctx.norm(s - 2)
                } else {
                    ""
                };
                m.place_use = m.locative && prev != "from"
                    || prev == "to" && MOTION.contains(&before)
                    || MOTION.contains(&prev) && !matches!(prev, "came" | "went" | "flew");
            }
        }
        m.possessive = ctx
            .tok(m.span.end)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        // "Comisión para el Mercado Financiero (CMF)"
        if ctx.tok(m.span.end).is_some_and(|t| t.is_punct('('))
            && ctx.tok(m.span.end + 2).is_some_and(|t| t.is_punct(')'))
        {
            if let Some(a) = ctx
                .tok(m.span.end + 1)
                .filter(|t| t.upper && t.kind == TokKind::Word)
            {
                m.acronym = Some(a.text(ctx.doc).to_string());
            }
        }
    }
}

/// Removes a mention, keeping the qualifier indices of the others valid.
fn remove_mention(out: &mut Vec<Mention>, i: usize) -> Mention {
    let m = out.remove(i);
    for x in out.iter_mut() {
        x.qualifier = match x.qualifier {
            Some(q) if q == i => None,
            Some(q) if q > i => Some(q - 1),
            q => q,
        };
    }
    m
}

/// "the Prime Minister, Masrour Barzani": a role followed by a name in apposition
/// describes the same person; the role mention is dropped into the name.
fn link_appositions(ctx: &SentenceCtx, out: &mut Vec<Mention>, base: usize) {
    let mut i = base;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let comma_between =
            b.span.start == a.span.end + 1 && ctx.tok(a.span.end).is_some_and(|t| t.is_punct(','));
        if a.form == MentionForm::Role
            && a.kind == Some(ActorKind::Person)
            && !a.plural
            && comma_between
            && b.form == MentionForm::Name
            // "The court's president, Judge Nawaf Salam,": a titled name too.
            && (b.title.is_none() || b.qualifier.is_none())
            && b.kind.is_none_or(|k| k == ActorKind::Person)
        {
            let end_ok = ctx
                .tok(b.span.end)
                .is_none_or(|t| !t.is_word() || t.norm == "and");
            if end_ok {
                let role = remove_mention(out, i);
                let m = &mut out[i];
                m.span.start = role.span.start;
                if m.title.is_none() {
                    m.title = role.title;
                }
                m.kind = Some(ActorKind::Person);
                if m.qualifier.is_none() {
                    m.qualifier = role.qualifier;
                }
                continue;
            }
        }
        // "Tom Perriello, the U.S. special envoy for Sudan, said": the role after the
        // name gives the person's title (and its qualifier, the person's country).
        if a.form == MentionForm::Name
            && a.title.is_none()
            && a.kind.is_none_or(|k| k == ActorKind::Person)
            && ctx.tok(a.span.end).is_some_and(|t| t.is_punct(','))
        {
            let j = (i + 1..out.len()).find(|&j| !out[j].absorbed);
            let role_at = j.filter(|&j| {
                let b = &out[j];
                let start = b.span.start;
                b.form == MentionForm::Role
                    && b.kind == Some(ActorKind::Person)
                    && !b.plural
                    && b.title.is_some()
                    && b.group_size.is_none()
                    && (start == a.span.end + 1
                        || start == a.span.end + 2
                            && matches!(ctx.norm(a.span.end + 1), "a" | "an"))
                    && ctx.tok(b.span.end).is_none_or(|t| {
                        !t.is_word() || matches!(t.norm.as_str(), "for" | "of" | "at" | "to" | "in")
                    })
            });
            if let Some(j) = role_at {
                let role = remove_mention(out, j);
                let m = &mut out[i];
                m.title = role.title;
                m.kind = Some(ActorKind::Person);
                if m.qualifier.is_none() {
                    m.qualifier = role.qualifier;
                }
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::lexicon::builtin as lexicon;

    fn mentions(s: &str) -> Vec<(String, Option<ActorKind>, MentionForm, bool)> {
        let toks = tokenize(s);
        let ctx = SentenceCtx {
            doc: s,
            tokens: &toks,
            range: 0..toks.len(),
            sentence: 0,
            lx: lexicon(),
            known: &Default::default(),
        };
        let mut out = Vec::new();
        find(&ctx, &mut out);
        out.iter()
            .map(|m| {
                (
                    m.head_text(s, &toks).to_string(),
                    m.kind,
                    m.form,
                    m.absorbed,
                )
            })
            .collect()
    }

    fn heads(s: &str) -> Vec<String> {
        mentions(s)
            .into_iter()
            .filter(|m| !m.3)
            .map(|m| m.0)
            .collect()
    }

    #[test]
    fn titled_person_with_demonym() {
        let m = mentions("Blinken spoke with Iraqi Prime Minister Mustafa al-Kadhimi.");
        assert!(m.contains(&(
            "Mustafa al-Kadhimi".into(),
            Some(ActorKind::Person),
            MentionForm::Name,
            false
        )));
        assert!(m.contains(&(
            "Iraqi".into(),
            Some(ActorKind::Country),
            MentionForm::Demonym,
            true
        )));
    }

    #[test]
    fn particles_and_diacritics() {
        assert_eq!(
            heads("Saudi Foreign Minister Prince Faisal bin Farhan Al Saud arrived."),
            ["Faisal bin Farhan Al Saud"]
        );
        assert_eq!(
            heads("Jan van der Linde and Luiz Inácio Lula da Silva met Recep Tayyip Erdoğan."),
            [
                "Jan van der Linde",
                "Luiz Inácio Lula da Silva",
                "Recep Tayyip Erdoğan"
            ]
        );
        assert_eq!(heads("Foreign Minister Hakan Fidan left."), ["Hakan Fidan"]);
        assert_eq!(
            heads("Minister of Foreign Affairs Rania Saleh met the Ministers of Defense and Interior."),
            ["Rania Saleh", "Ministers of Defense and Interior"]
        );
    }

    #[test]
    fn possessive_country_qualifies_organization() {
        let m = mentions("Iran's Revolutionary Guards Corps claimed responsibility.");
        assert_eq!(m[0].0, "Iran");
        assert!(m[0].3, "the country is absorbed as a qualifier");
        assert_eq!(m[1].0, "Revolutionary Guards Corps");
    }

    #[test]
    fn institutions_of_a_country() {
        assert_eq!(
            heads("The strike was condemned by Moldova's foreign ministry."),
            ["Moldova's foreign ministry"]
        );
        assert_eq!(
            heads("Kenya Pipeline Company depot"),
            ["Kenya Pipeline Company"]
        );
    }

    #[test]
    fn role_phrases_and_appositions() {
        let m = mentions("The Secretary and the Prime Minister agreed.");
        assert_eq!(m.iter().filter(|x| x.2 == MentionForm::Role).count(), 2);
        assert_eq!(
            heads("He met the Prime Minister, Masrour Barzani, in Erbil."),
            ["He", "Masrour Barzani", "Erbil"]
        );
    }

    #[test]
    fn common_words_and_lowercase_us() {
        // "us" is a pronoun, "US" the country.
        let m = mentions("They told us the US would act.");
        assert!(m
            .iter()
            .any(|x| x.0 == "US" && x.1 == Some(ActorKind::Country)));
        assert!(m.iter().any(|x| x.0 == "us" && x.2 == MentionForm::Pronoun));
    }

    #[test]
    fn organizations_with_connectors_and_acronyms() {
        assert_eq!(
            heads("Tianqi filed complaints with the Comisión para el Mercado Financiero (CMF)."),
            ["Tianqi", "Comisión para el Mercado Financiero"]
        );
        assert_eq!(
            heads("the Department of Foreign Affairs summoned him"),
            ["Department of Foreign Affairs", "him"]
        );
    }

    #[test]
    fn portfolios_and_institutions_before_titles() {
        // A portfolio of ordinary words is part of the title.
        assert_eq!(
            heads("Indonesia's Maritime Affairs Minister Budi Santoso arrived."),
            ["Budi Santoso"]
        );
        assert_eq!(
            heads("Homeland Security Secretary Jane Ortega spoke."),
            ["Jane Ortega"]
        );
        // A country's institution before a title: the person serves the country.
        let m = mentions("Iraqi government spokesman Ahmed Karim said so.");
        assert!(m.contains(&(
            "Ahmed Karim".into(),
            Some(ActorKind::Person),
            MentionForm::Name,
            false
        )));
        assert_eq!(
            heads("Egyptian intelligence chief Hassan Rashad met them."),
            ["Hassan Rashad", "them"]
        );
        // An institution word used as an adjective is no institution.
        assert_eq!(
            heads("Delhi warned against any Pakistani military action."),
            ["Delhi", "Pakistani"]
        );
        assert_eq!(
            heads("Japanese coast guard ships shadowed the vessel."),
            ["Japanese coast guard", "vessel"]
        );
    }

    #[test]
    fn first_names_that_are_words_and_dates_that_look_like_names() {
        assert_eq!(
            heads("Mark Lowell, a spokesman, declined to comment."),
            ["Mark Lowell"]
        );
        assert_eq!(
            heads("Following Lowell's remarks, markets fell."),
            ["Lowell"]
        );
        assert_eq!(
            heads("BERLIN, Aug 19 — Olaf Brandt left."),
            ["BERLIN", "Olaf Brandt"]
        );
        assert_eq!(heads("Jan Kowalski arrived."), ["Jan Kowalski"]);
        assert_eq!(
            heads("He told Parliament on Tuesday that it was over."),
            ["He", "Parliament", "it"]
        );
    }

    #[test]
    fn vessels_camps_and_joined_institutions() {
        assert_eq!(
            heads("Ships rammed the cargo vessel M/V Ocean Pearl."),
            ["M/V Ocean Pearl"]
        );
        assert_eq!(
            heads("Shells hit the Zamzam refugee camp near the city."),
            ["Zamzam refugee camp", "city"]
        );
        assert_eq!(
            heads("Britain's Competition and Markets Authority ruled."),
            ["Competition and Markets Authority"]
        );
        assert_eq!(heads("Kenya and Ethiopia signed."), ["Kenya", "Ethiopia"]);
    }

    #[test]
    fn kinds_from_context() {
        let kind = |s: &str, name: &str| {
            mentions(s)
                .into_iter()
                .find(|m| m.0 == name)
                .and_then(|m| m.1)
        };
        assert_eq!(
            kind(
                "Regulators reviewed the takeover of Nordic Cable Works.",
                "Nordic Cable Works"
            ),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind("Analysts said Lumen Harbor shares fell.", "Lumen Harbor"),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind(
                "Tomas Berg, the chief executive of Nordvik Shipping, spoke.",
                "Nordvik Shipping"
            ),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind(
                "The Council for Economic Defense fined it.",
                "Council for Economic Defense"
            ),
            Some(ActorKind::Organization)
        );
    }

    #[test]
    fn a_possessive_inside_a_known_name() {
        // "People's" is a word and a possessive: the whole name is the country,
        // not a person "Democratic People" and South Korea's "Republic of Korea".
        let m = mentions("The Democratic People's Republic of Korea fired a missile.");
        assert_eq!(
            m.iter().map(|m| (m.0.as_str(), m.1)).collect::<Vec<_>>(),
            [(
                "Democratic People's Republic of Korea",
                Some(ActorKind::Country)
            )]
        );
        // A possessive that ends a known name stays a possessive.
        assert!(heads("Iran's Revolutionary Guards said.")
            .contains(&"Revolutionary Guards".to_string()));
    }
}
