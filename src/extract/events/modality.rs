//! Whether a matched event happened: negated ("did not meet", "refused to
//! meet", "the visit was cancelled"), only planned or expected ("will visit",
//! "plans to meet next week"), only threatened ("vowed to strike"), or stated
//! under a modal ("would respond"). Kept apart because these words qualify the
//! trigger itself, whatever its frame and sides.

use super::super::tokens::Token;
use super::view::SentenceView;
use crate::lexicon::Trigger;
use crate::model::RelationType;
use std::ops::Range;

const NEGATIONS: &[&str] = &["not", "never", "n't", "no", "neither", "nor", "without"];
const FUTURE: &[&str] = &[
    "will",
    "would",
    "shall",
    "expected",
    "plans",
    "planned",
    "planning",
    "plan",
    "scheduled",
    "due",
    "set",
    "intends",
    "hopes",
    "could",
    "may",
    "might",
];
const FUTURE_TIME: &[&str] = &["next", "upcoming", "later", "tomorrow", "soon"];
/// Auxiliaries of the passive ("was cancelled", "got hit").
pub(super) const BE_AUX: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "got", "get",
];

/// Whether the event of trigger `tr` is announced or expected rather than
/// reported: only the types that can be planned ahead ("threatened to sue X",
/// "plans to sue X": no lawsuit yet).
pub(super) fn planned_event(v: &SentenceView, trig: &Trigger, tr: &Range<usize>) -> bool {
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
pub(super) fn negated(v: &SentenceView, t: usize) -> bool {
    let start = t.saturating_sub(3).max(v.range.start);
    for j in start..t {
        let n = v.norm(j);
        if NEGATIONS.contains(&n) || n.ends_with("n't") {
            return true;
        }
        if v.ctx.lx.cues.refusal_verb.contains(n) && j + 3 >= t {
            return true;
        }
    }
    // "Plans to tour X were dropped", "the visit was cancelled" ("tickets on
    // cancelled flights" undo nothing).
    let ci = v.clause_of(t);
    let end = v.clauses[ci].range.end.min(v.range.end);
    (t..end).any(|j| {
        v.ctx.lx.cues.cancel_verb.contains(v.norm(j))
            && (j.saturating_sub(3)..j).any(|k| k > t && BE_AUX.contains(&v.norm(k)))
    })
}

/// A modal a few words before the trigger, not across a comma: "would respond",
/// "will not hesitate to act", "is ready to strike".
pub(super) fn modal_before(tokens: &[Token], sentence_start: usize, t: usize) -> bool {
    let mut j = t;
    while j > sentence_start && t - j < 7 {
        j -= 1;
        let tk = &tokens[j];
        if tk.is_punct(',') || tk.is_punct(';') || tk.is_punct('.') {
            return false;
        }
        let modal = matches!(
            tk.norm.as_str(),
            "will" | "would" | "shall" | "could" | "might" | "ready" | "prepared" | "'ll"
        ) || tk.norm == "may" && !tk.cap;
        if modal {
            return true;
        }
    }
    false
}

/// A word of the future a few words before the trigger ("will meet", "is
/// expected to visit"), a plan named earlier, or a future time after it ("next
/// week").
fn planned(v: &SentenceView, t: usize) -> bool {
    let start = t.saturating_sub(4).max(v.range.start);
    // ("in May" is a month, "may" a modal)
    if (start..t).any(|j| FUTURE.contains(&v.norm(j)) && !v.ctx.tokens[j].cap) {
        return true;
    }
    if (v.range.start..t).any(|j| matches!(v.norm(j), "plans" | "plan")) {
        return true;
    }
    let ci = v.clause_of(t);
    let end = v.clauses[ci].range.end.min(v.range.end);
    (t..end).any(|j| {
        FUTURE_TIME.contains(&v.norm(j))
            && matches!(v.norm(j + 1), "week" | "month" | "year" | "this" | "day")
    })
}

/// "threatened to sue", "vowed to strike": the act is only announced.
fn threatened(v: &SentenceView, t: usize) -> bool {
    t >= v.range.start + 2
        && v.norm(t - 1) == "to"
        && v.ctx.lx.cues.threat_verb.contains(v.norm(t - 2))
}
