//! The clause a verb governs: "demanded that Y withdraw", "demanded on Tuesday
//! that Y apologize", "denied that it had attacked Y", "said Y was behind the
//! attack". A verb with no object of its own finds its other side here: the
//! complement's subject, or — when that subject is the actor itself ("denied
//! that it had attacked Y") — the object of the complement's verb. Kept apart
//! from `slots` because it reads two clauses, not one.

use super::super::clauses::Opening;
use super::super::grammar::{
    is, ARTICLES, FIRST_PERSON_POSSESSIVES, LIST_COORDINATORS, MODALS, PASSIVE_AUXILIARIES,
    THIRD_PERSON_POSSESSIVES,
};
use super::super::mentions::MentionForm;
use super::super::tokens::TokKind;
use super::view::SentenceArgs;

/// How many tokens may stand between a verb and the clause it governs ("on
/// Tuesday that", "publicly that").
const MAX_GAP: usize = 4;

impl SentenceArgs<'_> {
    /// The index of the complement clause governed by the verb that ends before
    /// token `from`: it opens right after the verb, or after a short adverbial
    /// with no name and no comma in it.
    pub(super) fn complement_of(&self, from: usize) -> Option<usize> {
        let ci = self.clause_of(from.saturating_sub(1));
        let next = ci + 1;
        let c = self.clauses.get(next)?;
        if c.opening != Opening::Complement || c.quoted {
            return None;
        }
        let gap = from..c.range.start;
        let clear = gap.len() <= MAX_GAP
            && gap.clone().all(|j| {
                // "rejected the charge and said it would ...": the verb has an
                // object of its own, and the clause belongs to another verb.
                self.arg_at(j).is_none()
                    && !is(ARTICLES, self.norm(j))
                    && !is(LIST_COORDINATORS, self.norm(j))
                    && self
                        .tok(j)
                        .is_some_and(|t| t.kind != TokKind::Punct || t.norm == "-")
            });
        clear.then_some(next)
    }

    /// The subjects of clause `ci`: the names that open it ("that the United
    /// States and Japan apologize").
    pub(super) fn clause_subjects(&self, ci: usize) -> Vec<usize> {
        let c = &self.clauses[ci];
        let mut start = c.range.start;
        while start < c.range.end && is(ARTICLES, self.norm(start)) {
            start += 1;
        }
        match self.args.iter().copied().find(|&m| {
            let s = self.mentions[m].span.start;
            s == c.range.start || s == start
        }) {
            Some(m) => self.coordinated(m, c.range.end),
            None => Vec::new(),
        }
    }

    /// Whether clause `ci` opens with a word that stands for the actor itself:
    /// "it", "they", "its forces", "his country", or a name of one of `actors`.
    pub(super) fn opens_with_self(&self, ci: usize, actors: &[usize]) -> bool {
        let c = &self.clauses[ci];
        let first = self.norm(c.range.start);
        // "stripped X of the leadership and demanded that he resign": a
        // pronoun that coreference gave to someone else is that other side.
        let other = !actors.is_empty()
            && self.arg_at(c.range.start).is_some_and(|m| {
                self.mentions[m].form == MentionForm::Pronoun
                    && self.actor(m).is_some_and(|a| !actors.contains(&a))
            });
        if !other
            && (matches!(first, "it" | "they" | "we" | "he" | "she" | "i")
                || is(THIRD_PERSON_POSSESSIVES, first))
        {
            return true;
        }
        let subjects = self.clause_subjects(ci);
        !subjects.is_empty()
            && subjects
                .iter()
                .all(|&m| self.actor(m).is_some_and(|a| actors.contains(&a)))
    }

    /// The first names after the opening words of clause `ci` (the object of
    /// its verb): "that it had attacked Y" gives Y.
    pub(super) fn clause_objects(&self, ci: usize) -> Vec<usize> {
        let c = &self.clauses[ci];
        let after = self
            .clause_subjects(ci)
            .last()
            .map_or(c.range.start + 1, |&m| self.mentions[m].span.end);
        match self.args.iter().copied().find(|&m| {
            self.mentions[m].span.start >= after && c.range.contains(&self.mentions[m].span.start)
        }) {
            Some(m) if self.mentions[m].span.start <= after + 5 => self.coordinated(m, c.range.end),
            _ => Vec::new(),
        }
    }

    /// The reporter of a complement clause that opens with a possessive standing
    /// for the reporter's own side and names no actor of its own: "X warned that
    /// [his country would retaliate ...]", "[its forces would strike ...]".
    /// Empty otherwise.
    pub(super) fn own_side_reporter(&self, t: usize) -> Vec<usize> {
        let ci = self.clause_of(t);
        let c = &self.clauses[ci];
        if c.opening != Opening::Complement || c.quoted {
            return Vec::new();
        }
        let first = self.norm(c.range.start);
        let own_side = is(THIRD_PERSON_POSSESSIVES, first) || is(FIRST_PERSON_POSSESSIVES, first);
        let named = self
            .args
            .iter()
            .any(|&m| (c.range.start..t).contains(&self.mentions[m].span.start));
        if !own_side || named {
            return Vec::new();
        }
        self.reporter_subjects(t)
    }

    /// Whom the penalty that clause `ci` foretells falls on: its subject, or the
    /// owner of its subject ("Y's leaders", "its leaders"), when a modal comes
    /// before a word of data/cues.tsv `penalty_word` ("would not escape", "will
    /// pay", "would trigger a response"). Empty otherwise.
    pub(super) fn penalty_subjects(&self, ci: usize) -> Vec<usize> {
        let c = &self.clauses[ci];
        let cues = &self.ctx.lx.cues;
        let end = c.range.end;
        let Some(modal) = (c.range.start..end).find(|&j| is(MODALS, self.norm(j))) else {
            return Vec::new();
        };
        if !(modal + 1..(modal + 4).min(end)).any(|j| cues.penalty_word.contains(self.norm(j))) {
            return Vec::new();
        }
        let subjects = self.clause_subjects(ci);
        if !subjects.is_empty() {
            return subjects;
        }
        // "its leaders": the possessive pronoun's antecedent.
        self.all
            .clone()
            .find(|&m| {
                let mm = &self.mentions[m];
                mm.span.start == c.range.start
                    && mm.form == MentionForm::Pronoun
                    && mm.actor.is_some()
                    && is(THIRD_PERSON_POSSESSIVES, self.norm(c.range.start))
            })
            .into_iter()
            .collect()
    }

    /// The subjects of the condition that follows token `from` in its sentence:
    /// "... unless Y cuts the fee", "... if Y fails to comply" (data/cues.tsv
    /// `condition_word`), other than `own` actors.
    pub(super) fn condition_subjects(&self, from: usize, own: &[usize]) -> Vec<usize> {
        let ci = self.clause_of(from.saturating_sub(1));
        let cues = &self.ctx.lx.cues;
        let Some(cj) = (ci + 1..self.clauses.len()).find(|&cj| {
            let c = &self.clauses[cj];
            c.opening == Opening::Subordinate
                && !c.quoted
                && c.range.start > self.range.start
                && cues.condition_word.contains(self.norm(c.range.start - 1))
        }) else {
            return Vec::new();
        };
        // ("unless Y is freed": the condition's subject suffers it.)
        let c = &self.clauses[cj];
        let passive = (c.range.start..c.range.end.min(c.range.start + 6))
            .any(|j| is(PASSIVE_AUXILIARIES, self.norm(j)))
            && (c.range.start..c.range.end.min(c.range.start + 8)).any(|j| {
                let w = self.norm(j);
                w.ends_with("ed") || cues.irregular_participle.contains(w)
            });
        if passive {
            return Vec::new();
        }
        self.clause_subjects(cj)
            .into_iter()
            .filter(|&m| self.actor(m).is_some_and(|a| !own.contains(&a)))
            .collect()
    }

    /// Whether token `t` sits in a clause that a verb of refusal or denial governs
    /// ("denied that it had attacked Y"): what the clause says is denied.
    pub(super) fn in_denied_clause(&self, t: usize) -> bool {
        let ci = self.clause_of(t);
        let c = &self.clauses[ci];
        if ci == 0 || c.opening != Opening::Complement {
            return false;
        }
        let lx = self.ctx.lx;
        let from = c
            .range
            .start
            .saturating_sub(MAX_GAP + 1)
            .max(self.range.start);
        // The nearest verb governs: "denies the charge and says [Y rammed ...]"
        // reports what it says.
        (from..c.range.start)
            .rev()
            .take_while(|&j| self.tok(j).is_some_and(|t| t.kind != TokKind::Punct))
            .find_map(|j| {
                let w = self.norm(j);
                if lx.cues.refusal_verb.contains(w) {
                    Some(true)
                } else {
                    lx.speech.contains(w).then_some(false)
                }
            })
            .unwrap_or(false)
    }
}
