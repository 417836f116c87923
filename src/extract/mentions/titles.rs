//! Title phrases in a sentence ("Prime Minister", "spokesman", "Foreign
//! Affairs Principal Secretary", "Minister of Foreign Affairs") and the
//! mentions they make: a titled name ("Foreign Minister Prince Faisal") or a
//! role ("the crown prince", "the Ministers of Defense and Interior").

use super::units::{Unit, UnitKind};
use super::{function_word, Mention, MentionForm};
use crate::extract::grammar::{is, ARTICLES, DETERMINERS};
use crate::extract::sentence::SentenceView;
use crate::extract::tokens::TokKind;
use crate::lexicon::Title;
use crate::model::ActorKind;
use std::ops::Range;

impl SentenceView<'_> {
    /// Longest title match starting at `i`.
    pub(super) fn title_at(&self, i: usize) -> Option<(usize, String, &Title)> {
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
                best = Some((n, self.text(i..j + 1).to_string(), t));
            }
        }
        best
    }

    /// Whether the capitalized words in `r` are a portfolio before a title:
    /// ordinary words, sectors included ("Homeland Security", "Steel"), no
    /// institution's head ("Pipeline Company").
    pub(super) fn is_portfolio(&self, r: Range<usize>) -> bool {
        r.into_iter().all(|x| {
            let w = self.norm(x);
            let sector = self.lx.cues.sector_word.contains(w);
            sector || self.lx.common.contains(w) && !self.lx.heads.contains_key(w)
        })
    }

    /// The end of a portfolio after a title ("of Foreign Affairs", "of Defense and
    /// Interior"): "of" and capitalized ordinary words, none of them a known name or
    /// an institution's head; `k` itself when there is none.
    pub(super) fn portfolio_end(&self, k: usize) -> usize {
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
    pub(super) fn title_prefix(&self, i: usize, last: Option<&Unit>) -> Option<usize> {
        // A gazetteer form, or a name with its possessive ("Sikh separatist leader X"
        // is no qualified title).
        let last = last.filter(|f| match f.kind {
            UnitKind::Gaz(_) => true,
            UnitKind::Name => self
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
                && !function_word(self.lx, &t.norm)
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
}

/// Composes titles starting at unit `k` with the name that follows, if any;
/// returns the index of the next unit to look at.
pub(super) fn compose_titled(
    s: &SentenceView,
    units: &[Unit],
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
    while let Some(Unit {
        kind:
            UnitKind::Title {
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
        Some(Unit {
            kind: UnitKind::Name,
            span,
            // "a leader of the opposition Unity Front": a name whose head word makes
            // it a body is what the title is held in, not who holds it.
        }) if span.start == end
            && !matches!(
                s.name_kind(span.clone()),
                Some(ActorKind::Organization | ActorKind::Place | ActorKind::Country)
            ) =>
        {
            let qualifier =
                qualifier.map(|q| institution_before_title(s, q, end, out).unwrap_or(q));
            let mut m = Mention::new(s.sentence, phrase_start..span.end, MentionForm::Name);
            m.head = span.clone();
            m.kind = Some(ActorKind::Person);
            m.title = Some((title_text, class));
            m.qualifier = qualifier;
            if phrase_start > s.range.start && s.norm(phrase_start - 1) == "the" {
                m.span.start -= 1;
            }
            out.push(m);
            k + 1
        }
        _ => {
            // "the crown prince", "the emir" are roles; "Gen." alone or "Dr" alone
            // names nobody.
            let determined = title_start > s.range.start
                && matches!(s.norm(title_start - 1), "the" | "his" | "her" | "their")
                && class != "member";
            if honorific_only && qualifier.is_none() && !determined {
                return k;
            }
            let mut m = Mention::new(s.sentence, phrase_start..end, MentionForm::Role);
            m.head = title_start..end;
            m.kind = Some(ActorKind::Person);
            m.title = Some((title_text, class));
            m.qualifier = qualifier;
            m.plural = plural;
            if phrase_start > s.range.start && s.norm(phrase_start - 1) == "the" {
                m.span.start -= 1;
            }
            out.push(m);
            k
        }
    }
}

/// "the Chinese foreign ministry spokeswoman X", "Japan's trade ministry
/// official X": the institution between a country (mention `q`) and a title
/// ending at `title_end` is an actor of its own, the one the title is held in.
/// Pushes it (absorbed, qualified by the country) and returns its index.
fn institution_before_title(
    s: &SentenceView,
    q: usize,
    title_end: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let country = out[q]
        .gaz
        .as_ref()
        .is_some_and(|g| g.kind == ActorKind::Country);
    if !country {
        return None;
    }
    let end = out[q].span.end;
    let after = end + usize::from(s.tok(end).is_some_and(|t| t.kind == TokKind::Possessive));
    let n = s
        .phrase_in(after, &s.lx.institutions)
        .or_else(|| s.modified_institution(after))?;
    // A title word must be left after the institution ("foreign ministry" alone
    // is no title).
    // A body the text names as one: a country's own ("Myanmar's military
    // chief") or a portfolio's ("the Chinese foreign ministry spokeswoman"); "the
    // Egyptian intelligence chief" only says whom he serves.
    let named = after > end || n >= 2;
    if after + n >= title_end || !named || s.phrase_in(after, &s.lx.stands).is_some_and(|k| k >= n)
    {
        return None;
    }
    let mut start = out[q].span.start;
    if is(ARTICLES, s.norm(start)) {
        start += 1;
    }
    let mut m = Mention::new(s.sentence, start..after + n, MentionForm::Name);
    m.kind = Some(ActorKind::Organization);
    m.qualifier = Some(q);
    m.absorbed = true;
    out.push(m);
    Some(out.len() - 1)
}
