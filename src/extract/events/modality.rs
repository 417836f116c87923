//! Whether a matched event happened: negated ("did not meet", "refused to
//! meet", "the visit was cancelled"), only planned or expected ("will visit",
//! "plans to meet next week"), only threatened ("vowed to strike"), or stated
//! under a modal ("would respond"). Kept apart because these words qualify the
//! trigger itself, whatever its frame and sides.

use super::super::grammar::{is, MODALS, NEGATORS, PASSIVE_AUXILIARIES};
use super::super::tokens::{TokKind, Token};
use super::view::SentenceArgs;
use crate::lexicon::{Lexicon, Trigger};
use crate::model::RelationType;
use std::ops::Range;

/// Whether the event of trigger `tr` is announced or expected rather than
/// reported: only the types that can be planned ahead ("threatened to sue X",
/// "plans to sue X": no lawsuit yet).
pub(super) fn planned_event(v: &SentenceArgs, trig: &Trigger, tr: &Range<usize>) -> bool {
    matches!(
        trig.kind,
        RelationType::Call
            | RelationType::Meet
            | RelationType::Visit
            | RelationType::Agree
            | RelationType::Attack
            | RelationType::Accuse
    ) && (planned(v, tr.start) || threatened(v, tr.start))
}

/// A negator a few words before the trigger, or a verb after it that undoes it.
pub(super) fn negated(v: &SentenceArgs, t: usize) -> bool {
    // ("has not been allowed to meet": the negator stands before the permission.)
    let reach =
        if (t.saturating_sub(3)..t).any(|j| v.ctx.lx.cues.permission_word.contains(v.norm(j))) {
            6
        } else {
            3
        };
    let start = t.saturating_sub(reach).max(v.range.start);
    for j in start..t {
        let n = v.norm(j);
        if is(NEGATORS, n) || n.ends_with("n't") {
            return true;
        }
        // ("rejected Hanoi's demand that ...": the demand refused was still made.)
        let owned = (j + 1..t).any(|k| v.ctx.tokens[k].kind == TokKind::Possessive);
        if v.ctx.lx.cues.refusal_verb.contains(n) && j + 3 >= t && !owned {
            return true;
        }
    }
    // "Plans to tour X were dropped", "the visit was cancelled" ("tickets on
    // cancelled flights" undo nothing).
    let ci = v.clause_of(t);
    let end = v.clauses[ci].range.end.min(v.range.end);
    (t..end).any(|j| {
        v.ctx.lx.cues.cancel_verb.contains(v.norm(j))
            && (j.saturating_sub(3)..j).any(|k| k > t && is(PASSIVE_AUXILIARIES, v.norm(k)))
    })
}

/// A modal a few words before the trigger, not across a comma: "would respond",
/// "will not hesitate to act", "is ready to strike".
pub(super) fn modal_before(
    lx: &Lexicon,
    tokens: &[Token],
    sentence_start: usize,
    t: usize,
) -> bool {
    let mut j = t;
    while j > sentence_start && t - j < 7 {
        j -= 1;
        let tk = &tokens[j];
        if tk.is_punct(',') || tk.is_punct(';') || tk.is_punct('.') {
            return false;
        }
        // ("in May" is a month, "may" a modal.)
        let modal = is(MODALS, &tk.norm) && (tk.norm != "may" || !tk.cap)
            || tk.norm == "'ll"
            || lx.cues.ready_word.contains(&tk.norm);
        if modal {
            return true;
        }
    }
    false
}

/// A word of the future a few words before the trigger ("will meet", "is
/// expected to visit"), a plan named earlier, or a future time after it ("next
/// week").
fn planned(v: &SentenceArgs, t: usize) -> bool {
    let start = t.saturating_sub(4).max(v.range.start);
    // ("in May" is a month, "may" a modal)
    let cues = &v.ctx.lx.cues;
    let future = |w: &str| is(MODALS, w) || cues.plan_word.contains(w);
    if (start..t).any(|j| future(v.norm(j)) && !v.ctx.tokens[j].cap) {
        return true;
    }
    if (v.range.start..t).any(|j| cues.plan_noun.contains(v.norm(j))) {
        return true;
    }
    let ci = v.clause_of(t);
    let end = v.clauses[ci].range.end.min(v.range.end);
    (t..end).any(|j| {
        cues.future_time.contains(v.norm(j))
            && (cues.time_unit.contains(v.norm(j + 1)) || v.norm(j + 1) == "this")
    })
}

/// "threatened to sue", "vowed to strike": the act is only announced.
/// The verb may stand a few words back, past its object: "authorised its
/// commanders on Tuesday to launch strikes".
fn threatened(v: &SentenceArgs, t: usize) -> bool {
    if t < v.range.start + 2 || v.norm(t - 1) != "to" {
        return false;
    }
    let from = t.saturating_sub(8).max(v.range.start);
    (from..t - 1)
        .rev()
        .take_while(|&j| v.ctx.tokens[j].kind != TokKind::Punct && v.norm(j) != "to")
        .any(|j| v.ctx.lx.cues.threat_verb.contains(v.norm(j)))
}

/// "gave X 48 hours to withdraw or face military action": a demand with a
/// penalty named after "or" is an ultimatum, a threat as well.
pub(super) fn ultimatum(v: &SentenceArgs, tr: &Range<usize>) -> bool {
    (tr.end..v.range.end.saturating_sub(1))
        .take_while(|&j| !v.ctx.tokens[j].is_punct(';'))
        .any(|j| v.norm(j) == "or" && v.ctx.lx.cues.ultimatum_word.contains(v.norm(j + 1)))
}
