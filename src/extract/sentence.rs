//! One sentence as the stages after sentence splitting read it: the document's
//! tokens, the sentence's token range, its index, the lexicon and the text.
//!
//! Mention finding and event extraction both walk a sentence token by token and
//! look around each token; they read it through this one view, so "the token at
//! `i`" means the same thing in both. Each stage adds its own look-ups (a
//! gazetteer match, a title match) as methods in its own files.

use super::tokens::{TokKind, Token};
use crate::lexicon::Lexicon;
use std::ops::Range;

/// One sentence of a document, with what every look-up in it needs.
#[derive(Debug, Clone)]
pub struct SentenceView<'a> {
    /// The document text.
    pub doc: &'a str,
    /// All tokens of the document.
    pub tokens: &'a [Token],
    /// The sentence's tokens, a range into `tokens` (for mention finding, the
    /// dateline is left out).
    pub range: Range<usize>,
    /// The sentence index.
    pub sentence: usize,
    /// The lexicons every decision is looked up in.
    pub lx: &'a Lexicon,
}

impl<'a> SentenceView<'a> {
    /// The token at `i`, if it is inside the sentence.
    ///
    /// (Mention finding once had its own view whose `tok` also answered for
    /// tokens before the range's start, the skipped dateline. Every look-behind
    /// there is guarded by `i > range.start`, so no caller ever asked, and one
    /// meaning serves both stages.)
    pub fn tok(&self, i: usize) -> Option<&'a Token> {
        if self.range.contains(&i) {
            self.tokens.get(i)
        } else {
            None
        }
    }

    /// The folded form of the token at `i`, or "" outside the sentence.
    pub fn norm(&self, i: usize) -> &'a str {
        self.tok(i).map(|t| t.norm.as_str()).unwrap_or("")
    }

    /// Whether the token at `i` is a word (letters or digits) of the sentence.
    pub fn is_word(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.is_word())
    }

    /// Whether the token at `i` is a capitalized word or a number: a possible
    /// part of a name.
    pub fn is_cap(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.is_word() && (t.cap || t.kind == TokKind::Number))
    }

    /// The folded last word of a name ending before `end`: a period that the
    /// name keeps ("Solvik Energy Inc.") is passed over, so that the head word
    /// still tells the name's kind.
    pub fn last_word(&self, end: usize) -> &'a str {
        let e = if end >= 2 && self.tok(end - 1).is_some_and(|t| t.is_punct('.')) {
            end - 1
        } else {
            end
        };
        self.norm(e.saturating_sub(1))
    }

    /// The text of a token range as written in the document.
    pub fn text(&self, r: Range<usize>) -> &'a str {
        span_text(self.doc, self.tokens, r)
    }
}

/// The text of a token range as written in the document ("" for an empty or
/// out-of-bounds range).
pub fn span_text<'a>(doc: &'a str, tokens: &[Token], r: Range<usize>) -> &'a str {
    if r.is_empty() || r.end > tokens.len() {
        return "";
    }
    doc.get(tokens[r.start].start..tokens[r.end - 1].end)
        .unwrap_or("")
}
