//! Tokenization with byte offsets. Tokens keep their position in the document so
//! every mention and trigger can be traced back to the exact bytes it came from.

use crate::lexicon::Lexicon;
use crate::text::fold;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and inner hyphens, apostrophes, dotted abbreviations).
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation character.
    Punct,
    /// A possessive ending: "'s" or a lone "'" after a plural.
    Possessive,
}

/// One token of a document.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// Folded form (see [`crate::text::fold`]) used for all matching.
    pub norm: String,
    /// What the token is.
    pub kind: TokKind,
    /// The first letter is uppercase.
    pub cap: bool,
    /// Every letter is uppercase and there are at least two.
    pub upper: bool,
    /// A line break precedes the token.
    pub newline_before: bool,
}

impl Token {
    /// The token as written.
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        doc.get(self.start..self.end).unwrap_or("")
    }

    /// True for word tokens (letters or digits).
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word | TokKind::Number)
    }

    /// True when the token is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.norm.starts_with(c) && self.norm.len() == c.len_utf8()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // No ASCII character is a combining mark.
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// The characters of a text with their byte offsets, for scanning.
struct Chars<'t> {
    text: &'t str,
    chars: Vec<(usize, char)>,
}

impl<'t> Chars<'t> {
    fn new(text: &'t str) -> Self {
        Chars {
            text,
            chars: text.char_indices().collect(),
        }
    }

    /// The character at `i`, if any.
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    /// The byte offset of character `i` (the text's length past the end).
    fn pos(&self, i: usize) -> usize {
        self.chars
            .get(i)
            .map(|&(b, _)| b)
            .unwrap_or(self.text.len())
    }

    /// The text of characters `i..j`.
    fn slice(&self, i: usize, j: usize) -> &'t str {
        &self.text[self.pos(i)..self.pos(j)]
    }
}

/// Splits a document into tokens. The lexicon says which capitalized prefixes
/// are name particles ("Al-Sudani" stays one token).
pub fn tokenize(text: &str, lx: &Lexicon) -> Vec<Token> {
    let cs = Chars::new(text);
    let n = cs.chars.len();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut newline = false;
    let mut i = 0;
    while i < n {
        let c = cs.chars[i].1;
        if c.is_whitespace() {
            if c == '\n' || c == '\u{2029}' || c == '\r' {
                newline = true;
            }
            i += 1;
            continue;
        }
        if is_word_char(c) {
            let j = word_end(&cs, i, lx);
            tokens.push(word_token(
                cs.pos(i),
                cs.pos(j),
                cs.slice(i, j),
                &mut newline,
            ));
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            if let Some(width) = possessive_width(&cs, i, &tokens) {
                tokens.push(Token {
                    start: cs.pos(i),
                    end: cs.pos(i + width),
                    norm: if width == 2 { "'s" } else { "'" }.into(),
                    kind: TokKind::Possessive,
                    cap: false,
                    upper: false,
                    newline_before: std::mem::take(&mut newline),
                });
                i += width;
                continue;
            }
        }
        tokens.push(Token {
            start: cs.pos(i),
            end: cs.pos(i + 1),
            norm: fold_punct(c),
            kind: TokKind::Punct,
            cap: false,
            upper: false,
            newline_before: std::mem::take(&mut newline),
        });
        i += 1;
    }
    tokens
}

/// The end (exclusive, in characters) of the word that starts at character
/// `start`: letters and digits, with inner apostrophes, hyphens and periods
/// where they keep a word whole.
fn word_end(cs: &Chars, start: usize, lx: &Lexicon) -> usize {
    let mut j = start + 1;
    loop {
        match cs.at(j) {
            Some(d) if is_word_char(d) => j += 1,
            Some(d) if is_apostrophe(d) => {
                // "Iran's" → "Iran" + "'s"; "Sing'oei" stays whole.
                let s_follows = matches!(cs.at(j + 1), Some('s') | Some('S'));
                let after_s = cs.at(j + 2);
                if s_follows && !after_s.is_some_and(is_word_char) {
                    break;
                }
                if cs.at(j + 1).is_some_and(|e| e.is_alphabetic()) {
                    j += 1;
                } else {
                    break;
                }
            }
            Some('-') | Some('\u{2010}') | Some('\u{2011}') => {
                if !hyphen_inside(cs, start, j, lx) {
                    break;
                }
                j += 1;
            }
            Some('.')
                if cs.chars[start].1.is_numeric()
                    && cs.at(j + 1).is_some_and(|d| d.is_ascii_digit()) =>
            {
                // "$2.9 billion": a decimal point ends no sentence.
                j += 1;
            }
            Some('.') => {
                // Dotted abbreviations: "U.S.", "U.N.", "E.U." are one token.
                let word = cs.slice(start, j);
                let dotted = word.split('.').all(|p| p.chars().count() == 1);
                if dotted
                    && cs.at(j + 1).is_some_and(|d| d.is_alphabetic())
                    && cs.at(j + 2) == Some('.')
                {
                    j += 1;
                } else if dotted && word.contains('.') {
                    j += 1; // the final period of "U.S."
                    break;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    j
}

/// Whether the hyphen at character `j` of the word starting at `start` keeps
/// the word whole. "Singapore-based" splits so the place is seen;
/// "al-Kadhimi", "Al-Sudani", "Amir-Abdollahian" and "long-range" stay whole.
fn hyphen_inside(cs: &Chars, start: usize, j: usize, lx: &Lexicon) -> bool {
    let next = cs.at(j + 1);
    let prev_dot = cs.at(j - 1) == Some('.');
    if !next.is_some_and(is_word_char) || prev_dot {
        return false;
    }
    // ("al-Qaeda-linked": a name after a lowercase particle is a name too.)
    let named = (start..j).any(|k| cs.chars[k].1.is_uppercase());
    if named && next.is_some_and(|d| d.is_lowercase()) {
        let mut k = j + 1;
        while cs.at(k).is_some_and(is_word_char) {
            k += 1;
        }
        // Slices of the text, not copies: tokenizing allocated
        // several strings per word and was a fifth of extraction.
        let part = cs.slice(j + 1, k);
        let prefix = cs.slice(start, j);
        // "Iran-backed", "Saudi-led", "Moscow-brokered": a name and an English
        // word. "Kim Dae-jung", "Lee Jae-myung": a given name in two parts.
        let english = lx.common.contains(part)
            || (part.len() > 4 && (part.ends_with("ed") || part.ends_with("ing")));
        if !particle_prefix(prefix, lx) && part.len() >= 3 && english {
            return false;
        }
    }
    true
}

/// Whether `prefix` is a name particle written capitalized ("Al", "Bin"), the
/// way it stands hyphenated before a name.
fn particle_prefix(prefix: &str, lx: &Lexicon) -> bool {
    let mut chars = prefix.chars();
    let capitalized = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
    capitalized && lx.particle(&prefix.to_lowercase()).prefix
}

/// The token of the word at bytes `start..end` (`raw` as written); takes the
/// pending line break.
fn word_token(start: usize, end: usize, raw: &str, newline: &mut bool) -> Token {
    let first = raw.chars().next().unwrap_or(' ');
    let (mut letters, mut all_upper) = (0, true);
    for c in raw.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        all_upper &= c.is_uppercase();
    }
    Token {
        start,
        end,
        norm: fold_word(raw),
        kind: if first.is_numeric() {
            TokKind::Number
        } else {
            TokKind::Word
        },
        // "al-Kadhimi", "el-Sisi": a lowercase particle joined to a name.
        cap: first.is_uppercase() || particle_name(raw),
        upper: letters >= 2 && all_upper,
        newline_before: std::mem::take(newline),
    }
}

/// The width in characters of a possessive ending at the apostrophe at
/// character `i`: 2 for "'s" after a word, 1 for a lone "'" after a plural
/// ("Workers' Party"), `None` when the apostrophe is no possessive.
fn possessive_width(cs: &Chars, i: usize, tokens: &[Token]) -> Option<usize> {
    let prev_word = tokens
        .last()
        .is_some_and(|t: &Token| t.is_word() && t.end == cs.pos(i));
    let s_follows =
        matches!(cs.at(i + 1), Some('s') | Some('S')) && !cs.at(i + 2).is_some_and(is_word_char);
    if prev_word && s_follows {
        return Some(2);
    }
    let plural_possessive = prev_word
        && tokens.last().is_some_and(|t| t.norm.ends_with('s'))
        && !cs.at(i + 1).is_some_and(is_word_char);
    plural_possessive.then_some(1)
}

/// [`fold`] for one word, with a fast path for plain ASCII (most English tokens),
/// which needs no Unicode decomposition.
fn fold_word(raw: &str) -> String {
    if raw.is_ascii() {
        // Sized once (a collected iterator grows from nothing: two allocations
        // for longer words).
        let mut out = String::with_capacity(raw.len());
        out.extend(raw.bytes().filter(|&b| b != b'.').map(|b| match b {
            b'`' => '\'',
            b => b.to_ascii_lowercase() as char,
        }));
        out
    } else {
        fold(raw)
    }
}

/// A lowercase particle of up to three letters hyphenated to a capitalized name.
fn particle_name(raw: &str) -> bool {
    match raw.split_once('-') {
        Some((p, rest)) => {
            p.len() <= 3
                && p.chars().all(|c| c.is_lowercase())
                && rest.chars().next().is_some_and(char::is_uppercase)
        }
        None => false,
    }
}

/// Punctuation is folded to a few ASCII forms so quotes and dashes match alike.
fn fold_punct(c: char) -> String {
    match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => "\"".into(),
        '\u{2018}' | '\u{2019}' => "'".into(),
        '\u{2013}' | '\u{2014}' | '\u{2015}' => "-".into(),
        '\u{2026}' => ".".into(),
        c => c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        tokenize(s, crate::lexicon::builtin())
            .iter()
            .map(|t| t.text(s).to_string())
            .collect()
    }

    #[test]
    fn possessives_split_off() {
        assert_eq!(words("Iran's Guards"), ["Iran", "'s", "Guards"]);
        assert_eq!(
            words("the Guards Corps' statement"),
            ["the", "Guards", "Corps", "'", "statement"]
        );
        assert_eq!(words("Kenya’s envoy"), ["Kenya", "’s", "envoy"]);
    }

    #[test]
    fn a_hyphen_splits_a_name_from_an_english_word_only() {
        assert_eq!(words("Saudi-led"), ["Saudi", "-", "led"]);
        assert_eq!(words("Tehran-brokered"), ["Tehran", "-", "brokered"]);
        assert_eq!(words("el-Fadl-backed"), ["el-Fadl", "-", "backed"]);
        assert_eq!(
            words("Pak Min-jun met Ri Su-gyong"),
            ["Pak", "Min-jun", "met", "Ri", "Su-gyong"]
        );
    }

    #[test]
    fn names_with_inner_punctuation_stay_whole() {
        assert_eq!(
            words("Korir Sing'oei met al-Kadhimi"),
            ["Korir", "Sing'oei", "met", "al-Kadhimi"]
        );
        assert_eq!(
            words("Hossein Amir-Abdollahian"),
            ["Hossein", "Amir-Abdollahian"]
        );
    }

    #[test]
    fn dotted_abbreviations() {
        assert_eq!(words("the U.S. envoy"), ["the", "U.S.", "envoy"]);
        assert_eq!(
            words("U.S.-supplied arms"),
            ["U.S.", "-", "supplied", "arms"]
        );
        assert_eq!(words("in the U.S."), ["in", "the", "U.S."]);
        assert_eq!(words("Gen. Brawner"), ["Gen", ".", "Brawner"]);
    }

    #[test]
    fn decimals_stay_whole() {
        assert_eq!(
            words("paid $4.5 billion in 2021."),
            ["paid", "$", "4.5", "billion", "in", "2021", "."]
        );
    }

    #[test]
    fn place_based_compounds_split() {
        assert_eq!(
            words("a Singapore-based trader"),
            ["a", "Singapore", "-", "based", "trader"]
        );
        assert_eq!(words("long-range missiles"), ["long-range", "missiles"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "Erdoğan spoke.\nThen “he” left";
        for t in tokenize(s, crate::lexicon::builtin()) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
        let toks = tokenize(s, crate::lexicon::builtin());
        assert!(
            toks.iter()
                .find(|t| t.norm == "then")
                .unwrap()
                .newline_before
        );
        assert_eq!(toks[0].norm, "erdogan");
    }

    #[test]
    fn the_ascii_fast_path_folds_like_fold() {
        for w in [
            "U.S.",
            "Kremlin's",
            "ERDOGAN",
            "al-Kadhimi",
            "it`s",
            "No",
            "x",
        ] {
            assert_eq!(fold_word(w), fold(w), "{w}");
        }
    }
}
