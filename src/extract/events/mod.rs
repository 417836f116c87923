//! Events: relation triggers from data/triggers.tsv matched in each sentence, and
//! their two sides found by the trigger's frame inside its clause. Also the
//! affiliations stated by titles ("Iraqi Prime Minister X"), possessives ("Iran's
//! Revolutionary Guards") and appositions ("X, a State Department spokesman").
//!
//! This file runs the stages for each sentence in order; the rooms do the work:
//! [`patterns`] matches triggers, [`modality`] drops what did not happen,
//! [`frames`] picks the sides from the positions [`slots`] finds, [`attacks`]
//! carries the chain of attacks from sentence to sentence, and [`affiliations`]
//! reads who belongs to whom. [`view`] is the one sentence type they all read.

mod affiliations;
mod attacks;
mod complement;
mod frames;
mod modality;
mod patterns;
mod reported;
mod slots;
mod venues;
mod view;

use super::actors::{DocActor, DocCtx};
use super::clauses::{self, Clause};
use super::grammar::{
    is, ARTICLES, FIRST_PERSON_POSSESSIVES, PREPOSITIONS, THIRD_PERSON_POSSESSIVES,
    VERBISH_AUXILIARIES,
};
use super::mentions::{Mention, MentionForm};
use super::sentence::SentenceView;
use super::sentences::Sentence;
use super::tokens::TokKind;
use crate::lexicon::{Frame, Trigger};
use crate::model::{ActorKind, RelationType};
use attacks::DocState;
use frames::{arguments, reported_speaker, speaks_for};
use modality::{negated, planned_event, ultimatum};
use patterns::{find_triggers, Found, TokenMarks};
use std::ops::Range;
use view::SentenceArgs;

/// An event found in a document, before ids and evidence text are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Relation type.
    pub kind: RelationType,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Acting actor (index into the document's actors).
    pub source: usize,
    /// Actor acted on.
    pub target: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Trigger tokens.
    pub trigger: Range<usize>,
    /// Rule or lexicon entry that fired.
    pub rule: String,
    /// Announced or expected, not (yet) happened.
    pub planned: bool,
}

/// Finds the events of a document.
pub fn find(ctx: &DocCtx, mentions: &[Mention], actors: &[DocActor]) -> Vec<Event> {
    let mut state = DocState::new(first_mentions(mentions, actors.len()));
    let marks = TokenMarks::new(ctx.tokens.len(), mentions);
    let by_sentence = sentence_mentions(mentions, ctx.sentences.len());
    let doc = Doc {
        ctx,
        mentions,
        actors,
        marks: &marks,
    };
    for s in ctx.sentences {
        if s.index > 0 && opens_story(ctx, s) {
            state.story_start = s.index;
        }
        sentence_events(&doc, s, by_sentence[s.index].clone(), &mut state);
    }
    state.events
}

/// Whether sentence `s` opens a new story with a dateline of its own ("CAIRO,
/// May 3, 2011 —"), as each item of a page of news briefs does: what earlier
/// items told (who accused whom) is no longer what a bare reply answers.
fn opens_story(ctx: &DocCtx, s: &Sentence) -> bool {
    let end = super::skip_dateline(ctx.tokens, s.tokens.clone());
    end > s.tokens.start
        && ctx.tokens[s.tokens.start..end]
            .iter()
            .any(|t| t.kind == TokKind::Number || t.is_punct('('))
}

/// What every sentence of a document is read against.
struct Doc<'a> {
    ctx: &'a DocCtx<'a>,
    mentions: &'a [Mention],
    actors: &'a [DocActor],
    marks: &'a TokenMarks,
}

/// For each actor, its first mention: events point at mentions.
fn first_mentions(mentions: &[Mention], actors: usize) -> Vec<Option<usize>> {
    let mut first_mention: Vec<Option<usize>> = vec![None; actors];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(a) = m.actor {
            if let Some(slot) = first_mention.get_mut(a) {
                slot.get_or_insert(i);
            }
        }
    }
    first_mention
}

/// Each sentence's mentions as one range: mentions come in sentence order.
fn sentence_mentions(mentions: &[Mention], sentences: usize) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = vec![0..0; sentences];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(r) = out.get_mut(m.sentence) {
            if r.start == r.end {
                *r = i..i + 1;
            } else {
                r.end = i + 1;
            }
        }
    }
    out
}

/// The mentions of a sentence that may be an event's side: resolved, not folded
/// into a longer phrase, and no possessive pronoun ("his", "their").
fn eligible_args(doc: &Doc, mrange: Range<usize>) -> Vec<usize> {
    let (ctx, mentions) = (doc.ctx, doc.mentions);
    let here = &mentions[mrange.clone()];
    mrange
        .filter(|&m| {
            let mm = &mentions[m];
            // "the Kurdish-led Syrian Democratic Forces": the name only qualifies
            // the name after it ("Russian-backed separatists", with no name to
            // stand for them, are still Russia's).
            let e = mm.span.end;
            // ("the Kremlin-linked militia group Wagner": the name may come a
            // few plain words later.)
            let name_follows = |from: usize| {
                (from..(from + 4).min(ctx.tokens.len())).any(|k| {
                    ctx.tokens[k].cap
                        && (from..k).all(|j| ctx.tokens[j].kind == TokKind::Word)
                        && here.iter().any(|o| o.span.start == k)
                })
            };
            let hyphened = mm.hyphen_modifier(ctx.tokens)
                && (ctx.tokens.get(e + 2).is_some_and(|n| n.cap)
                    || mentions.get(m + 1).is_some_and(|n| n.span.start == e + 2)
                    || name_follows(e + 2));
            let possessive_pronoun = mm.form == MentionForm::Pronoun && {
                let w = ctx.tokens[mm.span.start].norm.as_str();
                is(THIRD_PERSON_POSSESSIVES, w) || is(FIRST_PERSON_POSSESSIVES, w)
            };
            !(mm.absorbed || hyphened || mm.actor.is_none() || possessive_pronoun)
        })
        .collect()
}

/// The events and affiliations of sentence `s`, whose mentions are `mrange`.
fn sentence_events(doc: &Doc, s: &Sentence, mrange: Range<usize>, state: &mut DocState) {
    let (ctx, mentions) = (doc.ctx, doc.mentions);
    let range = s.tokens.clone();
    let args = eligible_args(doc, mrange.clone());
    let found = find_triggers(
        ctx.tokens,
        ctx.lx,
        range.clone(),
        doc.marks,
        mentions,
        &args,
    );
    if found.is_empty() && args.is_empty() {
        return;
    }
    let clauses = split_clauses(doc, range.clone(), &found, &args);
    if debugging() {
        debug_sentence(doc, s.index, &clauses, &found, &args);
    }
    let view = SentenceArgs {
        ctx,
        mentions,
        actors: doc.actors,
        args,
        all: mrange.clone(),
        clauses,
        view: SentenceView {
            doc: ctx.doc,
            tokens: ctx.tokens,
            range,
            sentence: s.index,
            lx: ctx.lx,
        },
    };
    let events_before = state.events.len();
    for (tr, trig, slot) in &found {
        trigger_events(&view, tr, trig, slot.clone(), state);
    }
    addressed_to_other_side(&view, &found, state, events_before);
    venues::visits_of_meetings(&view, state, events_before);
    reported::reported_hostile_acts(&view, &found, state, events_before);
    reported::reported_denials(&view, state, events_before);
    affiliations::affiliations(&view, &mut state.events, s.index, mrange);
}

/// The sentence's clauses, told apart by where mentions start and which words
/// look like verbs (a trigger that is no event noun, a speech verb, an -ed form).
fn split_clauses(doc: &Doc, range: Range<usize>, found: &[Found], args: &[usize]) -> Vec<Clause> {
    let (ctx, mentions, lx) = (doc.ctx, doc.mentions, doc.ctx.lx);
    // (Event nouns are no verbs: "announced a partnership with X".)
    let first = range.start;
    let is_trigger_start = |k: usize| {
        found.iter().any(|(r, t, _)| {
            r.start == k
                && !matches!(t.frame, Frame::Noun | Frame::Between)
                && !stance_noun(ctx.tokens, first, k, t)
        })
    };
    let mention_start = |k: usize| args.iter().any(|&m| mentions[m].span.start == k);
    // "Kurdish-led", "Iran-backed": a participle hyphenated to a name is an
    // adjective of the noun after it, no verb.
    let hyphenated = |k: usize| {
        k > 0 && ctx.tokens[k - 1].is_punct('-') && ctx.tokens[k - 1].end == ctx.tokens[k].start
    };
    let is_verbish = |k: usize| {
        ctx.tokens.get(k).is_some_and(|t| {
            t.kind == TokKind::Word
                && !t.cap
                && !hyphenated(k)
                && (is_trigger_start(k)
                    || lx.speech.contains(&t.norm)
                    || t.norm.ends_with("ed")
                    || is(VERBISH_AUXILIARIES, &t.norm))
        })
    };
    clauses::split(ctx.tokens, lx, range, &mention_start, &is_verbish)
}

/// A condemnation or denial verb used as a noun after an article ("in a sharp
/// rebuke of X", "a flat denial"): no verb, so it neither splits the clause nor
/// tells an act of its own (the verb of the clause does).
fn stance_noun(tokens: &[super::tokens::Token], start: usize, k: usize, t: &Trigger) -> bool {
    if !matches!(t.kind, RelationType::Condemn | RelationType::Deny) || t.frame == Frame::Noun {
        return false;
    }
    // ("a charge the party denies": after an article and a noun the word is a
    // verb; only right after the article, or before "of", is it a noun.)
    let of_next = tokens
        .get(k + 1)
        .is_some_and(|n| matches!(n.norm.as_str(), "of" | "from"));
    (k.saturating_sub(3).max(start)..k).rev().any(|j| {
        is(ARTICLES, &tokens[j].norm)
            && (j + 1 == k || of_next)
            && (j + 1..k).all(|i| {
                let w = &tokens[i];
                w.kind == TokKind::Word && !w.cap && !w.norm.ends_with("ed")
            })
    })
}

/// NEWSGRAPH_DEBUG output: how a sentence was read.
fn debug_sentence(doc: &Doc, sentence: usize, clauses: &[Clause], found: &[Found], args: &[usize]) {
    let ctx = doc.ctx;
    for c in clauses {
        eprintln!(
            "s{} clause {:?}{}{}: {}",
            sentence,
            c.opening,
            if c.adverbial { " adverbial" } else { "" },
            if c.quoted { " quoted" } else { "" },
            super::mentions::span_text(ctx.doc, ctx.tokens, c.range.clone())
        );
    }
    for (tr, trig, _) in found {
        eprintln!(
            "  trigger {:?} {} {:?}",
            super::mentions::span_text(ctx.doc, ctx.tokens, tr.clone()),
            trig.kind,
            trig.frame
        );
    }
    for &m in args {
        eprintln!(
            "  arg {:?} -> {:?}",
            doc.mentions[m].text(ctx.doc, ctx.tokens),
            doc.mentions[m].actor.map(|a| &doc.actors[a].name)
        );
    }
}

/// Whether a matched trigger names no event after all: negated, "seized power"
/// (no use of force), "flew back home" (no visit).
fn no_event(v: &SentenceArgs, tr: &Range<usize>, trig: &Trigger) -> bool {
    let (tokens, lx) = (v.ctx.tokens, v.ctx.lx);
    if negated(v, tr.start)
        || v.in_denied_clause(tr.start)
        || adjectival(v, tr, trig)
        || stance_noun(tokens, v.range.start, tr.start, trig)
    {
        return true;
    }
    // "the junta that seized power", "struck a deal": no use of force.
    if trig.kind == RelationType::Attack
        && trig.frame == Frame::Svo
        && (tr.end..(tr.end + 3).min(v.range.end))
            // ("struck Cambodian military targets": a name on the way is whose
            // targets they are, and the strike is one.)
            .take_while(|&k| !tokens[k].is_punct(',') && v.arg_at(k).is_none())
            .any(|k| lx.cues.not_attacked.contains(&tokens[k].norm))
    {
        return true;
    }
    // "flew back to New Delhi", "returned home": going home is no visit.
    trig.kind == RelationType::Visit
        && tr
            .clone()
            .any(|k| lx.cues.return_word.contains(&tokens[k].norm))
}

/// A participle that only describes the name after it: "ousted President X",
/// "supporters of detained opposition leader X", "to free jailed reporter X".
/// After a preposition, an article or an infinitive, a verb form before a
/// title or name is an adjective, not an act.
fn adjectival(v: &SentenceArgs, tr: &Range<usize>, trig: &Trigger) -> bool {
    if trig.frame == Frame::Noun || tr.len() != 1 || tr.start == v.range.start {
        return false;
    }
    let w = v.norm(tr.start);
    let participle = w.ends_with("ed") || v.ctx.lx.cues.irregular_participle.contains(w);
    // ("ousted president Pedro Castillo": a lowercase title may come first.)
    let before_name = (tr.end..tr.end + 3)
        .find_map(|k| v.arg_at(k))
        .is_some_and(|m| {
            (tr.end..v.mentions[m].span.start).all(|k| {
                v.tok(k)
                    .is_some_and(|t| t.kind == TokKind::Word && !is(ARTICLES, &t.norm))
            })
        });
    let p = v.norm(tr.start - 1);
    let prev = &v.ctx.tokens[tr.start - 1];
    // After another verb ("later met detained President X") the participle is
    // the object's adjective too.
    let verb_before = prev.kind == TokKind::Word
        && !prev.cap
        && (p.ends_with("ed") || v.ctx.lx.cues.irregular_participle.contains(p));
    let opener = is(PREPOSITIONS, p)
        || matches!(p, "of" | "a" | "an" | "the")
        || verb_before
        || tr.start >= v.range.start + 2 && v.norm(tr.start - 2) == "to" && !prev.cap;
    participle && before_name && opener
}

/// The events of one trigger: each pair its frame finds, between the actors the
/// mentions stand for; a use of force is also remembered for later sentences.
fn trigger_events(
    v: &SentenceArgs,
    tr: &Range<usize>,
    trig: &Trigger,
    slot: Option<Range<usize>>,
    state: &mut DocState,
) {
    if no_event(v, tr, trig) {
        return;
    }
    let mut planned = planned_event(v, trig, tr);
    let mut pairs = arguments(v, tr.clone(), trig, slot, state);
    pairs.extend(frames::echoed(v, tr, &pairs));
    if trig.kind == RelationType::Attack && !planned {
        pairs.extend(frames::own_attack_claims(v, tr.clone(), trig));
    }
    // "would strike X", "vowed to attack X", "plans to fire missiles at X": force
    // announced is a threat made now.
    let announced = trig.kind == RelationType::Attack && planned;
    if announced {
        for arg in pairs.iter_mut().filter(|a| a.kind.is_none()) {
            arg.kind = Some(RelationType::Threaten);
            arg.note.push_str(" (force announced: a threat)");
        }
        planned = false;
        if pairs.is_empty() {
            return;
        }
    }
    let speaker = reported_speaker(v, tr.start);
    let mut first: Option<(usize, usize)> = None;
    for arg in pairs {
        // A group phrase ("the two leaders") stands for each of its actors.
        for a0 in v.actors_of(arg.src) {
            for b in v.actors_of(arg.tgt) {
                let event = pair_event(v, tr, trig, &arg, (a0, b), speaker, planned);
                if let Some(e) = event {
                    if e.kind == trig.kind && first.is_none() {
                        first = Some((e.source, e.target));
                    }
                    if e.kind == RelationType::Demand && ultimatum(v, tr) {
                        state.events.push(as_threat(&e));
                    }
                    state.events.push(e);
                }
            }
        }
    }
    // "condemned a raid by X": the raid, told nowhere else, is X's.
    if trig.frame == Frame::Condemn && !v.passive(tr.start) {
        let author = attacks::attack_phrase(v, tr.end)
            .and_then(|(head, _)| attacks::attack_author(v, tr.end, head));
        if let Some(m) = author.filter(|_| first.is_some()) {
            let target = attacks::target_after_agent(v, m);
            if let Some(a) = v.actor(m) {
                state.remember_author(v.sentence, a, target);
            }
        }
    }
    // Every use of force is remembered, with or without a known author: a
    // later "condemned the attack" or "claimed responsibility" refers to it.
    if trig.kind == RelationType::Attack && !planned && !announced {
        state.remember_attack(v, tr, trig, first);
    }
}

/// The threat an ultimatum makes besides its demand.
fn as_threat(e: &Event) -> Event {
    let kind = RelationType::Threaten;
    Event {
        kind,
        cameo: kind.default_cameo().map(str::to_string),
        rule: format!("{} (ultimatum: a penalty after \"or\")", e.rule),
        ..e.clone()
    }
}

/// The event between actors `a0` and `b` found by `arg`; none when both sides are
/// one actor.
fn pair_event(
    v: &SentenceArgs,
    tr: &Range<usize>,
    trig: &Trigger,
    arg: &frames::Arg,
    (a0, b): (usize, usize),
    speaker: Option<(usize, bool)>,
    planned: bool,
) -> Option<Event> {
    let actors = v.actors;
    let mut a = a0;
    // "Asif said Islamabad would respond": the official speaking
    // for his country is the one who threatens, demands, condemns.
    let mut note = arg.note.clone();
    if let Some((p, pledge)) = speaker {
        // (Whoever pledges what a country will do speaks for it, even when the
        // text never says whose official they are.)
        let unknown_side =
            pledge && actors[p].country.is_none() && actors[a].kind == Some(ActorKind::Country);
        if p != a && p != b && (speaks_for(actors, p, a) || unknown_side) {
            note = format!(
                "{note} (said by {}, speaking for {})",
                actors[p].name, actors[a].name
            );
            a = p;
        }
    }
    if a == b {
        return None;
    }
    let kind = arg.kind.unwrap_or(trig.kind);
    let cameo = if kind == trig.kind {
        trig.cameo.clone()
    } else {
        kind.default_cameo().unwrap_or_default().to_string()
    };
    Some(Event {
        kind,
        cameo: Some(cameo),
        source: a,
        target: b,
        sentence: v.sentence,
        trigger: tr.clone(),
        rule: format!(
            "{}:{} {} [{}]{}",
            trig.source, trig.line, trig.kind, trig.pattern, note
        ),
        planned: planned && kind == trig.kind,
    })
}

/// A demand with no addressee, made during a call or meeting, is addressed to
/// the other side: "In a call with X, Y urged a ceasefire". Likewise an offer of
/// support: "X called Y to offer condolences".
fn addressed_to_other_side(
    v: &SentenceArgs,
    found: &[Found],
    state: &mut DocState,
    events_before: usize,
) {
    let here: Vec<Event> = state.events[events_before..].to_vec();
    for (tr, trig, _) in found {
        if !matches!(trig.kind, RelationType::Demand | RelationType::Support)
            || here.iter().any(|e| e.trigger == *tr)
            || negated(v, tr.start)
        {
            continue;
        }
        let Some(src) = v.subjects(tr.start).first().and_then(|&m| v.actor(m)) else {
            continue;
        };
        // ("stand by and support Kurdistan": the support has its target already.)
        if here.iter().any(|e| e.kind == trig.kind && e.source == src) {
            continue;
        }
        if let Some(c) = here.iter().find(|e| {
            matches!(e.kind, RelationType::Call | RelationType::Meet)
                && (e.source == src || e.target == src)
        }) {
            let other = if c.source == src { c.target } else { c.source };
            state.events.push(Event {
                kind: trig.kind,
                cameo: Some(trig.cameo.clone()),
                source: src,
                target: other,
                sentence: v.sentence,
                trigger: tr.clone(),
                rule: format!(
                    "{}:{} {} addressed to the other side of the {}",
                    trig.source, trig.line, trig.kind, c.kind
                ),
                planned: false,
            });
        }
    }
}

/// Whether NEWSGRAPH_DEBUG is set (read once: looking it up for every sentence
/// took the environment lock each time).
fn debugging() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("NEWSGRAPH_DEBUG").is_some())
}

#[cfg(test)]
mod tests;
