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
    if super::debugging() {
        a.debug_mentions();
    }
    a.qualified();
    a.appositions_and_relatives();
    a.roles_before_names();
    a.titled_names_of();
    a.its_parts();
    a.led_by();
    a.led_delegation();
    a.described_institutions();
    a.own_party();
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
    /// NEWSGRAPH_DEBUG output: the mentions the rules read, with what they resolve to.
    fn debug_mentions(&self) {
        let ctx = self.v.ctx;
        for m in self.mr.clone() {
            let mm = &self.ms[m];
            eprintln!(
                "  mention {:?} {:?}{}{}{} title {:?} qualifier {:?} -> {:?}",
                mm.text(ctx.doc, ctx.tokens),
                mm.form,
                if mm.absorbed { " absorbed" } else { "" },
                if mm.possessive { " possessive" } else { "" },
                mm.acronym
                    .as_ref()
                    .map(|a| format!(" ({a})"))
                    .unwrap_or_default(),
                mm.title.as_ref().map(|t| &t.0),
                mm.qualifier.map(|q| self.ms[q].text(ctx.doc, ctx.tokens)),
                mm.actor
                    .map(|a| (&self.v.actors[a].name, self.v.actors[a].kind)),
            );
        }
    }

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
            // "the Chinese foreign ministry spokeswoman X" serves China too.
            let chained = self.ms[q].qualifier.and_then(|c| self.ms[c].actor);
            if let Some(ca) = chained.filter(|_| mm.title.is_some()) {
                if self.kind_of(ca) == Some(ActorKind::Country) {
                    self.push(a, ca, mm.span.clone(), "affiliation: title with qualifier");
                }
            }
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
            let mut after = mm.span.end + usize::from(mm.acronym.is_some()) * 3;
            // "Bah, 61, a former prime minister": an age says nothing of a role.
            if self.is_punct(after, ',')
                && self
                    .tok(after + 1)
                    .is_some_and(|t| t.kind == TokKind::Number)
                && self.is_punct(after + 2, ',')
            {
                after += 2;
            }
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
            if let Some(t) = self.owner_after(verb + 1).and_then(|x| self.ms[x].actor) {
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
        // "X, a former prime minister who leads Y": the relative states the role;
        // "X, a leader of Y who lives in France": the apposition ends before it.
        let mut close = close;
        if let Some(w) = (j..close).find(|&x| v.norm(x) == "who") {
            if w > j && self.is_noun_phrase(j..w) {
                if self.lx.cues.head_verb.contains(v.norm(w + 1)) {
                    self.who_heads(m, a, w + 1);
                    return;
                }
                close = w;
            } else {
                return;
            }
        }
        if close <= j || self.is_punct(j, '"') || !self.is_noun_phrase(j..close) {
            return;
        }
        let start = self.ms[m].span.start;
        // "X, the Singapore-based trader" says where X is based, not whom X serves.
        let Some((ts, te)) = title_in(v, j..close) else {
            self.country_company(a, start, from.max(j.saturating_sub(1)), close);
            return;
        };
        if let Some(t) = self
            .title_owner(from, ts, te)
            .and_then(|x| self.ms[x].actor)
        {
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
                        || lx.cues.finite_verb.contains(&t.norm)
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
        let last = v.norm(close - 1);
        let part = lx.cues.org_part.contains(last);
        // ("Washington's main ally on the ground against Islamic State": a noun
        // phrase that goes on past its noun describes no institution.)
        let plain = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && !is(super::super::grammar::FUNCTION_WORDS, &t.norm)
            })
        };
        let Some(q) = self.mention_at(j).filter(|&q| {
            ms[q].possessive
                && (ms[q].span.end + 1..close).all(plain)
                && last.len() > 2
                && (part || lx.descriptors.contains_key(last) || lx.heads.contains_key(last))
        }) else {
            return;
        };
        if let Some(qa) = ms[q].actor {
            // "the PDF, the NUG's armed wing": a part of an organization too.
            let owner_kind = if part {
                ActorKind::Organization
            } else {
                ActorKind::Country
            };
            if self.kind_of(qa) == Some(owner_kind) {
                self.push(a, qa, start..close, "affiliation: apposition 'Y's company'");
            }
        }
    }

    /// Whom the title at `ts..te` in a phrase from `j` serves: a qualifier right
    /// before it ("an IAEA spokesperson", "the Houthis' military spokesman", "the
    /// U.S. special envoy", "its chairman"), else the name after "of"/"for"/"at"/
    /// "from" ("the head of X", "a spokesperson for X", "a lawmaker from the
    /// opposition X"), else an organization's name right after the title ("leader
    /// of the opposition X").
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
            if matches!(v.norm(k), "of" | "at" | "from") || v.norm(k) == "for" && !envoy {
                self.owner_after(k + 1)
            } else {
                self.mention_at(k).filter(|&x| {
                    ms[x].actor.and_then(|xa| self.kind_of(xa)) == Some(ActorKind::Organization)
                })
            }
        })
    }

    /// The institution a phrase from `k` names, past what may stand before its
    /// name: an article, plain modifiers and a generic noun ("the main opposition
    /// X", "the ruling X", "the Danish far-right party X", "the breakaway region of
    /// X"), a qualifier the name absorbs ("the Swedish X"). Never a person, and
    /// nothing past a verb, a punctuation mark or a function word but "of".
    fn owner_after(&self, k: usize) -> Option<usize> {
        let (v, ms, lx) = (self.v, self.ms, self.lx);
        let mut j = k;
        while j < v.range.end && j < k + 8 {
            let here = self
                .mr
                .clone()
                .filter(|&x| ms[x].span.start == j && ms[x].actor.is_some())
                .max_by_key(|&x| (!ms[x].absorbed, ms[x].span.len()));
            if let Some(x) = here {
                if !ms[x].absorbed {
                    let kind = ms[x].actor.and_then(|xa| self.kind_of(xa));
                    return (kind != Some(ActorKind::Person)).then_some(x);
                }
                j = ms[x].span.end + usize::from(ms[x].possessive);
                continue;
            }
            let plain = self.tok(j).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && (matches!(t.norm.as_str(), "of" | "the")
                        || !is(super::super::grammar::FUNCTION_WORDS, &t.norm)
                            && !lx.speech.contains(&t.norm)
                            && !is(CLAUSE_MARKERS, &t.norm)
                            && (!t.norm.ends_with("ed") || lx.cues.adjective_ed.contains(&t.norm)))
            });
            if !plain {
                return None;
            }
            j += 1;
        }
        None
    }

    /// A role before a name, a comma between: "Its chairman, X", "Iran's Foreign
    /// Ministry spokesman, X", "the charity's international president, X",
    /// "Germany's ambassador to Chile, X", "The head of Kenya's intelligence
    /// service (NIS), X". X belongs to whom the role names.
    fn roles_before_names(&mut self) {
        let v = self.v;
        for m in self.mr.clone() {
            let mm = &self.ms[m];
            let Some(a) = mm.actor else { continue };
            if mm.absorbed
                || mm.form != MentionForm::Name
                || mm.qualifier.is_some()
                || self.kind_of(a) != Some(ActorKind::Person)
            {
                continue;
            }
            // The comma is inside the mention when the role was merged into the name.
            let inside = (mm.span.start..mm.head.start)
                .rev()
                .find(|&k| self.is_punct(k, ','));
            let before = (mm.span.start > v.range.start && self.is_punct(mm.span.start - 1, ','))
                .then(|| mm.span.start - 1);
            let Some(c) = inside.or(before) else { continue };
            let lo = self.phrase_start(c);
            let Some((ts, te)) = last_title_in(v, lo..c) else {
                continue;
            };
            // After the title, nothing or a phrase of its post: "to Chile", "for Asia".
            if te < c && !matches!(v.norm(te), "to" | "for" | "of" | "in" | "at") {
                continue;
            }
            let end = mm.span.end;
            let owner = self
                .title_owner(lo, ts, te)
                .and_then(|x| self.ms[x].actor)
                .filter(|&o| {
                    matches!(
                        self.kind_of(o),
                        Some(ActorKind::Organization) | Some(ActorKind::Country)
                    )
                });
            if let Some(o) = owner {
                self.push(a, o, lo..end, "affiliation: role before a name");
            }
        }
    }

    /// Where the noun phrase that ends before `c` starts: back over words,
    /// possessives and a bracketed acronym, to a punctuation mark, a number, a
    /// verb, a conjunction or a clause word (twelve tokens at most).
    fn phrase_start(&self, c: usize) -> usize {
        let (v, lx) = (self.v, self.lx);
        let mut k = c;
        while k > v.range.start && c - k < 12 {
            let Some(t) = self.tok(k - 1) else { break };
            let ok = match t.kind {
                TokKind::Possessive => true,
                TokKind::Punct => t.is_punct('(') || t.is_punct(')'),
                TokKind::Number => false,
                TokKind::Word => {
                    let w = t.norm.as_str();
                    !(lx.speech.contains(w)
                        || is(CLAUSE_MARKERS, w)
                        || matches!(w, "and" | "or" | "but")
                        || !t.cap && w.ends_with("ed") && !lx.cues.adjective_ed.contains(w))
                }
            };
            if !ok {
                break;
            }
            k -= 1;
        }
        k
    }

    /// A titled name followed by "of" and an institution: "Judge X of the 3rd
    /// Federal Court", "President X of the breakaway region of Y".
    fn titled_names_of(&mut self) {
        for m in self.mr.clone() {
            let mm = &self.ms[m];
            let Some(a) = mm.actor else { continue };
            if mm.absorbed
                || mm.form != MentionForm::Name
                || mm.title.is_none()
                || mm.qualifier.is_some()
                || self.kind_of(a) != Some(ActorKind::Person)
                || self.v.norm(mm.span.end) != "of"
            {
                continue;
            }
            let start = mm.span.start;
            let Some(x) = self.owner_after(mm.span.end + 1) else {
                continue;
            };
            let end = self.ms[x].span.end;
            if let Some(o) = self.ms[x].actor.filter(|&o| {
                matches!(
                    self.kind_of(o),
                    Some(ActorKind::Organization) | Some(ActorKind::Country)
                )
            }) {
                self.push(a, o, start..end, "affiliation: 'title X of Y'");
            }
        }
    }

    /// The sentence's own (not absorbed) mentions of organizations, with their actors.
    fn named_organizations(&self) -> Vec<(usize, usize)> {
        self.mr
            .clone()
            .filter(|&x| !self.ms[x].absorbed)
            .filter_map(|x| self.ms[x].actor.map(|a| (x, a)))
            .filter(|&(_, a)| self.kind_of(a) == Some(ActorKind::Organization))
            .collect()
    }

    /// An organization named right after a part noun with its owner: "Y and its
    /// petrochemical affiliate Z", "Hamas's armed wing, the X Brigades".
    fn its_parts(&mut self) {
        let (v, ms, lx) = (self.v, self.ms, self.lx);
        for (x, xa) in self.named_organizations() {
            let mut p = ms[x].span.start;
            if p > v.range.start && v.norm(p - 1) == "the" {
                p -= 1;
            }
            if p > v.range.start && self.is_punct(p - 1, ',') {
                p -= 1;
            }
            if p <= v.range.start || !lx.cues.org_part.contains(v.norm(p - 1)) {
                continue;
            }
            // Back over plain modifiers ("armed", "petrochemical") to the owner.
            let mut k = p - 1;
            while k > v.range.start
                && p - 1 - k < 3
                && self
                    .tok(k - 1)
                    .is_some_and(|t| t.kind == TokKind::Word && !t.cap && !is(ARTICLES, &t.norm))
                && self.ms_ending_at(k).is_none()
            {
                k -= 1;
            }
            let owner = self.ms_ending_at(k).and_then(|o| ms[o].actor).filter(|&o| {
                matches!(
                    self.kind_of(o),
                    Some(ActorKind::Organization) | Some(ActorKind::Country)
                )
            });
            if let Some(o) = owner {
                let end = ms[x].span.end;
                self.push(xa, o, k..end, "affiliation: 'Y's wing X'");
            }
        }
    }

    /// The mention (a possessive, or a possessive pronoun such as "its") whose
    /// phrase ends at token `k`.
    fn ms_ending_at(&self, k: usize) -> Option<usize> {
        let ms = self.ms;
        self.mr.clone().rev().find(|&o| {
            ms[o].actor.is_some()
                && (ms[o].possessive && ms[o].span.end + 1 == k
                    || ms[o].form == MentionForm::Pronoun
                        && ms[o].span.end == k
                        && is(THIRD_PERSON_POSSESSIVES, self.v.norm(k - 1)))
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

    /// "his Forward Georgia party", "her Unity Front movement": a person's own
    /// party or group, named after the person's possessive pronoun with the noun
    /// that makes it a body (data/cues.tsv `org_after`) or with that noun as its
    /// head ("his Labour Party").
    fn own_party(&mut self) {
        let (v, ms, lx) = (self.v, self.ms, self.lx);
        for (x, xa) in self.named_organizations() {
            let start = ms[x].span.start;
            let end = ms[x].span.end;
            let body_noun = |k: usize| lx.cues.org_after.contains(v.norm(k));
            let after = self.tok(end).is_some_and(|t| !t.cap) && body_noun(end);
            if !(after || body_noun(end - 1)) {
                continue;
            }
            let owner = self
                .ms_ending_at(start)
                .filter(|&o| ms[o].form == MentionForm::Pronoun)
                .and_then(|o| ms[o].actor)
                .filter(|&o| self.kind_of(o) == Some(ActorKind::Person));
            if let Some(o) = owner {
                let close = end + usize::from(after);
                self.push(o, xa, start - 1..close, "affiliation: 'his X party'");
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

/// The first title (data/titles.tsv) inside a token range, its longest form:
/// (start, end).
fn title_in(v: &SentenceArgs, r: Range<usize>) -> Option<(usize, usize)> {
    r.clone()
        .find_map(|i| title_end(v, i, r.end).map(|e| (i, e)))
}

/// The title that ends last inside a token range, its longest form: "Iran's
/// Foreign Ministry spokesman" (not a title earlier in the phrase).
fn last_title_in(v: &SentenceArgs, r: Range<usize>) -> Option<(usize, usize)> {
    r.clone()
        .filter_map(|i| title_end(v, i, r.end).map(|e| (i, e)))
        .max_by_key(|&(s, e)| (e, std::cmp::Reverse(s)))
}

/// The end of the longest title starting at token `i` and ending by `end`.
fn title_end(v: &SentenceArgs, i: usize, end: usize) -> Option<usize> {
    let lx = v.ctx.lx;
    if !v.tok(i).is_some_and(|t| t.is_word()) || !lx.title_may_extend(v.norm(i)) {
        return None;
    }
    let mut key = String::new();
    let mut best = None;
    for n in 1..=lx.title_max_words {
        let j = i + n - 1;
        if j >= end || !v.tok(j).is_some_and(|t| t.is_word()) {
            break;
        }
        if n > 1 {
            key.push(' ');
        }
        key.push_str(v.norm(j));
        if !lx.title_may_extend(&key) {
            break;
        }
        if lx.titles.contains_key(&key) {
            best = Some(j + 1);
        }
    }
    best
}
