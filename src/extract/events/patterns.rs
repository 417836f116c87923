//! The trigger-pattern interpreter: finds the lines of data/triggers.tsv that
//! match in a sentence, left to right and longest first, and where a pattern's
//! argument slot ("@") fell. Kept apart from the frames because matching decides
//! only *that* an event is named, never who its sides are.

use super::super::grammar::{
    is, ARTICLES, LIST_COORDINATORS, NOUN_DETERMINERS, THIRD_PERSON_POSSESSIVES,
};
use super::super::mentions::{Mention, MentionForm};
use super::super::tokens::{TokKind, Token};
use super::modality::modal_before;
use crate::lexicon::{Frame, Lexicon, Step, Trigger};
use std::ops::Range;

/// A trigger found in a sentence: its tokens, its lexicon line, its object slot.
pub(super) type Found<'a> = (Range<usize>, &'a Trigger, Option<Range<usize>>);

/// Which tokens matching must treat specially, computed once per document.
pub(super) struct TokenMarks {
    /// Tokens inside a resolved name: no trigger starts or gaps across them
    /// ("Strike Group" names no strike).
    in_name: Vec<bool>,
    /// Last tokens of demonym mentions and of cities before a noun: "Israeli
    /// strikes", "the Cairo visit" read the trigger word as a noun.
    demonym_end: Vec<bool>,
}

impl TokenMarks {
    /// Marks the tokens of a document with `len` tokens from its mentions.
    pub(super) fn new(len: usize, mentions: &[Mention]) -> TokenMarks {
        let mut in_name = vec![false; len];
        for m in mentions {
            // (A capital standing for its government is a name too: "warned
            // Ankara of grave consequences for ..." gaps across no name; "talks in
            // Cairo with X" names where, not who.)
            let metonym = m.form == MentionForm::Metonym && !m.locative;
            if (m.form == MentionForm::Name || metonym) && m.actor.is_some() {
                for i in m.span.clone() {
                    if let Some(x) = in_name.get_mut(i) {
                        *x = true;
                    }
                }
            }
        }
        let mut demonym_end = vec![false; len];
        for m in mentions {
            // ("The Nairobi visit": a city that only modifies the noun.)
            let modifier = m.form == MentionForm::Demonym
                || m.form == MentionForm::Metonym && m.absorbed && m.qualifier.is_none();
            if modifier && m.span.end > 0 {
                if let Some(x) = demonym_end.get_mut(m.span.end - 1) {
                    *x = true;
                }
            }
        }
        TokenMarks {
            in_name,
            demonym_end,
        }
    }
}

/// The triggers of one sentence, left to right, the longest match at each
/// position (a noun reading preferred where the words before call for one).
/// `args` are the sentence's argument mentions, which fill pattern slots.
pub(super) fn find_triggers<'l>(
    tokens: &[Token],
    lx: &'l Lexicon,
    range: Range<usize>,
    marks: &TokenMarks,
    mentions: &[Mention],
    args: &[usize],
) -> Vec<Found<'l>> {
    // An argument slot: a mention, or a list of them ("Ethiopia and Somalia").
    // ("held the Lebanese government responsible": a demonym's government or
    // forces stand for its country.)
    let body_noun = |w: &str| lx.cues.delegation.contains(w) || lx.cues.of_transparent.contains(w);
    let mention_end_at = |k: usize| {
        args.iter()
            .map(|&m| &mentions[m])
            .find(|m| m.span.start == k)
            .map(|m| {
                let body = m.form == MentionForm::Demonym
                    && tokens.get(m.span.end).is_some_and(|t| body_noun(&t.norm));
                m.span.end + usize::from(body)
            })
    };
    let slot_end = |k: usize| -> Option<usize> {
        let mut e = mention_end_at(k)?;
        loop {
            // ("the Allied Workers' Union (AWU) from": its acronym in brackets.)
            let bracketed = |e: usize| {
                e + 2 < range.end
                    && tokens[e].norm == "("
                    && tokens[e + 1].kind == TokKind::Word
                    && tokens[e + 2].norm == ")"
            };
            if bracketed(e) {
                e += 3;
            }
            let mut j = e;
            while j < range.end && (tokens[j].norm == "," || is(LIST_COORDINATORS, &tokens[j].norm))
            {
                j += 1;
            }
            match mention_end_at(j) {
                Some(x) if j > e => e = x,
                _ => return Some(e),
            }
        }
    };
    let mut found: Vec<Found> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        if marks.in_name[i] {
            i += 1;
            continue;
        }
        match best_at(tokens, lx, range.clone(), marks, i, &slot_end) {
            Some((m, trig)) => {
                found.push((i..m.end, trig, m.slot));
                i = m.end;
            }
            None => i += 1,
        }
    }
    found
}

/// The best trigger starting at token `i`: the longest match, ties going to the
/// reading (noun or verb) that the word before asks for.
fn best_at<'l>(
    tokens: &[Token],
    lx: &'l Lexicon,
    range: Range<usize>,
    marks: &TokenMarks,
    i: usize,
    slot_end: &dyn Fn(usize) -> Option<usize>,
) -> Option<(Match, &'l Trigger)> {
    let mut best: Option<(Match, &Trigger)> = None;
    let cands = lx.trigger_index.get(&tokens[i].norm)?;
    // A figure and its unit ("$500 million", "20 jets") count as no word of a
    // gap: "promised another $500 million in military aid to X".
    let figure = |k: usize| {
        let t = &tokens[k];
        t.kind == TokKind::Number
            || t.kind == TokKind::Punct && matches!(t.norm.as_str(), "$" | "€" | "£" | "¥")
            || k > 0
                && tokens[k - 1].kind == TokKind::Number
                && lx.cues.quantity_word.contains(&t.norm)
            || lx.cues.number_word.contains(&t.norm)
            // ("a dozen missiles": the article counts with its number.)
            || matches!(t.norm.as_str(), "a" | "an")
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| lx.cues.number_word.contains(&n.norm))
            // "at least eight": the "at" counts, it does not end a gap
            || t.norm == "at" && tokens.get(k + 1).is_some_and(|n| n.norm == "least")
            || t.norm == "least" && k > 0 && tokens[k - 1].norm == "at"
    };
    let gap = Gap {
        blocked: &|k| marks.in_name[k],
        figure: &figure,
    };
    for &ti in cands {
        let trig = &lx.triggers[ti];
        if trig.modal && !modal_before(lx, tokens, range.start, i) {
            continue;
        }
        // ("a session hosted by X" starts with its noun.)
        let verb_frame =
            !matches!(trig.frame, Frame::Noun | Frame::Between | Frame::Fall) && !trig.agent_last();
        if verb_frame && !trig.noun_of() && noun_context(lx, tokens, &marks.demonym_end, i) {
            continue;
        }
        if let Some(m) = match_trigger(tokens, i, range.end, trig, &gap, slot_end) {
            let better = match &best {
                None => true,
                Some((bm, bt)) => {
                    m.end > bm.end || m.end == bm.end && prefer_noun(lx, tokens, i, trig, bt)
                }
            };
            if better {
                best = Some((m, trig));
            }
        }
    }
    best
}

/// Where a trigger matched: its tokens, and the argument slot ("@") when the pattern
/// has one.
#[derive(Debug, Clone)]
struct Match {
    end: usize,
    slot: Option<Range<usize>>,
}

/// What a "*" gap may not cross (`blocked`: a name) and what it does not count
/// (`figure`: a sum, or a number and its unit).
struct Gap<'a> {
    blocked: &'a dyn Fn(usize) -> bool,
    figure: &'a dyn Fn(usize) -> bool,
}

/// Matches trigger `trig` at token `i` (before `end`): its words in order, a gap
/// of up to three words for "*", a mention or list for "@". `gap` keeps a gap out
/// of names; `slot_end(k)` is where a slot starting at `k` ends.
fn match_trigger(
    tokens: &[Token],
    i: usize,
    end: usize,
    trig: &Trigger,
    gap: &Gap,
    slot_end: &dyn Fn(usize) -> Option<usize>,
) -> Option<Match> {
    struct Env<'a> {
        tokens: &'a [Token],
        start: usize,
        end: usize,
        noun: bool,
        gap: &'a Gap<'a>,
        slot_end: &'a dyn Fn(usize) -> Option<usize>,
    }
    fn go(env: &Env, j: usize, steps: &[Step], slot: Option<Range<usize>>) -> Option<Match> {
        let Some(step) = steps.first() else {
            return Some(Match { end: j, slot });
        };
        let tokens = env.tokens;
        let word_at = |forms: &[String]| {
            j < env.end && tokens[j].is_word() && forms.iter().any(|f| f == &tokens[j].norm)
        };
        match step {
            Step::Word(forms) => {
                if word_at(forms) {
                    go(env, j + 1, &steps[1..], slot)
                } else if let Some(e) = agent_phrase_end(env.tokens, env.slot_end, j)
                    .filter(|_| env.noun && j > env.start)
                {
                    // "the attack by X on Y": an event noun's agent may come
                    // between the noun and its preposition.
                    go(env, e, steps, slot)
                } else {
                    None
                }
            }
            Step::Optional(forms) => {
                if word_at(forms) {
                    Some(Match { end: j + 1, slot })
                } else {
                    Some(Match { end: j, slot })
                }
            }
            Step::Slot => {
                let e = (env.slot_end)(j)?;
                // "agreed to Peru's terms": a possessive slot before its noun.
                let owner = e < env.end && matches!(tokens[e].norm.as_str(), "'s" | "'");
                go(env, e, &steps[1..], Some(j..e))
                    .or_else(|| owner.then(|| go(env, e + 1, &steps[1..], Some(j..e)))?)
            }
            Step::Gap => {
                // Up to three words; quote marks are skipped without counting
                // ('respond "with full force" to').
                let mut k = j;
                let mut words = 0;
                loop {
                    // ("fired at least eight missiles at X": a figure never ends a gap.)
                    let figure = k < env.end && (env.gap.figure)(k);
                    if !figure {
                        if let Some(m) = go(env, k, &steps[1..], slot.clone()) {
                            return Some(m);
                        }
                    }
                    if k >= env.end {
                        return None;
                    }
                    let t = &tokens[k];
                    if t.is_punct('"') || (env.gap.figure)(k) {
                        k += 1;
                        continue;
                    }
                    if words == 3 || (env.gap.blocked)(k) {
                        return None;
                    }
                    if t.kind == TokKind::Punct {
                        return None;
                    }
                    words += 1;
                    k += 1;
                }
            }
        }
    }
    let env = Env {
        tokens,
        start: i,
        end,
        noun: trig.frame == Frame::Noun,
        gap,
        slot_end,
    };
    go(&env, i, &trig.steps, None)
}

/// The end of a "by" phrase naming an agent at `j` ("by X", "by the X"), as
/// `slot_end` finds the names.
fn agent_phrase_end(
    tokens: &[Token],
    slot_end: &dyn Fn(usize) -> Option<usize>,
    j: usize,
) -> Option<usize> {
    if tokens.get(j)?.norm != "by" {
        return None;
    }
    let k = if tokens.get(j + 1).is_some_and(|t| is(ARTICLES, &t.norm)) {
        j + 2
    } else {
        j + 1
    };
    slot_end(k)
}

/// Whether the word at `i` reads as a noun from what precedes it.
/// ("the attack", "Iran's strikes", "air strikes")
fn noun_context(lx: &Lexicon, tokens: &[Token], demonym_end: &[bool], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = &tokens[i - 1];
    p.kind == TokKind::Possessive
        || demonym_end[i - 1]
        || is(NOUN_DETERMINERS, &p.norm)
        || lx.cues.noun_context.contains(&p.norm)
}

/// "strikes" after "the", a demonym or a possessive is a noun, else a verb.
fn prefer_noun(lx: &Lexicon, tokens: &[Token], i: usize, new: &Trigger, old: &Trigger) -> bool {
    let noun_context = i > 0 && {
        let p = &tokens[i - 1];
        p.kind == TokKind::Possessive
            || p.cap
            || is(ARTICLES, &p.norm)
            || is(THIRD_PERSON_POSSESSIVES, &p.norm)
            || lx.cues.noun_preference.contains(&p.norm)
    };
    let new_noun = matches!(new.frame, Frame::Noun | Frame::Between);
    let old_noun = matches!(old.frame, Frame::Noun | Frame::Between);
    new_noun && !old_noun && noun_context || !new_noun && old_noun && !noun_context
}
