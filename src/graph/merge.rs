//! Merging extractions into a graph: the same actor in two documents becomes one
//! node. Merging needs strong evidence (the same lexicon entity, the same country
//! code, or the same full name), never a shared surname alone, so that relatives
//! ("Masoud Barzani", "Nechirvan Barzani") and namesakes stay apart.

use super::model::{ActorKind, Extraction};
use super::NewsGraph;
use crate::text::{name_key, slug};
use std::collections::HashMap;

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Actors added as new nodes.
    pub new_actors: usize,
    /// Actors recognized as existing nodes.
    pub merged_actors: usize,
    /// Relations added.
    pub relations: usize,
}

/// Keys under which an actor may be recognized in another document.
fn identity_keys(
    kind: ActorKind,
    name: &str,
    country: Option<&str>,
    aliases: &[String],
) -> Vec<String> {
    if kind == ActorKind::Country {
        if let Some(c) = country {
            return vec![format!("country:{c}")];
        }
    }
    let mut keys = vec![format!("{kind}:{}", name_key(name))];
    for a in aliases {
        let k = name_key(a);
        // A person is recognized by a full name only (two words or more), an
        // institution also by a one-word name or acronym.
        let words = k.split(' ').count();
        if kind == ActorKind::Person && words < 2 {
            continue;
        }
        if a.starts_with("the ") || a.starts_with("The ") {
            continue; // role phrases ("the Secretary") identify nobody across documents
        }
        keys.push(format!("{kind}:{k}"));
    }
    keys
}

/// Merges one extraction into the graph; actor ids of the extraction are mapped
/// to the graph's ids.
pub fn merge_into(g: &mut NewsGraph, x: Extraction) -> MergeReport {
    let mut report = MergeReport::default();
    let mut index: HashMap<String, String> = HashMap::new();
    for a in g.graph.node_weights() {
        for k in identity_keys(a.kind, &a.name, a.country.as_deref(), &a.aliases) {
            index.entry(k).or_insert_with(|| a.id.clone());
        }
    }
    let mut id_map: HashMap<String, String> = HashMap::new();
    for a in x.actors {
        let keys = identity_keys(a.kind, &a.name, a.country.as_deref(), &a.aliases);
        let existing = keys.iter().find_map(|k| index.get(k).cloned());
        match existing.and_then(|id| g.node(&id).map(|n| (id, n))) {
            Some((id, n)) => {
                let node = &mut g.graph[n];
                let before = node.aliases.len();
                for form in std::iter::once(&a.name).chain(a.aliases.iter()) {
                    if name_key(form) != name_key(&node.name)
                        && !node.aliases.iter().any(|x| name_key(x) == name_key(form))
                    {
                        node.aliases.push(form.clone());
                    }
                }
                if node.country.is_none() {
                    node.country = a.country.clone();
                }
                if node.aliases.len() != before || a.name != node.name {
                    g.merges.push(format!(
                        "{:?} from {} merged into {:?} ({})",
                        a.name,
                        x.documents.first().map(|d| d.id.as_str()).unwrap_or("?"),
                        node.name,
                        id
                    ));
                }
                for k in &keys {
                    index.entry(k.clone()).or_insert_with(|| id.clone());
                }
                id_map.insert(a.id.clone(), id);
                report.merged_actors += 1;
            }
            None => {
                let base = slug(&a.name);
                let mut id = base.clone();
                let mut n = 2;
                while g.node(&id).is_some() {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                for k in &keys {
                    index.entry(k.clone()).or_insert_with(|| id.clone());
                }
                id_map.insert(a.id.clone(), id.clone());
                let mut actor = a;
                actor.id = id;
                g.add_actor(actor);
                report.new_actors += 1;
            }
        }
    }
    for d in x.documents {
        if !g.documents.iter().any(|e| e.id == d.id) {
            g.documents.push(d);
        }
    }
    for mut r in x.relations {
        let (Some(s), Some(t)) = (id_map.get(&r.source), id_map.get(&r.target)) else {
            continue;
        };
        r.source = s.clone();
        r.target = t.clone();
        if g.add_relation(r).is_some() {
            report.relations += 1;
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::model::{Actor, Document, Evidence, Relation, RelationType};

    fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            country: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn ext(doc: &str, actors: Vec<Actor>, rels: &[(&str, &str)]) -> Extraction {
        Extraction {
            documents: vec![Document {
                id: doc.into(),
                path: doc.into(),
                date: None,
                title: None,
                url: None,
            }],
            actors,
            relations: rels
                .iter()
                .map(|(s, t)| Relation {
                    source: s.to_string(),
                    target: t.to_string(),
                    kind: RelationType::Meet,
                    cameo: None,
                    date: None,
                    planned: false,
                    evidence: Evidence {
                        doc: doc.into(),
                        sentence: 0,
                        start: 0,
                        end: 1,
                        trigger: "met".into(),
                        text: "x".into(),
                        rule: None,
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn same_full_name_merges_shared_surname_does_not() {
        let mut g = NewsGraph::new();
        merge_into(
            &mut g,
            ext(
                "d1",
                vec![
                    actor("a", "Masoud Barzani", ActorKind::Person, &["Barzani"]),
                    actor("b", "Mustafa al-Kadhimi", ActorKind::Person, &[]),
                ],
                &[("b", "a")],
            ),
        );
        let r = merge_into(
            &mut g,
            ext(
                "d2",
                vec![
                    actor("x", "Nechirvan Barzani", ActorKind::Person, &["Barzani"]),
                    actor("y", "Mustafa al-Kadhimi", ActorKind::Person, &["Kadhimi"]),
                ],
                &[("y", "x")],
            ),
        );
        assert_eq!(r.new_actors, 1);
        assert_eq!(r.merged_actors, 1);
        assert_eq!(g.actor_count(), 3);
        assert_eq!(g.relation_count(), 2);
        let k = g.find_actor("kadhimi").unwrap();
        assert_eq!(g.actor(k).name, "Mustafa al-Kadhimi");
    }
}
