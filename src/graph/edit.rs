//! Corrections: merge two actors, split an actor that wrongly merged two, remove
//! a document (and everything only it brought). Each is logged in `merges`.

use super::{NewsGraph, Sighting};
use crate::error::{Error, Result};
use crate::model::ActorKind;
use crate::strings::Sym;
use crate::text::name_key;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use std::collections::{HashMap, HashSet};

/// What removing a document did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoveReport {
    /// Relations removed.
    pub relations: usize,
    /// Actors removed because no other document names them.
    pub actors: usize,
}

/// What a split did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitReport {
    /// The new actor.
    pub node: NodeIndex,
    /// Relations moved to it.
    pub relations: usize,
    /// Documents whose view of the actor moved.
    pub documents: usize,
}

impl NewsGraph {
    /// Merges the actor at `gone` into the actor at `keep`: relations, sightings,
    /// names and aliases move over, `gone` disappears, and the merge is logged
    /// with `why`.
    pub fn merge_nodes(&mut self, keep: NodeIndex, gone: NodeIndex, why: &str) -> Result<()> {
        if keep == gone {
            return Err(Error::Invalid("cannot merge an actor into itself".into()));
        }
        if !self.graph.contains_node(keep) || !self.graph.contains_node(gone) {
            return Err(Error::Invalid("no such actor".into()));
        }
        let moved = self.graph[gone].clone();
        let edges: Vec<(NodeIndex, NodeIndex, EdgeIndex)> = self
            .graph
            .edges_directed(gone, Direction::Outgoing)
            .chain(self.graph.edges_directed(gone, Direction::Incoming))
            .map(|e| (e.source(), e.target(), e.id()))
            .collect();
        let mut seen = HashSet::new();
        for (s, t, e) in edges {
            if !seen.insert(e) {
                continue; // a self-loop is listed both ways
            }
            if let Some(w) = self.graph.remove_edge(e) {
                let s = if s == gone { keep } else { s };
                let t = if t == gone { keep } else { t };
                self.graph.add_edge(s, t, w);
            }
        }
        self.absorb_forms(keep, &moved);
        let mut moved_sightings = Vec::new();
        self.sightings.retain(|s| {
            if s.node == gone {
                moved_sightings.push(s.clone());
                false
            } else {
                true
            }
        });
        for s in moved_sightings {
            match self
                .sightings
                .iter_mut()
                .find(|x| x.doc == s.doc && x.node == keep)
            {
                Some(x) => {
                    for f in s.forms {
                        if !x.forms.contains(&f) {
                            x.forms.push(f);
                        }
                    }
                }
                None => self.sightings.push(Sighting { node: keep, ..s }),
            }
        }
        self.graph.remove_node(gone);
        self.by_id.remove(&moved.id);
        let k = &self.graph[keep];
        let line = format!(
            "{:?} ({}) merged into {} {:?}: {why}",
            moved.name, moved.id, k.id, k.name
        );
        self.merges.push(line);
        self.reindex();
        Ok(())
    }

    /// Removes a document: its relations, its sightings, the aliases only it
    /// gave and the actors only it named. `None` when the store has no such document.
    pub fn remove_document(&mut self, id: &str) -> Option<RemoveReport> {
        if self.document(id).is_none() {
            // Relations may name a document the list lacks (hand-built graphs).
            let s = self.lookup_str(id)?;
            let used = self.graph.edge_weights().any(|e| e.doc == s)
                || self.sightings.iter().any(|x| x.doc == s);
            if !used {
                return None;
            }
        }
        Some(self.remove_documents(&[id]))
    }

    /// Removes several documents at once, with one pass over the relations and
    /// one over the sightings whatever their number: a load that replaces many
    /// changed documents must not pay a full scan per document.
    pub fn remove_documents(&mut self, ids: &[&str]) -> RemoveReport {
        let mut report = RemoveReport::default();
        let syms: HashSet<Sym> = ids.iter().filter_map(|id| self.lookup_str(id)).collect();
        if !syms.is_empty() {
            let before = self.graph.edge_count();
            self.graph.retain_edges(|g, e| !syms.contains(&g[e].doc));
            report.relations = before - self.graph.edge_count();
            let mut touched: Vec<NodeIndex> = Vec::new();
            self.sightings.retain(|s| {
                if syms.contains(&s.doc) {
                    touched.push(s.node);
                    false
                } else {
                    true
                }
            });
            touched.sort();
            touched.dedup();
            let still_named: HashSet<NodeIndex> = self.sightings.iter().map(|s| s.node).collect();
            let mut orphans: HashSet<NodeIndex> = HashSet::new();
            let mut renamed: Vec<NodeIndex> = Vec::new();
            for n in touched {
                if !self.graph.contains_node(n) {
                    continue;
                }
                if still_named.contains(&n) {
                    renamed.push(n);
                } else if self.graph.neighbors_undirected(n).next().is_none() {
                    orphans.insert(n);
                }
            }
            if !renamed.is_empty() {
                // The forms each remaining document gives, gathered in one pass.
                let wanted: HashSet<NodeIndex> = renamed.iter().copied().collect();
                let mut forms: HashMap<NodeIndex, Vec<Sym>> = HashMap::new();
                for s in &self.sightings {
                    if wanted.contains(&s.node) {
                        forms
                            .entry(s.node)
                            .or_default()
                            .extend(s.forms.iter().copied());
                    }
                }
                for n in renamed {
                    let f = forms.remove(&n).unwrap_or_default();
                    self.retract_forms(n, &f);
                }
            }
            if !orphans.is_empty() {
                for &n in &orphans {
                    if let Some(a) = self.graph.remove_node(n) {
                        self.by_id.remove(&a.id);
                    }
                }
                self.sightings.retain(|s| !orphans.contains(&s.node));
                report.actors = orphans.len();
            }
        }
        for id in ids {
            self.drop_document(id);
        }
        self.reindex();
        report
    }

    /// Keeps only the names of an actor that a remaining document or the alias
    /// file still gives; the name falls back to the first remaining form.
    fn retract_forms(&mut self, n: NodeIndex, forms: &[Sym]) {
        let mut supported: HashSet<String> = HashSet::new();
        let mut first: Option<String> = None;
        for &f in forms {
            let form = self.strings.get(f);
            if first.is_none() {
                first = Some(form.to_string());
            }
            supported.insert(name_key(form));
        }
        let name_k = name_key(&self.graph[n].name);
        for e in &self.alias_entries {
            if name_key(&e.name) == name_k {
                supported.extend(e.forms().map(name_key));
            }
        }
        let a = &mut self.graph[n];
        a.aliases.retain(|x| supported.contains(&name_key(x)));
        if !supported.contains(&name_k) {
            if let Some(f) = first {
                let k = name_key(&f);
                a.aliases.retain(|x| name_key(x) != k);
                a.name = f;
            }
        }
    }

    /// Splits an actor: the documents given, and those that named it by one of
    /// the aliases given, now name a new actor (called `name`, or the first alias,
    /// or how the first such document named it); their relations move with them.
    pub fn split_actor(
        &mut self,
        n: NodeIndex,
        docs: &[String],
        aliases: &[String],
        name: Option<&str>,
        kind: Option<ActorKind>,
    ) -> Result<SplitReport> {
        if !self.graph.contains_node(n) {
            return Err(Error::Invalid("no such actor".into()));
        }
        let alias_keys: HashSet<String> = aliases.iter().map(|a| name_key(a)).collect();
        let doc_syms = self.split_documents(n, docs, aliases, &alias_keys)?;
        let actor = self.graph[n].clone();
        let moved: Vec<Sighting> = self
            .sightings
            .iter()
            .filter(|s| s.node == n && doc_syms.contains(&s.doc))
            .cloned()
            .collect();
        let (new_name, new_aliases) =
            self.split_names(&actor, name, aliases, &alias_keys, &moved)?;
        let id = self.fresh_id(&new_name);
        let new = self.add_actor(crate::model::Actor {
            id,
            name: new_name,
            kind: kind.unwrap_or(actor.kind),
            country: actor.country.clone(),
            aliases: new_aliases,
        });
        let relations = self.move_documents(n, new, &doc_syms);
        // The old actor keeps only the names its remaining documents give.
        let a = &mut self.graph[n];
        a.aliases.retain(|x| !alias_keys.contains(&name_key(x)));
        let forms: Vec<Sym> = self
            .sightings
            .iter()
            .filter(|s| s.node == n)
            .flat_map(|s| s.forms.iter().copied())
            .collect();
        if self.sightings.iter().any(|s| s.node == n) {
            self.retract_forms(n, &forms);
        }
        let line = format!(
            "{:?} ({}) split off from {} {:?}: {} document(s), {} relation(s) moved",
            self.graph[new].name,
            self.graph[new].id,
            self.graph[n].id,
            self.graph[n].name,
            moved.len(),
            relations
        );
        self.merges.push(line);
        self.reindex();
        Ok(SplitReport {
            node: new,
            relations,
            documents: doc_syms.len(),
        })
    }

    /// The documents a split of actor `n` moves: those given, and those that
    /// named `n` by one of the names given. Every document must name `n` and
    /// every name must be one of its names: a typo must not split off nothing.
    fn split_documents(
        &mut self,
        n: NodeIndex,
        docs: &[String],
        aliases: &[String],
        alias_keys: &HashSet<String>,
    ) -> Result<HashSet<Sym>> {
        let mut doc_syms: HashSet<Sym> = HashSet::new();
        for d in docs {
            match self.lookup_str(d) {
                Some(s) if self.sightings.iter().any(|x| x.node == n && x.doc == s) => {
                    doc_syms.insert(s);
                }
                _ => {
                    return Err(Error::Invalid(format!(
                        "document {d:?} does not name {}",
                        self.graph[n].name
                    )))
                }
            }
        }
        let actor = &self.graph[n];
        for a in aliases {
            let k = name_key(a);
            let known = actor.aliases.iter().any(|x| name_key(x) == k)
                || self.sightings.iter().any(|s| {
                    s.node == n && s.forms.iter().any(|&f| name_key(self.strings.get(f)) == k)
                });
            if !known {
                return Err(Error::Invalid(format!(
                    "{a:?} is not a name of {} (its names: {})",
                    actor.name,
                    std::iter::once(&actor.name)
                        .chain(actor.aliases.iter())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
        }
        if docs.is_empty() && aliases.is_empty() {
            return Err(Error::Invalid(
                "split needs the documents (--doc) or names (--alias) that belong to the other actor"
                    .into(),
            ));
        }
        for s in &self.sightings {
            if s.node == n
                && s.forms
                    .iter()
                    .any(|&f| alias_keys.contains(&name_key(self.strings.get(f))))
            {
                doc_syms.insert(s.doc);
            }
        }
        Ok(doc_syms)
    }

    /// The name and aliases of the actor split off `actor`: `name`, or the
    /// first alias given, or how the first moved document named it; then the
    /// names given and those the moved documents use.
    fn split_names(
        &self,
        actor: &crate::model::Actor,
        name: Option<&str>,
        aliases: &[String],
        alias_keys: &HashSet<String>,
        moved: &[Sighting],
    ) -> Result<(String, Vec<String>)> {
        let new_name = name
            .map(str::to_string)
            .or_else(|| aliases.first().cloned())
            .or_else(|| {
                moved
                    .first()
                    .and_then(|s| s.forms.first())
                    .map(|&f| self.strings.get(f).to_string())
            })
            .ok_or_else(|| Error::Invalid("give the new actor a name (--name)".into()))?;
        if name_key(&new_name) == name_key(&actor.name) && name.is_none() {
            return Err(Error::Invalid(format!(
                "the split-off actor would have the same name as {}; give it another (--name)",
                actor.name
            )));
        }
        let mut forms: Vec<String> = aliases.to_vec();
        for s in moved {
            for &f in &s.forms {
                forms.push(self.strings.get(f).to_string());
            }
        }
        let nk = name_key(&new_name);
        let mut seen: HashSet<String> = HashSet::from([nk.clone()]);
        let new_aliases: Vec<String> = forms
            .into_iter()
            .filter(|f| {
                let k = name_key(f);
                // The old actor's own name stays with it unless the user moves it.
                (k != name_key(&actor.name) || alias_keys.contains(&k)) && seen.insert(k)
            })
            .collect();
        Ok((new_name, new_aliases))
    }

    /// Moves what documents `doc_syms` say about actor `n` to actor `new`:
    /// their relations (the number moved is returned) and their sightings.
    fn move_documents(&mut self, n: NodeIndex, new: NodeIndex, doc_syms: &HashSet<Sym>) -> usize {
        let edges: Vec<(NodeIndex, NodeIndex, EdgeIndex)> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .filter(|e| doc_syms.contains(&e.weight().doc))
            .map(|e| (e.source(), e.target(), e.id()))
            .collect();
        let mut seen_e = HashSet::new();
        let mut relations = 0;
        for (s, t, e) in edges {
            if !seen_e.insert(e) {
                continue;
            }
            if let Some(w) = self.graph.remove_edge(e) {
                let s = if s == n { new } else { s };
                let t = if t == n { new } else { t };
                self.graph.add_edge(s, t, w);
                relations += 1;
            }
        }
        for s in &mut self.sightings {
            if s.node == n && doc_syms.contains(&s.doc) {
                s.node = new;
            }
        }
        relations
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::merge::merge_into;
    use crate::model::{Actor, Document, Evidence, Extraction, Relation, RelationType};

    fn doc(id: &str, people: &[(&str, &str)], rel: (&str, &str)) -> Extraction {
        Extraction {
            documents: vec![Document {
                id: id.into(),
                path: id.into(),
                date: None,
                title: None,
                url: None,
            }],
            actors: people
                .iter()
                .map(|(i, n)| Actor {
                    id: i.to_string(),
                    name: n.to_string(),
                    kind: ActorKind::Person,
                    country: None,
                    aliases: vec![],
                })
                .collect(),
            relations: vec![Relation {
                source: rel.0.into(),
                target: rel.1.into(),
                kind: RelationType::Meet,
                cameo: None,
                date: None,
                planned: false,
                evidence: Evidence {
                    doc: id.into(),
                    sentence: 0,
                    start: 0,
                    end: 1,
                    trigger: "met".into(),
                    text: "x".into(),
                    rule: None,
                },
            }],
        }
    }

    #[test]
    fn merge_split_and_remove_undo_each_other() {
        let mut g = NewsGraph::new();
        merge_into(
            &mut g,
            doc("d1", &[("a", "Ann Lee"), ("b", "Bo Chan")], ("a", "b")),
        );
        merge_into(
            &mut g,
            doc("d2", &[("a", "Ann Lea"), ("c", "Cy Dee")], ("a", "c")),
        );
        assert_eq!(g.actor_count(), 4);
        let lee = g.find_actor("Ann Lee").unwrap();
        let lea = g.find_actor("Ann Lea").unwrap();
        g.merge_nodes(lee, lea, "manual").unwrap();
        assert_eq!(g.actor_count(), 3);
        assert_eq!(g.relation_count(), 2);
        assert_eq!(g.find_actor("Ann Lea").unwrap(), lee);
        assert!(g.merges.last().unwrap().contains("manual"));
        // Split d2's view back off.
        let r = g
            .split_actor(lee, &["d2".to_string()], &[], None, None)
            .unwrap();
        assert_eq!(r.relations, 1);
        assert_eq!(g.actor(r.node).name, "Ann Lea");
        assert!(g.actor(lee).aliases.is_empty(), "{:?}", g.actor(lee));
        // Removing d2 takes Ann Lea and Cy Dee with it.
        let rep = g.remove_document("d2").unwrap();
        assert_eq!(
            rep,
            RemoveReport {
                relations: 1,
                actors: 2
            }
        );
        assert_eq!(g.actor_count(), 2);
        assert_eq!(g.documents.len(), 1);
        assert!(g.remove_document("d2").is_none());
    }

    #[test]
    fn removing_documents_together_equals_removing_them_one_by_one() {
        let build = || {
            let mut g = NewsGraph::new();
            merge_into(
                &mut g,
                doc("d1", &[("a", "Ann Lee"), ("b", "Bo Chan")], ("a", "b")),
            );
            merge_into(
                &mut g,
                doc("d2", &[("a", "Ann Lee"), ("c", "Cy Dee")], ("a", "c")),
            );
            merge_into(
                &mut g,
                doc("d3", &[("b", "Bo Chan"), ("c", "Cy Dee")], ("b", "c")),
            );
            merge_into(
                &mut g,
                doc("d4", &[("e", "Ed Fox"), ("c", "Cy Dee")], ("e", "c")),
            );
            g
        };
        let mut one_by_one = build();
        let mut a = RemoveReport::default();
        for d in ["d2", "d4"] {
            let r = one_by_one.remove_document(d).unwrap();
            a.relations += r.relations;
            a.actors += r.actors;
        }
        let mut together = build();
        let b = together.remove_documents(&["d2", "d4"]);
        assert_eq!(a, b);
        assert_eq!(
            b,
            RemoveReport {
                relations: 2,
                actors: 1
            },
            "Ed Fox goes; Cy Dee stays (d3 names him)"
        );
        assert_eq!(one_by_one.to_extraction(), together.to_extraction());
    }
}
