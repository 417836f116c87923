//! Large synthetic graphs for store, query and export benchmarks: actors with
//! names, kinds, countries and aliases, and relations with full evidence (document,
//! sentence, span, trigger, sentence text, rule), shaped like a news archive: a
//! few hubs (countries, heads of state) with thousands of relations, a long tail
//! of actors seen a handful of times.

use super::names::*;
use super::Rng;
use crate::graph::NewsGraph;
use crate::model::{Actor, ActorKind, Document, Evidence, Relation, RelationType};
use crate::text::slug;
use std::collections::HashSet;

/// Relations per synthetic document (the evidence of a news archive cites
/// many sentences of each document).
const RELATIONS_PER_DOC: usize = 20;

/// The name and kind of synthetic actor `i` (the first ones are the countries,
/// the hubs of any news graph).
fn actor_name(i: usize) -> (String, ActorKind, Option<String>, Vec<String>) {
    if i < COUNTRIES.len() {
        return (COUNTRIES[i].0.to_string(), ActorKind::Country, None, vec![]);
    }
    let j = i - COUNTRIES.len();
    let (g, f) = (GIVEN.len(), FAMILY.len());
    match j % 20 {
        0..=15 => {
            let p = j - j / 20 * 4;
            let given = GIVEN[p % g];
            let family = FAMILY[(p / g) % f];
            let round = p / (g * f);
            let middle = if round == 0 {
                String::new()
            } else {
                format!(
                    " {}.{}",
                    (b'A' + (round % 26) as u8) as char,
                    if round >= 26 {
                        format!(" {}.", (b'A' + (round / 26 % 26) as u8) as char)
                    } else {
                        String::new()
                    }
                )
            };
            let (title, _) = TITLES[p % TITLES.len()];
            let (_, demonym, _) = COUNTRIES[(p / 7) % COUNTRIES.len()];
            let name = format!("{given}{middle} {family}");
            let alias = format!("{demonym} {title} {name}");
            (name, ActorKind::Person, None, vec![alias])
        }
        16..=18 => {
            let o = j / 20 * 3 + (j % 20 - 16);
            let a = ORG_ADJ[o % ORG_ADJ.len()];
            let n = ORG_NOUN[(o / ORG_ADJ.len()) % ORG_NOUN.len()];
            let (h, _) = ORG_HEAD[(o / 256) % ORG_HEAD.len()];
            let round = o / (256 * ORG_HEAD.len());
            let name = if round == 0 {
                format!("{a} {n} {h}")
            } else {
                format!("{a} {n} {h} of {}", TOWNS[round % TOWNS.len()])
            };
            (name, ActorKind::Organization, None, vec![])
        }
        _ => {
            let t = j / 20;
            let name = if t < TOWNS.len() {
                TOWNS[t].to_string()
            } else {
                format!("{} District {}", TOWNS[t % TOWNS.len()], t / TOWNS.len())
            };
            (name, ActorKind::Place, None, vec![])
        }
    }
}

/// A graph of `actors` actors and `relations` relations, the same for the same seed.
/// Relation ends are drawn with a skew (see [`Rng::skewed`]), so degrees follow a
/// heavy-tailed distribution; every relation carries evidence whose sentence text
/// names both ends, about as long as a real news sentence.
pub fn synthetic_graph(actors: usize, relations: usize, seed: u64) -> NewsGraph {
    let mut rng = Rng::new(seed);
    let mut g = NewsGraph::new();
    let mut ids: Vec<String> = Vec::with_capacity(actors);
    let mut names: Vec<String> = Vec::with_capacity(actors);
    let mut used: HashSet<String> = HashSet::with_capacity(actors);
    for i in 0..actors {
        let (name, kind, _, aliases) = actor_name(i);
        let country = match kind {
            ActorKind::Country => Some(country_code(i)),
            _ if rng.chance(0.6) => Some(country_code(rng.below(COUNTRIES.len()))),
            _ => None,
        };
        let base = slug(&name);
        let mut id = base.clone();
        let mut n = 2;
        while !used.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids.push(id.clone());
        names.push(name.clone());
        g.add_actor(Actor {
            id,
            name,
            kind,
            country,
            aliases,
        });
    }
    if actors < 2 {
        return g;
    }
    let docs = relations.div_ceil(RELATIONS_PER_DOC);
    for d in 0..docs {
        let id = doc_id(seed, d);
        g.put_document(
            Document {
                path: format!("{id}.txt"),
                id,
                date: Some(date(d)),
                title: None,
                url: None,
            },
            None,
        );
    }
    let mut offset = 0usize;
    for r in 0..relations {
        let s = rng.skewed(actors);
        let mut t = if rng.chance(0.5) {
            rng.skewed(actors)
        } else {
            rng.below(actors)
        };
        if t == s {
            t = (s + 1 + rng.below(actors - 1)) % actors;
        }
        let kind = RelationType::ALL[rng.below(RelationType::ALL.len())];
        let (trigger, text) = sentence(kind, &names[s], &names[t], &mut rng);
        let d = r / RELATIONS_PER_DOC;
        let sent = r % RELATIONS_PER_DOC;
        if sent == 0 {
            offset = 0;
        }
        let start = offset;
        offset += text.len() + 1;
        g.add_relation(Relation {
            source: ids[s].clone(),
            target: ids[t].clone(),
            kind,
            cameo: kind.default_cameo().map(str::to_string),
            date: Some(date(d)),
            planned: false,
            evidence: Evidence {
                doc: doc_id(seed, d),
                sentence: sent,
                start,
                end: start + text.len(),
                trigger: trigger.to_string(),
                text,
                rule: Some(format!(
                    "data/triggers.tsv:{} {kind} [{trigger}]",
                    30 + kind as usize * 5
                )),
            },
        });
    }
    g
}

fn country_code(i: usize) -> String {
    COUNTRIES[i % COUNTRIES.len()].2.to_string()
}

fn doc_id(seed: u64, d: usize) -> String {
    format!("syn-{seed}-{d:07}")
}

fn date(d: usize) -> String {
    format!(
        "{}-{:02}-{:02}",
        2015 + (d / 336) % 10,
        1 + (d / 28) % 12,
        1 + d % 28
    )
}

/// The trigger and a sentence of evidence for a relation.
fn sentence(kind: RelationType, a: &str, b: &str, rng: &mut Rng) -> (&'static str, String) {
    let topic = *rng.pick(TOPICS);
    let day = *rng.pick(DAYS);
    match kind {
        RelationType::Call => (
            "spoke by telephone with",
            format!("{a} spoke by telephone with {b} on {day} about {topic}."),
        ),
        RelationType::Meet => ("met", format!("{a} met {b} on {day} to discuss {topic}.")),
        RelationType::Visit => (
            "visited",
            format!("{a} visited {b} on {day}, officials said."),
        ),
        RelationType::Condemn => ("condemned", format!("{a} condemned {b} over {topic}.")),
        RelationType::Claim => (
            "claimed responsibility",
            format!("{a} claimed responsibility for the attack on {b}."),
        ),
        RelationType::Attack => (
            "attacked",
            format!("{a} attacked positions held by {b} on {day}."),
        ),
        RelationType::Deny => ("denied", format!("{a} denied claims by {b} about {topic}.")),
        RelationType::Demand => (
            "urged",
            format!("{a} urged {b} to resume talks on {topic}."),
        ),
        RelationType::Support => (
            "praised",
            format!("{a} praised {b} for its stance on {topic}."),
        ),
        RelationType::Accuse => (
            "accused",
            format!("{a} accused {b} of blocking progress on {topic}."),
        ),
        RelationType::Threaten => (
            "threatened",
            format!("{a} threatened {b} with sanctions over {topic}."),
        ),
        RelationType::Agree => (
            "signed an agreement",
            format!("{a} and {b} signed an agreement on {topic}."),
        ),
        RelationType::Affiliation => ("of", format!("{b}'s delegation included {a}.")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_and_determinism() {
        let g = synthetic_graph(500, 3000, 7);
        assert_eq!(g.actor_count(), 500);
        assert_eq!(g.relation_count(), 3000);
        assert_eq!(g.documents.len(), 3000 / RELATIONS_PER_DOC);
        let h = synthetic_graph(500, 3000, 7);
        assert_eq!(g.to_extraction(), h.to_extraction());
        // Heavy tail: the best-connected actor has far more than the average degree (12).
        let max = g
            .graph
            .node_indices()
            .map(|n| g.graph.neighbors_undirected(n).count())
            .max()
            .unwrap();
        assert!(max > 100, "max degree {max}");
    }
}
