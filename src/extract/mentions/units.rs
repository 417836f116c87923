//! Step one of mention finding: the units of a sentence, left to right, longest
//! first — gazetteer forms, title phrases, name chunks, pronouns, group phrases
//! and role phrases — and the mention a single unit makes on its own.

use super::{function_word, Mention, MentionForm, Pronoun};
use crate::extract::grammar::pronoun_of;
use crate::extract::sentence::SentenceView;
use crate::extract::tokens::{TokKind, Token};
use crate::lexicon::{Form, GazEntry, WordSet};
use crate::model::ActorKind;
use std::ops::Range;

/// What a unit is.
#[derive(Debug, Clone)]
pub(super) enum UnitKind {
    /// A gazetteer form: a country, demonym, capital or known organization.
    Gaz(GazEntry),
    /// A title phrase ("Prime Minister", "Foreign Affairs Principal Secretary").
    Title {
        /// The phrase as written.
        text: String,
        /// Its role class (data/titles.tsv).
        class: String,
        /// Only valid at the start of a name ("Prince").
        honorific: bool,
        /// A plural title ("ministers").
        plural: bool,
    },
    /// A capitalized name chunk.
    Name,
    /// A personal pronoun.
    Pronoun(Pronoun),
    /// "the group", "the agency": a determiner and a descriptor noun.
    OrgRole(ActorKind),
    /// "the two leaders", "both companies": a number of actors of a kind.
    Group(ActorKind, usize),
}

/// A unit found in step one: what it is and where.
#[derive(Debug, Clone)]
pub(super) struct Unit {
    /// What the unit is.
    pub kind: UnitKind,
    /// Its tokens.
    pub span: Range<usize>,
}

impl Unit {
    fn new(kind: UnitKind, span: Range<usize>) -> Unit {
        Unit { kind, span }
    }

    /// Unit `b` starts right where this one ends.
    pub(super) fn adjacent(&self, b: Option<&Unit>) -> bool {
        b.is_some_and(|b| b.span.start == self.span.end)
    }

    /// Unit `b` starts right after this one and its possessive ("Iran's Guards").
    pub(super) fn possessive_then(&self, s: &SentenceView, b: Option<&Unit>) -> bool {
        b.is_some_and(|b| {
            b.span.start == self.span.end + 1
                && s.tok(self.span.end)
                    .is_some_and(|t| t.kind == TokKind::Possessive)
        })
    }
}

impl SentenceView<'_> {
    /// Step one: units, left to right, longest first. `known` as for
    /// [`super::find`].
    pub(super) fn units(&self, known: &WordSet<String>) -> Vec<Unit> {
        let mut out: Vec<Unit> = Vec::new();
        let mut i = self.range.start;
        while i < self.range.end {
            let Some(t) = self.tok(i) else { break };
            if !t.is_word() {
                i += 1;
                continue;
            }
            // An institution or place name that starts with a country ("Kenya Pipeline
            // Company", "China Coast Guard") beats the bare country.
            let chunk_end = self.name_chunk_end(i, known);
            // "the Genocide Convention", "the Paris Agreement": a treaty or plan is no
            // actor, and neither is a country inside its name.
            // ("Typhoon Haiyan", "Hurricane Maria": a storm, not an actor.)
            let storm = self.lx.cues.storm_word.contains(self.norm(i));
            if chunk_end > i + 1
                && (storm || self.lx.not_actor_heads.contains(self.norm(chunk_end - 1)))
                || chunk_end > i && self.no_actor_chunk(i, chunk_end)
            {
                i = chunk_end;
                continue;
            }
            // "the General Santander police academy", "King Fahd hospital": a title
            // and a name before a site noun name the site, not a person.
            if let Some(end) = self.titled_site_end(i, known) {
                out.push(Unit::new(UnitKind::Name, i..end));
                i = end;
                continue;
            }
            // The first kind of unit that fits wins, in this order.
            let unit = self
                .acronym_name_end(i)
                .filter(|&end| self.gazetteer_at(i).is_none_or(|(n, _)| i + n < end))
                .map(|end| Unit::new(UnitKind::Name, i..end))
                .or_else(|| self.gazetteer_unit(i, chunk_end, out.last()))
                .or_else(|| self.title_unit(i, t, out.last()))
                .or_else(|| self.head_role_unit(i, t, chunk_end))
                .or_else(|| (chunk_end > i).then(|| self.name_unit(i, chunk_end)))
                .or_else(|| pronoun_of(&t.norm).map(|p| Unit::new(UnitKind::Pronoun(p), i..i + 1)))
                .or_else(|| {
                    // "the two leaders", "both companies", "the three countries".
                    let (n, kind, size) = self.group_at(i)?;
                    Some(Unit::new(UnitKind::Group(kind, size), i..i + n))
                })
                .or_else(|| self.the_role_unit(i, t))
                .map(|u| self.site_unit(u));
            // "fired Scud missiles at X": an unknown name before a weapon noun is
            // the weapon's model, neither side of the attack.
            if let Some(end) = unit
                .as_ref()
                .filter(|u| self.weapon_model(u))
                .map(|u| u.span.end)
            {
                i = end;
                continue;
            }
            match unit {
                Some(u) => {
                    i = u.span.end;
                    out.push(u);
                }
                None => i += 1,
            }
        }
        out
    }

    /// A place's or an unknown name with the site after it: "the Kunduz trauma
    /// hospital", "the Marikana platinum mine" name a place of their own, the
    /// one that was struck, not the town. (A country's or a person's name before
    /// a site noun only qualifies it: "a Russian refinery".)
    fn site_unit(&self, u: Unit) -> Unit {
        let named = match &u.kind {
            UnitKind::Gaz(e) => e.kind == ActorKind::Place || e.form == Form::Metonym,
            UnitKind::Name => self
                .name_kind(u.span.clone())
                .is_none_or(|k| k == ActorKind::Place),
            _ => false,
        };
        // "Beirut's international airport": a city's own site is a place too.
        let city = matches!(&u.kind, UnitKind::Gaz(e) if e.kind == ActorKind::Place || e.form == Form::Metonym);
        let possessive = self
            .tok(u.span.end)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        let site = if possessive && city {
            self.site_end(u.span.end + 1)
        } else {
            self.site_end(u.span.end).filter(|_| named)
        };
        match site {
            Some(end) => Unit::new(UnitKind::Name, u.span.start..end),
            None => u,
        }
    }

    /// The end of a site named after a titled person at `i`: a capitalized title,
    /// a name and a site noun ("the General Santander police academy").
    fn titled_site_end(&self, i: usize, known: &WordSet<String>) -> Option<usize> {
        if !self.tok(i)?.cap {
            return None;
        }
        let (n, _, _) = self.title_at(i)?;
        let start = i + n;
        let chunk = self.name_chunk_end(start, known);
        let gaz = self.gazetteer_at(start).map_or(start, |(m, _)| start + m);
        let name_end = chunk.max(gaz);
        if name_end <= start {
            return None;
        }
        self.site_end(name_end)
    }

    /// Whether unit `u` is an unknown name that a weapon noun follows, at most
    /// one lowercase modifier apart ("Scud missiles", "Tomahawk cruise missiles").
    fn weapon_model(&self, u: &Unit) -> bool {
        if !matches!(u.kind, UnitKind::Name) || self.name_kind(u.span.clone()).is_some() {
            return false;
        }
        let lower = |k: usize| {
            self.tok(k)
                .filter(|t| t.kind == TokKind::Word && !t.cap)
                .map(|t| t.norm.as_str())
        };
        let weapon = |k: usize| lower(k).is_some_and(|w| self.lx.weapons.contains(w));
        let e = u.span.end;
        weapon(e) || lower(e).is_some_and(|w| !function_word(self.lx, w)) && weapon(e + 1)
    }

    /// Where a site noun after `from` ends the phrase: up to two lowercase
    /// modifiers (ordinary words, not verbs or adverbs) and a site noun.
    fn site_end(&self, from: usize) -> Option<usize> {
        let lx = self.lx;
        (from..from + 3).find_map(|k| {
            let t = self.tok(k)?;
            let word = t.kind == TokKind::Word && !t.cap;
            let modifier = |j: usize| {
                self.tok(j).is_some_and(|m| {
                    m.kind == TokKind::Word
                        && !m.cap
                        && lx.common.contains(&m.norm)
                        && !function_word(lx, &m.norm)
                        && !lx.speech.contains(&m.norm)
                        && !m.norm.ends_with("ly")
                        && (!m.norm.ends_with("ed") || lx.cues.adjective_ed.contains(&m.norm))
                })
            };
            // ("the Beirut headquarters of X" is X's, told by what follows.)
            let owned = self.tok(k + 1).is_some_and(|n| n.norm == "of");
            (word && lx.facilities.contains(&t.norm) && !owned && (from..k).all(modifier))
                .then_some(k + 1)
        })
    }

    /// A gazetteer form at `i`, unless a longer name that starts with it (an
    /// institution or place, "Kenya Pipeline Company") or a name in which it is a
    /// first name wins.
    fn gazetteer_unit(&self, i: usize, chunk_end: usize, last: Option<&Unit>) -> Option<Unit> {
        let (n, entry) = self.gazetteer_at(i)?;
        let chunk_head = chunk_end > i + 1 && self.lx.heads.contains_key(self.last_word(chunk_end));
        // "Sofia Lara", "Defense Minister Israel Katz": a capital, or a country
        // right after a title, that a surname follows is a first name.
        let next = i + n;
        let first_name = n == 1
            && entry.kind == ActorKind::Country
            && (entry.form == Form::Metonym
                || entry.form == Form::Name
                    && last.is_some_and(|f| {
                        f.span.end == i && matches!(f.kind, UnitKind::Title { .. })
                    }))
            && self.tok(next).is_some_and(|t| {
                t.kind == TokKind::Word
                    && t.cap
                    && !t.upper
                    && !self.lx.common.contains(&t.norm)
                    && !self.lx.non_names.contains(&t.norm)
                    && !self.lx.heads.contains_key(&t.norm)
                    && !self.lx.gazetteer.contains_key(&t.norm)
                    && self.title_at(next).is_none()
            });
        // "Indian Steel Minister X": a country's portfolio before a title,
        // not an institution named "Indian Steel".
        let portfolio_after = entry.kind == ActorKind::Country
            && chunk_end > i + n
            && self.is_portfolio(i + n..chunk_end)
            && self
                .title_at(chunk_end)
                .is_some_and(|(_, _, t)| !t.honorific);
        let longer_name = chunk_head && chunk_end > i + n && !portfolio_after;
        (!(first_name || longer_name)).then(|| Unit::new(UnitKind::Gaz(entry), i..i + n))
    }

    /// A title phrase at `i` (token `t`), when it is used as one: lowercase titles
    /// count only before a name or after a determiner or qualifier ("spokesman Ned
    /// Price", "the minister", "Kremlin spokesman").
    fn title_unit(&self, i: usize, t: &Token, last: Option<&Unit>) -> Option<Unit> {
        let (n, text, title) = self.title_at(i)?;
        let cap = t.cap;
        let prev_ok = i > self.range.start
            && {
                let p = &self.tokens[i - 1];
                crate::extract::grammar::DETERMINERS.contains(&p.norm.as_str())
                || p.kind == TokKind::Possessive
                // "government spokesman", "intelligence chief"
                || self.lx.institutions.contains(&p.norm)
                || self.lx.stands.contains(&p.norm)
                || last.is_some_and(|f| {
                    f.span.end == i
                        && matches!(f.kind, UnitKind::Gaz(_) | UnitKind::Name | UnitKind::Title { .. })
                })
            };
        let next_name = self.is_cap(i + n);
        // "EU antitrust chief X", "Israel's legal adviser X": lowercase words
        // between a qualifier and a lowercase title belong to the title.
        let prefix_start = if cap || prev_ok || !next_name {
            None
        } else {
            self.title_prefix(i, last)
        };
        let prev_ok = prev_ok || prefix_start.is_some();
        let plain_word = !cap && self.lx.cues.plain_title.contains(text.as_str());
        if !((cap || prev_ok || next_name) && (!plain_word || prev_ok)) {
            return None;
        }
        let first = prefix_start.unwrap_or(i);
        // "Minister of Foreign Affairs", "the Ministers of Defense and
        // Interior": a portfolio of capitalized ordinary words after "of".
        let end = if cap && !title.honorific {
            self.portfolio_end(i + n)
        } else {
            i + n
        };
        let kind = UnitKind::Title {
            text: if first < i || end > i + n {
                self.text(first..end).to_string()
            } else {
                text
            },
            class: title.class.clone(),
            honorific: title.honorific,
            plural: title.plural,
        };
        Some(Unit::new(kind, first..end))
    }

    /// "the Region", "the Department": a capitalized head word alone is a role
    /// for a named place or institution. ("Steel Minister" is a portfolio, and
    /// goes with the title.)
    fn head_role_unit(&self, i: usize, t: &Token, chunk_end: usize) -> Option<Unit> {
        if !(chunk_end == i + 1
            && self.lx.common.contains(&t.norm)
            && self.title_at(i + 1).is_none())
        {
            return None;
        }
        let kind = self.lx.heads.get(&t.norm).copied()?;
        Some(Unit::new(UnitKind::OrgRole(kind), i..i + 1))
    }

    /// The name chunk `i..chunk_end`, or, when a title follows it and its words
    /// are a portfolio ("Foreign Affairs Principal Secretary", "Homeland Security
    /// Secretary"), the title it begins.
    fn name_unit(&self, i: usize, chunk_end: usize) -> Unit {
        if let Some((n, _, title)) = self.title_at(chunk_end) {
            // "Solidarity leader X": one capitalized word before a leader's title
            // is the body led, not a portfolio ("Opposition leader" is generic).
            let led_body = title.class == "leader"
                && chunk_end == i + 1
                && !self.lx.cues.sector_word.contains(self.norm(i))
                && !self.lx.cues.generic_leader_word.contains(self.norm(i));
            if !title.honorific && !led_body && self.is_portfolio(i..chunk_end) {
                let kind = UnitKind::Title {
                    text: self.text(i..chunk_end + n).to_string(),
                    class: title.class.clone(),
                    honorific: false,
                    plural: title.plural,
                };
                return Unit::new(kind, i..chunk_end + n);
            }
        }
        Unit::new(UnitKind::Name, i..chunk_end)
    }

    /// "the group", "the agency", "the coast guard" at `i` (token `t`): a role
    /// for an institution, the longest run of lowercase words after "the" that
    /// ends in a head or descriptor.
    fn the_role_unit(&self, i: usize, t: &Token) -> Option<Unit> {
        // "the al-Qaeda-linked group": after a name hyphened to a participle, the
        // noun is the role, as after "the".
        let hyphened = !t.cap
            && t.norm.ends_with("ed")
            && i > self.range.start
            && self
                .tok(i - 1)
                .is_some_and(|h| h.is_punct('-') && h.end == t.start);
        if t.norm != "the" && !hyphened {
            return None;
        }
        let lower = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
        };
        let (n, kind) = (1..=3).rev().find_map(|n| {
            if !(i + 1..i + 1 + n).all(lower) {
                return None;
            }
            let last = self.norm(i + n);
            let kind = self
                .lx
                .descriptors
                .get(last)
                .copied()
                .or_else(|| self.lx.heads.get(last).copied())?;
            // Every word must be ordinary ("the coast guard"), and the phrase must
            // end its noun phrase ("the group's" is fine, "the group leader" is not).
            let next_ok = !self.is_cap(i + 1 + n)
                && !self.tok(i + 1 + n).is_some_and(|t| {
                    t.kind == TokKind::Word && self.lx.heads.contains_key(&t.norm)
                });
            (next_ok && (n == 1 || (i + 1..i + n).all(|k| !function_word(self.lx, self.norm(k)))))
                .then_some((n, kind))
        })?;
        Some(Unit::new(UnitKind::OrgRole(kind), i + 1..i + 1 + n))
    }

    /// A group phrase at `i`: "the two leaders", "both (the) companies", "the three
    /// rival countries" → (length, kind, size).
    fn group_at(&self, i: usize) -> Option<(usize, ActorKind, usize)> {
        let number = |w: &str| match w {
            "two" | "both" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            _ => None,
        };
        let (mut j, size) = match self.norm(i) {
            "both" => (i + 1 + usize::from(self.norm(i + 1) == "the"), 2),
            "the" => (i + 2, number(self.norm(i + 1))?),
            _ => return None,
        };
        if self.norm(i) == "the" && self.norm(i + 1) == "both" {
            return None;
        }
        // One modifier may come between: "the two rival leaders".
        for _ in 0..2 {
            let t = self.tok(j)?;
            if t.kind != TokKind::Word || t.cap {
                return None;
            }
            let two = format!("{} {}", t.norm, self.norm(j + 1));
            if let Some(&kind) = self.lx.groups.get(&two) {
                return Some((j + 2 - i, kind, size));
            }
            if let Some(&kind) = self.lx.groups.get(&t.norm) {
                return Some((j + 1 - i, kind, size));
            }
            j += 1;
        }
        None
    }
}

/// Pushes the mention of a single unit and returns its index.
pub(super) fn push_unit(s: &SentenceView, u: &Unit, out: &mut Vec<Mention>) -> usize {
    let mut m = match &u.kind {
        UnitKind::Gaz(e) => {
            let form = match e.form {
                Form::Name => MentionForm::Name,
                Form::Demonym => MentionForm::Demonym,
                Form::Metonym => MentionForm::Metonym,
            };
            let mut m = Mention::new(s.sentence, u.span.clone(), form);
            m.kind = Some(e.kind);
            m.gaz = Some(e.clone());
            m
        }
        UnitKind::Name => {
            let mut m = Mention::new(s.sentence, u.span.clone(), MentionForm::Name);
            m.kind = s.name_kind(u.span.clone());
            m
        }
        UnitKind::Title {
            text,
            class,
            plural,
            ..
        } => {
            let mut m = Mention::new(s.sentence, u.span.clone(), MentionForm::Role);
            m.kind = Some(ActorKind::Person);
            m.title = Some((text.clone(), class.clone()));
            m.plural = *plural;
            m
        }
        UnitKind::Pronoun(p) => {
            let mut m = Mention::new(s.sentence, u.span.clone(), MentionForm::Pronoun);
            m.pronoun = Some(*p);
            m
        }
        UnitKind::OrgRole(kind) => {
            let mut m = Mention::new(s.sentence, u.span.clone(), MentionForm::Role);
            m.kind = Some(*kind);
            m
        }
        UnitKind::Group(kind, size) => {
            let mut m = Mention::new(s.sentence, u.span.clone(), MentionForm::Role);
            m.kind = Some(*kind);
            m.plural = true;
            m.group_size = Some(*size);
            m
        }
    };
    // "the" before a name is part of the phrase but not of the name.
    if u.span.start > s.range.start
        && s.norm(u.span.start - 1) == "the"
        && !matches!(u.kind, UnitKind::Pronoun(_))
    {
        m.span.start -= 1;
    }
    out.push(m);
    out.len() - 1
}
