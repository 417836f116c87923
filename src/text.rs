//! Text normalization shared by every stage: the same folding is used to match
//! lexicon entries, to cluster aliases, to merge actors across documents and to
//! look up names typed by users, so that "Erdoğan", "Erdogan" and "ERDOGAN" agree.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a string for matching: Unicode compatibility decomposition, combining
/// marks removed, lowercased, curly apostrophes and dashes unified, periods
/// dropped (so "U.S." and "US" fold alike), whitespace collapsed.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        fold_ascii(s)
    } else {
        fold_unicode(s)
    }
}

/// [`fold`] of any string.
fn fold_unicode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
            '\u{2010}'..='\u{2015}' => '-',
            '.' => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        for l in c.to_lowercase() {
            out.push(l);
        }
    }
    out
}

/// [`fold`] of an ASCII string, which has nothing to decompose and no
/// combining marks: the same rules byte by byte, without the Unicode machinery
/// (most names and words in English news; folding was a tenth of extraction).
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for b in s.bytes() {
        let b = match b {
            b'`' => b'\'',
            b'.' => continue,
            b => b,
        };
        if (b as char).is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(b.to_ascii_lowercase() as char);
    }
    out
}

/// Folds a name for identity comparisons: like [`fold`], but also drops a
/// leading "the", possessive endings and punctuation other than inner hyphens
/// and apostrophes, so "the Kremlin's" and "Kremlin" compare equal.
pub fn name_key(s: &str) -> String {
    let f = fold(s);
    let words = f
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '"' | '(' | ')' | ':' | ';'))
        .filter(|w| !w.is_empty());
    let mut out = String::with_capacity(f.len());
    for (i, w) in words.enumerate() {
        if i == 0 && w == "the" {
            continue;
        }
        let w = w.strip_suffix("'s").unwrap_or(w);
        let w = w.trim_matches(|c: char| c == '\'' || c == '-');
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A lowercase ASCII identifier made of the name's words joined by hyphens
/// ("Mustafa al-Kadhimi" → "mustafa-al-kadhimi"); used for stable actor ids.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if c.is_alphanumeric() {
            // Letters outside ASCII that have no decomposition (e.g. "ø", CJK)
            // are kept so that distinct names keep distinct ids.
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("actor");
    }
    out
}

/// Levenshtein distance bounded by `max` (returns `max + 1` when exceeded);
/// used to accept spelling variants such as "Anthony"/"Antony".
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(max + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_diacritics_case_and_periods() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Sing’oei"), "sing'oei");
        assert_eq!(fold("  Félix   Tshisekedi "), "felix tshisekedi");
    }

    proptest::proptest! {
        #[test]
        fn ascii_fold_is_the_general_fold(s in "[ -~\t\n\r\x0b\x0c\x00-\x1f]{0,40}") {
            proptest::prop_assert_eq!(fold_ascii(&s), fold_unicode(&s));
        }
    }

    #[test]
    fn every_ascii_character_folds_as_before() {
        for b in 0u8..128 {
            let s = format!("A{}b {} C", b as char, b as char);
            assert_eq!(fold_ascii(&s), fold_unicode(&s), "byte {b}");
        }
    }

    #[test]
    fn name_key_drops_article_and_possessive() {
        assert_eq!(name_key("the Kremlin's"), "kremlin");
        assert_eq!(
            name_key("Iran's Revolutionary Guards Corps"),
            "iran revolutionary guards corps"
        );
        assert_eq!(name_key("The U.S. State Department"), "us state department");
    }

    #[test]
    fn slug_is_ascii_and_stable() {
        assert_eq!(slug("Mustafa al-Kadhimi"), "mustafa-al-kadhimi");
        assert_eq!(
            slug("Thérèse Kayikwamba Wagner"),
            "therese-kayikwamba-wagner"
        );
        assert_eq!(slug("!!!"), "actor");
    }

    #[test]
    fn edit_distance_bounded() {
        assert_eq!(edit_distance_within("anthony", "antony", 2), 1);
        assert_eq!(edit_distance_within("masoud", "masrour", 1), 2);
    }
}
