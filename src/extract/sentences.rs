//! Sentence splitting over tokens. Abbreviation-aware ("U.S.", "Gen.", "No. 10",
//! initials like "Antony J. Blinken"), quote- and parenthesis-aware, and every line
//! break ends a sentence (news paragraphs and headlines sit on their own lines).
//! A quotation mark after a sentence's end goes with the sentence it belongs to:
//! a closing one stays with the sentence it ends, an opening one starts the next
//! (`... would countersue. "We will fight," ...`).

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

/// Whether the quotation mark or bracket `tokens[j]`, right after a sentence's
/// end, closes that sentence rather than opening the next. Typographic quotes say
/// which they are; a straight one closes when it touches the word or mark before
/// it, opens when it touches only the word after it, and when it stands alone
/// closes only a quotation still open on its line (`quote_open`).
fn closes_sentence(text: &str, tokens: &[Token], j: usize, quote_open: bool) -> bool {
    let t = &tokens[j];
    if !is_closer(t) {
        return false;
    }
    match t.text(text) {
        "\u{201C}" | "\u{2018}" | "\u{201E}" | "\u{00AB}" => return false,
        "\u{201D}" | "\u{2019}" | "\u{00BB}" | ")" | "]" => return true,
        _ => {}
    }
    let touches_before = j > 0 && tokens[j - 1].end == t.start;
    if touches_before {
        return true;
    }
    let touches_after = tokens
        .get(j + 1)
        .is_some_and(|n| n.start == t.end && !n.newline_before);
    if touches_after {
        return false;
    }
    quote_open || t.norm == "'"
}

/// Whether a double quotation mark is open after token `t`, given whether one was
/// open before it; a line break closes any (news quotes rarely span paragraphs
/// without reopening).
fn quote_state(text: &str, t: &Token, open: bool) -> bool {
    let open = open && !t.newline_before;
    if !t.is_punct('"') {
        return open;
    }
    match t.text(text) {
        "\u{201C}" | "\u{201E}" | "\u{00AB}" => true,
        "\u{201D}" | "\u{00BB}" => false,
        _ => !open,
    }
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
    let mut quote_open = false;
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
        quote_open = quote_state(text, &tokens[i], quote_open);
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
                && (is_terminal(&tokens[j]) || closes_sentence(text, tokens, j, quote_open))
                && !tokens[j].newline_before
            {
                quote_open = quote_state(text, &tokens[j], quote_open);
                j += 1;
            }
            let next = tokens.get(j);
            let starts_new = next.is_none_or(|t| {
                t.newline_before
                    || t.cap
                    || t.kind == TokKind::Number
                    || t.is_punct('"')
                    || t.is_punct('\'')
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

    #[test]
    fn closing_quotes_stay_and_opening_quotes_go_with_their_sentence() {
        assert_eq!(
            sents("The firm said it would countersue. \"We will fight,\" its chief said."),
            [
                "The firm said it would countersue.",
                "\"We will fight,\" its chief said."
            ]
        );
        assert_eq!(
            sents("He said: \u{201c}We will fight.\u{201d} \u{201c}And win.\u{201d} She left."),
            [
                "He said: \u{201c}We will fight.\u{201d}",
                "\u{201c}And win.\u{201d}",
                "She left."
            ]
        );
        assert_eq!(
            sents("He wrote \"no.\" Then 'we go,' she said. 'Why?' he asked."),
            [
                "He wrote \"no.\"",
                "Then 'we go,' she said.",
                "'Why?' he asked."
            ]
        );
        // A quote that stands alone closes only a quotation still open.
        assert_eq!(
            sents("\"We will fight . \" They left. \" Later \" he said."),
            ["\"We will fight . \"", "They left.", "\" Later \" he said."]
        );
    }

    /// Words with no abbreviation among them, so only punctuation decides.
    const WORDS: &[&str] = &[
        "talks",
        "Ministers",
        "agreed",
        "the",
        "Harbour",
        "would",
        "countersue",
        "Paris",
        "fight",
        "We",
        "tomorrow",
        "said",
        "They",
        "and",
        "win",
    ];

    /// One sentence of the generated text, quoted as a whole or in part.
    fn sentence_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        (
            proptest::collection::vec(proptest::sample::select(WORDS), 1..6),
            0..5usize,
            proptest::sample::select(&[".", "!", "?"][..]),
        )
            .prop_map(|(words, shape, end)| {
                let mut body = words.join(" ");
                if let Some(c) = body.get_mut(0..1) {
                    c.make_ascii_uppercase();
                }
                match shape {
                    0 => format!("{body}{end}"),
                    1 => format!("\"{body}{end}\""),
                    2 => format!("\u{201c}{body}{end}\u{201d}"),
                    3 => format!("\"{body},\" he said{end}"),
                    _ => format!("He said: \"{body}{end}\""),
                }
            })
    }

    proptest::proptest! {
        #[test]
        fn every_byte_is_in_one_sentence_or_whitespace_between(text in "\\PC{0,120}") {
            let toks = tokenize(&text, lexicon());
            let spans = split(&text, &toks, lexicon());
            let mut at = 0;
            for (k, s) in spans.iter().enumerate() {
                proptest::prop_assert_eq!(s.index, k);
                proptest::prop_assert!(at <= s.start && s.start < s.end && s.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                proptest::prop_assert!(text[at..s.start].chars().all(char::is_whitespace));
                at = s.end;
            }
            proptest::prop_assert!(text[at..].chars().all(char::is_whitespace));
        }

        #[test]
        fn quotes_balanced_in_the_input_stay_balanced_in_each_sentence(
            parts in proptest::collection::vec((sentence_strategy(), proptest::bool::ANY), 1..8)
        ) {
            let mut text = String::new();
            for (k, (sentence, newline)) in parts.iter().enumerate() {
                if k > 0 {
                    text.push(if *newline { '\n' } else { ' ' });
                }
                text.push_str(sentence);
            }
            let got = sents(&text);
            for s in &got {
                let straight = s.matches('"').count();
                let opened = s.matches('\u{201c}').count();
                let closed = s.matches('\u{201d}').count();
                proptest::prop_assert!(straight % 2 == 0 && opened == closed, "{:?} in {:?}", s, got);
            }
            proptest::prop_assert_eq!(got.len(), parts.len(), "{:?}", got);
        }
    }
}
