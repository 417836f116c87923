//! Names that an acronym in parentheses spells: "Southern Sudan Relief and
//! Rehabilitation Commission (SSRRC)". The acronym tells where the name starts,
//! so a known shorter name at its start ("Sudan", "African Union") does not cut
//! it, and its letters tell that the words before it are one name.

use crate::extract::grammar::NAME_CONNECTORS;
use crate::extract::sentence::SentenceView;
use crate::extract::tokens::TokKind;

/// The longest name we read back from an acronym, in tokens.
const MAX_RUN: usize = 14;

impl SentenceView<'_> {
    /// Where the name starting at token `i` ends when an acronym in parentheses
    /// right after it spells it: a run of capitalized words and connectors, at
    /// least two of them capitalized, that the acronym's letters match (see
    /// [`spells`]).
    pub(super) fn acronym_name_end(&self, i: usize) -> Option<usize> {
        let first = self.tok(i)?;
        // (A word that is no name alone, "Northern", may open one: the acronym's
        // first letter must be its initial.)
        if !(first.cap && first.kind == TokKind::Word) {
            return None;
        }
        let mut j = i;
        let mut words: Vec<&str> = Vec::new();
        loop {
            let t = self.tok(j)?;
            if t.is_punct('(') {
                break;
            }
            let connector =
                !t.cap && (NAME_CONNECTORS.contains(&t.norm.as_str()) || t.norm == "in");
            if t.kind != TokKind::Word || !(t.cap || connector) || j >= i + MAX_RUN {
                return None;
            }
            if t.cap {
                words.push(&t.norm);
            }
            j += 1;
        }
        let last_cap = self.tok(j - 1).is_some_and(|t| t.cap);
        let acronym = self
            .tok(j + 1)
            .filter(|a| a.upper && a.kind == TokKind::Word)?;
        let closed = self.tok(j + 2).is_some_and(|t| t.is_punct(')'));
        let letters: Vec<char> = acronym.norm.chars().filter(|c| c.is_alphabetic()).collect();
        (words.len() >= 2 && last_cap && closed && spells(&letters, &words)).then_some(j)
    }
}

/// Whether an acronym's letters (folded) spell the words (folded, in order):
/// the first letter is the first word's initial, each later letter is either
/// the initial of a later word or a later letter of the word the previous
/// letter came from ("AUSSOM": ... Stabilization Mission in SOMalia), every
/// letter is used, and at most one word gives none (three letters at least, so
/// that two words and a two-letter code do not make a name by chance).
pub(super) fn spells(letters: &[char], words: &[&str]) -> bool {
    letters.len() >= 3
        && words.first().is_some_and(|w| w.starts_with(letters[0]))
        && spell_from(letters, words, 0, 0, 0)
}

/// [`spells`] from letter `li` and word `wi`, with `skipped` words so far
/// giving no letter; backtracks over where each letter comes from.
fn spell_from(letters: &[char], words: &[&str], li: usize, wi: usize, skipped: usize) -> bool {
    if li == letters.len() {
        return skipped + words.len() - wi <= 1;
    }
    if wi >= words.len() || skipped > 1 {
        return false;
    }
    let word: Vec<char> = words[wi].chars().collect();
    if word.first() == Some(&letters[li]) {
        // Take the initial, then as many of the next letters inside this word as
        // fit, longest first.
        let mut inside = vec![li + 1];
        let mut k = li + 1;
        let mut pos = 1;
        while k < letters.len() {
            match word[pos..].iter().position(|&c| c == letters[k]) {
                Some(p) => {
                    pos += p + 1;
                    k += 1;
                    inside.push(k);
                }
                None => break,
            }
        }
        if inside
            .iter()
            .rev()
            .any(|&next| spell_from(letters, words, next, wi + 1, skipped))
        {
            return true;
        }
    }
    spell_from(letters, words, li, wi + 1, skipped + 1)
}

#[cfg(test)]
mod tests {
    use super::spells;

    fn check(acronym: &str, name: &str) -> bool {
        let letters: Vec<char> = acronym.to_lowercase().chars().collect();
        let folded = name.to_lowercase();
        let words: Vec<&str> = folded
            .split(' ')
            .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "in"))
            .collect();
        spells(&letters, &words)
    }

    #[test]
    fn initials_and_inner_letters_spell_a_name() {
        assert!(check("NWRA", "National Water Resources Authority"));
        assert!(check("EUCAP", "European Union Capacity Mission"));
        assert!(check(
            "UNAMIR",
            "United Nations Assistance Mission for Rwanda"
        ));
        assert!(check("FLA", "Front for the Liberation of Angola"));
    }

    #[test]
    fn letters_that_do_not_fit_spell_nothing() {
        // French word order, a first letter that is no initial, too few letters.
        assert!(!check(
            "MONUSCO",
            "United Nations Organization Stabilization Mission"
        ));
        assert!(!check("XYZ", "Northern Grain Board"));
        assert!(!check("NG", "Northern Grain"));
        // Two words that give no letter.
        assert!(!check("NGB", "Northern Grain Traders Export Union Board"));
    }
}
