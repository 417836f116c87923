//! The sentence as the event rules see it: the sentence view shared with
//! mention finding ([`SentenceView`]: tokens, range, index, lexicon; its `tok`
//! and `norm` reached through `Deref`) with the sentence's clauses and the
//! mentions that may be the sides of an event.

use super::super::actors::{DocActor, DocCtx};
use super::super::clauses::Clause;
use super::super::mentions::Mention;
use super::super::sentence::SentenceView;
use std::ops::Range;

/// One sentence with what the event rules need of the document around it.
pub(super) struct SentenceArgs<'a> {
    /// The document: its text, tokens, sentences and lexicon.
    pub ctx: &'a DocCtx<'a>,
    /// All the document's mentions.
    pub mentions: &'a [Mention],
    /// All the document's actors.
    pub actors: &'a [DocActor],
    /// Indices of eligible argument mentions in this sentence, in order.
    pub args: Vec<usize>,
    /// All the sentence's mentions (qualifiers and possessive pronouns included).
    pub all: Range<usize>,
    /// The sentence's clauses, in order.
    pub clauses: Vec<Clause>,
    /// The sentence's tokens, as every stage reads them (rules look a few
    /// tokens ahead or back and must not cross into the next sentence).
    pub view: SentenceView<'a>,
}

impl<'a> std::ops::Deref for SentenceArgs<'a> {
    type Target = SentenceView<'a>;

    fn deref(&self) -> &SentenceView<'a> {
        &self.view
    }
}

impl SentenceArgs<'_> {
    /// The index of the clause holding token `i`.
    pub fn clause_of(&self, i: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| c.range.contains(&i))
            .unwrap_or(0)
    }

    /// The argument mention that starts at token `i`.
    pub fn arg_at(&self, i: usize) -> Option<usize> {
        self.args
            .iter()
            .copied()
            .find(|&m| self.mentions[m].span.start == i)
    }

    /// Whether mention `m` only qualifies a noun through a hyphened participle
    /// (see [`Mention::hyphen_modifier`]).
    pub fn hyphen_modifier(&self, m: usize) -> bool {
        self.mentions[m].hyphen_modifier(self.ctx.tokens)
    }

    /// The actor mention `m` stands for.
    pub fn actor(&self, m: usize) -> Option<usize> {
        self.mentions[m].actor
    }

    /// The actors a mention stands for: its group ("the two leaders") or its actor.
    pub fn actors_of(&self, m: usize) -> Vec<usize> {
        let mm = &self.mentions[m];
        if mm.group.is_empty() {
            mm.actor.into_iter().collect()
        } else {
            mm.group.clone()
        }
    }
}
