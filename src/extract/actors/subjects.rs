//! Subjects for coreference: which person a sentence is about (pronouns
//! point back to it), the subject of the clause a mention is in, and whether a
//! pronoun stands in object position ("met Y and urged him").

use super::{DocActor, DocCtx};
use crate::extract::grammar::{
    AFTER_OBJECT_PRONOUN, CLAUSE_LINKS, CLAUSE_MARKERS, CLAUSE_OPENERS, COPULAS, DETERMINERS,
    ORDINALS,
};
use crate::extract::mentions::{Mention, MentionForm};
use crate::extract::tokens::{TokKind, Token};
use crate::model::ActorKind;

/// The person mentioned first in a sentence outside prepositional phrases: the
/// salient person pronouns refer back to.
pub(super) fn sentence_subjects(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
) -> Vec<Option<(usize, usize)>> {
    let mut subj = vec![None; ctx.sentences.len()];
    for m in mentions {
        if m.absorbed
            || subj
                .get(m.sentence)
                .is_none_or(|s: &Option<(usize, usize)>| s.is_some())
        {
            continue;
        }
        if let Some(a) = m.actor {
            if actors[a].is_person() && !after_preposition(ctx, m) {
                subj[m.sentence] = Some((a, m.span.start));
            }
        }
    }
    subj
}

/// Whether the first actor named in `sentence` before token `at` (outside
/// prepositional phrases) is a country or organization opening the clause:
/// then a person named after it is no subject of the sentence.
pub(super) fn thing_opens_before(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    sentence: usize,
    at: usize,
) -> bool {
    mentions
        .iter()
        .filter(|m| m.sentence == sentence && m.span.start < at && !m.absorbed)
        .find(|m| m.actor.is_some() && !after_preposition(ctx, m))
        .is_some_and(|m| {
            let a = &actors[m.actor.unwrap_or_default()];
            matches!(
                a.kind,
                Some(ActorKind::Country) | Some(ActorKind::Organization)
            ) && is_clause_subject(ctx, m)
        })
}

/// A mention right after a preposition ("with X", "by X") is no subject.
pub(super) fn after_preposition(ctx: &DocCtx, m: &Mention) -> bool {
    let prev = m
        .span
        .start
        .checked_sub(1)
        .map(|p| ctx.tokens[p].norm.as_str())
        .unwrap_or("");
    matches!(
        prev,
        "with" | "to" | "of" | "by" | "for" | "on" | "about" | "from"
    )
}

/// The actor named just before mention `i` in its own clause (after the nearest
/// comma, "and", "that" ...), if any: "Qin praised [the two ministers]" → Qin.
pub(super) fn same_clause_subject(ctx: &DocCtx, mentions: &[Mention], i: usize) -> Option<usize> {
    let m = &mentions[i];
    let first_tok = ctx.sentences[m.sentence].tokens.start;
    let opener = (first_tok..m.span.start)
        .rev()
        .find(|&x| {
            let t = &ctx.tokens[x];
            t.is_punct(',') || matches!(t.norm.as_str(), "and" | "but" | "that" | "which" | "who")
        })
        .map(|x| x + 1)
        .unwrap_or(first_tok);
    (0..i)
        .rev()
        .take_while(|&k| mentions[k].sentence == m.sentence && mentions[k].span.start >= opener)
        .filter(|&k| !mentions[k].absorbed)
        .last()
        .and_then(|k| mentions[k].actor)
}

/// The actor of the subject of the clause holding mention `i`: the first mention
/// after the nearest clause opener ("when", "and", a comma) before it, going back
/// past openers that have no mention before `i` ("X blocked Y and rammed it" → X).
pub(super) fn clause_subject_before(ctx: &DocCtx, mentions: &[Mention], i: usize) -> Option<usize> {
    let m = &mentions[i];
    let first_tok = ctx.sentences[m.sentence].tokens.start;
    let same: Vec<usize> = (0..i)
        .rev()
        .take_while(|&k| mentions[k].sentence == m.sentence)
        .filter(|&k| mentions[k].form != MentionForm::Pronoun && !mentions[k].absorbed)
        .collect();
    let mut k = m.span.start;
    loop {
        let o = clause_open(ctx, first_tok, k);
        let first = same.iter().rev().find(|&&j| mentions[j].span.start >= o);
        if let Some(&j) = first {
            return mentions[j].actor;
        }
        if o <= first_tok + 1 {
            return None;
        }
        k = o - 1;
    }
}

/// "it" after a verb or preposition ("rammed it", "against it"), not opening a clause.
pub(super) fn thing_object(ctx: &DocCtx, m: &Mention) -> bool {
    if ctx.tokens[m.span.start].norm != "it" || m.span.start == 0 {
        return false;
    }
    let p = &ctx.tokens[m.span.start - 1];
    let s = &ctx.sentences[m.sentence];
    m.span.start > s.tokens.start
        && p.kind == TokKind::Word
        && !p.cap
        && !CLAUSE_LINKS.contains(&p.norm.as_str())
        && !ctx.lx.cues.say_form.contains(&p.norm)
}

/// "him", or "her" not followed by a noun: a pronoun in object position.
pub(super) fn object_pronoun(ctx: &DocCtx, m: &Mention) -> bool {
    match ctx.tokens[m.span.start].norm.as_str() {
        "him" | "them" => true,
        "her" => ctx
            .tokens
            .get(m.span.end)
            .is_none_or(|t| !t.is_word() || AFTER_OBJECT_PRONOUN.contains(&t.norm.as_str())),
        _ => false,
    }
}

/// A mention at the start of its sentence (after an opening adverbial), i.e. the
/// likely subject.
pub(super) fn is_clause_subject(ctx: &DocCtx, m: &Mention) -> bool {
    let s = &ctx.sentences[m.sentence];
    let before = s.tokens.start..m.span.start;
    // (After a dateline: "NEW YORK — Pfizer reached ...".)
    before.len() <= 1
        || ctx.tokens[m.span.start - 1].is_punct(',')
        || ctx.tokens[m.span.start - 1].is_punct('-')
}

/// "Pyongyang said it was studying a plan", "the rebels said they had taken
/// the town": a pronoun opening what a name says is that name. The actor of
/// the mention right before the speech verb (and an optional "that") before
/// mention `i`, when it is no person.
pub(super) fn speaker_before(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[super::DocActor],
    i: usize,
) -> Option<usize> {
    let m = &mentions[i];
    let mut v = m.span.start.checked_sub(1)?;
    if ctx.tokens[v].norm == "that" {
        v = v.checked_sub(1)?;
    }
    let verb = &ctx.tokens[v].norm;
    if !(ctx.lx.speech.contains(verb) || ctx.lx.speech_clause.contains(verb)) {
        return None;
    }
    let j = (0..i)
        .rev()
        .take_while(|&k| mentions[k].sentence == m.sentence)
        .find(|&k| mentions[k].span.end == v && !mentions[k].absorbed)?;
    let a = mentions[j].actor?;
    (!actors[a].is_person()).then_some(a)
}

/// The subject of mention `i`'s clause when `i` is that clause's object ("X
/// blamed the company", "Y told the American president"): a role there is
/// someone other than who acts. Nothing when `i` opens a clause of its own
/// ("said the company had ...") or stands first. ("told" takes its object.)
pub(super) fn subject_of_object(ctx: &DocCtx, mentions: &[Mention], i: usize) -> Option<usize> {
    let m = &mentions[i];
    if !is_object(ctx, m) {
        return None;
    }
    // The first clause back that has a mention: its subject, when a mention
    // opens it (after no lowercase word: "1995 — President X"); a clause that
    // opens with a verb ("Monday, gave the Taliban") or a pronoun's noun ("his
    // forces would strike") shows no subject to go by.
    let first_tok = ctx.sentences[m.sentence].tokens.start;
    let mut k = m.span.start;
    loop {
        let o = clause_open(ctx, first_tok, k);
        let first = (0..i)
            .filter(|&j| mentions[j].sentence == m.sentence && !mentions[j].absorbed)
            .find(|&j| mentions[j].span.start >= o && mentions[j].span.start < k);
        if let Some(j) = first {
            let gap = (o..mentions[j].span.start).any(|x| {
                let t = &ctx.tokens[x];
                t.is_word() && !t.cap && t.norm.chars().any(char::is_alphabetic)
            });
            return (!gap).then_some(mentions[j].actor).flatten();
        }
        if o <= first_tok + 1 {
            return None;
        }
        k = o - 1;
    }
}

/// Whether mention `m` follows a verb or preposition as its object: not a
/// clause's subject ("said the company had ..."), nor what a linking verb says
/// the subject is ("became the first Ethiopian leader").
pub(super) fn is_object(ctx: &DocCtx, m: &Mention) -> bool {
    if is_clause_subject(ctx, m) {
        return false;
    }
    // (Back past the words that open the phrase: "became the first Ethiopian
    // leader".)
    let first = ctx.sentences[m.sentence].tokens.start;
    let opening = |t: &Token| {
        DETERMINERS.contains(&t.norm.as_str())
            || ORDINALS.contains(&t.norm.as_str())
            || ctx.lx.cues.modifier_word.contains(&t.norm)
    };
    let Some(p) = (first..m.span.start)
        .rev()
        .find(|&p| !opening(&ctx.tokens[p]))
    else {
        return false;
    };
    let prev = &ctx.tokens[p];
    let w = prev.norm.as_str();
    let opens_clause = !prev.is_word()
        || prev.cap
        || CLAUSE_OPENERS.contains(&w)
        || CLAUSE_MARKERS.contains(&w)
        || COPULAS.contains(&w)
        || ctx.lx.speech_clause.contains(w);
    !opens_clause
}

/// Where the clause holding token `k` opens: after the last comma or clause
/// opener before it in its sentence (which starts at `first_tok`).
fn clause_open(ctx: &DocCtx, first_tok: usize, k: usize) -> usize {
    let opener = |t: &Token| t.is_punct(',') || CLAUSE_OPENERS.contains(&t.norm.as_str());
    (first_tok..k)
        .rev()
        .find(|&x| opener(&ctx.tokens[x]))
        .map(|x| x + 1)
        .unwrap_or(first_tok)
}
