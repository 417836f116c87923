//! The name chunker: where a capitalized name starts and ends ("Jan van der
//! Linde", "Antony J. Blinken", "Kurdistan Workers' Party", "Department of
//! Foreign Affairs", "the Bryansk region"), and what kind of actor a name is
//! from its own words and the words around it.

use super::function_word;
use crate::extract::grammar::{pronoun_of, DETERMINERS, NAME_CONNECTORS};
use crate::extract::sentence::SentenceView;
use crate::extract::tokens::{TokKind, Token};
use crate::lexicon::{Form, WordSet};
use crate::model::ActorKind;
use std::ops::Range;

impl SentenceView<'_> {
    /// End of a capitalized name chunk starting at `i` (exclusive), or `i` when
    /// none. `known` as for [`super::find`].
    pub(super) fn name_chunk_end(&self, i: usize, known: &WordSet<String>) -> usize {
        let Some(t) = self.tok(i).filter(|t| t.kind == TokKind::Word && t.cap) else {
            return i;
        };
        if let Some(end) = self.vessel_prefix_end(i, t) {
            return end;
        }
        if self.starts_no_name(i, t) {
            return i;
        }
        // "Fighters of the X Front", "Members of the Y Council": a plural common
        // noun before "of" is part of the group, not of its name. (A head,
        // "Bank of England", "Ministry of Defence", opens a name.)
        let plural_part = self.lx.common.contains(&t.norm)
            && t.norm.ends_with('s')
            && !self.lx.heads.contains_key(&t.norm)
            && self.norm(i + 1) == "of"
            && self.title_at(i).is_none();
        if plural_part {
            return i;
        }
        let end = self.raw_chunk_end(i);
        // A capitalized common word opening a sentence ("The", "Oil", "Separately")
        // starts no name, unless the chunk is an institution ("Armed Forces of ...").
        let opening = i == self.range.start
            || self.tokens[i - 1].is_punct('"')
            || self.tokens[i - 1].is_punct('(');
        if opening && self.lx.common.contains(&t.norm) && !known.contains(&t.norm) {
            let institution =
                end > i + 1 && (i..end).any(|x| self.lx.heads.contains_key(self.norm(x)));
            // "John Kirby, a spokesman, said": a common word that is also a first name,
            // followed by a word that is only a name.
            let second = self.norm(i + 1);
            let first_name = end > i + 1
                && !function_word(self.lx, &t.norm)
                && !t.norm.ends_with("ing")
                && !t.norm.ends_with("ed")
                && !t.norm.ends_with("ly")
                && !self.lx.common.contains(second)
                && !self.lx.non_names.contains(second)
                && !self.lx.gazetteer.contains_key(second)
                && self.title_at(i + 1).is_none();
            // "Solidarity leader X": the body a leader leads (see `name_unit`).
            let led_body = end == i + 1
                && !self.lx.cues.generic_leader_word.contains(&t.norm)
                && !self.lx.cues.sector_word.contains(&t.norm)
                && self
                    .title_at(i + 1)
                    .is_some_and(|(_, _, title)| title.class == "leader");
            // "Fighters of the X stormed ...": a plural standing for its group
            // opens no name of its own; the group after "of" is the actor.
            let member = self.norm(i + 1) == "of"
                && self.lx.cues.of_transparent.contains(&t.norm)
                && !self.lx.heads.contains_key(&t.norm);
            if !institution && !first_name && !led_body || member {
                return i;
            }
        }
        end
    }

    /// Whether the chunk `i..end` is a capitalized phrase that names no actor: a
    /// regional adjective before a noun ("West African leaders", "Central Asian
    /// states") or a country's plural ("the two Koreas").
    pub(super) fn no_actor_chunk(&self, i: usize, end: usize) -> bool {
        // ("South Korean", "Philippines": the lexicon's own forms.)
        if self.gazetteer_at(i).is_some() {
            return false;
        }
        let last = self.norm(end - 1);
        let demonym_like = last.ends_with("an") || last.ends_with("ese");
        let regional = end > i + 1
            && self.lx.cues.compass_word.contains(self.norm(i))
            && demonym_like
            && self
                .tok(end)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap);
        // ("the two Koreas", "both Sudans": the plural of a divided country's name.)
        let country = |key: &str| {
            self.lx
                .gazetteer
                .get(key)
                .is_some_and(|es| es.iter().any(|e| e.kind == ActorKind::Country))
        };
        let plural_country = end == i + 1
            && last.len() > 3
            && last.strip_suffix('s').is_some_and(|one| {
                country(one)
                    || self
                        .lx
                        .cues
                        .compass_word
                        .iter()
                        .any(|c| country(&format!("{c} {one}")))
            });
        regional || plural_country
    }

    /// Vessel prefixes: "M/L Kalayaan", "M/V Ever Given" — the end of the name
    /// that such a prefix at `i` (token `t`) starts.
    fn vessel_prefix_end(&self, i: usize, t: &Token) -> Option<usize> {
        let short_caps = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == TokKind::Word && t.upper || t.norm.chars().count() <= 2 && t.cap
            })
        };
        let prefix = t.norm.chars().count() <= 2
            && short_caps(i)
            && self.tok(i + 1).is_some_and(|t| t.is_punct('/'))
            && short_caps(i + 2)
            && self.is_cap(i + 3)
            && self.tokens[i + 1].start == t.end;
        prefix.then(|| self.raw_chunk_end(i + 3))
    }

    /// Whether the capitalized word `t` at `i` starts no name: a word that is
    /// never a name, a platform after "on", a month before a day, a lone letter
    /// that is no initial, a determiner or a pronoun.
    fn starts_no_name(&self, i: usize, t: &Token) -> bool {
        // "Aug 19", "Oct. 1": an abbreviated month before a day is a date ("Jan van der
        // Linde" is a name).
        let month_abbrev = self.lx.cues.month_abbreviation.contains(&t.norm)
            && self.tok(i + 1).is_some_and(|n| {
                n.kind == TokKind::Number
                    || n.is_punct('.') && self.tok(i + 2).is_some_and(|n| n.kind == TokKind::Number)
            });
        // "wrote on Telegram" names no actor; "sued Twitter" does.
        let platform = self.lx.platforms.contains(&t.norm)
            && i > self.range.start
            && matches!(self.tokens[i - 1].norm.as_str(), "on" | "via" | "across");
        // "S. Jaishankar", "J. Smith": an initial before a surname starts a name.
        let initial = t.norm.chars().count() == 1
            && t.cap
            && self.tok(i + 1).is_some_and(|n| n.is_punct('.'))
            && self.tok(i + 2).is_some_and(|n| {
                n.kind == TokKind::Word && n.cap && n.start == self.tokens[i + 1].end + 1
            })
            && !function_word(self.lx, self.norm(i + 2));
        // "F-16", "Su-24", "MH17": a model or flight designation names a
        // machine, not an actor ("G7", "E3" are groups of states).
        let digits = t.norm.chars().filter(char::is_ascii_digit).count();
        let letters = t.norm.chars().filter(|c| c.is_alphabetic()).count();
        let designation = t.kind == TokKind::Word
            && digits > 0
            && letters > 0
            && (t.norm.contains('-') || letters >= 2 && digits >= 2);
        self.lx.non_names.contains(&t.norm)
            || designation
            || platform
            || month_abbrev
            || t.norm.chars().count() == 1 && !initial
            || DETERMINERS.contains(&t.norm.as_str())
            || pronoun_of(&t.norm).is_some()
    }

    /// End of the name chunk starting with the capitalized word at `i`, before
    /// the checks of [`SentenceView::name_chunk_end`]: capitalized words and what
    /// may join them, then a trailing lowercase place head.
    fn raw_chunk_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        let mut j = i + 1;
        while let Some(t) = self.tok(j) {
            if t.kind == TokKind::Word && t.cap {
                // A non-honorific title ends a name: "Foreign Affairs | Principal Secretary".
                if let Some((_, _, title)) = self.title_at(j) {
                    if !title.honorific && self.is_cap(j) {
                        break;
                    }
                }
                j += 1;
                end = j;
                continue;
            }
            // "Côte d'Ivoire", "L'Aquila": an elided particle hyphened by its
            // apostrophe to a capitalized word continues the name.
            if t.kind == TokKind::Word && !t.cap && end == j && elided_name(self.text(j..j + 1)) {
                j += 1;
                end = j;
                continue;
            }
            if self.plural_possessive_inside(j, t, end) {
                j += 1;
                continue;
            }
            if t.kind == TokKind::Number && end == j && j > i && !self.quantity_at(j + 1) {
                j += 1;
                end = j;
                continue;
            }
            if t.is_punct('.') && end == j {
                if self.period_inside(j) {
                    j += 1;
                    end = j;
                    continue;
                }
                break;
            }
            if t.is_punct(',') && end == j {
                if let Some(k) = self.portfolio_list(i, j) {
                    j = k;
                    end = k;
                    continue;
                }
                break;
            }
            if t.kind == TokKind::Word && self.is_joiner(&t.norm) {
                match self.joined_at(i, j, t) {
                    Some(k) => {
                        j = k;
                        continue;
                    }
                    None => break,
                }
            }
            break;
        }
        self.trailing_place_end(end)
    }

    /// "Kurdistan Workers' Party", "Farmers' Union": a plural possessive at `j`
    /// (token `t`, right after the name's last word `end`) inside an
    /// institution's name.
    fn plural_possessive_inside(&self, j: usize, t: &Token, end: usize) -> bool {
        t.kind == TokKind::Possessive
            && t.norm == "'"
            && end == j
            && self
                .tok(j + 1)
                .is_some_and(|n| n.kind == TokKind::Word && n.cap)
            && {
                let after = self.raw_chunk_end(j + 1);
                (j + 1..after).any(|x| self.lx.heads.contains_key(self.norm(x)))
            }
    }

    /// Whether the token at `k`, after a number, makes the number a quantity
    /// ("Google 2.4 billion", "Boeing 737 jets"); "Kurdistan 24", "France 24" end
    /// in a number.
    fn quantity_at(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|n| {
            n.is_punct('.')
                || n.is_punct(',') && self.tok(k + 1).is_some_and(|d| d.kind == TokKind::Number)
                || self.lx.cues.quantity_word.contains(&n.norm)
        })
    }

    /// Whether the period at `j` belongs to the name: after an initial or a
    /// short word such as "Jr" ("Antony J. Blinken", "Brawner Jr.", "Ma.
    /// Teresita"), or after an abbreviated head word of a company ("Solvik
    /// Energy Inc.", "Hanwha Corp."), which is written with its period.
    fn period_inside(&self, j: usize) -> bool {
        let prev = &self.tokens[j - 1];
        if j > self.range.start + 1
            && prev.cap
            && self.lx.abbreviations.contains_key(&prev.norm)
            && self.lx.heads.contains_key(&prev.norm)
        {
            return true;
        }
        let dotted = &self.lx.cues.dotted_name_word;
        let short = prev.norm.chars().count() == 1 || dotted.contains(&prev.norm);
        // A suffix may end the name; an initial needs a name word after it.
        short && prev.cap && (self.is_cap(j + 1) || self.lx.cues.name_suffix.contains(&prev.norm))
    }

    /// A ministry's list of portfolios after the comma at `j`: "Ministry of Land,
    /// Infrastructure and Transport", "Department of Economy, Trade and
    /// Industry". The name from `i` must have an institution's head word before
    /// "of"; the list runs in capitalized words and ends with "and" and a last
    /// one. Returns where the name then ends.
    fn portfolio_list(&self, i: usize, j: usize) -> Option<usize> {
        let head_of = (i + 1..j)
            .any(|x| self.norm(x) == "of" && self.lx.heads.contains_key(self.norm(x - 1)));
        if !head_of {
            return None;
        }
        let cap_run = |k: usize| {
            let mut e = k;
            while self
                .tok(e)
                .is_some_and(|t| t.kind == TokKind::Word && t.cap && self.gazetteer_at(e).is_none())
            {
                e += 1;
            }
            (e > k).then_some(e)
        };
        let mut k = j;
        for _ in 0..4 {
            // ", Infrastructure" or ", and Transport" or " and Transport"
            if self.tok(k).is_some_and(|t| t.is_punct(',')) {
                k += 1;
            }
            let last = self.norm(k) == "and";
            if last {
                k += 1;
            }
            k = cap_run(k)?;
            if last {
                return Some(k);
            }
            if self.norm(k) == "and" {
                return cap_run(k + 1);
            }
            if !self.tok(k).is_some_and(|t| t.is_punct(',')) {
                return None;
            }
        }
        None
    }

    /// Whether a lowercase word may join the words of a name: a name particle
    /// ("bin", "van der") or a connector ("of", "and").
    fn is_joiner(&self, w: &str) -> bool {
        self.lx.particle(w).joins || NAME_CONNECTORS.contains(&w)
    }

    /// After the joiner `t` at `j` inside a name starting at `i`: where the name
    /// goes on (the capitalized word after the joiners), or `None` when the
    /// joiner ends it. A joiner continues the name only when a capitalized word
    /// follows, and a connector only in an institution's or place's name.
    fn joined_at(&self, i: usize, j: usize, t: &Token) -> Option<usize> {
        let mut k = j + 1;
        while self
            .tok(k)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap && self.is_joiner(&t.norm))
        {
            k += 1;
        }
        let name_follows = self.tok(k).is_some_and(|t| {
            t.kind == TokKind::Word && t.cap && !self.lx.non_names.contains(&t.norm)
        }) && self
            .gazetteer_at(k)
            .is_none_or(|(_, e)| e.form == Form::Name);
        if !name_follows {
            return None;
        }
        let connector =
            NAME_CONNECTORS.contains(&t.norm.as_str()) && !self.lx.particle(&t.norm).joins;
        if connector && !self.connector_joins(i, j, k, &t.norm) {
            return None;
        }
        Some(k)
    }

    /// Whether the connector `w` at `j` joins the name starting at `i` to the
    /// capitalized words from `k`: "Department of Foreign Affairs", "Gulf of
    /// Aden" — only when the name is an institution or place, told by a head
    /// word.
    fn connector_joins(&self, i: usize, j: usize, k: usize, w: &str) -> bool {
        let is_head = |x: usize| self.lx.heads.contains_key(self.norm(x));
        let before_head = (i..j).any(is_head);
        let after_end = self.raw_chunk_end(k);
        let after_head = (k..after_end).any(is_head);
        // "Competition and Markets Authority", "Research and Analysis
        // Wing": ordinary words joined by "and" before an institution's
        // head ("Kenya and Ethiopia" are two names).
        let common_before =
            (i..j).all(|x| self.lx.common.contains(self.norm(x)) && self.gazetteer_at(x).is_none());
        let and_ok = w == "and" && after_head && common_before;
        if !before_head && (!after_head || w == "and") && !and_ok {
            return false;
        }
        // "Judge Ana Ribeiro of the Federal Court": a titled name is a person's,
        // and the institution after it is another name.
        let titled =
            (i.saturating_sub(4)..i).any(|x| self.title_at(x).is_some_and(|(n, _, _)| x + n == i));
        if titled && !before_head {
            return false;
        }
        // "Committee to Protect Journalists": "to" only after a head.
        if w == "to" && !before_head {
            return false;
        }
        // "Nordvik Shipping and Baltic Freight Group" are two names, as are
        // "Solvik Energy Inc. and Veltra Robotics";
        // "Department of Foreign Affairs and Trade" is one.
        let last = if self.norm(j - 1) == "." && j >= i + 2 {
            j - 2
        } else {
            j - 1
        };
        !(w == "and" && is_head(last))
    }

    /// A trailing lowercase place head joins the name ending at `end`: "Bryansk
    /// region", "the Abu Shouk displacement camp" (one modifier word may come
    /// between).
    fn trailing_place_end(&self, end: usize) -> usize {
        let place_head = |k: usize| {
            self.tok(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && self.lx.cues.trailing_place_head.contains(&t.norm)
            })
        };
        let lower_word = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.norm.len() > 3)
        };
        if place_head(end) {
            end + 1
        } else if lower_word(end)
            && place_head(end + 1)
            && self
                .lx
                .cues
                .modified_place_head
                .contains(self.norm(end + 1))
        {
            end + 2
        } else {
            end
        }
    }

    /// The kind of the actor a name chunk names, from its words and the words
    /// around it, where they tell.
    pub(super) fn name_kind(&self, span: Range<usize>) -> Option<ActorKind> {
        let lx = self.lx;
        let last = self.last_word(span.end);
        let first = self.norm(span.start);
        // "Council for Economic Defense", "Ministry of External Affairs": a head
        // word before a connector, before a place word that opens the name ("State
        // Committee for National Security" is a committee).
        let site = lx.facilities.contains(last) && !self.tokens[span.end - 1].cap;
        let mut kind =
            lx.heads
                .get(last)
                .copied()
                .or(site.then_some(ActorKind::Place))
                .or_else(|| {
                    (span.start..span.end.saturating_sub(1)).find_map(|k| {
                        lx.heads.get(self.norm(k)).copied().filter(|_| {
                            matches!(self.norm(k + 1), "of" | "for" | "on" | "and" | "to")
                        })
                    })
                });
        if kind.is_none() {
            kind = lx
                .heads
                .get(first)
                .copied()
                .filter(|k| *k == ActorKind::Place && span.len() > 2);
        }
        if kind.is_none() && span.start > self.range.start {
            kind = lx.descriptors.get(self.norm(span.start - 1)).copied();
        }
        if kind.is_none() && (self.held_title_in(span.start) || self.org_context(&span)) {
            kind = Some(ActorKind::Organization);
        }
        // "... Stabilization Mission in Somalia (AUSSOM)": a name an acronym spells.
        if kind.is_none() && self.tok(span.end).is_some_and(|t| t.is_punct('(')) && span.len() > 2 {
            kind = Some(ActorKind::Organization);
        }
        if kind.is_none() && self.tokens[span.end - 1].kind == TokKind::Number {
            kind = Some(ActorKind::Organization); // "France 24", "Channel 4"
        }
        if kind.is_none() && self.tokens[span.start].upper && span.len() == 1 {
            kind = Some(ActorKind::Organization);
        }
        kind
    }

    /// "the chief executive of Nordvik Shipping", "a spokesperson for X": what a
    /// title is held in is an institution. Whether the name at `start` follows
    /// such a title and "of"/"for"/"at".
    fn held_title_in(&self, start: usize) -> bool {
        if start < self.range.start + 2 {
            return false;
        }
        let mut p = start - 1;
        if self.norm(p) == "the" && p > self.range.start {
            p -= 1;
        }
        let title_ends = |e: usize| {
            (1..=3).any(|n| {
                e >= self.range.start + n && {
                    let words: Vec<&str> = (e - n..e).map(|k| self.norm(k)).collect();
                    self.lx.titles.contains_key(&words.join(" "))
                }
            })
        };
        matches!(self.norm(p), "of" | "for" | "at")
            && p > self.range.start
            && title_ends(p)
            && !self.tokens[p - 1].cap
    }

    /// "the takeover of Activision Blizzard", "SQM's board", "Nvidia shares",
    /// "agreed to buy Pioneer Natural Resources": words around the name that
    /// show it is a company or institution.
    fn org_context(&self, span: &Range<usize>) -> bool {
        let cues = &self.lx.cues;
        let org = &cues.org_context;
        let before_of = span.start >= self.range.start + 2
            && self.norm(span.start - 1) == "of"
            && org.contains(self.norm(span.start - 2))
            // what is bought
            || span.start > self.range.start
                && cues.acquire_verb.contains(self.norm(span.start - 1));
        let e = span.end;
        let after = self.tok(e).is_some_and(|t| t.kind == TokKind::Possessive)
            && org.contains(self.norm(e + 1))
            || self.tok(e).is_some_and(|t| !t.cap)
                && (org.contains(self.norm(e)) || cues.org_after.contains(self.norm(e)));
        before_of || after
    }
}

/// A word like "d'Ivoire": a short lowercase particle, an apostrophe, then a
/// capitalized word.
fn elided_name(w: &str) -> bool {
    let Some((head, rest)) = w.split_once(['\'', '\u{2019}']) else {
        return false;
    };
    (1..=3).contains(&head.chars().count())
        && head.chars().all(|c| c.is_lowercase())
        && rest.chars().next().is_some_and(char::is_uppercase)
}
