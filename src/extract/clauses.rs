//! Shallow clause structure of a sentence: where clauses start, how they start, and
//! which tokens are a leading adverbial ("On Monday,", "In a call with X,").
//! Arguments of an event are looked for inside its clause; a clause without a
//! subject of its own borrows the subject of the clause before it ("X condemned
//! ... and expressed ..."), or the antecedent of its relative pronoun ("airstrikes
//! that killed ...").

use super::grammar::{
    is, ADVERBIAL_OPENERS, EMBEDDING_WORDS, FINITE_AUXILIARIES, NOUN_PHRASE_DETERMINERS,
    RELATIVE_PRONOUNS, SUBJECT_PRONOUNS, SUBORDINATORS, TEMPORAL_SUBORDINATORS,
};
use super::tokens::{TokKind, Token};
use crate::lexicon::Lexicon;
use std::ops::Range;

/// How a clause begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// The sentence's first clause.
    Start,
    /// After a leading adverbial: the sentence's main clause.
    Main,
    /// "that", "which", "who" after a noun: its subject is that noun.
    Relative,
    /// "that" after a verb of saying or a complement: a clause with its own subject.
    Complement,
    /// "and" or "but" followed by a verb: the same subject goes on.
    Coordinate,
    /// A subordinate clause ("when", "after", "because"): it has its own subject.
    Subordinate,
    /// Any other boundary (";", ", but", quote marks).
    Other,
}

/// One clause: its tokens and how it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// Token range (document indices).
    pub range: Range<usize>,
    /// How it opens.
    pub opening: Opening,
    /// A leading adverbial phrase: its subject is the main clause's.
    pub adverbial: bool,
    /// Inside quote marks within the sentence ("describing it as "a British ship"").
    pub quoted: bool,
    /// A participle clause between the subject and its verb ("X, speaking by phone
    /// with Y, voiced support"): it shares the subject and is no subject itself.
    pub aside: bool,
}

/// The comma that closes a leading adverbial ("On Monday,", "After meeting X,"),
/// when the sentence starts with one.
pub fn leading_adverbial_end(tokens: &[Token], lx: &Lexicon, range: Range<usize>) -> Option<usize> {
    let first = tokens.get(range.start)?;
    if !is(ADVERBIAL_OPENERS, &first.norm) && !lx.cues.adverbial_opener.contains(&first.norm) {
        return None;
    }
    let mut in_quote = false;
    let mut embedded = false;
    for i in range {
        let t = &tokens[i];
        if t.is_punct('"') {
            in_quote = !in_quote;
        }
        if t.is_punct(',') && !in_quote {
            return Some(i);
        }
        // ("Concerning X's statement claiming that the attack was ..., Y denied")
        embedded |= is(EMBEDDING_WORDS, &t.norm);
        // "On Thursday the leaders agreed to invite A, B and C": a finite verb before
        // any comma means there was no adverbial to close.
        let finite = t.kind == TokKind::Word
            && !t.cap
            && !in_quote
            && !embedded
            && (t.norm.ends_with("ed") && t.norm.len() > 4
                || is(FINITE_AUXILIARIES, &t.norm)
                || lx.speech_finite.contains(&t.norm)
                || lx.cues.finite_verb.contains(&t.norm));
        if finite {
            return None;
        }
    }
    None
}

/// A quote mark that opens or closes a quoted utterance (`"We are ready," he said`,
/// `said: "..."`) bounds a clause; scare quotes around words inside a clause (`would
/// "not hesitate" to act`, `called it "delusional"`) do not.
fn quote_bounds_clause(tokens: &[Token], range: Range<usize>, i: usize) -> bool {
    if i == range.start || i + 1 >= range.end {
        return true;
    }
    let p = &tokens[i - 1];
    let n = &tokens[i + 1];
    p.kind == TokKind::Punct && !p.is_punct('\'') || n.kind == TokKind::Punct && !n.is_punct('\'')
}

/// Splits a sentence's tokens into clauses. `mention_start(i)` tells whether a
/// mention starts at token `i`; `is_verbish(i)` whether token `i` looks like a verb
/// (a trigger, a speech verb, an -ed form).
pub fn split(
    tokens: &[Token],
    lx: &Lexicon,
    range: Range<usize>,
    mention_start: &dyn Fn(usize) -> bool,
    is_verbish: &dyn Fn(usize) -> bool,
) -> Vec<Clause> {
    let r = Reader {
        tokens,
        lx,
        range: range.clone(),
        mention_start,
        is_verbish,
        // A leading adverbial: the sentence starts with a preposition or
        // subordinator and a comma closes it.
        adverbial_end: leading_adverbial_end(tokens, lx, range.clone()),
    };
    let mut in_quote = false;
    let mut quoted_at_start = false;
    let mut clauses = Vec::new();
    let mut start = range.start;
    let mut at = At {
        opening: Opening::Start,
        in_aside: false,
        after_noun_that: false,
        start: range.start,
    };
    let mut i = range.start;
    let mut adverbial = r.adverbial_end.is_some();
    let mut aside = false;
    while i < range.end {
        let t = &tokens[i];
        let boundary = r.boundary(i, &at);
        if t.is_punct('"') {
            in_quote = !in_quote;
        }
        if let Some((op, next_start)) = boundary {
            if i > start {
                clauses.push(Clause {
                    range: start..i,
                    opening: at.opening,
                    adverbial,
                    quoted: quoted_at_start,
                    aside,
                });
            }
            // ", speaking by phone with Y," right after the subject, before any verb.
            at.in_aside = t.is_punct(',')
                && op == Opening::Coordinate
                && r.norm(i + 1).ends_with("ing")
                && !(range.start..i).any(is_verbish);
            aside = at.in_aside;
            at.after_noun_that = t.norm == "that"
                && i > range.start
                && tokens[i - 1].kind == TokKind::Word
                && !is_verbish(i - 1);
            quoted_at_start = in_quote;
            adverbial = false;
            at.opening = op;
            start = next_start.min(range.end);
            at.start = start;
            i = next_start;
            continue;
        }
        i += 1;
    }
    if start < range.end {
        clauses.push(Clause {
            range: start..range.end,
            opening: at.opening,
            adverbial,
            quoted: quoted_at_start,
            aside,
        });
    }
    clauses
}

/// A sentence being split, with the two tests the caller supplies.
struct Reader<'a> {
    tokens: &'a [Token],
    lx: &'a Lexicon,
    range: Range<usize>,
    mention_start: &'a dyn Fn(usize) -> bool,
    is_verbish: &'a dyn Fn(usize) -> bool,
    adverbial_end: Option<usize>,
}

/// What the clause being read says about the next boundary.
struct At {
    /// How the clause being read opened.
    opening: Opening,
    /// The clause being read is a participle aside right after the subject.
    in_aside: bool,
    /// The clause being read opened with "that" after a noun ("a group that India
    /// regards as a proxy"): a comma and a verb end it, as they end a relative clause.
    after_noun_that: bool,
    /// Where the clause being read starts.
    start: usize,
}

impl Reader<'_> {
    fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    /// Whether a noun phrase starts at `i`: a mention or a determiner.
    fn np_at(&self, i: usize) -> bool {
        // ("said they had shot down a drone": a pronoun opens the clause too.)
        (self.mention_start)(i)
            || is(NOUN_PHRASE_DETERMINERS, self.norm(i))
            || is(SUBJECT_PRONOUNS, self.norm(i))
            || self.norm(i) == "it"
    }

    /// Whether a clause boundary is at token `i`: how the next clause opens and
    /// where it starts. The tests run in order and the first that applies decides.
    fn boundary(&self, i: usize, at: &At) -> Option<(Opening, usize)> {
        let (tokens, range) = (self.tokens, self.range.clone());
        let is_verbish = self.is_verbish;
        let norm = |i: usize| self.norm(i);
        let t = &tokens[i];
        if Some(i) == self.adverbial_end {
            Some((Opening::Main, i + 1))
        } else if t.kind == TokKind::Punct
            // (Parentheses hold an aside, "(ECOWAS)", inside the clause.)
            && (matches!(t.norm.as_str(), ";" | ":")
                // A dash between words, not a hyphen inside one ("Pakistan-based").
                || t.norm == "-" && (i == range.start || tokens[i - 1].end < t.start)
                || t.norm == "\"" && quote_bounds_clause(tokens, range.clone(), i))
        {
            Some((Opening::Other, i + 1))
        } else if t.norm == "that" && t.kind == TokKind::Word {
            let after_noun =
                i > range.start && tokens[i - 1].kind == TokKind::Word && !is_verbish(i - 1);
            if !self.np_at(i + 1) && after_noun {
                Some((Opening::Relative, i + 1))
            } else {
                Some((Opening::Complement, i + 1))
            }
        } else if is(RELATIVE_PRONOUNS, &t.norm) {
            Some((Opening::Relative, i + 1))
        } else if is(SUBORDINATORS, &t.norm)
            && i > range.start
            // ("X has since demanded ...": after a perfect auxiliary "since" is an adverb.)
            && !(t.norm == "since" && matches!(norm(i - 1), "has" | "have" | "had"))
        {
            Some((self.subordinate(i), i + 1))
        } else if self.lx.speech_clause.contains(&t.norm)
            && i > range.start
            && !tokens[i - 1].is_punct('"')
            && !tokens[i - 1].is_punct(',')
            && self.np_at(i + 1)
            // ("announced a partnership with X": an object, no clause.)
            && (i + 2..range.end.min(i + 10))
                .take_while(|&k| !tokens[k].is_punct(',') && !tokens[k].is_punct('.'))
                .any(is_verbish)
        {
            // "X said Iran would respond": a clause with its own subject.
            Some((Opening::Complement, i + 1))
        } else if t.is_punct(',')
            && (at.in_aside
                || at.after_noun_that
                || matches!(at.opening, Opening::Relative | Opening::Subordinate))
            && is_verbish(i + 1)
            && !norm(i + 1).ends_with("ing")
        {
            // "X, who was elected in May, met Y", "X, speaking by phone with Y, voiced
            // support": the aside ends and the main verb goes on with the subject.
            Some((Opening::Coordinate, i + 1))
        } else if t.is_punct(',')
            && i + 1 < range.end
            && norm(i + 1).ends_with("ed")
            && is_verbish(i + 1)
            && !self.lx.speech_clause.contains(norm(i + 1))
            && (range.start..i).any(is_verbish)
        {
            // (Without a verb before it, "X, the spokesperson, accused Y" is the main verb.)
            // "a missile, aimed at the destroyer": a participle describing the noun.
            Some((Opening::Relative, i + 1))
        } else if t.norm == "but"
            || (t.norm == "and" && i > range.start && tokens[i - 1].is_punct(','))
        {
            self.but_or_and(i)
        } else if t.norm == "and" && is_verbish(i + 1) && !(self.mention_start)(i + 1) {
            Some((Opening::Coordinate, i + 1))
        } else if t.is_punct(',')
            && i + 1 < range.end
            && (norm(i + 1).ends_with("ing") && is_verbish(i + 1))
        {
            // ", saying ...", ", vowing ...": a participle clause with the same subject.
            Some((Opening::Coordinate, i + 1))
        } else if i > at.start && self.contact_relative(i) {
            // "a charge Pakistan denies": the name is the subject of its own clause.
            Some((Opening::Relative, i))
        } else {
            None
        }
    }

    /// A relative clause without a relative pronoun, opening with the name at
    /// `i`: "a charge Pakistan denies", "the claims Moscow made", "the trip X
    /// cancelled". Only after a noun naming a statement or an event, in a noun
    /// phrase with a determiner, and with a verb right after the name.
    fn contact_relative(&self, i: usize) -> bool {
        let cues = &self.lx.cues;
        if !(self.mention_start)(i) || i < self.range.start + 2 {
            return false;
        }
        let noun = self.norm(i - 1);
        let noun_ok = self.tokens[i - 1].kind == TokKind::Word
            && !self.tokens[i - 1].cap
            && (cues.claim_noun.contains(noun) || cues.event_ref.contains_key(noun));
        // The determiner of the noun phrase: right before the noun, or one word
        // earlier ("the same charge").
        let determined = (i.saturating_sub(3).max(self.range.start)..i - 1)
            .any(|k| is(NOUN_PHRASE_DETERMINERS, self.norm(k)));
        if !noun_ok || !determined {
            return false;
        }
        // Past the name (capitalized words and the periods inside it) to a verb.
        let mut k = i + 1;
        while k < self.range.end
            && k < i + 6
            && (self.tokens[k].cap || self.tokens[k].is_punct('.') && k + 1 < self.range.end)
        {
            k += 1;
        }
        k < self.range.end
            && ((self.is_verbish)(k) || self.lx.cues.irregular_participle.contains(self.norm(k)))
    }

    /// How a subordinator at `i` opens: "after a session hosted by X", "after
    /// meeting X" is a phrase that shares the main subject; "after the ships rammed
    /// it" a clause of its own.
    fn subordinate(&self, i: usize) -> Opening {
        let tokens = self.tokens;
        let t = &tokens[i];
        let prepositional = is(TEMPORAL_SUBORDINATORS, &t.norm)
            && (self.norm(i + 1).ends_with("ing")
                // ("after talks in Cairo with X": a bare plural noun.)
                || (is(NOUN_PHRASE_DETERMINERS, self.norm(i + 1)) || self.bare_noun(i + 1))
                    && !(i + 2..self.range.end.min(i + 7))
                        .take_while(|&k| !tokens[k].is_punct(','))
                        .any(self.is_verbish));
        if prepositional {
            Opening::Other
        } else {
            Opening::Subordinate
        }
    }

    /// A lowercase word at `i` that is no verb and no function word opens a
    /// noun phrase by itself ("talks", "meetings").
    fn bare_noun(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && t.norm.ends_with('s')
                && !(self.is_verbish)(i)
                && !is(SUBJECT_PRONOUNS, &t.norm)
                && !is(super::grammar::FUNCTION_WORDS, &t.norm)
        })
    }

    /// "but", or "and" after a comma, at `i`: ", and Ruto held a call" opens a
    /// clause; ", and the Prime Minister, X" continues a list.
    fn but_or_and(&self, i: usize) -> Option<(Opening, usize)> {
        let j = i + 1;
        if self.np_at(j) {
            // A verb must follow before the next comma.
            let verb_ahead = (j..self.range.end.min(j + 8))
                .take_while(|&k| !self.tokens[k].is_punct(','))
                .any(self.is_verbish);
            if verb_ahead || self.tokens[i].norm == "but" {
                Some((Opening::Other, j))
            } else {
                None
            }
        } else {
            Some((Opening::Coordinate, j))
        }
    }
}
