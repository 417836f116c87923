//! Merging extractions into a graph: the same actor in two documents becomes one
//! node. Merging needs strong evidence (the same lexicon entity, the same country
//! code, the same full name, or an entry of the user's alias file), never a shared
//! surname alone, so that relatives ("Masoud Barzani", "Nechirvan Barzani") and
//! namesakes stay apart.
//!
//! The identity index (key → actor) lives in the graph and is kept up to date as
//! documents are merged, so loading n documents costs O(n), not O(n × store).

use super::identity::user_key;
pub use super::identity::{identity_keys, person_key};
use super::NewsGraph;
use crate::model::{Actor, ActorKind, Extraction};
use crate::text::name_key;
use petgraph::stable_graph::NodeIndex;
use std::collections::{HashMap, HashSet};

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

impl NewsGraph {
    /// The identity index, built from every actor on first use.
    pub(crate) fn identity_index(&mut self) -> &mut HashMap<String, NodeIndex> {
        if self.identity.is_none() {
            let mut idx: HashMap<String, NodeIndex> = HashMap::new();
            let mut nodes: Vec<NodeIndex> = self.graph.node_indices().collect();
            // Older actors win a contested key, as they did when first merged.
            nodes.sort();
            for n in nodes {
                let a = &self.graph[n];
                for k in identity_keys(a.kind, &a.name, a.country.as_deref(), &a.aliases) {
                    idx.entry(k).or_insert(n);
                }
            }
            // Alias-file entries: every form leads to the actor with the canonical
            // name, or, when none exists yet, to the entry itself.
            self.pending_entries.clear();
            if !self.alias_entries.is_empty() {
                let mut by_name: HashMap<String, NodeIndex> = HashMap::new();
                for n in self.graph.node_indices() {
                    by_name.entry(name_key(&self.graph[n].name)).or_insert(n);
                }
                for (i, e) in self.alias_entries.iter().enumerate() {
                    let node = by_name.get(&name_key(&e.name)).copied();
                    for f in e.forms() {
                        match node {
                            Some(n) => {
                                idx.insert(user_key(f), n);
                            }
                            None => {
                                self.pending_entries.insert(user_key(f), i);
                            }
                        }
                    }
                }
            }
            self.identity = Some(idx);
        }
        self.identity.get_or_insert_with(HashMap::new)
    }

    /// Adds the forms of `a` to the actor at `n` (name and aliases not yet known)
    /// and returns whether anything was new.
    pub(crate) fn absorb_forms(&mut self, n: NodeIndex, a: &Actor) -> bool {
        let node = &mut self.graph[n];
        let mut known: HashSet<String> = std::iter::once(&node.name)
            .chain(node.aliases.iter())
            .map(|f| name_key(f))
            .collect();
        let before = node.aliases.len();
        for form in std::iter::once(&a.name).chain(a.aliases.iter()) {
            if known.insert(name_key(form)) {
                node.aliases.push(form.clone());
            }
        }
        if node.country.is_none() && a.country.is_some() {
            node.country = a.country.clone();
        }
        let changed = node.aliases.len() != before;
        // An actor an alias file governs keeps its aliases in the file's order.
        if changed && !self.alias_entries.is_empty() {
            let key = name_key(&self.graph[n].name);
            if let Some(e) = self.alias_entries.iter().find(|e| name_key(&e.name) == key) {
                let e = e.clone();
                crate::graph::aliases::order_entry_aliases(&mut self.graph[n], &e);
            }
        }
        self.changed();
        changed
    }
}

/// Why an actor of a document was recognized as an existing actor.
fn reason(key: &str) -> String {
    match key.split_once(':') {
        Some(("country", c)) => format!("same country code {c}"),
        Some(("user", f)) => format!("alias file names {f:?}"),
        Some((_, f)) => format!("same name {f:?}"),
        None => key.to_string(),
    }
}

/// The longest actor name (in characters) the graph keeps. Junk input (2,500
/// capitalised words in a row) otherwise becomes one actor with a name of
/// hundreds of thousands of characters that no diagram can draw; the full text
/// stays in the evidence sentence.
pub const MAX_NAME_CHARS: usize = 200;

/// Shortens an actor's name and aliases to [`MAX_NAME_CHARS`] (with an
/// ellipsis), dropping aliases that become the name or each other.
pub fn cap_names(a: &mut crate::model::Actor) {
    fn cap(s: &mut String) {
        if let Some((i, _)) = s.char_indices().nth(MAX_NAME_CHARS - 1) {
            if s[i..].chars().nth(1).is_some() {
                s.truncate(i);
                s.push('…');
            }
        }
    }
    if a.name.len() <= MAX_NAME_CHARS && a.aliases.iter().all(|x| x.len() <= MAX_NAME_CHARS) {
        return;
    }
    cap(&mut a.name);
    let mut seen = std::collections::HashSet::new();
    seen.insert(a.name.clone());
    let mut aliases = std::mem::take(&mut a.aliases);
    for x in &mut aliases {
        cap(x);
    }
    aliases.retain(|x| seen.insert(x.clone()));
    a.aliases = aliases;
}

/// Merges one extraction into the graph; actor ids of the extraction are mapped
/// to the graph's ids. Documents of the extraction are recorded (without a content
/// hash; the loader records it).
pub fn merge_into(g: &mut NewsGraph, x: Extraction) -> MergeReport {
    let mut x = x;
    for a in &mut x.actors {
        cap_names(a);
    }
    let mut report = MergeReport::default();
    let first_doc = x.documents.first().map(|d| d.id.clone());
    for d in x.documents {
        if g.document(&d.id).is_none() {
            let h = g.doc_hash(&d.id).map(str::to_string);
            g.put_document(d, h);
        }
    }
    // Which documents each actor of the extraction appears in (for sightings).
    let mut docs_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for r in &x.relations {
        for end in [&r.source, &r.target] {
            let v = docs_of.entry(end.as_str()).or_default();
            if !v.contains(&r.evidence.doc.as_str()) {
                v.push(r.evidence.doc.as_str());
            }
        }
    }
    let mut id_map: HashMap<String, NodeIndex> = HashMap::new();
    let mut new_sightings: Vec<(String, NodeIndex, Vec<String>)> = Vec::new();
    for a in &x.actors {
        let keys = identity_keys(a.kind, &a.name, a.country.as_deref(), &a.aliases);
        // The user's alias file first: it overrides kinds and names.
        let user_forms = std::iter::once(&a.name).chain(
            a.aliases
                .iter()
                .filter(|f| a.kind != ActorKind::Person || person_key(f).is_some()),
        );
        let mut hit: Option<(NodeIndex, String)> = None;
        let user_keys: Vec<String> = user_forms.map(|f| user_key(f)).collect();
        g.identity_index();
        if let Some((k, i)) = user_keys
            .iter()
            .find_map(|k| g.pending_entries.get(k).map(|&i| (k.clone(), i)))
        {
            // First sighting of an alias-file actor: create it under its canonical name.
            if let Some(e) = g.alias_entries.get(i).cloned() {
                let n = g.actor_for_entry(&e, a);
                report.new_actors += 1;
                for f in e.forms() {
                    g.pending_entries.remove(&user_key(f));
                    g.identity_index().insert(user_key(f), n);
                }
                hit = Some((n, k));
            }
        }
        {
            let idx = g.identity_index();
            if hit.is_none() {
                hit = user_keys
                    .iter()
                    .find_map(|k| idx.get(k).map(|&n| (n, k.clone())));
            }
            if hit.is_none() {
                hit = keys
                    .iter()
                    .find_map(|k| idx.get(k).map(|&n| (n, k.clone())));
            }
        }
        let hit = hit.filter(|(n, _)| g.graph.contains_node(*n));
        let doc_label = first_doc.as_deref().unwrap_or("?");
        let n = match hit {
            Some((n, key)) => {
                let differs = crate::text::name_key(&a.name) != name_key(&g.graph[n].name);
                if g.absorb_forms(n, a) || differs {
                    let line = format!(
                        "{:?} ({}) merged into {} {:?}: {}",
                        a.name,
                        doc_label,
                        g.graph[n].id,
                        g.graph[n].name,
                        reason(&key)
                    );
                    g.merges.push(line);
                }
                report.merged_actors += 1;
                n
            }
            None => {
                let mut actor = a.clone();
                actor.id = g.fresh_id(&a.name);
                report.new_actors += 1;
                g.add_actor(actor)
            }
        };
        let idx = g.identity_index();
        for k in keys {
            idx.entry(k).or_insert(n);
        }
        id_map.insert(a.id.clone(), n);
        let forms: Vec<String> = std::iter::once(&a.name)
            .chain(a.aliases.iter())
            .cloned()
            .collect();
        match docs_of.get(a.id.as_str()) {
            Some(ds) => {
                for d in ds {
                    new_sightings.push((d.to_string(), n, forms.clone()));
                }
            }
            None => {
                if let Some(d) = &first_doc {
                    new_sightings.push((d.clone(), n, forms));
                }
            }
        }
    }
    for (d, n, forms) in new_sightings {
        g.add_sighting(&d, n, &forms);
    }
    for r in x.relations {
        let (Some(&s), Some(&t)) = (id_map.get(&r.source), id_map.get(&r.target)) else {
            continue;
        };
        if let Some(w) = g.edge_of(&r) {
            g.graph.add_edge(s, t, w);
            report.relations += 1;
        }
    }
    g.changed();
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Document, Evidence, Relation, RelationType};

    fn actor(id: &str, name: &str, kind: ActorKind, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            kind,
            country: None,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub(crate) fn ext(doc: &str, actors: Vec<Actor>, rels: &[(&str, &str)]) -> Extraction {
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
                    actor(
                        "y",
                        "Iraqi Prime Minister Mustafa al-Kadhimi",
                        ActorKind::Person,
                        &["Kadhimi"],
                    ),
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
        assert_eq!(g.merges.len(), 1, "{:?}", g.merges);
        assert!(g.merges[0].contains("same name"), "{:?}", g.merges);
    }

    #[test]
    fn person_keys_need_a_full_name() {
        assert_eq!(person_key("Barzani"), None);
        assert_eq!(person_key("President Barzani"), None);
        assert_eq!(person_key("Prime Minister"), None);
        assert_eq!(person_key("the Secretary"), None);
        assert_eq!(
            person_key("U.S. Secretary of State Antony Blinken").as_deref(),
            Some("antony blinken")
        );
        assert_eq!(person_key("King Charles").as_deref(), Some("king charles"));
    }

    #[test]
    fn single_word_people_never_merge() {
        let mut g = NewsGraph::new();
        for d in ["d1", "d2"] {
            merge_into(
                &mut g,
                ext(
                    d,
                    vec![
                        actor("a", "Barzani", ActorKind::Person, &[]),
                        actor("b", "Iraq", ActorKind::Organization, &[]),
                    ],
                    &[("a", "b")],
                ),
            );
        }
        assert_eq!(g.actor_count(), 3, "two Barzanis, one organization");
    }
}
