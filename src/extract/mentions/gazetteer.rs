//! Gazetteer forms in a sentence (countries, demonyms, capitals, known
//! organizations) and what a country or demonym qualifies: "Iran's
//! Revolutionary Guards", "the Chinese foreign ministry", "Chile's state
//! copper giant Codelco", "Iraqi government spokesman X".

use super::titles::compose_titled;
use super::units::{push_unit, Unit, UnitKind};
use super::{function_word, Mention, MentionForm};
use crate::extract::grammar::AUXILIARIES;
use crate::extract::sentence::SentenceView;
use crate::extract::tokens::TokKind;
use crate::lexicon::{Form, GazEntry, WordSet};
use crate::model::ActorKind;

impl SentenceView<'_> {
    /// Longest gazetteer match starting at `i`.
    pub(super) fn gazetteer_at(&self, i: usize) -> Option<(usize, GazEntry)> {
        if !self.is_cap(i) || !self.lx.gazetteer_may_extend(self.norm(i)) {
            return None;
        }
        // The entry a key names over tokens `i..=j`, if its surface fits.
        let entry_at = |key: &str, j: usize| {
            let entries = self.lx.gazetteer.get(key)?;
            let surface = self.text(i..j + 1);
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
            // Only when a longer known name continues through it: "China's commerce
            // ministry" keeps China.
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

    /// Whether the noun phrase goes on at `k` with a lowercase noun ("military
    /// action", "military officials"), rather than ending before a verb or a joiner.
    fn noun_follows(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !function_word(self.lx, &t.norm)
                && !self.lx.speech.contains(&t.norm)
                && !t.norm.ends_with("ed")
                // "coast guard ships", "navy vessels": the institution's own assets
                && !self.lx.cues.institution_asset.contains(&t.norm)
                && !AUXILIARIES.contains(&t.norm.as_str())
                && !matches!(
                    t.norm.as_str(),
                    "who" | "which" | "that" | "the" | "a" | "an"
                )
        })
    }

    /// "transport ministry", "commerce ministry": one or two ordinary lowercase
    /// words, then an institution phrase that ends in an organization's head word;
    /// the length of the whole.
    pub(super) fn modified_institution(&self, i: usize) -> Option<usize> {
        (1..=2).find_map(|skip| {
            let plain = (i..i + skip).all(|k| {
                self.tok(k).is_some_and(|t| {
                    t.kind == TokKind::Word
                        && !t.cap
                        && self.lx.common.contains(&t.norm)
                        && !function_word(self.lx, &t.norm)
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
    pub(super) fn phrase_in(&self, i: usize, set: &WordSet<String>) -> Option<usize> {
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

/// Composes the gazetteer unit `k` with what it qualifies, if anything: a name
/// ("Iran's Revolutionary Guards Corps", "Russia's Bryansk region", "Chinese
/// Foreign Ministry"), an institution ("Moldova's foreign ministry"), a title
/// after an institution ("Iraqi government spokesman X") or a descriptor and a
/// name ("Chile's state copper giant Codelco"). Returns the next unit to look
/// at, or `None` when unit `k` qualifies nothing (it is then still to be
/// pushed).
pub(super) fn compose_qualified(
    s: &SentenceView,
    units: &[Unit],
    k: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let u = &units[k];
    let UnitKind::Gaz(e) = &u.kind else {
        return None;
    };
    if qualifies_name(s, e, u, units.get(k + 1)) {
        let q = push_unit(s, u, out);
        out[q].absorbed = true;
        let m = push_unit(s, &units[k + 1], out);
        out[m].qualifier = Some(q);
        // "Peru's Congress" is not the lexicon's "Congress" of another country:
        // the name stands for the qualifying country's own institution.
        let foreign = out[m]
            .gaz
            .as_ref()
            .is_some_and(|g| g.country.is_some() && e.country.is_some() && g.country != e.country);
        if foreign && e.kind == ActorKind::Country {
            out[m].gaz = None;
            out[m].form = MentionForm::Name;
        }
        // "Bolivia's Luis Arce" is one phrase (lists coordinate phrases).
        out[m].span.start = out[m].span.start.min(out[q].span.start);
        return Some(k + 2);
    }
    if !matches!(e.kind, ActorKind::Country | ActorKind::Place) {
        return None;
    }
    let possessive = s
        .tok(u.span.end)
        .is_some_and(|t| t.kind == TokKind::Possessive);
    // "the U.S. company", as "the Chinese group".
    if e.kind == ActorKind::Country && e.form == Form::Name {
        if let Some(after) = compose_country_role(s, units, k, possessive, out) {
            return Some(after);
        }
    }
    // "Moldova's foreign ministry", "the Chinese foreign ministry".
    if !(e.form == Form::Demonym || possessive) {
        return None;
    }
    let after = u.span.end + usize::from(possessive);
    compose_institution(s, units, k, after, out)
        .or_else(|| compose_described(s, units, k, after, out))
        .or_else(|| compose_country_role(s, units, k, possessive, out))
}

/// "the Chinese group", "the U.S. company": a role for an institution the text
/// has named, qualified by its country (not the country itself). Up to three
/// lowercase words after the country, the last an organization's descriptor,
/// ending the noun phrase ("the Chinese group Jinhai" is the name's).
fn compose_country_role(
    s: &SentenceView,
    units: &[Unit],
    k: usize,
    possessive: bool,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let u = &units[k];
    if possessive || u.span.start == s.range.start || s.norm(u.span.start - 1) != "the" {
        return None;
    }
    let after = u.span.end;
    let lower = |j: usize| s.tok(j).is_some_and(|t| t.kind == TokKind::Word && !t.cap);
    // (A noun that stands for the country or forms its institution, "the
    // Iraqi government", "the Chinese military", is not this; nor are plural
    // fighters, "the Syrian rebels".)
    let organization = |w: &str| {
        s.lx.descriptors.get(w) == Some(&ActorKind::Organization)
            && !w.ends_with('s')
            && !s.lx.stands.contains(w)
            && !s.lx.institutions.contains(w)
    };
    let n = (1..=3).rev().find(|&n| {
        (after..after + n).all(lower)
            && (after..after + n - 1).all(|j| !function_word(s.lx, s.norm(j)))
            && organization(s.norm(after + n - 1))
            && !s.is_cap(after + n)
            && !s
                .tok(after + n)
                .is_some_and(|t| t.kind == TokKind::Word && s.lx.heads.contains_key(&t.norm))
    })?;
    if units.get(k + 1).is_some_and(|x| x.span.start < after + n) {
        return None;
    }
    let q = push_unit(s, u, out);
    out[q].absorbed = true;
    let mut m = Mention::new(s.sentence, u.span.start - 1..after + n, MentionForm::Role);
    m.head = after..after + n;
    m.kind = Some(ActorKind::Organization);
    m.qualifier = Some(q);
    out.push(m);
    Some(k + 1)
}

/// Whether the gazetteer unit `u` (entry `e`) qualifies the name unit `next`:
/// a possessive before any name, a demonym right before it, or a country right
/// before an organization ("The U.S. Federal Trade Commission": the agency
/// acts, the country is its attribute).
fn qualifies_name(s: &SentenceView, e: &GazEntry, u: &Unit, next: Option<&Unit>) -> bool {
    let name_next = matches!(
        next.map(|n| &n.kind),
        Some(UnitKind::Name)
            | Some(UnitKind::Gaz(GazEntry {
                kind: ActorKind::Organization,
                ..
            }))
    );
    let organization_next = next.is_some_and(|n| match &n.kind {
        UnitKind::Gaz(g) => g.kind == ActorKind::Organization,
        UnitKind::Name => s.lx.heads.get(s.last_word(n.span.end)) == Some(&ActorKind::Organization),
        _ => false,
    });
    name_next
        && (u.possessive_then(s, next)
            || u.adjacent(next) && e.form == Form::Demonym
            || u.adjacent(next) && e.kind == ActorKind::Country && organization_next)
}

/// A country's institution right after the country unit `k` (and its
/// possessive, up to `after`): before a title the person serves the country
/// ("Iraqi government spokesman X", "Egyptian intelligence chief X"); else the
/// institution is a mention qualified by the country, unless a noun follows
/// and the institution word is an adjective ("Indian military action").
fn compose_institution(
    s: &SentenceView,
    units: &[Unit],
    k: usize,
    after: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let u = &units[k];
    let next = units.get(k + 1);
    let stands = s.phrase_in(after, &s.lx.stands).unwrap_or(0);
    // "Japan's transport ministry", "China's commerce ministry": a
    // portfolio word or two before an institution's head word.
    let inst = s
        .phrase_in(after, &s.lx.institutions)
        .or_else(|| s.modified_institution(after))
        .unwrap_or(0);
    let n = stands.max(inst);
    if n > 0
        && next
            .is_some_and(|x| x.span.start == after + n && matches!(x.kind, UnitKind::Title { .. }))
    {
        let q = push_unit(s, u, out);
        out[q].absorbed = true;
        return Some(compose_titled(s, units, k + 1, Some(q), out));
    }
    let n = Some(inst).filter(|&n| n > stands && !s.noun_follows(after + n))?;
    let q = push_unit(s, u, out);
    out[q].absorbed = true;
    // "China's embassy in Pretoria": a mission abroad is named by its city.
    let mut end = after + n;
    if s.lx.cues.seated_institution.contains(s.norm(end - 1)) && s.norm(end) == "in" {
        let city = units[k + 1..].iter().find(|x| x.span.start == end + 1);
        if let Some(c) = city.filter(|c| matches!(c.kind, UnitKind::Gaz(_) | UnitKind::Name)) {
            end = c.span.end;
        }
    }
    let mut m = Mention::new(s.sentence, u.span.start..end, MentionForm::Name);
    m.kind = Some(ActorKind::Organization);
    m.qualifier = Some(q);
    out.push(m);
    let mut k = k + 1;
    while units.get(k).is_some_and(|x| x.span.start < end) {
        k += 1;
    }
    Some(k)
}

/// Descriptor then name after the country unit `k` (and its possessive, up to
/// `after`): "Chile's state copper giant Codelco", "the Dutch chip designer
/// Nexperia" — the descriptor gives the name's kind.
fn compose_described(
    s: &SentenceView,
    units: &[Unit],
    k: usize,
    after: usize,
    out: &mut Vec<Mention>,
) -> Option<usize> {
    let mut j = after;
    while s.tok(j).is_some_and(|t| t.kind == TokKind::Word && !t.cap) && j < after + 4 {
        j += 1;
    }
    let desc = j > after && s.lx.descriptors.contains_key(s.norm(j - 1));
    let name_next = units
        .get(k + 1)
        .is_some_and(|n| n.span.start == j && matches!(n.kind, UnitKind::Name));
    if !(desc && name_next) {
        return None;
    }
    let q = push_unit(s, &units[k], out);
    out[q].absorbed = true;
    let m = push_unit(s, &units[k + 1], out);
    out[m].qualifier = Some(q);
    out[m].kind = s.lx.descriptors.get(s.norm(j - 1)).copied();
    Some(k + 2)
}
