//! The graph: actors as nodes, relations as edges (petgraph), the documents they
//! came from, where each document saw each actor, and the log of merges.
//! [`merge`] pours extractions in; [`store`] persists the graph to disk;
//! [`aliases`] applies the user's alias file; [`edit`] holds the corrections
//! (merge, split, remove a document).
//!
//! Edges are stored compactly ([`Edge`]: numbers and interned strings, 40 bytes)
//! rather than as [`Relation`] values (eight owned strings, ~600 bytes with their
//! heap blocks): that is what lets a million relations fit in ~300 MB. A relation
//! is rebuilt on demand with [`NewsGraph::relation`]; [`NewsGraph::relations`]
//! rebuilds them all once and keeps them until the graph changes.

pub mod aliases;
pub mod edit;
pub mod identity;
pub mod merge;
pub mod store;

use crate::error::{Error, Result};
use crate::model::{Actor, Document, Evidence, Extraction, Relation, RelationType};
use crate::strings::{Strings, Sym};
use crate::text::{edit_distance_within, name_key};
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A relation as stored on a graph edge: its ends are the edge's nodes, its
/// strings are handles into the graph's string table. Read it as a [`Relation`]
/// with [`NewsGraph::relation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// The relation type.
    pub kind: RelationType,
    /// Announced or expected, not (yet) happened.
    pub planned: bool,
    /// Index of the evidence sentence in its document (the line for tabular inputs).
    pub sentence: u32,
    /// Byte offset of the evidence sentence's start in the document.
    pub start: u32,
    /// Byte offset just past its end.
    pub end: u32,
    /// Document id.
    pub doc: Sym,
    /// Trigger words.
    pub trigger: Sym,
    /// Evidence sentence.
    pub text: Sym,
    /// CAMEO code.
    pub cameo: Option<Sym>,
    /// Date of the event or its document.
    pub date: Option<Sym>,
    /// Lexicon entry or rule that produced the relation.
    pub rule: Option<Sym>,
}

/// One document's view of one actor: the forms (name first) under which the
/// document named it. Sightings are what let a correction undo a merge or a
/// removed document take back the aliases and actors only it brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sighting {
    /// Document id.
    pub doc: Sym,
    /// The actor.
    pub node: NodeIndex,
    /// Forms the document used (its name for the actor first).
    pub forms: Vec<Sym>,
}

/// A graph of actors and relations, with the documents behind them.
#[derive(Debug, Clone, Default)]
pub struct NewsGraph {
    /// Nodes are actors; edges are relations (compact; see [`Edge`]).
    pub graph: StableDiGraph<Actor, Edge>,
    /// Documents loaded, in load order.
    pub documents: Vec<Document>,
    /// Merge decisions, in order ("merged X into Y because ..."): automatic
    /// cross-document merges, alias-file merges and manual merges and splits.
    pub merges: Vec<String>,
    /// The user's alias entries, applied to every later load.
    pub alias_entries: Vec<aliases::AliasEntry>,
    strings: Strings,
    by_id: hashbrown::HashMap<String, NodeIndex>,
    /// Document id → content hash (hex SHA-256) of what was loaded.
    hashes: HashMap<String, String>,
    /// Document id → where it came from (see [`NewsGraph::doc_source`]).
    sources: HashMap<String, String>,
    /// Source → document id: how a reload finds the document it replaces.
    by_source: HashMap<String, String>,
    /// Document id → position in `documents`.
    doc_pos: HashMap<String, usize>,
    sightings: Vec<Sighting>,
    /// Every relation rebuilt and sorted, on first call of `relations()`.
    cache: OnceLock<Vec<Relation>>,
    /// Identity keys → actor, built on the first merge (see `merge`).
    identity: Option<HashMap<String, NodeIndex>>,
    /// Alias-file forms whose actor does not exist yet → entry index.
    pending_entries: HashMap<String, usize>,
}

impl NewsGraph {
    /// An empty graph.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relations.
    pub fn relation_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node of an actor id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.by_id.get(id).copied()
    }

    /// The actor at a node.
    pub fn actor(&self, n: NodeIndex) -> &Actor {
        &self.graph[n]
    }

    /// All actors, in id order (deterministic).
    pub fn actors(&self) -> Vec<&Actor> {
        let mut v: Vec<&Actor> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v
    }

    /// All relations, in a deterministic order (source, target, type, document,
    /// sentence). Rebuilt from the edges on the first call after a change; prefer
    /// [`NewsGraph::relation`] or iterating `graph` edges for a few relations.
    pub fn relations(&self) -> Vec<&Relation> {
        self.cache
            .get_or_init(|| {
                self.sorted_edges()
                    .into_iter()
                    .map(|e| self.relation(e))
                    .collect()
            })
            .iter()
            .collect()
    }

    /// Edge indices in the order of [`NewsGraph::relations`]; sorting compares
    /// integer ranks rather than strings, so it stays fast on millions of edges.
    pub fn sorted_edges(&self) -> Vec<EdgeIndex> {
        self.sorted_edges_ranked(&self.node_ranks())
    }

    /// [`NewsGraph::sorted_edges`] for callers that already hold
    /// [`NewsGraph::node_ranks`] (sorting 200,000 ids twice is a tenth of a second).
    pub fn sorted_edges_ranked(&self, node_rank: &[u32]) -> Vec<EdgeIndex> {
        // Ranks live in vectors indexed by node and string number: hashing two id
        // strings per edge was most of the time of a save.
        let mut docs: Vec<Sym> = self.graph.edge_weights().map(|e| e.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs.sort_by(|a, b| self.strings.get(*a).cmp(self.strings.get(*b)));
        let mut doc_rank = vec![u32::MAX; self.strings.len() + 1];
        for (i, s) in docs.iter().enumerate() {
            doc_rank[s.to_u32() as usize] = i as u32;
        }
        let rank = |n: NodeIndex| node_rank.get(n.index()).copied();
        let mut keyed: Vec<([u32; 6], EdgeIndex)> = (&self.graph)
            .edge_references()
            .map(|e| {
                let w = e.weight();
                let key = [
                    rank(e.source()).unwrap_or(u32::MAX),
                    rank(e.target()).unwrap_or(u32::MAX),
                    w.kind as u32,
                    doc_rank
                        .get(w.doc.to_u32() as usize)
                        .copied()
                        .unwrap_or(u32::MAX),
                    w.sentence,
                    w.start,
                ];
                (key, e.id())
            })
            .collect();
        keyed.sort_unstable();
        keyed.into_iter().map(|(_, e)| e).collect()
    }

    /// Each node's position in id order (equal ids, which a graph should not
    /// have, in node order), indexed by node index (`u32::MAX` for vacant indices).
    pub fn node_ranks(&self) -> Vec<u32> {
        // Sorted on the ids' first 16 bytes, read once: the full ids (scattered
        // over the heap) are compared only when those are equal.
        let prefix = |id: &str| {
            let mut b = [0u8; 16];
            let n = id.len().min(16);
            b[..n].copy_from_slice(&id.as_bytes()[..n]);
            u128::from_be_bytes(b)
        };
        let mut nodes: Vec<(u128, NodeIndex)> = self
            .graph
            .node_indices()
            .map(|n| (prefix(&self.graph[n].id), n))
            .collect();
        nodes.sort_unstable_by(|(pa, a), (pb, b)| {
            pa.cmp(pb)
                .then_with(|| self.graph[*a].id.cmp(&self.graph[*b].id))
                .then(a.cmp(b))
        });
        let bound = nodes.iter().map(|(_, n)| n.index() + 1).max().unwrap_or(0);
        let mut rank = vec![u32::MAX; bound];
        for (i, (_, n)) in nodes.iter().enumerate() {
            rank[n.index()] = i as u32;
        }
        rank
    }

    /// The relation on an edge, rebuilt with its actor ids and evidence.
    ///
    /// # Panics
    /// When `e` is not an edge of this graph (like indexing `graph`).
    pub fn relation(&self, e: EdgeIndex) -> Relation {
        let Some((s, t)) = self.graph.edge_endpoints(e) else {
            panic!("relation(): {e:?} is not an edge of this graph");
        };
        self.edge_to_relation(s, t, &self.graph[e])
    }

    /// Builds the [`Relation`] of an edge weight between two nodes.
    pub fn edge_to_relation(&self, s: NodeIndex, t: NodeIndex, w: &Edge) -> Relation {
        let st = |x: Sym| self.strings.get(x).to_string();
        Relation {
            source: self.graph[s].id.clone(),
            target: self.graph[t].id.clone(),
            kind: w.kind,
            cameo: w.cameo.map(st),
            date: w.date.map(st),
            planned: w.planned,
            evidence: Evidence {
                doc: st(w.doc),
                sentence: w.sentence as usize,
                start: w.start as usize,
                end: w.end as usize,
                trigger: st(w.trigger),
                text: st(w.text),
                rule: w.rule.map(st),
            },
        }
    }

    /// The text behind an interned handle of an [`Edge`] or [`Sighting`].
    pub fn str(&self, s: Sym) -> &str {
        self.strings.get(s)
    }

    /// The handle of a string already interned (e.g. a document id), if any.
    pub fn lookup_str(&mut self, s: &str) -> Option<Sym> {
        self.strings.lookup(s)
    }

    /// Interns a string.
    pub fn intern(&mut self, s: &str) -> Sym {
        self.strings.intern(s)
    }

    /// Adds an actor (its id must be new) and returns its node.
    pub fn add_actor(&mut self, actor: Actor) -> NodeIndex {
        self.changed();
        let id = actor.id.clone();
        let n = self.graph.add_node(actor);
        self.by_id.insert(id, n);
        n
    }

    /// Adds a relation between two existing actor ids. `None` when an end is
    /// unknown or an offset does not fit the store (documents over 4 GiB).
    pub fn add_relation(&mut self, rel: Relation) -> Option<EdgeIndex> {
        let s = self.node(&rel.source)?;
        let t = self.node(&rel.target)?;
        let w = self.edge_of(&rel)?;
        self.changed();
        Some(self.graph.add_edge(s, t, w))
    }

    /// The compact edge of a relation (its ends aside).
    pub fn edge_of(&mut self, rel: &Relation) -> Option<Edge> {
        let ev = &rel.evidence;
        Some(Edge {
            kind: rel.kind,
            planned: rel.planned,
            sentence: u32::try_from(ev.sentence).ok()?,
            start: u32::try_from(ev.start).ok()?,
            end: u32::try_from(ev.end).ok()?,
            doc: self.strings.intern(&ev.doc),
            trigger: self.strings.intern(&ev.trigger),
            text: self.strings.intern(&ev.text),
            cameo: rel.cameo.as_deref().map(|c| self.strings.intern(c)),
            date: rel.date.as_deref().map(|c| self.strings.intern(c)),
            rule: ev.rule.as_deref().map(|c| self.strings.intern(c)),
        })
    }

    /// Builds a graph from an extraction (actor ids must be unique; relations
    /// whose ends are unknown are dropped).
    pub fn from_extraction(x: Extraction) -> Self {
        let mut g = NewsGraph::new();
        g.documents = x.documents;
        for a in x.actors {
            if g.node(&a.id).is_none() {
                g.add_actor(a);
            }
        }
        for r in x.relations {
            g.add_relation(r);
        }
        g
    }

    /// The graph as an extraction (documents, actors, relations), in deterministic order.
    pub fn to_extraction(&self) -> Extraction {
        Extraction {
            documents: self.documents.clone(),
            actors: self.actors().into_iter().cloned().collect(),
            relations: self.relations().into_iter().cloned().collect(),
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        match self.doc_pos.get(id) {
            Some(&i) if self.documents.get(i).is_some_and(|d| d.id == id) => self.documents.get(i),
            // A complete index that lacks the id: no need to scan.
            None if self.doc_pos.len() == self.documents.len() => None,
            _ => self.documents.iter().find(|d| d.id == id),
        }
    }

    /// Position of a document in `documents`; the index is rebuilt when someone
    /// changed `documents` directly.
    fn doc_position(&mut self, id: &str) -> Option<usize> {
        match self.doc_pos.get(id) {
            Some(&i) if self.documents.get(i).is_some_and(|d| d.id == id) => return Some(i),
            None if self.doc_pos.len() == self.documents.len() => return None,
            _ => {}
        }
        self.doc_pos = self
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.id.clone(), i))
            .collect();
        self.doc_pos.get(id).copied()
    }

    /// Removes a document's entry and hash (not its relations; see `edit`).
    fn drop_document(&mut self, id: &str) {
        if let Some(i) = self.doc_position(id) {
            self.documents.remove(i);
            self.doc_pos.clear();
        }
        self.hashes.remove(id);
        if let Some(src) = self.sources.remove(id) {
            self.by_source.remove(&src);
        }
    }

    /// Where a document came from, as `load` identifies it: its path relative
    /// to the folder given on the command line (with that folder's name), the
    /// path as given for a file named on its own, `URL` for a page with a
    /// canonical address, `id:ID` for a JSON Lines record with an explicit id,
    /// `FILE#LINE` for one without. Two files that only share a name are two
    /// documents; loading the same source again replaces or skips it. `None`
    /// for documents of stores written before sources were kept.
    pub fn doc_source(&self, id: &str) -> Option<&str> {
        self.sources.get(id).map(String::as_str)
    }

    /// The document loaded from this source, if any.
    pub fn doc_with_source(&self, source: &str) -> Option<&str> {
        self.by_source.get(source).map(String::as_str)
    }

    /// Records where a document came from (replacing what it had).
    pub fn set_doc_source(&mut self, id: &str, source: &str) {
        if let Some(old) = self.sources.insert(id.to_string(), source.to_string()) {
            if self.by_source.get(&old).is_some_and(|d| d == id) {
                self.by_source.remove(&old);
            }
        }
        self.by_source.insert(source.to_string(), id.to_string());
    }

    /// The content hash recorded when a document was loaded (hex SHA-256).
    pub fn doc_hash(&self, id: &str) -> Option<&str> {
        self.hashes.get(id).map(String::as_str)
    }

    /// Records a document (or updates its metadata in place) with its content hash.
    pub fn put_document(&mut self, doc: Document, hash: Option<String>) {
        match hash {
            Some(h) => {
                self.hashes.insert(doc.id.clone(), h);
            }
            None => {
                self.hashes.remove(&doc.id);
            }
        }
        match self.doc_position(&doc.id) {
            Some(i) => self.documents[i] = doc,
            None => {
                self.doc_pos.insert(doc.id.clone(), self.documents.len());
                self.documents.push(doc);
            }
        }
    }

    /// Every sighting (document × actor), in load order.
    pub fn sightings(&self) -> &[Sighting] {
        &self.sightings
    }

    /// Records that a document named an actor with these forms (name first);
    /// several calls for one document and actor accumulate forms.
    pub fn add_sighting(&mut self, doc: &str, node: NodeIndex, forms: &[String]) {
        let d = self.strings.intern(doc);
        let syms: Vec<Sym> = forms.iter().map(|f| self.strings.intern(f)).collect();
        if let Some(s) = self
            .sightings
            .iter_mut()
            .rev()
            .take(64)
            .find(|s| s.doc == d && s.node == node)
        {
            for f in syms {
                if !s.forms.contains(&f) {
                    s.forms.push(f);
                }
            }
            return;
        }
        self.sightings.push(Sighting {
            doc: d,
            node,
            forms: syms,
        });
    }

    /// Approximate heap and inline bytes held by the graph (for benchmarks and
    /// `stats`): nodes and edges, strings, indices.
    pub fn memory_bytes(&self) -> usize {
        let actors: usize = self
            .graph
            .node_weights()
            .map(|a| {
                a.id.capacity()
                    + a.name.capacity()
                    + a.country.as_ref().map_or(0, String::capacity)
                    + a.aliases.capacity() * 24
                    + a.aliases.iter().map(String::capacity).sum::<usize>()
            })
            .sum();
        let nodes = self.graph.capacity().0 * (std::mem::size_of::<Option<Actor>>() + 8);
        let edges = self.graph.capacity().1 * (std::mem::size_of::<Option<Edge>>() + 16);
        let by_id = self.by_id.capacity() * (24 + 4 + 8)
            + self.by_id.keys().map(String::capacity).sum::<usize>();
        let sightings = self.sightings.capacity() * std::mem::size_of::<Sighting>()
            + self
                .sightings
                .iter()
                .map(|s| s.forms.capacity() * 4)
                .sum::<usize>();
        actors + nodes + edges + by_id + sightings + self.strings.heap_bytes()
    }

    /// Drops strings no edge, sighting or document refers to any more (after
    /// documents were removed or replaced), so the store does not grow with garbage.
    pub fn compact(&mut self) {
        let n = self.strings.len();
        let mut keep = vec![false; n];
        let mut mark = |s: Sym| {
            if let Some(k) = keep.get_mut(s.to_u32() as usize - 1) {
                *k = true;
            }
        };
        for e in self.graph.edge_weights() {
            for s in [e.doc, e.trigger, e.text]
                .into_iter()
                .chain(e.cameo)
                .chain(e.date)
                .chain(e.rule)
            {
                mark(s);
            }
        }
        for s in &self.sightings {
            mark(s.doc);
            for &f in &s.forms {
                mark(f);
            }
        }
        if keep.iter().all(|&k| k) {
            return;
        }
        let map = self.strings.compact(&keep);
        let re = |s: Sym| map[s.to_u32() as usize - 1].unwrap_or(s);
        for e in self.graph.edge_weights_mut() {
            e.doc = re(e.doc);
            e.trigger = re(e.trigger);
            e.text = re(e.text);
            e.cameo = e.cameo.map(re);
            e.date = e.date.map(re);
            e.rule = e.rule.map(re);
        }
        for s in &mut self.sightings {
            s.doc = re(s.doc);
            for f in &mut s.forms {
                *f = re(*f);
            }
        }
    }

    /// Forgets derived data after a change: the sorted relations and, unless the
    /// change keeps it up to date itself, the identity index.
    fn changed(&mut self) {
        self.cache = OnceLock::new();
    }

    /// Like [`NewsGraph::changed`], and the identity index is rebuilt on next use.
    fn reindex(&mut self) {
        self.changed();
        self.identity = None;
    }

    /// An id derived from a name that no actor uses yet.
    fn fresh_id(&self, name: &str) -> String {
        let base = crate::text::slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.node(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Finds the actor a user means by `name`: its id, its name or any alias,
    /// compared case- and diacritic-insensitively. Several matches are an error
    /// unless one is an exact name match; no match lists the closest names.
    pub fn find_actor(&self, name: &str) -> Result<NodeIndex> {
        if let Some(n) = self.node(name) {
            return Ok(n);
        }
        let key = name_key(name);
        let mut by_name = Vec::new();
        let mut by_alias = Vec::new();
        for n in self.graph.node_indices() {
            let a = &self.graph[n];
            if name_key(&a.name) == key {
                by_name.push(n);
            } else if a.aliases.iter().any(|x| name_key(x) == key) {
                by_alias.push(n);
            }
        }
        let hits = if by_name.is_empty() {
            by_alias
        } else {
            by_name
        };
        match hits.len() {
            1 => Ok(hits[0]),
            0 => Err(Error::UnknownActor {
                name: name.to_string(),
                candidates: self.closest(&key, 5),
            }),
            _ => {
                let mut c: Vec<String> = hits.iter().map(|&n| describe(&self.graph[n])).collect();
                c.sort();
                Err(Error::AmbiguousActor {
                    name: name.to_string(),
                    candidates: c,
                })
            }
        }
    }

    /// Names closest to a folded key, best first: containment, then edit distance.
    fn closest(&self, key: &str, k: usize) -> Vec<String> {
        let mut scored: Vec<(usize, String)> = Vec::new();
        for a in self.graph.node_weights() {
            let mut best = usize::MAX;
            for form in std::iter::once(&a.name).chain(a.aliases.iter()) {
                let f = name_key(form);
                let d = if !key.is_empty() && (f.contains(key) || key.contains(&f) && !f.is_empty())
                {
                    0
                } else {
                    edit_distance_within(&f, key, 4)
                };
                best = best.min(d);
            }
            if best <= 4 {
                scored.push((best, describe(a)));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored.into_iter().take(k).map(|(_, s)| s).collect()
    }
}

/// "Antony Blinken (person)": how an actor is named in messages.
pub fn describe(a: &Actor) -> String {
    format!("{} ({})", a.name, a.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    #[test]
    fn edges_are_compact_and_relations_round_trip() {
        assert!(std::mem::size_of::<Edge>() <= 40);
        let mut g = NewsGraph::new();
        for id in ["a", "b"] {
            g.add_actor(Actor {
                id: id.into(),
                name: id.into(),
                kind: ActorKind::Person,
                country: None,
                aliases: vec![],
            });
        }
        let r = Relation {
            source: "a".into(),
            target: "b".into(),
            kind: RelationType::Meet,
            cameo: Some("040".into()),
            date: Some("2024-01-02".into()),
            planned: false,
            evidence: Evidence {
                doc: "d".into(),
                sentence: 3,
                start: 10,
                end: 20,
                trigger: "met".into(),
                text: "A met B.".into(),
                rule: None,
            },
        };
        let e = g.add_relation(r.clone()).unwrap();
        assert_eq!(g.relation(e), r);
        assert_eq!(g.relations(), vec![&r]);
    }
}
