//! Page furniture: the lines of a web page that surround the article — mastheads,
//! navigation bars, section labels, headlines in Title Case or capitals,
//! timestamps, "Advertisement", lists of linked stories — and bylines.
//!
//! Names in such lines are unreliable (every word of a headline is capitalized,
//! so "Wins Egyptian Backing" looks like a name) and their statements repeat or
//! advertise other stories, so extraction reads only the article's prose. The
//! test is the shape of a line, not its words: prose has lowercase content
//! words; navigation is cut by separators; a heading has none of either; the
//! lines just under a heading in the same block that end without a sentence's
//! punctuation are the links it lists. A byline keeps its people.

use super::grammar::{ARTICLES, FUNCTION_WORDS, LIST_COORDINATORS, PREPOSITIONS};
use super::sentences::Sentence;
use super::tokens::{TokKind, Token};
use crate::lexicon::Lexicon;

/// What a line of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Running text of the article: read in full.
    Prose,
    /// A byline ("By A and B, Staff Reporters"): only its people are read.
    Byline,
    /// Navigation, a heading, a timestamp or a listed link: not read.
    Furniture,
}

/// Separators of navigation bars, breadcrumbs and metadata lines.
const SEPARATORS: &[&str] = &["|", "›", "»", "·", ">", "•", "→"];

/// The kind of the line each sentence starts on, by sentence index.
pub fn classify(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    lx: &Lexicon,
) -> Vec<LineKind> {
    let lines = lines(text, tokens, lx);
    sentences
        .iter()
        .map(|s| {
            let i = lines.partition_point(|l| l.end <= s.start);
            lines
                .get(i)
                .filter(|l| l.start <= s.start)
                .map_or(LineKind::Prose, |l| l.kind)
        })
        .collect()
}

/// One non-empty line, its byte span and its kind.
struct Line {
    start: usize,
    end: usize,
    kind: LineKind,
}

/// What the shape of one line shows, before its neighbours are looked at.
struct Shape {
    label: bool,
    lower_content: bool,
    separator: bool,
    terminal: bool,
    byline: bool,
}

fn lines(text: &str, tokens: &[Token], lx: &Lexicon) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    // Whether the previous line of the same block (no blank line between) was
    // furniture that may head a list: a heading, a navigation bar or a link.
    let mut list_open = false;
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let lo = tokens.partition_point(|t| t.start < start);
        let hi = tokens.partition_point(|t| t.start < end);
        let toks = &tokens[lo..hi];
        if toks.is_empty() {
            list_open = false;
            start = end;
            continue;
        }
        let shape = shape(toks, lx);
        let furniture = !shape.lower_content
            || shape.label
            || (shape.separator && !shape.terminal)
            || (list_open && !shape.terminal);
        let kind = if shape.byline {
            LineKind::Byline
        } else if furniture {
            LineKind::Furniture
        } else {
            LineKind::Prose
        };
        list_open = kind == LineKind::Furniture && !shape.terminal;
        out.push(Line { start, end, kind });
        start = end;
    }
    out
}

fn shape(toks: &[Token], lx: &Lexicon) -> Shape {
    let lower_content = toks.iter().any(is_lower_content);
    let separator = toks
        .iter()
        .any(|t| t.kind == TokKind::Punct && SEPARATORS.contains(&t.norm.as_str()));
    let terminal = toks
        .iter()
        .rev()
        .find(|t| !is_closer(t))
        .is_some_and(is_terminal);
    // "By A and B, Staff Reporters", "By Gulf Desk staff, with agencies": a line of
    // names, or a short unpunctuated one, opened by a byline word before a name.
    let byline = (!lower_content || !terminal)
        && toks
            .iter()
            .take(3)
            .position(|t| t.kind == TokKind::Word && lx.cues.byline_word.contains(&t.norm))
            .and_then(|i| toks[i + 1..].iter().find(|t| !t.is_punct(':')))
            .is_some_and(|t| t.cap);
    // "Read more: Rivals agree to talks", "Tags: Oslo, Bergen": a short label and a
    // colon before a line that is no sentence.
    let label = !terminal
        && toks
            .iter()
            .take(5)
            .position(|t| t.is_punct(':'))
            .is_some_and(|i| {
                i > 0 && toks[0].cap && toks[..i].iter().all(|t| t.kind == TokKind::Word)
            });
    Shape {
        label,
        lower_content,
        separator,
        terminal,
        byline,
    }
}

/// A lowercase word that is no grammar word: the mark of running text.
fn is_lower_content(t: &Token) -> bool {
    t.kind == TokKind::Word
        && !t.cap
        && t.norm.chars().next().is_some_and(char::is_alphabetic)
        && !is_closed(&t.norm)
}

fn is_closed(w: &str) -> bool {
    ARTICLES.contains(&w)
        || PREPOSITIONS.contains(&w)
        || FUNCTION_WORDS.contains(&w)
        || LIST_COORDINATORS.contains(&w)
}

fn is_terminal(t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(t.norm.as_str(), "." | "!" | "?" | "…")
}

fn is_closer(t: &Token) -> bool {
    t.kind == TokKind::Punct && matches!(t.norm.as_str(), "\"" | "'" | ")" | "”" | "’")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{sentences, tokens};

    fn kinds(text: &str) -> Vec<(String, LineKind)> {
        let lx = crate::lexicon::builtin();
        let toks = tokens::tokenize(text, lx);
        let sents = sentences::split(text, &toks, lx);
        let k = classify(text, &toks, &sents, lx);
        sents
            .iter()
            .zip(k)
            .map(|(s, k)| (text[s.start..s.end].to_string(), k))
            .collect()
    }

    fn kind_of(text: &str, line: &str) -> LineKind {
        kinds(text)
            .into_iter()
            .find(|(s, _)| s.starts_with(line))
            .map(|(_, k)| k)
            .unwrap_or_else(|| panic!("no sentence starts with {line:?}"))
    }

    const PAGE: &str = "THE HARBOUR GAZETTE\n\
        World | Ports | Shipping | Opinion\n\n\
        TRADE\n\n\
        Northland Fines Acme Robotics Over Crane Delays\n\
        By Mira Osei and Tom Varga, Staff Reporters\n\
        Updated: 12 March 2025 | 4 Min Read\n\n\
        The port authority of Northland fined Acme Robotics on Tuesday.\n\n\
        Advertisement\n\n\
        Read more: Dock workers vote on new contract\n\n\
        Most Read\n\
        Ferry strike enters third day\n\
        2. Minister backs new canal plan\n\n\
        Officials said the fine would be paid.\n";

    #[test]
    fn a_page_keeps_its_prose_and_its_byline() {
        assert_eq!(kind_of(PAGE, "THE HARBOUR"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "World |"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "TRADE"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "Northland Fines"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "By Mira"), LineKind::Byline);
        assert_eq!(kind_of(PAGE, "Updated"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "The port authority"), LineKind::Prose);
        assert_eq!(kind_of(PAGE, "Advertisement"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "Ferry strike"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "Read more"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "Minister backs"), LineKind::Furniture);
        assert_eq!(kind_of(PAGE, "Officials said"), LineKind::Prose);
    }

    #[test]
    fn plain_articles_are_prose() {
        let text = "Acme Robotics denied the report on Monday.\nBy then the board had met.\n\
            The regulator, which opened the case in May, declined to comment\n";
        for (s, k) in kinds(text) {
            assert_eq!(k, LineKind::Prose, "{s}");
        }
    }

    #[test]
    fn a_sentence_starting_with_by_is_no_byline() {
        let text = "By clicking accept you agree to the terms.\n";
        assert_eq!(kind_of(text, "By clicking"), LineKind::Prose);
    }

    #[test]
    fn furniture_gives_no_actors_and_bylines_give_people() {
        let doc = crate::model::Document {
            id: "page".into(),
            path: "page.txt".into(),
            date: None,
            title: None,
            url: None,
        };
        let out = crate::extract::extract_text(&doc, PAGE, crate::extract::Options::default());
        let names: Vec<&str> = out
            .extraction
            .actors
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        for junk in [
            "World",
            "Opinion",
            "TRADE",
            "Advertisement",
            "Most Read",
            "Min Read",
        ] {
            assert!(!names.contains(&junk), "{junk} in {names:?}");
        }
        assert!(names.contains(&"Mira Osei"), "{names:?}");
        assert!(names.contains(&"Acme Robotics"), "{names:?}");
    }
}
