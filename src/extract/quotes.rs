//! Quotations and who said them. First-person words inside a quote ("I spoke with
//! ...", "We demand ...") belong to the quote's speaker, found from the attribution
//! around it: `"...," Blinken said`, `He added.`, `X said: "..."`, `adding, "..."`.

use super::sentences::Sentence;
use super::tokens::Token;
use crate::lexicon::Lexicon;
use std::ops::Range;

/// One quotation: its tokens (quote marks excluded) and where its attribution is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Tokens inside the quote marks.
    pub inner: Range<usize>,
    /// Token index of the speech verb attributing the quote, when found.
    pub verb: Option<usize>,
}

/// Finds the quotations of a document. A line break closes an unclosed quote.
pub fn find(tokens: &[Token], sentences: &[Sentence], lx: &Lexicon) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        if t.newline_before {
            if let Some(o) = open.take() {
                quotes.push(Quote {
                    inner: o + 1..i,
                    verb: None,
                });
            }
        }
        if t.is_punct('"') {
            match open.take() {
                Some(o) => quotes.push(Quote {
                    inner: o + 1..i,
                    verb: None,
                }),
                None => open = Some(i),
            }
        }
    }
    if let Some(o) = open {
        quotes.push(Quote {
            inner: o + 1..tokens.len(),
            verb: None,
        });
    }
    let mut sentence_at: Vec<usize> = vec![usize::MAX; tokens.len()];
    for (si, s) in sentences.iter().enumerate() {
        for t in s.tokens.clone() {
            sentence_at[t] = si;
        }
    }
    let sentence_of = |i: usize| sentence_at.get(i).copied().filter(|&s| s != usize::MAX);
    let inside = QuoteParity::new(tokens);
    let is_speech = |i: usize| tokens.get(i).is_some_and(|t| lx.speech.contains(&t.norm));
    for q in &mut quotes {
        // After the quote: the rest of its sentence, or the next sentence when the
        // quote closed its own ("...readout." Ned Price said.).
        let after = q.inner.end + 1;
        let mut search: Vec<usize> = Vec::new();
        if let Some(s) = sentence_of(after.min(tokens.len().saturating_sub(1))) {
            let s = &sentences[s];
            let start = after.max(s.tokens.start);
            search.extend(start..s.tokens.end.min(start + 12));
        }
        if let Some(v) = search
            .into_iter()
            .find(|&i| is_speech(i) && !inside.inside(i))
        {
            q.verb = Some(v);
            continue;
        }
        // Before the quote, in its sentence: `X said: "..."`, `adding, "..."`.
        if let Some(si) = q.inner.start.checked_sub(1).and_then(sentence_of) {
            let open_tok = q.inner.start.saturating_sub(1);
            // A quote opening its sentence on the line of the one before continues
            // the speaker named at that one's end: `"...," X told reporters. "I
            // have asked ..."`.
            let continues = si > 0
                && sentences[si].tokens.start == open_tok
                && !tokens[open_tok].newline_before;
            let s = &sentences[if continues { si - 1 } else { si }];
            let from = s.tokens.start.max(open_tok.saturating_sub(8));
            q.verb = (from..open_tok).rev().find(|&i| is_speech(i));
        }
    }
    quotes
}

/// Whether a token index is inside a pair of quote marks on its line (cheap check
/// used while quotes are being built: an odd number of quote marks between the
/// line's start and the token). Counted once for the document, so a document
/// written on one line (a 100 MB article without line breaks) stays linear.
struct QuoteParity {
    /// Quote marks among tokens `0..k`.
    marks_before: Vec<u32>,
    /// For token `k`: the last token before it that starts a line (0 if none).
    line_start: Vec<usize>,
}

impl QuoteParity {
    fn new(tokens: &[Token]) -> Self {
        let mut marks_before = Vec::with_capacity(tokens.len() + 1);
        let mut line_start = Vec::with_capacity(tokens.len());
        let (mut marks, mut start) = (0u32, 0usize);
        for (k, t) in tokens.iter().enumerate() {
            marks_before.push(marks);
            line_start.push(start);
            if t.is_punct('"') {
                marks += 1;
            }
            if t.newline_before {
                start = k;
            }
        }
        marks_before.push(marks);
        QuoteParity {
            marks_before,
            line_start,
        }
    }

    fn inside(&self, i: usize) -> bool {
        let Some(&from) = self.line_start.get(i) else {
            return false;
        };
        (self.marks_before[i] - self.marks_before[from]) % 2 == 1
    }
}

/// The quote containing token `i`, if any.
pub fn containing(quotes: &[Quote], i: usize) -> Option<usize> {
    quotes.iter().position(|q| q.inner.contains(&i))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split;
    use crate::extract::tokens::tokenize;
    use crate::lexicon::builtin as lexicon;

    /// The parity table agrees with counting quote marks back to the line start.
    #[test]
    fn quote_parity_matches_a_scan_back_to_the_line_start() {
        let text = "He said \"we \"agree\" with\n\"them\" and \"\n\nno\" \"more\" \"\" x \"y\nz\"";
        let toks = tokenize(text, crate::lexicon::builtin());
        let p = QuoteParity::new(&toks);
        for i in 0..toks.len() {
            let mut count = 0;
            let mut j = i;
            while j > 0 {
                j -= 1;
                if toks[j].is_punct('"') {
                    count += 1;
                }
                if toks[j].newline_before {
                    break;
                }
            }
            assert_eq!(p.inside(i), count % 2 == 1, "token {i}");
        }
    }

    fn verbs(s: &str) -> Vec<Option<String>> {
        let toks = tokenize(s, crate::lexicon::builtin());
        let sents = split(s, &toks, lexicon());
        find(&toks, &sents, lexicon())
            .iter()
            .map(|q| q.verb.map(|v| toks[v].text(s).to_string()))
            .collect()
    }

    #[test]
    fn attribution_after_and_before() {
        assert_eq!(
            verbs("\"I spoke with him,\" Blinken said."),
            [Some("said".to_string())]
        );
        assert_eq!(
            verbs("\"We demand action.\" He said."),
            [Some("said".to_string())]
        );
        assert_eq!(
            verbs("Ruto added: \"We are ready.\""),
            [Some("added".to_string())]
        );
        assert_eq!(verbs("A \"deep concern\" remains."), [None]);
    }

    #[test]
    fn a_quote_opening_the_next_sentence_keeps_the_speaker() {
        assert_eq!(
            verbs("\"We are ready,\" Ruto told reporters. \"I asked them to stay.\""),
            [Some("told".to_string()), Some("told".to_string())]
        );
        assert_eq!(
            verbs("Ruto told reporters.\n\"I asked them to stay.\""),
            [None]
        );
    }
}
