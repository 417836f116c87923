//! Where the sides of an event sit around its trigger: the subjects of its clause
//! (or the clause it borrows them from), the objects after it, a passive agent
//! after "by", a modifier before an event noun. These are the positions every
//! frame in `frames` picks from; kept apart because they are pure sentence
//! geometry and know nothing of what the event is.

use super::super::clauses::Opening;
use super::super::grammar::{
    is, ARTICLES, ATTACK_PREPOSITIONS, LIST_COORDINATORS, LIST_WORDS, MEETING_PREPOSITIONS,
    NON_SUBJECT_PREPOSITIONS, NOUN_PHRASE_BREAKERS, PASSIVE_AUXILIARIES, PHRASE_PREPOSITIONS,
    PREPOSITIONS, SUBJECT_PRONOUNS, SUPPORT_PREPOSITIONS, THIRD_PERSON_POSSESSIVES,
    THREAT_PREPOSITIONS, TOPIC_PREPOSITIONS, VISIT_PREPOSITIONS,
};
use super::super::mentions::MentionForm;
use super::super::tokens::TokKind;
use super::view::SentenceArgs;
use crate::model::RelationType;

impl SentenceArgs<'_> {
    /// A list of coordinated argument mentions starting with mention `first`:
    /// "A, B and C", "A and the B".
    pub(super) fn coordinated(&self, first: usize, limit: usize) -> Vec<usize> {
        let mut out = vec![first];
        // Items joined by a comma only count once "and"/"or" closes the list: "A, B
        // and C" is a list, "X in A, the agency's spokesman, B, said" is not.
        let mut confirmed = 1;
        let mut end = self.mentions[first].span.end;
        'outer: loop {
            let mut j = end;
            let mut saw_joiner = false;
            let mut saw_and = false;
            while j < limit && is(LIST_WORDS, self.norm(j)) {
                saw_joiner |= self.norm(j) == "," || is(LIST_COORDINATORS, self.norm(j));
                saw_and |= is(LIST_COORDINATORS, self.norm(j));
                j += 1;
                if let Some(m) = self.arg_at(j) {
                    if saw_joiner && !out.contains(&m) {
                        out.push(m);
                        if saw_and {
                            confirmed = out.len();
                        }
                        end = self.mentions[m].span.end;
                        continue 'outer;
                    }
                }
            }
            // "A and lithium producer B": after "and", a lowercase descriptor
            // phrase may introduce the next item.
            if saw_and {
                if let Some(m) = self.described_item(j, limit).filter(|m| !out.contains(m)) {
                    out.push(m);
                    confirmed = out.len();
                    end = self.mentions[m].span.end;
                    continue 'outer;
                }
            }
            break;
        }
        out.truncate(confirmed);
        out
    }

    /// The mention right after a short lowercase phrase from token `j` that ends
    /// in a descriptor noun ("lithium producer SQM", "rival dairy group X"). Only
    /// descriptors count, so a coordinated verb ("and urged X") opens no item.
    fn described_item(&self, j: usize, limit: usize) -> Option<usize> {
        let descriptors = &self.ctx.lx.descriptors;
        for k in j..(j + 3).min(limit) {
            let tk = self.tok(k)?;
            if tk.kind != TokKind::Word || tk.cap {
                return None;
            }
            if descriptors.contains_key(self.norm(k)) {
                if let Some(m) = self.arg_at(k + 1) {
                    return Some(m);
                }
            }
        }
        None
    }

    /// "A delegation from X", "a team of X officials": the mention names who sent
    /// the group that acts.
    fn sent_by(&self, m: usize) -> bool {
        let s = self.mentions[m].span.start;
        s >= self.range.start + 2
            && matches!(self.norm(s - 1), "from" | "of")
            && self.ctx.lx.cues.delegation.contains(self.norm(s - 2))
    }

    /// The subjects of the sentence's main clause before token `t`.
    pub(super) fn main_subjects(&self, t: usize) -> Vec<usize> {
        let ci = self.clause_of(t);
        let main = (0..=ci).rev().find(|&c| {
            matches!(self.clauses[c].opening, Opening::Start | Opening::Main)
                && !self.clauses[c].adverbial
                && !self.clauses[c].quoted
        });
        match main {
            Some(c) if c < ci => self.subjects_in(c, self.clauses[c].range.end),
            _ => Vec::new(),
        }
    }

    /// Who reports the complement clause holding token `t`: the subjects of
    /// the clause that governs it ("X said [Y was behind it]", "..., and X
    /// said [...]"), else the main clause's. Empty outside a complement.
    pub(super) fn reporter_subjects(&self, t: usize) -> Vec<usize> {
        let ci = self.clause_of(t);
        if ci == 0 || self.clauses[ci].opening != Opening::Complement {
            return Vec::new();
        }
        let prev = &self.clauses[ci - 1];
        let own = if prev.opening == Opening::Complement || prev.quoted {
            Vec::new()
        } else {
            self.subjects_in(ci - 1, prev.range.end)
        };
        if own.is_empty() {
            self.main_subjects(t)
        } else {
            own
        }
    }

    /// The doer of a gerund that a name governs through "of" or "for": "accused
    /// Peru of attacking X", "condemned Belarus for arresting X". `None` when
    /// token `t` is no such gerund.
    pub(super) fn gerund_subjects(&self, t: usize) -> Option<Vec<usize>> {
        if !self.norm(t).ends_with("ing") || t < self.range.start + 2 {
            return None;
        }
        // "blocked an EU statement criticising China": the statement's author
        // criticises, not the clause's subject.
        // ("issued a statement condemning X" is the issuer's.)
        let issued = (t.saturating_sub(4)..t - 1)
            .any(|k| self.ctx.lx.cues.issue_verb.contains(self.norm(k)));
        if !issued && self.ctx.lx.cues.message_noun.contains(self.norm(t - 1)) {
            let author = self.args.iter().copied().find(|&m| {
                let end = self.mentions[m].span.end;
                end == t - 1
                    || end + 2 == t && self.tok(end).is_some_and(|p| p.kind == TokKind::Possessive)
            });
            return Some(author.into_iter().collect());
        }
        // "accused X of violating Y by signing a deal": the means has the doer
        // of the gerund it explains.
        if self.norm(t - 1) == "by" {
            let from = t.saturating_sub(10).max(self.range.start + 2);
            return (from..t - 1)
                .rev()
                .find(|&k| {
                    self.norm(k).ends_with("ing") && matches!(self.norm(k - 1), "of" | "for")
                })
                .and_then(|k| self.gerund_subjects(k));
        }
        if !matches!(self.norm(t - 1), "of" | "for") {
            return None;
        }
        let m = self
            .args
            .iter()
            .copied()
            .find(|&m| self.mentions[m].span.end == t - 1)?;
        Some(vec![m])
    }

    /// "NATO's bombing of the embassy, which killed three people": what killed
    /// was the bombing, not the building; the subject is the event noun's owner.
    /// `m` is the antecedent the relative pronoun at `pronoun` follows.
    fn harming_event_owner(&self, m: usize, pronoun: usize) -> Option<usize> {
        let cues = &self.ctx.lx.cues;
        if !matches!(self.norm(pronoun), "which" | "that")
            || !cues.harm_verb.contains(self.norm(pronoun + 1))
        {
            return None;
        }
        let mut of = self.mentions[m].span.start.checked_sub(1)?;
        if is(ARTICLES, self.norm(of)) {
            of = of.checked_sub(1)?;
        }
        let noun = of.checked_sub(1)?;
        if self.norm(of) != "of" || !cues.attack_noun.contains(self.norm(noun)) {
            return None;
        }
        // The owner's possessive ends the words before the noun ("NATO's
        // overnight bombing").
        self.args.iter().copied().rev().find(|&o| {
            let mo = &self.mentions[o];
            mo.possessive && mo.span.end < noun && noun - mo.span.end <= 3
        })
    }

    /// The subject mentions of the clause containing token `t`.
    pub(super) fn subjects(&self, t: usize) -> Vec<usize> {
        self.subjects_in(self.clause_of(t), t)
    }

    /// The subject mentions of clause `ci` before token `t`.
    fn subjects_in(&self, ci: usize, t: usize) -> Vec<usize> {
        let mut c = ci;
        // "X, visiting Beijing for talks with Y, praised ...": the aside's subject is X.
        while c > 0 && self.clauses[c].aside {
            c -= 1;
        }
        loop {
            let clause = &self.clauses[c];
            let first = self
                .args
                .iter()
                .copied()
                .find(|&m| {
                    clause.range.contains(&self.mentions[m].span.start)
                        && self.mentions[m].span.start < t.max(clause.range.start + 1)
                        && (c != ci || self.mentions[m].span.end <= t)
                })
                // "X, who visited Baghdad for talks with Y": after "who" and a verb,
                // the first name is the verb's object; the subject is the antecedent.
                .filter(|&m| {
                    clause.opening != Opening::Relative
                        || self.mentions[m].span.start == clause.range.start
                        || self.mentions[m].span.start == clause.range.start + 1
                            && is(ARTICLES, self.norm(clause.range.start))
                        || !matches!(
                            self.norm(clause.range.start.saturating_sub(1)),
                            "who" | "which"
                        )
                })
                // "X flew to Y and met Z, before returning to W to see V": an
                // earlier coordinated verb's object is no subject.
                .filter(|&m| c == ci || !self.object_of_coordinate(c, m));
            if let Some(out) = first.and_then(|m| self.subject_at(m, clause.range.start, t)) {
                return out;
            }
            match clause.opening {
                Opening::Relative => {
                    // The antecedent: the argument that ends the noun phrase before the
                    // relative pronoun ("X, which", "Israeli airstrikes that"); "the
                    // militants who" has none.
                    let before = clause.range.start.saturating_sub(1);
                    let m = self
                        .args
                        .iter()
                        .copied()
                        .rev()
                        .find(|&m| self.mentions[m].span.end <= before);
                    // ("Doctors Without Borders (MSF), which": past the acronym.)
                    let gap_start = m.map_or(before, |m| {
                        let e = self.mentions[m].span.end;
                        if self.ctx.tokens[e].is_punct('(') {
                            (e..before)
                                .find(|&k| self.ctx.tokens[k].is_punct(')'))
                                .map_or(e, |k| k + 1)
                        } else {
                            e
                        }
                    });
                    let adjacent = m.is_some_and(|_| {
                        (gap_start..before).all(|k| {
                            let t = &self.ctx.tokens[k];
                            t.is_punct(',')
                                || t.is_punct(')')
                                || t.kind == TokKind::Word
                                    && !t.cap
                                    && !is(PHRASE_PREPOSITIONS, &t.norm)
                                    && !is(LIST_COORDINATORS, &t.norm)
                                    && !is(ARTICLES, &t.norm)
                        }) && before - gap_start <= 3
                            && gap_start - m.map_or(0, |m| self.mentions[m].span.end) <= 4
                    });
                    return if adjacent {
                        let owner = m.and_then(|m| self.harming_event_owner(m, before));
                        owner.or(m).into_iter().collect()
                    } else {
                        Vec::new()
                    };
                }
                Opening::Coordinate | Opening::Other | Opening::Complement if c > 0 => {
                    if clause.opening == Opening::Complement {
                        return Vec::new();
                    }
                    // A coordinated verb right after a subordinate clause shares its
                    // subject ("when the ships rammed it and blasted it").
                    // ("X, the first to visit Y since the war ended, held talks":
                    // a comma may close a subordinate clause that names no one.)
                    let prev = &self.clauses[c - 1];
                    let after_subordinate = clause.opening == Opening::Coordinate
                        && prev.opening == Opening::Subordinate
                        && (self.norm(clause.range.start.saturating_sub(1)) != ","
                            || self
                                .args
                                .iter()
                                .any(|&m| prev.range.contains(&self.mentions[m].span.start)));
                    c -= 1;
                    while c > 0
                        && !after_subordinate
                        && (self.clauses[c].adverbial
                            || self.clauses[c].quoted
                            || self.clauses[c].aside
                            || matches!(
                                self.clauses[c].opening,
                                Opening::Relative | Opening::Complement | Opening::Subordinate
                            ))
                    {
                        c -= 1;
                    }
                    if self.clauses[c].adverbial {
                        return Vec::new();
                    }
                }
                _ => {
                    if clause.adverbial {
                        // The adverbial's subject is the main clause's.
                        if let Some(main) =
                            self.clauses.iter().position(|x| x.opening == Opening::Main)
                        {
                            let r = &self.clauses[main].range;
                            if let Some(m) = self
                                .args
                                .iter()
                                .copied()
                                .find(|&m| r.contains(&self.mentions[m].span.start))
                            {
                                return self.coordinated(m, r.end);
                            }
                        }
                    }
                    return Vec::new();
                }
            }
        }
    }

    /// The subject after a phrase that opens the sentence and ends with a comma
    /// after mentions `inside`: "Under a deal signed with X in June, [Y] pledged
    /// ...". Empty when no name follows the comma.
    pub(super) fn after_opening_phrase(&self, inside: &[usize]) -> Vec<usize> {
        let Some(&last) = inside.last() else {
            return Vec::new();
        };
        let from = self.mentions[last].span.end;
        let comma = (from..(from + 6).min(self.range.end)).find(|&j| self.norm(j) == ",");
        let Some(m) = comma.and_then(|c| self.arg_at(c + 1)) else {
            return Vec::new();
        };
        let list = self.coordinated(m, self.range.end);
        let after = list.last().map_or(0, |&x| self.mentions[x].span.end);
        // (The name must be the subject of a verb, not the next item of a list.)
        let verb = self
            .tok(after)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap);
        if verb {
            list
        } else {
            Vec::new()
        }
    }

    /// Whether mention `m` is the object of the verb that opens coordinate
    /// clause `c` ("and [met] X"): right after the verb or its article.
    fn object_of_coordinate(&self, c: usize, m: usize) -> bool {
        let cs = self.clauses[c].range.start;
        if self.clauses[c].opening != Opening::Coordinate {
            return false;
        }
        let verb = self
            .tok(cs)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap && !is(ARTICLES, &t.norm));
        let start = self.mentions[m].span.start;
        verb && (start == cs + 1 || start == cs + 2 && is(ARTICLES, self.norm(cs + 1)))
    }

    /// The subjects that the first mention `m` of a clause starting at token
    /// `cs` gives, before token `t`: the mention and those coordinated with it,
    /// the name a possessor owns, or the name in apposition to a title. `None`
    /// when `m` sits behind a preposition and names no subject.
    fn subject_at(&self, m: usize, cs: usize, t: usize) -> Option<Vec<usize>> {
        // "Chile's state copper giant Codelco and X signed ...": the
        // possessor only qualifies the name it owns.
        if let Some(x) = self.possessed_name(m, t) {
            return Some(self.coordinated(x, t));
        }
        // "Iran's Foreign Ministry spokesman, NAME, said": a body's name right
        // before a titled person only qualifies the title.
        let titled_next = self.arg_at(self.mentions[m].span.end).filter(|&a| {
            let am = &self.mentions[a];
            am.span.end <= t
                && am.form == MentionForm::Name
                && am.title.is_some()
                && self.actor(a).is_some_and(|x| self.actors[x].is_person())
                && self.actor(m).is_some_and(|x| !self.actors[x].is_person())
        });
        if let Some(a) = titled_next {
            return Some(self.coordinated(a, t));
        }
        // "China's envoy for Asian affairs, NAME, flew ...": a title with a
        // phrase after it is named by the apposition that follows.
        if self.mentions[m].form == MentionForm::Role || self.owner_of_title(m) {
            if let Some(a) = self
                .apposition_after(m, t)
                .filter(|&a| self.mentions[a].form == MentionForm::Name)
            {
                return Some(vec![a]);
            }
        }
        // A mention after a preposition is not a subject: "On Monday, a source
        // revealed to X that ...".
        let prev = self.mentions[m]
            .span
            .start
            .checked_sub(1)
            .map(|p| self.ctx.tokens[p].norm.as_str())
            .unwrap_or("");
        if !is(NON_SUBJECT_PREPOSITIONS, prev)
            || cs == self.mentions[m].span.start
            || self.sent_by(m)
        {
            return Some(self.coordinated(m, t));
        }
        // "The head of X's agency, NAME, warned ...": the name set off by
        // commas after the phrase is its subject.
        self.apposition_after(m, t).map(|a| vec![a])
    }

    /// The name a possessor owns across a few lowercase words, before token
    /// `t`: "Chile's state copper giant [Codelco]". `None` for anything else.
    fn possessed_name(&self, m: usize, t: usize) -> Option<usize> {
        let mm = &self.mentions[m];
        if !mm.possessive {
            return None;
        }
        let mut k = mm.span.end;
        if matches!(self.norm(k), "'s" | "'") {
            k += 1;
        }
        let start = k;
        while k < t && k < start + 4 {
            if let Some(x) = self.arg_at(k) {
                // (Only a descriptor noun before the name: "Iran's military
                // struck Israel" owns no Israel.)
                let named = self.mentions[x].form == MentionForm::Name
                    && self.ctx.lx.descriptors.contains_key(self.norm(k - 1));
                return (k > start && named && self.mentions[x].span.end <= t).then_some(x);
            }
            let tk = self.tok(k)?;
            if tk.kind != TokKind::Word || tk.cap {
                return None;
            }
            k += 1;
        }
        None
    }

    /// Whether mention `m` is a possessor before a lowercase title that runs to
    /// a comma: "Peru's new president, NAME," (the title is NAME's).
    fn owner_of_title(&self, m: usize) -> bool {
        let mm = &self.mentions[m];
        if !mm.possessive {
            return false;
        }
        let from = mm.span.end + 1;
        let comma = (from..from + 5).find(|&j| self.norm(j) == ",");
        comma.is_some_and(|c| {
            c > from
                && (from..c).all(|j| {
                    self.tok(j)
                        .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
                })
        })
    }

    /// The mention set off by commas after mention `m`, before token `t`, with
    /// nothing but `m`'s own phrase between: "the head of X's agency, [NAME],".
    fn apposition_after(&self, m: usize, t: usize) -> Option<usize> {
        let end = self.mentions[m].span.end;
        let comma = (end..t.min(end + 5)).find(|&j| self.ctx.tokens[j].is_punct(','))?;
        // ("In a statement aired by X's radio, its spokesman, NAME, said": the
        // possessive pronoun belongs to the title.)
        let a = self.arg_at(comma + 1).or_else(|| {
            is(THIRD_PERSON_POSSESSIVES, self.norm(comma + 1))
                .then(|| self.arg_at(comma + 2))
                .flatten()
        })?;
        let after = self.mentions[a].span.end;
        let closed = after < t && self.ctx.tokens[after].is_punct(',');
        // ("X's State Committee (GKNB), NAME,": an acronym in brackets may follow.)
        let plain = (end..comma).all(|j| {
            let tk = &self.ctx.tokens[j];
            tk.kind != TokKind::Punct || matches!(tk.norm.as_str(), "'s" | "(" | ")")
        });
        (closed && plain && self.mentions[a].form != MentionForm::Pronoun).then_some(a)
    }

    /// Object mentions after token `from` in the clause of `from - 1`.
    pub(super) fn objects(&self, from: usize, kind: RelationType, max_gap: usize) -> Vec<usize> {
        let ci = self.clause_of(from.saturating_sub(1));
        let limit = self.clauses[ci].range.end;
        // Prepositional phrases an object may sit behind, per relation type: "held talks
        // in Niamey on Saturday with X", "an attack on a depot in X", "support for X".
        let passes: &[&str] = match kind {
            RelationType::Meet | RelationType::Call | RelationType::Agree => MEETING_PREPOSITIONS,
            RelationType::Visit => VISIT_PREPOSITIONS,
            RelationType::Attack | RelationType::Claim => ATTACK_PREPOSITIONS,
            RelationType::Support => SUPPORT_PREPOSITIONS,
            // "a stern response to any provocation by X"
            RelationType::Threaten => THREAT_PREPOSITIONS,
            _ => &[],
        };
        let gap = match kind {
            RelationType::Meet | RelationType::Call => max_gap.max(7),
            _ => max_gap,
        };
        let mut j = from;
        // (Whether a group noun sent by the next name was just passed.)
        let mut sent_from = false;
        while j < limit && j < from + gap + 1 {
            if let Some(m) = self.arg_at(j) {
                let mm = &self.mentions[m];
                // "shelled a Chinese-backed gas terminal": the backer was not hit.
                if matches!(kind, RelationType::Attack | RelationType::Claim)
                    && self.hyphen_modifier(m)
                {
                    j = mm.span.end + 2;
                    continue;
                }
                if matches!(kind, RelationType::Attack | RelationType::Claim) {
                    if let Some(next) = self.owned_by_next(m) {
                        j = next;
                        continue;
                    }
                }
                // "he", "they" open a clause of their own ("to act on had he come").
                if mm.form == MentionForm::Pronoun && is(SUBJECT_PRONOUNS, self.norm(mm.span.start))
                {
                    return Vec::new();
                }
                let locative_ok = matches!(
                    kind,
                    RelationType::Visit | RelationType::Attack | RelationType::Claim
                );
                // ("lashed out at X": the preposition belongs to the trigger.)
                if mm.locative && !locative_ok && mm.span.start > from && !sent_from {
                    // "met in Beijing with X": the place is not the other side.
                    if matches!(
                        kind,
                        RelationType::Meet | RelationType::Call | RelationType::Agree
                    ) {
                        j = mm.span.end;
                        continue;
                    }
                    return Vec::new();
                }
                // "to the southwestern Chinese city of Kunming": the demonym
                // only qualifies the place named after "of".
                if mm.form == MentionForm::Demonym && kind == RelationType::Visit {
                    if let Some(x) = self.named_after_of(mm.span.end) {
                        return self.coordinated(x, limit);
                    }
                }
                // "urged Myanmar's army chief, General X, to ...": the owner only
                // qualifies the role the name is set off by.
                if let Some(list) = self.owned_role_apposed(m, limit) {
                    return list;
                }
                return self.coordinated(m, limit);
            }
            let t = &self.ctx.tokens[j];
            // ("said it "stands with" X": the quotation marks sit inside the phrase.)
            if t.kind == TokKind::Punct && !matches!(t.norm.as_str(), "'" | "-" | "\"" | "“" | "”")
            {
                // "condemned its neighbour, Somalia,": the name in apposition.
                if let Some(list) = self.apposed_names(from, j, limit) {
                    return list;
                }
                break;
            }
            // "welcomed the decision by X", "praised the efforts of X": praise or
            // criticism of a step is aimed at whoever took it.
            let step_taker = j > from
                && matches!(kind, RelationType::Support | RelationType::Condemn)
                && matches!(t.norm.as_str(), "by" | "of")
                && self.ctx.lx.cues.decision_noun.contains(self.norm(j - 1));
            if step_taker {
                j += 1;
                continue;
            }
            // "met a delegation from X", "to meet commanders of X": the group
            // sent stands for whoever sent it.
            let sent = j > from
                && matches!(t.norm.as_str(), "of" | "from")
                && matches!(kind, RelationType::Meet | RelationType::Call)
                && self.ctx.lx.cues.delegation.contains(self.norm(j - 1));
            if sent {
                sent_from = true;
                j += 1;
                continue;
            }
            // "the capital of Kurdistan" is not Kurdistan; "the city of Goma" is Goma.
            if t.norm == "of"
                && j > from
                && !self.ctx.lx.cues.of_transparent.contains(self.norm(j - 1))
            {
                break;
            }
            // "agreed to send troops to X" is no agreement with X, "signed an
            // agreement for Northern Ireland" none with Ireland.
            if j == from && kind == RelationType::Agree && matches!(t.norm.as_str(), "to" | "for") {
                break;
            }
            // "hosting talks on Ukraine": what the talks are about is no side of them.
            if j > from
                && matches!(
                    kind,
                    RelationType::Meet | RelationType::Call | RelationType::Agree
                )
                && is(TOPIC_PREPOSITIONS, &t.norm)
                && self
                    .tok(j - 1)
                    .is_some_and(|p| p.kind == TokKind::Word && !p.cap)
            {
                break;
            }
            // "defend its border against X" does not support X.
            if j > from && is(PREPOSITIONS, &t.norm) && !is(passes, &t.norm) && t.norm != "of" {
                break;
            }
            j += 1;
        }
        Vec::new()
    }

    /// The name set off by the comma at `comma` after a role phrase that
    /// starts at `from`: "its neighbour, Somalia, ...", "the former president,
    /// Jorge Ruiz". The phrase is lowercase words ending in a title or a
    /// relational noun (data/cues.tsv `apposition_head`), and the name closes
    /// the clause or is set off again ("..., Russia said" is a speaker).
    fn apposed_names(&self, from: usize, comma: usize, limit: usize) -> Option<Vec<usize>> {
        let lx = self.ctx.lx;
        if self.norm(comma) != "," || comma <= from {
            return None;
        }
        let lowercase = (from..comma).all(|k| {
            let t = &self.ctx.tokens[k];
            let quote = matches!(t.norm.as_str(), "\"" | "“" | "”");
            quote || t.kind == TokKind::Word && !t.cap && t.norm != "of"
        });
        let head = self.norm(comma - 1);
        if !lowercase || !(lx.titles.contains_key(head) || lx.cues.apposition_head.contains(head)) {
            return None;
        }
        let m = self.arg_at(comma + 1)?;
        if self.mentions[m].form == MentionForm::Pronoun {
            return None;
        }
        let list = self.coordinated(m, limit);
        let end = list.last().map_or(comma, |&l| self.mentions[l].span.end);
        let closes = match self.tok(end) {
            None => true,
            Some(t) if t.kind == TokKind::Punct => {
                t.norm != ","
                    || self
                        .tok(end + 1)
                        .is_none_or(|n| !lx.speech.contains(&n.norm))
            }
            Some(_) => false,
        };
        closes.then_some(list)
    }

    /// The name set off after the role that mention `m` owns: "Myanmar's
    /// junta chief, General X," gives X (see [`Self::apposed_names`]).
    fn owned_role_apposed(&self, m: usize, limit: usize) -> Option<Vec<usize>> {
        let end = self.mentions[m].span.end;
        if self.tok(end)?.kind != TokKind::Possessive {
            return None;
        }
        let comma = (end + 2..(end + 6).min(limit)).find(|&k| self.norm(k) == ",")?;
        self.apposed_names(end + 1, comma, limit)
    }

    /// The mention after a transparent noun and "of" just after token `from`,
    /// with only lowercase words before the noun ("[Chinese] border city of X").
    fn named_after_of(&self, from: usize) -> Option<usize> {
        let transparent = &self.ctx.lx.cues.of_transparent;
        for k in from..from + 3 {
            let tk = self.tok(k)?;
            if tk.kind != TokKind::Word || tk.cap {
                return None;
            }
            if transparent.contains(self.norm(k)) && self.norm(k + 1) == "of" {
                return self.arg_at(k + 2);
            }
        }
        None
    }

    /// Where the target of force really starts when mention `m` only qualifies
    /// what was hit: "the Beirut offices of X" (a place before a site that "of"
    /// gives an owner), "Hezbollah's al-Nour radio" (an owner before a name).
    fn owned_by_next(&self, m: usize) -> Option<usize> {
        let end = self.mentions[m].span.end;
        let next_arg = |k: usize| self.arg_at(k).map(|_| k);
        if self.tok(end)?.kind == TokKind::Possessive {
            return next_arg(end + 1);
        }
        let lower = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap)
        };
        let of = (end..end + 3)
            .take_while(|&k| lower(k))
            .find(|&k| self.norm(k) == "of")?;
        (of > end && self.ctx.lx.cues.of_transparent.contains(self.norm(of - 1))).then_some(of)
    }

    /// The argument after "by" following token `from` (passive agents).
    pub(super) fn by_agent(&self, from: usize) -> Vec<usize> {
        let mut j = from;
        while j < from + 5 && self.tok(j).is_some() {
            if self.norm(j) == "by" {
                if let Some(m) = (j + 1..j + 4).find_map(|k| self.arg_at(k)) {
                    let mut agents = self.coordinated(m, self.range.end);
                    self.more_by_agents(&mut agents);
                    return agents;
                }
                return Vec::new();
            }
            // "The attack on X was condemned by Y": Y is the agent of the verb,
            // not of the noun before it.
            if j > from && is(PASSIVE_AUXILIARIES, self.norm(j)) {
                break;
            }
            // ("was fined $1.1 million by X": a currency sign is no boundary.)
            if self.tok(j).is_some_and(|t| {
                t.kind == TokKind::Punct && !matches!(t.norm.as_str(), "$" | "€" | "£" | "¥" | "%")
            }) {
                break;
            }
            j += 1;
        }
        Vec::new()
    }

    /// A list of agents that goes on with "by" again: "by X and by Y", "by X,
    /// which ..., and by Y and Z". The agents after each further "by" join
    /// `agents`; an aside about the last one (a relative clause) is passed over.
    fn more_by_agents(&self, agents: &mut Vec<usize>) {
        let by_list = |j: usize| (j + 1..j + 4).find_map(|k| self.arg_at(k));
        loop {
            let Some(&last) = agents.last() else { return };
            let mut j = self.mentions[last].span.end;
            // Past a parenthesised acronym: "by the Gulf Cooperation Council (GCC)".
            if self.norm(j) == "(" {
                while j < self.range.end && self.norm(j) != ")" {
                    j += 1;
                }
                j += 1;
            }
            while j < self.range.end && matches!(self.norm(j), "," | "and") {
                j += 1;
            }
            let next = if self.norm(j) == "by" && j > self.mentions[last].span.end {
                by_list(j)
            } else {
                self.by_clause_after(j)
            };
            let Some(m) = next else { return };
            let more = self.coordinated(m, self.range.end);
            if more.iter().any(|x| agents.contains(x)) {
                return;
            }
            agents.extend(more);
        }
    }

    /// The first agent of a clause opening with "by" after the relative clauses
    /// that follow token `j`: "by X, which has mediated for years, and by Y".
    fn by_clause_after(&self, j: usize) -> Option<usize> {
        let ci = self.clause_of(j.min(self.range.end.saturating_sub(1)));
        let mut c = ci;
        while let Some(next) = self.clauses.get(c + 1) {
            let start = next.range.start;
            if self.norm(start) == "by" && start > 0 && self.norm(start - 1) == "and" {
                return (start + 1..start + 4).find_map(|k| self.arg_at(k));
            }
            if next.opening != Opening::Relative && !next.aside {
                return None;
            }
            c += 1;
        }
        None
    }

    /// The demonym or possessor modifying the noun phrase that ends just before
    /// `head` ("the Iranian missile attacks", "Russia's attack").
    pub(super) fn modifier_before(&self, head: usize) -> Option<usize> {
        // Walk back over the words of the noun phrase ("Iranian missile", "his third",
        // "Russia's latest"): only a mention inside it modifies the noun.
        let mut j = head;
        let stop = head.saturating_sub(5).max(self.range.start);
        while j > stop {
            j -= 1;
            if let Some(m) = self.args.iter().copied().find(|&m| {
                let mm = &self.mentions[m];
                (mm.span.end == j + 1
                    && !mm.locative
                    && matches!(
                        mm.form,
                        MentionForm::Demonym | MentionForm::Name | MentionForm::Metonym
                    ))
                    || (mm.possessive && mm.span.end + 1 == j + 1)
            }) {
                return Some(m);
            }
            // "his trip", "their attack": the possessive pronoun's antecedent.
            if let Some(m) = self.all.clone().find(|&m| {
                let mm = &self.mentions[m];
                mm.form == MentionForm::Pronoun
                    && mm.span.start == j
                    && mm.actor.is_some()
                    && is(THIRD_PERSON_POSSESSIVES, self.norm(j))
            }) {
                return Some(m);
            }
            let t = &self.ctx.tokens[j];
            if t.kind == TokKind::Punct && t.norm != "'s" {
                return None;
            }
            // Only modifiers inside the phrase: no verb, preposition or article before
            // the name is reached ("Petro's visit to Belém was his trip").
            if t.kind == TokKind::Word
                && (is(PREPOSITIONS, &t.norm)
                    || is(NOUN_PHRASE_BREAKERS, &t.norm)
                    || self.ctx.lx.speech_phrase_end.contains(&t.norm)
                    || !t.cap && t.norm.ends_with("ed"))
            {
                return None;
            }
        }
        None
    }

    /// A passive verb: an auxiliary before an -ed form ("was condemned"), or an -ed
    /// form with a "by" agent after it.
    pub(super) fn passive(&self, t: usize) -> bool {
        let v = self;
        let start = t.saturating_sub(3).max(v.range.start);
        // "denied the claims made by X" has an object before its "by": it is active.
        // ("rejected charges by X": the charges are its object.)
        let by_next = (t + 1..t + 5)
            .take_while(|&j| {
                !is(ARTICLES, v.norm(j))
                    && v.arg_at(j).is_none()
                    && !v.ctx.lx.cues.claim_noun.contains(v.norm(j))
            })
            .any(|j| v.norm(j) == "by");
        let w = &v.ctx.tokens[t].norm;
        let participle = w.ends_with("ed") || v.ctx.lx.cues.irregular_participle.contains(w);
        (start..t).any(|j| is(PASSIVE_AUXILIARIES, v.norm(j))) && participle
            || by_next && participle && !v.by_agent(t + 1).is_empty()
    }
}
