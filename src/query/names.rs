//! An index of actor names for a search box that answers as it is typed: the
//! folded forms (name and aliases) of every actor, which actors bear each
//! folded form, and which bear each word. Built once per loaded graph (the
//! explorer keeps it with its store), it gives the same suggestions as
//! [`resolve::suggest`](super::resolve::suggest) without folding and comparing
//! every actor's name on every keystroke: only the actors having a word that
//! contains, starts like or is a typo away from a typed word are scored.

use super::resolve::{needle_words, rank, typos_allowed, words};
use crate::graph::NewsGraph;
use crate::text::{edit_distance_within, name_key};
use petgraph::stable_graph::NodeIndex;
use std::collections::HashMap;

/// One actor as the index keeps it.
#[derive(Debug)]
struct Entry {
    node: NodeIndex,
    /// Relations on either side (ties between equally close names go to the
    /// best connected).
    degree: usize,
    /// Folded forms, the name first, each with its words (positions in the vocabulary).
    forms: Vec<(String, Vec<u32>)>,
}

/// Actors by folded name, alias and word.
#[derive(Debug, Default)]
pub struct NameIndex {
    actors: Vec<Entry>,
    /// Folded form → actors of that name, and actors of that alias.
    exact: HashMap<String, (Vec<u32>, Vec<u32>)>,
    /// Every word of every form, and the actors (positions in `actors`) using it.
    vocabulary: Vec<(String, Vec<u32>)>,
    /// Each actor's position in `actors`.
    position: HashMap<NodeIndex, u32>,
}

impl NameIndex {
    /// Folds every actor's name and aliases once.
    pub fn new(g: &NewsGraph) -> NameIndex {
        let mut ix = NameIndex::default();
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        for n in g.graph.node_indices() {
            let a = g.actor(n);
            let i = ix.actors.len() as u32;
            let mut forms = Vec::new();
            for (j, f) in std::iter::once(&a.name).chain(a.aliases.iter()).enumerate() {
                let k = name_key(f);
                let e = ix.exact.entry(k.clone()).or_default();
                let list = if j == 0 { &mut e.0 } else { &mut e.1 };
                if list.last() != Some(&i) {
                    list.push(i);
                }
                let mut ids = Vec::new();
                for w in words(&k) {
                    let next = ix.vocabulary.len() as u32;
                    let id = *word_ids.entry(w.to_string()).or_insert_with(|| {
                        ix.vocabulary.push((w.to_string(), Vec::new()));
                        next
                    });
                    let users = &mut ix.vocabulary[id as usize].1;
                    if users.last() != Some(&i) {
                        users.push(i);
                    }
                    ids.push(id);
                }
                forms.push((k, ids));
            }
            ix.position.insert(n, i);
            ix.actors.push(Entry {
                node: n,
                degree: g.graph.neighbors_undirected(n).count(),
                forms,
            });
        }
        ix
    }

    /// The one actor an id, a name or an alias names exactly, as
    /// [`NewsGraph::find_actor`] finds it (names before aliases).
    pub fn exact(&self, g: &NewsGraph, text: &str) -> Option<NodeIndex> {
        if let Some(n) = g.node(text) {
            return Some(n);
        }
        let (names, aliases) = self.exact.get(&name_key(text))?;
        let hits = if names.is_empty() { aliases } else { names };
        match hits.as_slice() {
            [i] => Some(self.actors[*i as usize].node),
            _ => None,
        }
    }

    /// Actors a search box suggests for what was typed, best first: the same
    /// answer as [`resolve::suggest`](super::resolve::suggest), from the index.
    pub fn suggest(&self, g: &NewsGraph, text: &str, limit: usize) -> Vec<NodeIndex> {
        let exact = self.exact(g, text);
        let key = name_key(text);
        let all = words(&key);
        if all.is_empty() {
            return exact.into_iter().collect();
        }
        let needle = needle_words(&all);
        // How far each vocabulary word is from each typed word: 0 when it
        // starts with it, else the typos (capped), computed once per word
        // rather than once per actor using it.
        let far: Vec<Vec<u8>> = needle
            .iter()
            .map(|q| {
                let allowed = typos_allowed(q.chars().count());
                self.vocabulary
                    .iter()
                    .map(|(w, _)| {
                        if w.starts_with(q) && q.len() >= 3 {
                            0
                        } else {
                            edit_distance_within(q, w, allowed).min(255) as u8
                        }
                    })
                    .collect()
            })
            .collect();
        let close =
            |q: usize, w: usize| far[q][w] as usize <= typos_allowed(needle[q].chars().count());
        // Candidates: actors with a word containing a typed word (which any name
        // containing the typed text has), or close to one. Scoring them alone
        // gives the full scan's answer.
        let mut seen = vec![false; self.actors.len()];
        let mut scored = Vec::new();
        for (w, (word, users)) in self.vocabulary.iter().enumerate() {
            if !all.iter().any(|q| word.contains(q)) && !(0..needle.len()).any(|q| close(q, w)) {
                continue;
            }
            for &i in users {
                if std::mem::replace(&mut seen[i as usize], true) {
                    continue;
                }
                let e = &self.actors[i as usize];
                let best = e
                    .forms
                    .iter()
                    .filter_map(|(k, ids)| self.score(k, ids, &key, &needle, &far))
                    .min();
                if let Some((missing, typos)) = best {
                    scored.push((missing, typos, i));
                }
            }
        }
        let scored = scored
            .into_iter()
            .map(|(m, t, i)| (m, t, self.actors[i as usize].node))
            .collect();
        rank(g, exact, scored, limit, |n| {
            self.position
                .get(&n)
                .map_or(0, |&i| self.actors[i as usize].degree)
        })
    }

    /// [`resolve::score_form`](super::resolve) from the word distances.
    fn score(
        &self,
        k: &str,
        ids: &[u32],
        key: &str,
        needle: &[&str],
        far: &[Vec<u8>],
    ) -> Option<(usize, usize)> {
        if !key.is_empty() && k.contains(key) {
            return Some((0, 0));
        }
        let mut typos = 0;
        let mut matched = 0;
        for (q, d) in far.iter().enumerate() {
            let Some(m) = ids.iter().map(|&w| d[w as usize] as usize).min() else {
                continue;
            };
            if m <= typos_allowed(usize::MAX) {
                typos += m;
            }
            if m <= typos_allowed(needle[q].chars().count()) {
                matched += 1;
            }
        }
        (matched > 0).then_some((needle.len() - matched + 1, typos))
    }
}
