//! Accusations told as reports: "X said Y's troops had crossed into its
//! territory", "X says Y's ships rammed its vessels", "X said it was answering
//! Y's shelling". A speaker telling of a hostile act done by another side, to
//! itself or to nobody named, accuses that side. Kept apart from the frames
//! because no accusation trigger is involved: the act reported is the cue.
//! Denials told the same way ("Y said its forces had not ...", after a charge
//! against Y) are read here too.

use super::super::clauses::Opening;
use super::super::grammar::{is, ARTICLES, MODALS, PREPOSITIONS};
use super::super::mentions::MentionForm;
use super::super::tokens::TokKind;
use super::attacks::DocState;
use super::frames::{said_before, speaks_for};
use super::modality::negated;
use super::patterns::Found;
use super::view::SentenceArgs;
use super::Event;
use crate::lexicon::Frame;
use crate::model::{ActorKind, RelationType};
use std::ops::Range;

/// The accusations the reported clauses of a sentence make (see the module);
/// `before` is where this sentence's events start in `state`.
pub(super) fn reported_hostile_acts(
    v: &SentenceArgs,
    found: &[Found],
    state: &mut DocState,
    before: usize,
) {
    for (ci, speaker) in reported_clauses(v) {
        let c = &v.clauses[ci];
        if v.in_denied_clause(c.range.start) {
            continue;
        }
        if v.actors[speaker].kind == Some(ActorKind::Place) {
            continue;
        }
        let Some((doer, act)) = hostile_act(v, ci, found, speaker) else {
            continue;
        };
        if doer == speaker {
            continue;
        }
        let rule = format!(
            "reported hostile act [{}] (told by {}, done by {})",
            v.norm(act.start),
            v.actors[speaker].name,
            v.actors[doer].name
        );
        let told = (RelationType::Accuse, speaker, doer);
        push_once(state, before, told, v.sentence, act.clone(), rule);
    }
}

/// The sentence's reported clauses ("X said [that] ...", unquoted, after a
/// speech verb), each with the actor who reports it.
fn reported_clauses(v: &SentenceArgs) -> Vec<(usize, usize)> {
    (1..v.clauses.len())
        .filter(|&ci| {
            let c = &v.clauses[ci];
            c.opening == Opening::Complement && !c.quoted && said_before(v, ci, 2, false)
        })
        .filter_map(|ci| {
            let first = v
                .reporter_subjects(v.clauses[ci].range.start)
                .first()
                .copied();
            first.and_then(|m| v.actor(m)).map(|a| (ci, a))
        })
        .collect()
}

/// Adds the event `(kind, source, target)` told in `sentence` unless this
/// sentence's events (from index `before`) already hold it.
fn push_once(
    state: &mut DocState,
    before: usize,
    (kind, source, target): (RelationType, usize, usize),
    sentence: usize,
    trigger: std::ops::Range<usize>,
    rule: String,
) {
    let told = state.events[before..]
        .iter()
        .any(|e| e.kind == kind && e.source == source && e.target == target);
    if !told {
        state.events.push(Event {
            kind,
            cameo: kind.default_cameo().map(str::to_string),
            source,
            target,
            sentence,
            trigger,
            rule,
            planned: false,
        });
    }
}

/// Whether actor `a` is on the side of actor `s`: the same actor, or of the same
/// country ("the Tajik patrol" for a Tajik ministry).
fn same_side(v: &SentenceArgs, s: usize, a: usize) -> bool {
    let (x, y) = (&v.actors[s], &v.actors[a]);
    s == a || x.country.is_some() && x.country == y.country
}

/// The other side's hostile act that complement clause `ci` tells, and its
/// doer: a use of force or a hostile verb after the clause's subject ("Y's
/// troops had fired", "armed members of Y opened fire"), or an attack noun
/// owned by another side in a clause about the speaker itself ("it was
/// answering Y's shelling").
fn hostile_act(
    v: &SentenceArgs,
    ci: usize,
    found: &[Found],
    speaker: usize,
) -> Option<(usize, Range<usize>)> {
    let c = &v.clauses[ci];
    let other = |m: usize| {
        v.actor(m)
            .filter(|&a| !same_side(v, speaker, a) && v.actors[a].kind != Some(ActorKind::Place))
    };
    if v.opens_with_self(ci, &[speaker]) {
        // "said it was answering Y's shelling of its villages"
        return found
            .iter()
            .filter(|(r, t, _)| {
                c.range.contains(&r.start)
                    && t.kind == RelationType::Attack
                    && t.frame == Frame::Noun
            })
            .find_map(|(r, _, _)| {
                let d = v.modifier_before(r.start).and_then(other)?;
                Some((d, r.clone()))
            });
    }
    let (m, doer) = clause_doer(v, ci).and_then(|m| Some((m, other(m)?)))?;
    // "Chinese coast guard ships": a body the lexicon does not know, named by
    // its country, acts for that country.
    let doer = v.mentions[m]
        .qualifier
        .and_then(|q| v.mentions[q].actor)
        .filter(|&c| {
            v.actors[c].kind == Some(ActorKind::Country)
                && v.actors[doer].lexicon_name.is_none()
                && v.actors[doer].kind == Some(ActorKind::Organization)
                && !same_side(v, speaker, c)
        })
        .unwrap_or(doer);
    let from = v.mentions[m].span.end;
    let end = c.range.end.min(from + 8);
    let act = (from..end).find(|&k| hostile_at(v, found, k))?;
    let told =
        !negated(v, act) && !(from..act).any(|j| is(MODALS, v.norm(j)) || v.arg_at(j).is_some());
    // What it was done to: the speaker's side, a place, or nobody named.
    let third = v.args.iter().any(|&o| {
        let s = v.mentions[o].span.start;
        s > act && s < c.range.end && v.actor(o).is_some_and(|a| other(o) == Some(a) && a != doer)
    });
    (told && !third).then(|| (doer, act..act + 1))
}

/// The mention that does what clause `ci` tells: the name opening it ("Y's
/// troops", "Y border guards"), or the name a few plain words in after "of"
/// ("armed members of Y").
fn clause_doer(v: &SentenceArgs, ci: usize) -> Option<usize> {
    let c = &v.clauses[ci];
    if let Some(&m) = v.clause_subjects(ci).first() {
        let mm = &v.mentions[m];
        return (mm.form != MentionForm::Pronoun).then_some(m);
    }
    let end = c.range.end.min(c.range.start + 4);
    let of = (c.range.start..end).find(|&j| v.norm(j) == "of")?;
    let plain = (c.range.start..of).all(|j| {
        v.tok(j)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap || is(ARTICLES, &t.norm))
    });
    let m = (of + 1..of + 3).find_map(|k| v.arg_at(k))?;
    plain.then_some(m)
}

/// Whether token `k` tells a hostile act: an attack trigger's verb, or a word
/// of data/cues.tsv `hostile_verb` used as a verb (no article or preposition
/// before it: "opened fire", not "under fire").
fn hostile_at(v: &SentenceArgs, found: &[Found], k: usize) -> bool {
    let trigger = found
        .iter()
        .any(|(r, t, _)| r.start == k && t.kind == RelationType::Attack && t.frame == Frame::Svo);
    let Some(t) = v.tok(k) else { return false };
    let cue = !t.cap
        && v.ctx.lx.cues.hostile_verb.contains(&t.norm)
        && k > v.range.start
        && !is(ARTICLES, v.norm(k - 1))
        && !is(PREPOSITIONS, v.norm(k - 1));
    trigger || cue
}

/// Denials told as reports: "X blamed Y for the raid ... Y's prime minister
/// said his government had not known of the operation". A speaker saying that
/// its own side did not do something, in the two sentences after an accusation
/// against that side, denies the charge; the denial answers the accuser. With
/// no accusation before, such a clause denies nothing.
pub(super) fn reported_denials(v: &SentenceArgs, state: &mut DocState, before: usize) {
    for (ci, speaker) in reported_clauses(v) {
        let c = &v.clauses[ci];
        // ("said his government had not known", "said its forces did not").
        let end = c.range.end.min(c.range.start + 6);
        let negator = (c.range.start..end)
            .find(|&j| matches!(v.norm(j), "not" | "never" | "no") || v.norm(j).ends_with("n't"));
        let Some(negator) = negator.filter(|_| v.opens_with_self(ci, &[speaker])) else {
            continue;
        };
        let charge = state
            .events
            .iter()
            .rev()
            .take_while(|e| e.sentence + 2 >= v.sentence && e.sentence >= state.story_start)
            .find(|e| {
                e.kind == RelationType::Accuse
                    && !e.planned
                    && e.source != speaker
                    && (e.target == speaker || speaks_for(v.actors, speaker, e.target))
            });
        let Some(accuser) = charge.map(|e| e.source) else {
            continue;
        };
        let rule = format!(
            "reported denial (told by {}, answering {})",
            v.actors[speaker].name, v.actors[accuser].name
        );
        let told = (RelationType::Deny, speaker, accuser);
        push_once(state, before, told, v.sentence, negator..negator + 1, rule);
    }
}
