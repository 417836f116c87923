//! Affiliations: who belongs to whom, as a sentence states it without any event
//! verb — titles with a qualifier ("Iraqi Prime Minister X"), possessives ("Iran's
//! Revolutionary Guards"), appositions ("X, a White House spokesman", "X, the head
//! of Y", "Chile's regulator, the CMF") and relatives ("X, who chairs Y", "Y,
//! founded by X", "a Hamas delegation led by X"). Kept apart from the trigger
//! frames because these read noun phrases, not clauses, and need no trigger.

use super::super::grammar::{is, ARTICLES, CLAUSE_MARKERS, THIRD_PERSON_POSSESSIVES};
use super::super::mentions::{Mention, MentionForm};
use super::super::tokens::{TokKind, Token};
use super::view::SentenceArgs;
use super::Event;
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, RelationType};
use std::ops::Range;

/// Adds the affiliations stated in the sentence of `v` (its mentions `mr`) to
/// `events`, in a fixed order of rules so that output order never changes.
pub(super) fn affiliations(
    v: &SentenceArgs,
    events: &mut Vec<Event>,
    sentence: usize,
    mr: Range<usize>,
) {
    let mut a = Affiliations {
        v,
        ms: v.mentions,
        lx: v.ctx.lx,
        mr,
        sentence,
        events,
    };
    a.qualified();
    a.appositions_and_relatives();
    a.led_by();
    a.led_delegation();
    a.described_institutions();
}

/// One sentence's affiliation rules and the events they add.
struct Affiliations<'s, 'a> {
    v: &'s SentenceArgs<'a>,
    ms: &'a [Mention],
    lx: &'a Lexicon,
    /// The sentence's mentions (qualifiers included).
    mr: Range<usize>,
    sentence: usize,
    events: &'s mut Vec<Event>,
}

impl Affiliations<'_, '_> {
    fn kind_of(&self, a: usize) -> Option<ActorKind> {
        self.v.actors[a].kind
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.v.tok(i)
    }

    fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    fn push(&mut self, src: usize, tgt: usize, at: Range<usize>, rule: &str) {
        // A place has no affiliation ("Russia's Bryansk region" is in Russia, which the
        // actor's country says); an affiliation to a person is a relation of its own.
        if src != tgt
            && !matches!(
                self.kind_of(src),
                Some(ActorKind::Place) | Some(ActorKind::Country)
            )
            && self.kind_of(tgt) != Some(ActorKind::Person)
        {
            self.events.push(Event {
                kind: RelationType::Affiliation,
                cameo: None,
                source: src,
                target: tgt,
                sentence: self.sentence,
                trigger: at,
                rule: rule.to_string(),
                planned: false,
            });
        }
    }

    /// The mention (of any kind, qualifiers included) that starts at token `i`,
    /// skipping a leading "the"; the whole phrase rather than its qualifier ("India's
    /// Ministry of External Affairs", not "India").
    fn mention_at(&self, i: usize) -> Option<usize> {
        let ms = self.ms;
        self.mr
            .clone()
            .filter(|&x| {
                let s = ms[x].span.start;
                (s == i || s == i + 1 && self.v.norm(i) == "the") && ms[x].actor.is_some()
            })
            .max_by_key(|&x| (!ms[x].absorbed, ms[x].span.len()))
    }

    /// A title or possessive with its qualifier: "Iraqi Prime Minister X", "Iran's
    /// Revolutionary Guards".
    fn qualified(&mut self) {
        for m in self.mr.clone() {
            let mm = &self.ms[m];
            let (Some(a), Some(q)) = (mm.actor, mm.qualifier) else {
                continue;
            };
            let Some(qa) = self.ms[q].actor else { continue };
            let rule = if mm.title.is_some() {
                "affiliation: title with qualifier"
            } else {
                "affiliation: possessive or demonym qualifier"
            };
            self.push(a, qa, mm.span.clone(), rule);
        }
    }

    /// What follows a name or role after a comma: a relative stating a role ("X,
    /// who chairs Y") or an apposition ("X, the head of Y").
    fn appositions_and_relatives(&mut self) {
        for m in self.mr.clone() {
            let mm = &self.ms[m];
            let Some(a) = mm.actor else { continue };
            if mm.absorbed
                || !matches!(mm.form, MentionForm::Name | MentionForm::Role)
                || matches!(
                    self.kind_of(a),
                    Some(ActorKind::Country) | Some(ActorKind::Place)
                )
            {
                continue;
            }
            if mm.form == MentionForm::Role && mm.title.is_none() {
                continue;
            }
            let after = mm.span.end + usize::from(mm.acronym.is_some()) * 3;
            if self.is_punct(after, ',') && matches!(self.v.norm(after + 1), "who" | "which") {
                self.who_heads(m, a, after + 2);
                continue;
            }
            if self.is_punct(after, ',') {
                self.apposition(m, a, after + 1);
            }
        }
    }

    /// "X, who chairs the Caribbean Community": a relative stating a role, its verb
    /// at `verb`.
    fn who_heads(&mut self, m: usize, a: usize, verb: usize) {
        if self.lx.cues.head_verb.contains(self.v.norm(verb)) {
            if let Some(t) = self.mention_at(verb + 1).and_then(|x| self.ms[x].actor) {
                let start = self.ms[m].span.start;
                self.push(a, t, start..verb + 2, "affiliation: 'who heads X'");
            }
        }
    }

    /// The apposition after mention `m` (actor `a`), from token `from` to the next
    /// comma or the end of the sentence.
    fn apposition(&mut self, m: usize, a: usize, from: usize) {
        let v = self.v;
        let mut j = from;
        let lead_in = |w: &str| {
            is(ARTICLES, w)
                || is(THIRD_PERSON_POSSESSIVES, w)
                || self.lx.cues.tenure_word.contains(w)
        };
        while lead_in(v.norm(j)) {
            j += 1;
        }
        let close = (j..v.range.end)
            .find(|&x| self.is_punct(x, ',') || self.is_punct(x, '.') || self.is_punct(x, ';'))
            .unwrap_or(v.range.end);
        if close <= j || self.is_punct(j, '"') || !self.is_noun_phrase(j..close) {
            return;
        }
        let start = self.ms[m].span.start;
        // "X, the Singapore-based trader" says where X is based, not whom X serves.
        let Some((ts, te)) = title_in(v, j..close) else {
            self.country_company(a, start, j, close);
            return;
        };
        if let Some(t) = self.title_owner(j, ts, te).and_then(|x| self.ms[x].actor) {
            self.push(a, t, start..close, "affiliation: apposition with a title");
        }
    }

    /// An apposition is a noun phrase: no verb in it ("X, has refused", "Florida,
    /// where he was received"), no other named person ("A, B chief C and D").
    fn is_noun_phrase(&self, r: Range<usize>) -> bool {
        let lx = self.lx;
        let verb_in = r.clone().any(|k| {
            self.tok(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && (t.norm.ends_with("ed") && !lx.cues.adjective_ed.contains(&t.norm)
                        || lx.speech.contains(&t.norm)
                        || is(CLAUSE_MARKERS, &t.norm))
            })
        });
        let ms = self.ms;
        let person_in = self.mr.clone().any(|x| {
            ms[x].span.start >= r.start
                && ms[x].span.start < r.end
                && !ms[x].absorbed
                && ms[x].form == MentionForm::Name
                && ms[x]
                    .actor
                    .is_some_and(|xa| self.kind_of(xa) == Some(ActorKind::Person))
        });
        !(verb_in || person_in)
    }

    /// An organization described by a country's noun phrase without a title:
    /// "Vingroup, Vietnam's largest private conglomerate".
    fn country_company(&mut self, a: usize, start: usize, j: usize, close: usize) {
        if self.kind_of(a) != Some(ActorKind::Organization) {
            return;
        }
        let (v, lx, ms) = (self.v, self.lx, self.ms);
        let Some(q) = self.mention_at(j).filter(|&q| {
            ms[q].possessive
                && v.norm(close - 1).len() > 2
                && (lx.descriptors.contains_key(v.norm(close - 1))
                    || lx.heads.contains_key(v.norm(close - 1)))
        }) else {
            return;
        };
        if let Some(qa) = ms[q].actor {
            if self.kind_of(qa) == Some(ActorKind::Country) {
                self.push(a, qa, start..close, "affiliation: apposition 'Y's company'");
            }
        }
    }

    /// Whom the title at `ts..te` in an apposition from `j` serves: a qualifier
    /// right before it ("an IAEA spokesperson", "the Houthis' military spokesman",
    /// "the U.S. special envoy"), else the name after "of"/"for"/"at" ("the head of
    /// X", "a spokesperson for X").
    fn title_owner(&self, j: usize, ts: usize, te: usize) -> Option<usize> {
        let (v, ms) = (self.v, self.ms);
        let before = self
            .mr
            .clone()
            .rev()
            .filter(|&x| {
                let s = &ms[x].span;
                s.start >= j && s.end <= ts && ms[x].actor.is_some()
            })
            .find(|&x| {
                let end = ms[x].span.end + usize::from(ms[x].possessive);
                (end..ts).all(|k| {
                    self.tok(k)
                        .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
                })
            });
        before.or_else(|| {
            let k = te;
            let envoy = self.lx.cues.envoy_title.contains(v.norm(te - 1));
            if matches!(v.norm(k), "of" | "at") || v.norm(k) == "for" && !envoy {
                self.mention_at(k + 1)
            } else {
                None
            }
        })
    }

    /// "Y, founded by X", "a Hamas delegation led by X": X belongs to Y.
    fn led_by(&mut self) {
        let (v, ms) = (self.v, self.ms);
        for i in v.range.clone() {
            let by = v.norm(i + 1) == "by" && self.lx.cues.head_participle.contains(v.norm(i));
            if !by {
                continue;
            }
            let Some(x) = self
                .mention_at(i + 2)
                .or_else(|| self.mention_at(i + 3))
                .and_then(|x| ms[x].actor)
            else {
                continue;
            };
            if self.kind_of(x) != Some(ActorKind::Person) {
                continue;
            }
            let owner = self
                .mr
                .clone()
                .rev()
                .filter(|&y| ms[y].span.end <= i && ms[y].span.end + 4 >= i)
                .find_map(|y| {
                    ms[y]
                        .actor
                        .filter(|&ya| self.kind_of(ya) == Some(ActorKind::Organization))
                });
            if let Some(o) = owner {
                self.push(x, o, i..i + 2, "affiliation: 'led by X'");
            }
        }
    }

    /// "X led the Venezuelan delegation": X belongs to the delegation's sender.
    fn led_delegation(&mut self) {
        let (v, ms) = (self.v, self.ms);
        for i in v.range.clone() {
            if !self.lx.cues.lead_verb.contains(v.norm(i)) {
                continue;
            }
            let Some(q) = self.mention_at(i + 1) else {
                continue;
            };
            let d = ms[q].span.end + usize::from(ms[q].possessive);
            if !self.lx.cues.delegation.contains(v.norm(d)) {
                continue;
            }
            let subj = v.subjects(i).first().and_then(|&s| v.actor(s));
            if let (Some(s), Some(qa)) = (subj, ms[q].actor) {
                if self.kind_of(s) == Some(ActorKind::Person) {
                    self.push(s, qa, i..d + 1, "affiliation: 'led the X delegation'");
                }
            }
        }
    }

    /// "Chile's market regulator, the Comisión para el Mercado Financiero": a
    /// country's institution named in apposition after its description.
    fn described_institutions(&mut self) {
        let (v, lx, ms) = (self.v, self.lx, self.ms);
        for m in self.mr.clone() {
            let mm = &ms[m];
            let Some(a) = mm.actor else { continue };
            if mm.absorbed
                || self.kind_of(a) != Some(ActorKind::Organization)
                || mm.qualifier.is_some()
            {
                continue;
            }
            let start = mm.span.start;
            if start < 3 || !self.is_punct(start - 1, ',') {
                continue;
            }
            let noun = start - 2;
            let described =
                lx.descriptors.contains_key(v.norm(noun)) || lx.heads.contains_key(v.norm(noun));
            if !described {
                continue;
            }
            let mut k = noun;
            while k > v.range.start
                && self
                    .tok(k - 1)
                    .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
                && noun - k < 4
            {
                k -= 1;
            }
            let q = self.mr.clone().find(|&x| {
                let e = ms[x].span.end + usize::from(ms[x].possessive);
                e == k && (ms[x].possessive || ms[x].form == MentionForm::Demonym)
            });
            if let Some(qa) = q.and_then(|x| ms[x].actor) {
                if self.kind_of(qa) == Some(ActorKind::Country) {
                    self.push(
                        a,
                        qa,
                        k..mm.span.end,
                        "affiliation: described as a country's institution",
                    );
                }
            }
        }
    }
}

/// The longest title (data/titles.tsv) inside a token range: (start, end).
fn title_in(v: &SentenceArgs, r: Range<usize>) -> Option<(usize, usize)> {
    let lx = v.ctx.lx;
    let mut best: Option<(usize, usize)> = None;
    for i in r.clone() {
        if !v.tok(i).is_some_and(|t| t.is_word()) || !lx.title_may_extend(v.norm(i)) {
            continue;
        }
        let mut key = String::new();
        for n in 1..=lx.title_max_words {
            let j = i + n - 1;
            if j >= r.end || !v.tok(j).is_some_and(|t| t.is_word()) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(v.norm(j));
            if !lx.title_may_extend(&key) {
                break;
            }
            if lx.titles.contains_key(&key) && best.is_none_or(|(bs, be)| bs == i && j + 1 > be) {
                best = Some((i, j + 1));
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}
