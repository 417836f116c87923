//! What coreference looks actors up in: an index from name forms to actors,
//! and the order in which actors were last mentioned, with the subjects that
//! reading in order remembers ([`Reading`]).

use super::{DocActor, DocCtx};
use crate::lexicon::WordMap;
use crate::text::name_key;
use std::collections::BTreeMap;

/// An institution's name without trailing head words ("Shafaq News Agency" →
/// "shafaq news"), so the short and long forms of one name meet.
pub(super) fn org_core(ctx: &DocCtx, key: &str) -> String {
    let mut words: Vec<&str> = key.split(' ').collect();
    while words.len() > 2 && words.last().is_some_and(|w| ctx.lx.heads.contains_key(*w)) {
        words.pop();
    }
    words.join(" ")
}

/// Lookup tables from name forms to actors, so that each mention is resolved with a
/// few hash lookups instead of a pass over every actor. Entries are added as actors
/// grow and are never removed: every lookup re-checks its condition on the actor.
#[derive(Default)]
pub(super) struct Index {
    /// Canonical lexicon name → actor.
    pub lexicon: WordMap<String, usize>,
    /// `name_key` of a capital used as a place → that place.
    pub places: WordMap<String, usize>,
    /// `name_key` of a name, alias or acronym → actors.
    pub keys: WordMap<String, Vec<usize>>,
    /// Surname (particle stripped) of a multi-word personal name → actors.
    pub surnames: WordMap<String, Vec<usize>>,
    /// First name word → actors.
    pub firsts: WordMap<String, Vec<usize>>,
    /// Any name word → actors.
    pub words: WordMap<String, Vec<usize>>,
    /// Institution name without its head words ([`org_core`]) → actors.
    pub cores: WordMap<String, Vec<usize>>,
    /// First word of a multi-word non-lexicon name → actors.
    pub first_words: WordMap<String, Vec<usize>>,
    /// A word of a title held → actors.
    pub title_words: WordMap<String, Vec<usize>>,
    /// A title class held → actors.
    pub title_classes: WordMap<String, Vec<usize>>,
}

fn push_unique(map: &mut WordMap<String, Vec<usize>>, key: &str, idx: usize) {
    if key.is_empty() {
        return;
    }
    // Looked up before inserting: most keys are there already, and `entry`
    // would allocate the key every time.
    match map.get_mut(key) {
        Some(v) => {
            if !v.contains(&idx) {
                v.push(idx);
            }
        }
        None => {
            map.insert(key.to_string(), vec![idx]);
        }
    }
}

impl Index {
    /// (Re-)indexes actor `idx` after it was created or changed.
    pub(super) fn note(&mut self, ctx: &DocCtx, idx: usize, a: &DocActor) {
        if let Some(l) = &a.lexicon_name {
            self.lexicon.entry(l.clone()).or_insert(idx);
        }
        push_unique(&mut self.keys, &a.key, idx);
        for k in &a.alias_keys {
            push_unique(&mut self.keys, k, idx);
        }
        for ac in &a.acronyms {
            push_unique(&mut self.keys, &name_key(ac), idx);
        }
        if a.words.len() >= 2 {
            if let Some(s) = a.surname(ctx.lx) {
                push_unique(&mut self.surnames, s, idx);
            }
            push_unique(&mut self.firsts, &a.words[0], idx);
            for w in &a.words {
                push_unique(&mut self.words, w, idx);
            }
        }
        for (words, (_, class)) in a.title_words.iter().zip(&a.titles) {
            for w in words {
                push_unique(&mut self.title_words, w, idx);
            }
            push_unique(&mut self.title_classes, class, idx);
        }
        if a.lexicon_name.is_none() {
            push_unique(&mut self.cores, &org_core(ctx, &a.key), idx);
            if a.key.contains(' ') {
                if let Some(first) = a.key.split(' ').next() {
                    push_unique(&mut self.first_words, first, idx);
                }
            }
        }
    }

    /// The actors under `key` in one of the maps.
    pub(super) fn get<'a>(map: &'a WordMap<String, Vec<usize>>, key: &str) -> &'a [usize] {
        map.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// How many of the most recently mentioned actors a pronoun or role phrase may
/// point to.
const RECENT_WINDOW: usize = 60;

/// When each actor was last mentioned, ordered, so "the most recent actor that fits"
/// walks back from the latest mention instead of scanning every actor.
#[derive(Default)]
pub(super) struct Recency {
    /// Actor → its latest mention.
    at: Vec<Option<usize>>,
    /// Latest mention → actor, in mention order.
    order: BTreeMap<usize, usize>,
}

impl Recency {
    /// Notes that `actor` was mentioned by mention `mention`.
    pub(super) fn touch(&mut self, actor: usize, mention: usize) {
        if self.at.len() <= actor {
            self.at.resize(actor + 1, None);
        }
        if let Some(old) = self.at[actor].replace(mention) {
            self.order.remove(&old);
        }
        self.order.insert(mention, actor);
    }

    /// The latest mention of `actor`.
    pub(super) fn get(&self, actor: usize) -> Option<usize> {
        self.at.get(actor).copied().flatten()
    }

    /// The most recently mentioned actor that fits, among the last [`RECENT_WINDOW`]
    /// actors mentioned (a pronoun or role phrase points to someone in view, and the
    /// bound keeps long documents linear).
    pub(super) fn find(
        &self,
        actors: &[DocActor],
        pred: &dyn Fn(&DocActor) -> bool,
    ) -> Option<usize> {
        self.order
            .values()
            .rev()
            .take(RECENT_WINDOW)
            .copied()
            .find(|&a| pred(&actors[a]))
    }

    /// Up to `n` most recently mentioned actors that fit, most recent first.
    pub(super) fn find_n(
        &self,
        actors: &[DocActor],
        n: usize,
        pred: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        self.order
            .values()
            .rev()
            .copied()
            .take(RECENT_WINDOW)
            .filter(|&a| pred(a) && a < actors.len())
            .take(n)
            .collect()
    }
}

/// What reading the mentions in order remembers for resolving the short
/// forms: who was mentioned last, and the subjects of earlier sentences.
pub(super) struct Reading {
    /// When each actor was last mentioned.
    pub seen: Recency,
    /// Each sentence's subject person and where it is (see
    /// [`super::subjects::sentence_subjects`]), refined as names resolve.
    pub subjects: Vec<Option<(usize, usize)>>,
    /// The subject person of the last sentence left.
    pub last_person_subject: Option<usize>,
    /// The last organization or country that was a clause's subject.
    pub last_thing_subject: Option<usize>,
    /// The sentence of that subject: "the company" opening a sentence names the
    /// subject of the sentence before, not one further back.
    pub last_thing_sentence: usize,
    current_sentence: usize,
}

impl Reading {
    /// Starts reading, with the sentence subjects known from pass 1.
    pub(super) fn new(subjects: Vec<Option<(usize, usize)>>) -> Reading {
        Reading {
            seen: Recency::default(),
            subjects,
            last_person_subject: None,
            last_thing_subject: None,
            last_thing_sentence: 0,
            current_sentence: usize::MAX,
        }
    }

    /// Moves on to the sentence of the next mention: the subject of the
    /// sentence left becomes the last person subject. A sentence that opens a
    /// new dated story starts reading afresh: no role or pronoun reaches back
    /// into the story before.
    pub(super) fn enter_sentence(&mut self, sentence: usize, new_story: bool) {
        if sentence != self.current_sentence {
            if let Some(Some((s, _))) = self.subjects.get(self.current_sentence) {
                self.last_person_subject = Some(*s);
            }
            if new_story && self.current_sentence != usize::MAX {
                self.seen = Recency::default();
                self.last_person_subject = None;
                self.last_thing_subject = None;
            }
            self.current_sentence = sentence;
        }
    }
}
