//! Institutions that are also buildings. An embassy, a university or a refinery
//! is an organization when it acts ("the embassy said ...") and a place when it
//! is only where things happened ("protesters gathered outside the French
//! embassy"; "the bombing of the embassy"). Which reading a text meant is only
//! known once its events are: a seat that never acts is a building, and a
//! building belongs to no country as a member does.

use super::actors::DocActor;
use super::events::Event;
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, RelationType};
use crate::text::fold;

/// Turns every organization named by a word that is both an institution and a
/// site (kind_words.tsv lists it as an organization and as a facility) into a
/// place when it is the source of no event but its affiliation, and drops that
/// affiliation.
pub(crate) fn settle(actors: &mut [DocActor], events: &mut Vec<Event>, lx: &Lexicon) {
    let acts = |a: usize, events: &[Event]| {
        events
            .iter()
            .any(|e| e.source == a && e.kind != RelationType::Affiliation)
    };
    let buildings: Vec<usize> = (0..actors.len())
        .filter(|&a| actors[a].kind == Some(ActorKind::Organization))
        .filter(|&a| seat_head(&actors[a].name, lx))
        .filter(|&a| !acts(a, events))
        .collect();
    for &a in &buildings {
        actors[a].kind = Some(ActorKind::Place);
        actors[a]
            .trail
            .push("place: a building that does nothing in the text".to_string());
    }
    events.retain(|e| !(e.kind == RelationType::Affiliation && buildings.contains(&e.source)));
}

/// Whether a name's head (its last word, or the word before "in"/"of"/"at":
/// "Chinese embassy in Belgrade", "Embassy of China") reads both as an
/// institution and as a site.
fn seat_head(name: &str, lx: &Lexicon) -> bool {
    let words: Vec<String> = name.split_whitespace().map(fold).collect();
    let head = words
        .iter()
        .position(|w| matches!(w.as_str(), "in" | "of" | "at"))
        .map_or(words.len(), |p| p)
        .checked_sub(1)
        .and_then(|i| words.get(i));
    head.is_some_and(|h| {
        lx.facilities.contains(h.as_str())
            && (lx.institutions.contains(h.as_str())
                || lx.heads.get(h.as_str()) == Some(&ActorKind::Organization))
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::extract_with;

    fn kind_of(x: &crate::model::Extraction, name: &str) -> Option<crate::model::ActorKind> {
        x.actors.iter().find(|a| a.name == name).map(|a| a.kind)
    }

    #[test]
    fn an_embassy_that_only_stands_there_is_no_member_of_its_country() {
        let x = extract_with(
            "Crowds gathered outside the Danish embassy in Oslo on Friday. Police said \
             nobody was hurt.",
            false,
        );
        assert!(x.relations.is_empty(), "{:?}", x.relations);
        assert!(!x.actors.iter().any(|a| a.name.contains("embassy")));
    }

    #[test]
    fn an_embassy_that_speaks_is_an_organization_of_its_country() {
        let x = extract_with(
            "Norway's embassy in Lisbon on Tuesday condemned the Red Hand Movement \
             for the vandalism.",
            false,
        );
        let name = x
            .actors
            .iter()
            .find(|a| a.name.contains("mbassy"))
            .map(|a| a.name.clone())
            .expect("embassy actor");
        assert_eq!(
            kind_of(&x, &name),
            Some(crate::model::ActorKind::Organization)
        );
        assert!(x
            .relations
            .iter()
            .any(|r| r.kind == crate::model::RelationType::Affiliation));
    }

    #[test]
    fn an_attacked_embassy_is_a_place() {
        let x = extract_with(
            "The Red Hand Movement bombed the Danish embassy in Oslo on Friday.",
            false,
        );
        let emb = x
            .actors
            .iter()
            .find(|a| a.name.contains("embassy"))
            .expect("embassy actor");
        assert_eq!(emb.kind, crate::model::ActorKind::Place);
        assert!(x
            .relations
            .iter()
            .all(|r| r.kind != crate::model::RelationType::Affiliation));
        assert!(x
            .relations
            .iter()
            .any(|r| r.kind == crate::model::RelationType::Attack && r.target == emb.id));
    }
}
