//! The data model shared by every stage: documents, actors, relations and the
//! evidence behind each relation. These types serialize to the JSON contract of
//! `newsgraph extract --format json` (documented in docs/commands.md).

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named human being.
    Person,
    /// An institution, ministry, agency, armed group, party, company, outlet or international body.
    Organization,
    /// A state or its government acting as one actor.
    Country,
    /// A city, region, site, building or vessel that is acted on.
    Place,
}

impl ActorKind {
    /// Every kind, in display order.
    pub const ALL: [ActorKind; 4] = [
        ActorKind::Person,
        ActorKind::Organization,
        ActorKind::Country,
        ActorKind::Place,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "organization",
            ActorKind::Country => "country",
            ActorKind::Place => "place",
        }
    }
}

impl fmt::Display for ActorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ActorKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActorKind::ALL
            .into_iter()
            .find(|k| {
                k.as_str().eq_ignore_ascii_case(s)
                    || (s.eq_ignore_ascii_case("org") && *k == ActorKind::Organization)
            })
            .ok_or_else(|| {
                format!(
                    "unknown actor kind {s:?} (expected person, organization, country or place)"
                )
            })
    }
}

/// The 13 relation types of the evaluation schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationType {
    /// Remote conversation (phone or video call).
    Call,
    /// In-person meeting or talks.
    Meet,
    /// Travel to a place or to an actor.
    Visit,
    /// Public criticism or denunciation.
    Condemn,
    /// Claim of responsibility, or an assertion aimed at a target.
    Claim,
    /// Use of force.
    Attack,
    /// Denial of a claim or accusation.
    Deny,
    /// Demand, appeal, urging.
    Demand,
    /// Solidarity, condolences, praise, backing.
    Support,
    /// Accusation or blame.
    Accuse,
    /// Threat or warning of action.
    Threaten,
    /// Agreement or commitment to cooperate.
    Agree,
    /// A role in an institution or country (a state, not an event).
    Affiliation,
}

impl RelationType {
    /// Every type, in the schema's order.
    pub const ALL: [RelationType; 13] = [
        RelationType::Call,
        RelationType::Meet,
        RelationType::Visit,
        RelationType::Condemn,
        RelationType::Claim,
        RelationType::Attack,
        RelationType::Deny,
        RelationType::Demand,
        RelationType::Support,
        RelationType::Accuse,
        RelationType::Threaten,
        RelationType::Agree,
        RelationType::Affiliation,
    ];

    /// The lowercase name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Call => "call",
            RelationType::Meet => "meet",
            RelationType::Visit => "visit",
            RelationType::Condemn => "condemn",
            RelationType::Claim => "claim",
            RelationType::Attack => "attack",
            RelationType::Deny => "deny",
            RelationType::Demand => "demand",
            RelationType::Support => "support",
            RelationType::Accuse => "accuse",
            RelationType::Threaten => "threaten",
            RelationType::Agree => "agree",
            RelationType::Affiliation => "affiliation",
        }
    }

    /// The CAMEO code a relation of this type gets when its trigger names none.
    pub fn default_cameo(self) -> Option<&'static str> {
        Some(match self {
            RelationType::Call => "041",
            RelationType::Meet => "040",
            RelationType::Visit => "042",
            RelationType::Condemn => "111",
            RelationType::Claim => "015",
            RelationType::Attack => "190",
            RelationType::Deny => "016",
            RelationType::Demand => "100",
            RelationType::Support => "051",
            RelationType::Accuse => "112",
            RelationType::Threaten => "130",
            RelationType::Agree => "030",
            RelationType::Affiliation => return None,
        })
    }

    /// Whether "A type B" says the same as "B type A" (call, meet, agree).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            RelationType::Call | RelationType::Meet | RelationType::Agree
        )
    }

    /// Whether the relation is a contact between the two sides (call, meet, visit).
    pub fn is_contact(self) -> bool {
        matches!(
            self,
            RelationType::Call | RelationType::Meet | RelationType::Visit
        )
    }
}

impl fmt::Display for RelationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RelationType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RelationType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                let all: Vec<&str> = RelationType::ALL.iter().map(|t| t.as_str()).collect();
                format!(
                    "unknown relation type {s:?} (expected one of {})",
                    all.join(", ")
                )
            })
    }
}

/// One input document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier (the file stem, or the `id` of a JSON Lines record).
    pub id: String,
    /// Where the document came from (a path, or `-` for stdin).
    pub path: String,
    /// Publication date (ISO 8601) when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Title when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// URL when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// An actor: a person, organization, country or place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable identifier (a slug of the name; unique within a graph).
    pub id: String,
    /// The fullest form of the name found in the text.
    pub name: String,
    /// What the actor is.
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3 code of the actor's country, where the text establishes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Every other form the text uses for the actor.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Where a relation was read: the provenance every edge carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Id of the document.
    pub doc: String,
    /// Index of the sentence in the document (0-based).
    pub sentence: usize,
    /// Byte offset of the sentence's start in the document.
    pub start: usize,
    /// Byte offset just past the sentence's end.
    pub end: usize,
    /// The words that triggered the relation, as written.
    pub trigger: String,
    /// The sentence, as written.
    pub text: String,
    /// The lexicon entry or rule that produced the relation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A directed, typed relation between two actors, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    /// Id of the acting actor.
    pub source: String,
    /// Id of the actor or place acted on.
    pub target: String,
    /// The relation type.
    #[serde(rename = "type")]
    pub kind: RelationType,
    /// CAMEO event code (a string: leading zeros matter); none for affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cameo: Option<String>,
    /// Date of the event or of its document (ISO 8601), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// True for announced or expected events that have not happened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
    /// Where the relation was read.
    pub evidence: Evidence,
}

/// What extraction found in a set of documents: the JSON contract of
/// `newsgraph extract --format json`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    /// The documents read.
    pub documents: Vec<Document>,
    /// The actors found.
    pub actors: Vec<Actor>,
    /// The relations found; `source`/`target` are actor ids.
    pub relations: Vec<Relation>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relation_type_round_trips_through_text() {
        for t in RelationType::ALL {
            assert_eq!(t.as_str().parse::<RelationType>().unwrap(), t);
        }
        assert!("hug".parse::<RelationType>().is_err());
    }

    #[test]
    fn relation_serializes_type_field() {
        let r = Relation {
            source: "a".into(),
            target: "b".into(),
            kind: RelationType::Call,
            cameo: Some("041".into()),
            date: None,
            planned: false,
            evidence: Evidence {
                doc: "d".into(),
                sentence: 0,
                start: 0,
                end: 3,
                trigger: "spoke with".into(),
                text: "abc".into(),
                rule: None,
            },
        };
        let v = serde_json::to_value(&r).unwrap();
        assert_eq!(v["type"], "call");
        assert_eq!(v["cameo"], "041");
        assert!(v.get("planned").is_none());
    }
}
