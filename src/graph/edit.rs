//! Corrections: merge two actors, split an actor that wrongly merged two, remove
//! a document (and everything only it brought). Each is logged in `merges`.

use super::{NewsGraph, Sighting};
use crate::error::{Error, Result};
use crate::model::ActorKind;
use crate::strings::Sym;
use crate::text::{fold, name_key};
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

/// Marks the record at the end of a merge log line (see [`MergeRecord`]).
const MERGE_RECORD: &str = " | before: ";

/// Both actors of a merge as they were before it, kept (as JSON) at the end of
/// the merge's log line so that `split` can restore them.
#[derive(serde::Serialize, serde::Deserialize)]
struct MergeRecord {
    /// The actor merged into, before the merge.
    into: crate::model::Actor,
    /// The actor merged away.
    actor: crate::model::Actor,
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
        let keep_before = self.graph[keep].clone();
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
        let mut line = format!(
            "{:?} ({}) merged into {} {:?}: {why}",
            moved.name, moved.id, k.id, k.name
        );
        // Both actors as they were, so a later split gives back every field
        // (kind, country, aliases), not only the relations.
        let record = MergeRecord {
            into: keep_before,
            actor: moved,
        };
        if let Ok(json) = serde_json::to_string(&record) {
            line.push_str(MERGE_RECORD);
            line.push_str(&json);
        }
        self.merges.push(line);
        self.reindex();
        Ok(())
    }

    /// The latest merge of an actor named like `name` into the actor `into`
    /// (by id), as recorded in the log, if it is still the last word on them.
    fn merge_record(&self, into: &str, name: &str) -> Option<MergeRecord> {
        let key = name_key(name);
        self.merges.iter().rev().find_map(|line| {
            line.match_indices(MERGE_RECORD).find_map(|(i, m)| {
                serde_json::from_str::<MergeRecord>(&line[i + m.len()..])
                    .ok()
                    .filter(|r| r.into.id == into && name_key(&r.actor.name) == key)
            })
        })
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

    /// Splits an actor: the documents given, and those that named it only by the
    /// aliases given, now name a new actor (called `name`, or the first alias, or
    /// how the first such document named it), and their relations move with them.
    /// A document that named the actor by an alias and by another of its names
    /// keeps both actors: only the relations whose evidence sentence uses an
    /// alias, and no other of the actor's names, move (the user said the alias
    /// is someone else, not the document).
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
        let (doc_syms, mention_docs) = self.split_documents(n, docs, aliases, &alias_keys)?;
        let actor = self.graph[n].clone();
        let mut moved: Vec<Sighting> = self
            .sightings
            .iter()
            .filter(|s| s.node == n && doc_syms.contains(&s.doc))
            .cloned()
            .collect();
        let mentioned = self.alias_sightings(n, &mention_docs, &alias_keys);
        moved.extend(mentioned.iter().cloned());
        let (new_name, new_aliases) =
            self.split_names(&actor, name, aliases, &alias_keys, &moved)?;
        let new = self.add_split_actor(n, &actor, name, kind, new_name, new_aliases);
        let relations = self.move_documents(n, new, &doc_syms)
            + self.move_mentions(n, new, &mention_docs, &alias_keys, mentioned);
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
            documents: doc_syms.len() + mention_docs.len(),
        })
    }

    /// The documents a split of actor `n` moves: those given and those that
    /// named `n` only by the names given (moved whole), then those that named it
    /// by one of the names given and by others (moved mention by mention). Every
    /// document must name `n` and every name must be one of its names: a typo
    /// must not split off nothing.
    fn split_documents(
        &mut self,
        n: NodeIndex,
        docs: &[String],
        aliases: &[String],
        alias_keys: &HashSet<String>,
    ) -> Result<(HashSet<Sym>, HashSet<Sym>)> {
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
        // Per document, whether it used an alias and whether it used another name.
        let mut used: HashMap<Sym, (bool, bool)> = HashMap::new();
        for s in self.sightings.iter().filter(|s| s.node == n) {
            let e = used.entry(s.doc).or_default();
            for &f in &s.forms {
                if alias_keys.contains(&name_key(self.strings.get(f))) {
                    e.0 = true;
                } else {
                    e.1 = true;
                }
            }
        }
        let mut mention_docs = HashSet::new();
        for (doc, (alias, other)) in used {
            if !alias || doc_syms.contains(&doc) {
                continue;
            }
            if other {
                mention_docs.insert(doc);
            } else {
                doc_syms.insert(doc);
            }
        }
        Ok((doc_syms, mention_docs))
    }

    /// The sightings of actor `n` in documents `docs` cut down to the names given
    /// (`alias_keys`): what those documents say about the actor split off.
    fn alias_sightings(
        &self,
        n: NodeIndex,
        docs: &HashSet<Sym>,
        alias_keys: &HashSet<String>,
    ) -> Vec<Sighting> {
        self.sightings
            .iter()
            .filter(|s| s.node == n && docs.contains(&s.doc))
            .filter_map(|s| {
                let forms: Vec<Sym> = s
                    .forms
                    .iter()
                    .copied()
                    .filter(|&f| alias_keys.contains(&name_key(self.strings.get(f))))
                    .collect();
                (!forms.is_empty()).then_some(Sighting {
                    doc: s.doc,
                    node: n,
                    forms,
                })
            })
            .collect()
    }

    /// Moves to actor `new` the relations of actor `n` in documents `docs` whose
    /// evidence sentence names it by an alias (`alias_keys`) and not by another
    /// of its names (see [`uses_alias`]), and the alias forms of those documents'
    /// sightings (`mentioned`). Returns the number of relations moved.
    fn move_mentions(
        &mut self,
        n: NodeIndex,
        new: NodeIndex,
        docs: &HashSet<Sym>,
        alias_keys: &HashSet<String>,
        mentioned: Vec<Sighting>,
    ) -> usize {
        if docs.is_empty() {
            return 0;
        }
        let a = &self.graph[n];
        let mut other_keys: HashSet<String> = std::iter::once(&a.name)
            .chain(a.aliases.iter())
            .map(|f| name_key(f))
            .collect();
        for s in self.sightings.iter().filter(|s| s.node == n) {
            other_keys.extend(s.forms.iter().map(|&f| name_key(self.strings.get(f))));
        }
        other_keys.retain(|k| !alias_keys.contains(k));
        let alias: Vec<Vec<&str>> = alias_keys.iter().map(|k| k.split(' ').collect()).collect();
        let other: Vec<Vec<&str>> = other_keys.iter().map(|k| k.split(' ').collect()).collect();
        let edges: Vec<(NodeIndex, NodeIndex, EdgeIndex)> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .filter(|e| docs.contains(&e.weight().doc))
            .filter(|e| uses_alias(self.strings.get(e.weight().text), &alias, &other))
            .map(|e| (e.source(), e.target(), e.id()))
            .collect();
        let relations = self.move_edges(n, new, edges);
        for s in &mut self.sightings {
            if s.node == n && docs.contains(&s.doc) {
                s.forms
                    .retain(|&f| !alias_keys.contains(&name_key(self.strings.get(f))));
            }
        }
        self.sightings
            .retain(|s| !(s.node == n && docs.contains(&s.doc) && s.forms.is_empty()));
        self.sightings
            .extend(mentioned.into_iter().map(|s| Sighting { node: new, ..s }));
        relations
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

    /// Adds the actor split off `actor` (at `n`). When the split undoes a
    /// logged merge, the split-off actor gets back what it had (id, kind,
    /// country, aliases), and the other actor loses what it gained.
    fn add_split_actor(
        &mut self,
        n: NodeIndex,
        actor: &crate::model::Actor,
        name: Option<&str>,
        kind: Option<ActorKind>,
        new_name: String,
        new_aliases: Vec<String>,
    ) -> NodeIndex {
        let record = self.merge_record(&actor.id, &new_name);
        let new_actor = match &record {
            Some(r) => {
                let mut aliases = r.actor.aliases.clone();
                let mut known: HashSet<String> = std::iter::once(&r.actor.name)
                    .chain(aliases.iter())
                    .map(|f| name_key(f))
                    .collect();
                for f in new_aliases {
                    if known.insert(name_key(&f)) {
                        aliases.push(f);
                    }
                }
                crate::model::Actor {
                    id: if self.node(&r.actor.id).is_none() {
                        r.actor.id.clone()
                    } else {
                        self.fresh_id(&new_name)
                    },
                    name: if name.is_some() {
                        new_name
                    } else {
                        r.actor.name.clone()
                    },
                    kind: kind.unwrap_or(r.actor.kind),
                    country: r.actor.country.clone(),
                    aliases,
                }
            }
            None => crate::model::Actor {
                id: self.fresh_id(&new_name),
                name: new_name,
                kind: kind.unwrap_or(actor.kind),
                country: actor.country.clone(),
                aliases: new_aliases,
            },
        };
        if let Some(r) = &record {
            let a = &mut self.graph[n];
            if a.country != r.into.country && a.country == r.actor.country {
                a.country = r.into.country.clone();
            }
            if a.kind != r.into.kind && a.kind == r.actor.kind {
                a.kind = r.into.kind;
            }
        }
        self.add_actor(new_actor)
    }

    /// Moves the given relations of actor `n` to actor `new` (a relation of `n`
    /// with itself is listed twice and moved once); returns how many moved.
    fn move_edges(
        &mut self,
        n: NodeIndex,
        new: NodeIndex,
        edges: Vec<(NodeIndex, NodeIndex, EdgeIndex)>,
    ) -> usize {
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
        relations
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
        let relations = self.move_edges(n, new, edges);
        for s in &mut self.sightings {
            if s.node == n && doc_syms.contains(&s.doc) {
                s.node = new;
            }
        }
        relations
    }
}

/// The words of a sentence as [`name_key`] writes a name's words (folded,
/// possessives and outer hyphens and apostrophes dropped), to find names in it.
fn sentence_words(sentence: &str) -> Vec<String> {
    fold(sentence)
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map(|w| w.strip_suffix("'s").unwrap_or(w))
        .map(|w| w.trim_matches(|c: char| c == '\'' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `sentence` names the actor by one of the `alias` names (as word
/// lists) and not by one of its `other` names: a name inside a longer one of
/// the other list ("Li" inside "Ann Li") does not count. A sentence naming it
/// both ways ("signed with Sony to keep the games on PlayStation") is left to
/// the actor it was on.
fn uses_alias(sentence: &str, alias: &[Vec<&str>], other: &[Vec<&str>]) -> bool {
    let words = sentence_words(sentence);
    let at = |name: &[&str], i: usize| {
        !name.is_empty()
            && words.len() >= i + name.len()
            && name.iter().zip(&words[i..]).all(|(a, b)| *a == b.as_str())
    };
    // An occurrence of one of `these` names not inside a longer one of `those`.
    let alone = |these: &[Vec<&str>], those: &[Vec<&str>]| {
        (0..words.len()).any(|i| {
            these.iter().filter(|a| at(a, i)).any(|a| {
                !those.iter().any(|o| {
                    o.len() > a.len()
                        && (i.saturating_sub(o.len() - a.len())..=i)
                            .any(|j| at(o, j) && j + o.len() >= i + a.len())
                })
            })
        })
    };
    alone(alias, other) && !alone(other, alias)
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

    #[test]
    fn an_alias_counts_unless_it_is_part_of_a_longer_name() {
        let alias = [vec!["li"], vec!["pm", "li"]];
        let other = [vec!["ann", "li"], vec!["ann", "lee"]];
        assert!(uses_alias("Li's call with Farouk.", &alias, &other));
        assert!(uses_alias("\"We agree,\" PM Li said.", &alias, &other));
        assert!(!uses_alias("Ann Li called Farouk.", &alias, &other));
        assert!(!uses_alias("Lilly met Lee.", &alias, &other));
        assert!(!uses_alias("Ann Li met Li.", &alias, &other));
        assert!(!uses_alias("Ann Lee met PM Li.", &alias, &other));
        assert!(!uses_alias("He left.", &alias, &other));
    }
}
