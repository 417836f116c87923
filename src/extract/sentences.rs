//! Sentence splitting over tokens. Abbreviation-aware ("U.S.", "Gen.", "No. 10",
//! initials like "Antony J. Blinken"), quote- and parenthesis-aware, and every line
//! break ends a sentence (news paragraphs and headlines sit on their own lines).

use super::grammar::SENTENCE_OPENERS;
use super::tokens::{TokKind, Token};
use crate::lexicon::Lexicon;
use std::ops::Range;

/// One sentence: its byte span in the document and its token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the sentence in the document.
    pub index: usize,
    /// Byte offset of its first byte.
    pub start: usize,
    /// Byte offset past its last byte.
    pub end: usize,
    /// Its tokens, as a range into the document's token list.
    pub tokens: Range<usize>,
}

/// Whether a word opens sentences: after an abbreviation that may end a
/// sentence ("... in the U.S. The next day", "... in the U.S. Meanwhile"), one
/// of these, capitalized, means a new sentence.
fn is_opener(t: &Token, lx: &Lexicon) -> bool {
    SENTENCE_OPENERS.contains(&t.norm.as_str()) || lx.cues.opening_adverb.contains(&t.norm)
}

fn is_terminal(t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?")
}

fn is_closer(t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(t.norm.as_str(), "\"" | "'" | ")" | "]")
}

/// Whether a period after token `prev` belongs to an abbreviation, given the token
/// that follows the period (and any closing quotes).
fn abbreviation_blocks_split(
    prev: &Token,
    prev_is_name_like: bool,
    next: Option<&Token>,
    lx: &Lexicon,
) -> bool {
    if prev.kind != TokKind::Word {
        return false;
    }
    let key = prev.norm.as_str();
    let single_initial = prev.cap && prev.norm.chars().count() == 1;
    let dotted = prev.norm.len() <= 4 && (prev.end - prev.start) > prev.norm.len(); // "U.S." folded to "us"
                                                                                    // An initial follows a name or another initial ("Antony J. Blinken", "M. K.
                                                                                    // Stalin"); "wrote on X. According to ..." ends a sentence.
    if single_initial && !lx.abbreviations.contains_key(key) && !prev_is_name_like {
        return false;
    }
    let may_end = match lx.abbreviations.get(key) {
        Some(&may_end) => may_end,
        None if single_initial => true,
        None if dotted => true,
        None => return false,
    };
    if key == "no" && !next.is_some_and(|t| t.kind == TokKind::Number) {
        return false; // "No." is only an abbreviation before a number
    }
    if may_end {
        let opener = next.is_some_and(|t| t.cap && is_opener(t, lx));
        return !opener;
    }
    true
}

/// Splits the document's tokens into sentences.
pub fn split(text: &str, tokens: &[Token], lx: &Lexicon) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    let push = |begin: usize, end: usize, out: &mut Vec<Sentence>| {
        if end > begin {
            out.push(Sentence {
                index: out.len(),
                start: tokens[begin].start,
                end: tokens[end - 1].end,
                tokens: begin..end,
            });
        }
    };
    while i < tokens.len() {
        if i > begin && tokens[i].newline_before {
            push(begin, i, &mut sentences);
            begin = i;
        }
        // "U.S." carries its own period: it ends a sentence only before an opener.
        if tokens[i].kind == TokKind::Word && tokens[i].text(text).ends_with('.') {
            let next = tokens.get(i + 1);
            if next.is_some_and(|t| !t.newline_before && t.cap && is_opener(t, lx)) {
                push(begin, i + 1, &mut sentences);
                begin = i + 1;
            }
            i += 1;
            continue;
        }
        if is_terminal(&tokens[i]) {
            let mut j = i + 1;
            while j < tokens.len()
                && (is_terminal(&tokens[j]) || is_closer(&tokens[j]))
                && !tokens[j].newline_before
            {
                j += 1;
            }
            let next = tokens.get(j);
            let starts_new = next.is_none_or(|t| {
                t.newline_before
                    || t.cap
                    || t.kind == TokKind::Number
                    || t.is_punct('"')
                    || t.is_punct('(')
            });
            let period = tokens[i].norm == ".";
            let blocked = period
                && i > 0
                && j == i + 1
                && abbreviation_blocks_split(
                    &tokens[i - 1],
                    i >= 2 && tokens[i - 2].is_word() && tokens[i - 2].cap
                        || i >= 3
                            && tokens[i - 2].is_punct('.')
                            && tokens[i - 3].cap
                            && tokens[i - 3].norm.chars().count() == 1
                        // "and T. R. Baalu": another initial follows
                        || next.is_some_and(|t| t.cap && t.norm.chars().count() == 1)
                            && tokens.get(j + 1).is_some_and(|t| t.is_punct('.')),
                    next,
                    lx,
                );
            if starts_new && !blocked {
                push(begin, j, &mut sentences);
                begin = j;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push(begin, tokens.len(), &mut sentences);
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::lexicon::builtin as lexicon;

    fn sents(s: &str) -> Vec<String> {
        let toks = tokenize(s, crate::lexicon::builtin());
        split(s, &toks, lexicon())
            .iter()
            .map(|x| s[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Secretary of State Antony J. Blinken spoke with the U.S. envoy. He left."),
            [
                "Secretary of State Antony J. Blinken spoke with the U.S. envoy.",
                "He left."
            ]
        );
        assert_eq!(
            sents("Dr. Smith lives at No. 10 Downing Street."),
            ["Dr. Smith lives at No. 10 Downing Street."]
        );
        assert_eq!(
            sents("Gen. Romeo Brawner Jr., the chief, said no."),
            ["Gen. Romeo Brawner Jr., the chief, said no."]
        );
    }

    #[test]
    fn abbreviation_can_end_a_sentence_before_an_opener() {
        assert_eq!(
            sents("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn quotes_and_parentheses() {
        assert_eq!(
            sents("\"We will not be intimidated.\" Brawner said. The regulator (CMF) agreed."),
            [
                "\"We will not be intimidated.\"",
                "Brawner said.",
                "The regulator (CMF) agreed."
            ]
        );
        assert_eq!(sents("\"Why?\" he asked."), ["\"Why?\" he asked."]);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sents("Headline without period\nBody text here."),
            ["Headline without period", "Body text here."]
        );
    }

    #[test]
    fn a_one_letter_word_can_end_a_sentence() {
        assert_eq!(
            sents("The minister wrote on X. According to aides, he left."),
            ["The minister wrote on X.", "According to aides, he left."]
        );
        assert_eq!(
            sents("Chief Minister M. K. Stalin and T. R. Baalu met. They left."),
            [
                "Chief Minister M. K. Stalin and T. R. Baalu met.",
                "They left."
            ]
        );
    }
}
