//! Where a meeting took place: "held talks with X in Tokyo", "after talks in
//! Cairo with X". A side of the meeting from another country than the place
//! travelled there, so the meeting also tells its visit. Kept apart from the
//! frames because it reads an event already found, not a trigger.

use super::attacks::DocState;
use super::view::SentenceArgs;
use super::Event;
use crate::model::{ActorKind, RelationType};
use std::ops::Range;

/// Adds a visit for every person side of a meeting told since `events_before`
/// whose country differs from that of the place the meeting's clause names
/// after "in" ("held talks with Y in Tokyo": the Korean side visits Tokyo).
pub(super) fn visits_of_meetings(v: &SentenceArgs, state: &mut DocState, events_before: usize) {
    let here: Vec<Event> = state.events[events_before..].to_vec();
    for e in here
        .iter()
        .filter(|e| e.kind == RelationType::Meet && !e.planned)
    {
        visits_at(v, state, &e.trigger, &e.rule, &[e.source, e.target]);
    }
}

/// The visits of a meeting at trigger tokens `tr` (rule text `rule`) between
/// actors `sides`: each person from another country than the meeting's place.
fn visits_at(
    v: &SentenceArgs,
    state: &mut DocState,
    tr: &Range<usize>,
    rule: &str,
    sides: &[usize],
) {
    let Some(place) = venue(v, tr.start) else {
        return;
    };
    let Some(country) = v.actors[place].country.as_ref() else {
        return;
    };
    for &side in sides {
        let a = &v.actors[side];
        let abroad = a.is_person() && a.country.as_ref().is_some_and(|c| c != country);
        let told = state
            .events
            .iter()
            .any(|x| x.kind == RelationType::Visit && x.source == side && x.target == place);
        if abroad && !told {
            state.events.push(Event {
                kind: RelationType::Visit,
                cameo: RelationType::Visit.default_cameo().map(str::to_string),
                source: side,
                target: place,
                sentence: v.sentence,
                trigger: tr.clone(),
                rule: format!("{rule} (met in a place abroad)"),
                planned: false,
            });
        }
    }
}

/// The place named after "in" in the clause of the trigger at `t`, after it.
fn venue(v: &SentenceArgs, t: usize) -> Option<usize> {
    let clause = &v.clauses[v.clause_of(t)];
    v.args
        .iter()
        .copied()
        .filter(|&m| {
            let s = v.mentions[m].span.start;
            s > t && clause.range.contains(&s) && s > 0 && v.norm(s - 1) == "in"
        })
        .filter_map(|m| v.actor(m))
        .find(|&a| v.actors[a].kind == Some(ActorKind::Place))
}
