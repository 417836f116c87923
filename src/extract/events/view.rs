//! The sentence as the event rules see it: its tokens, clauses and the mentions
//! that may be the sides of an event. Kept apart so that the one type every room
//! reads through can be swapped for the sentence type shared with `mentions`
//! without touching the rules themselves.

use super::super::actors::{DocActor, DocCtx};
use super::super::clauses::Clause;
use super::super::mentions::Mention;
use super::super::tokens::Token;
use std::ops::Range;

/// One sentence with what the event rules need of the document around it.
pub(super) struct SentenceView<'a> {
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
    /// The sentence's tokens.
    pub range: Range<usize>,
    /// The sentence index.
    pub sentence: usize,
}

impl SentenceView<'_> {
    /// Token `i`, if it is inside the sentence: rules look a few tokens ahead or
    /// back and must not cross into the next sentence.
    pub fn tok(&self, i: usize) -> Option<&Token> {
        if self.range.contains(&i) {
            self.ctx.tokens.get(i)
        } else {
            None
        }
    }

    /// The folded word at `i`, or "" outside the sentence.
    pub fn norm(&self, i: usize) -> &str {
        self.tok(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

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
