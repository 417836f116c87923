//! Events: relation triggers from data/triggers.tsv matched in each sentence, and
//! their two sides found by the trigger's frame inside its clause. Also the
//! affiliations stated by titles ("Iraqi Prime Minister X"), possessives ("Iran's
//! Revolutionary Guards") and appositions ("X, a State Department spokesman").

use super::actors::{DocActor, DocCtx};
use super::clauses::{self, Clause, Opening};
use super::mentions::{Mention, MentionForm};
use super::sentence::SentenceView;
use super::tokens::{TokKind, Token};
use crate::lexicon::{Frame, Step, Trigger};
use crate::model::{ActorKind, RelationType};
use std::ops::Range;

/// An event found in a document, before ids and evidence text are attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Relation type.
    pub kind: RelationType,
    /// CAMEO code.
    pub cameo: Option<String>,
    /// Acting actor (index into the document's actors).
    pub source: usize,
    /// Actor acted on.
    pub target: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Trigger tokens.
    pub trigger: Range<usize>,
    /// Rule or lexicon entry that fired.
    pub rule: String,
    /// Announced or expected, not (yet) happened.
    pub planned: bool,
}

const NEGATIONS: &[&str] = &["not", "never", "n't", "no", "neither", "nor", "without"];
const FUTURE: &[&str] = &[
    "will",
    "would",
    "shall",
    "expected",
    "plans",
    "planned",
    "planning",
    "plan",
    "scheduled",
    "due",
    "set",
    "intends",
    "hopes",
    "could",
    "may",
    "might",
];
const FUTURE_TIME: &[&str] = &["next", "upcoming", "later", "tomorrow", "soon"];
const BE_AUX: &[&str] = &[
    "was", "were", "been", "being", "is", "are", "be", "got", "get",
];
/// Prepositions that end the search for an object unless the relation type lets it
/// through (see `SentenceArgs::objects`).
const PREPOSITIONS: &[&str] = &[
    "against", "for", "over", "about", "into", "toward", "towards", "to", "with", "by", "from",
    "in", "on", "at", "near", "during", "after", "before", "behind", "outside", "inside", "around",
    "under", "between", "among", "across", "through", "via", "without", "despite",
];
const COORD: &[&str] = &[
    ",", "and", "or", "as", "well", "the", "his", "her", "its", "their", "both",
];

/// What the events of earlier sentences left for later ones.
struct DocState {
    /// Events so far.
    events: Vec<Event>,
    /// Every use of force so far, in reading order: (author, target), either unknown.
    attacks: Vec<(Option<usize>, Option<usize>)>,
    /// For each actor, its first mention (events point at mentions).
    first_mention: Vec<Option<usize>>,
    /// The sentence of the last use of force.
    last_attack_sentence: Option<usize>,
}

impl DocState {
    /// The author of the attack a later reference ("the attack", "the strike") means:
    /// the last use of force whose target is known. An attack with a known target and
    /// an unknown author ("protesters attacked the embassy") has no author to blame.
    fn last_attacker(&self) -> Option<usize> {
        let &(src, _) = self.attacks.iter().rev().find(|(_, t)| t.is_some())?;
        src.and_then(|a| self.mention_of(a))
    }

    /// The author of the last use of force, when it was reported in this sentence or
    /// the one before ("North Korea fired a missile, and Tokyo lodged a protest").
    fn recent_attacker(&self, sentence: usize) -> Option<usize> {
        let at = self.last_attack_sentence?;
        (at + 1 >= sentence).then(|| self.last_attacker()).flatten()
    }

    /// The target of the last use of force.
    fn last_attack_target(&self) -> Option<usize> {
        let t = self.attacks.iter().rev().find_map(|&(_, t)| t)?;
        self.mention_of(t)
    }

    /// The author of an earlier attack on the same target.
    fn author_of_attack_on(&self, target: usize) -> Option<usize> {
        let a = self
            .attacks
            .iter()
            .rev()
            .find_map(|&(s, t)| if t == Some(target) { s } else { None })?;
        self.mention_of(a)
    }

    fn mention_of(&self, actor: usize) -> Option<usize> {
        self.first_mention.get(actor).copied().flatten()
    }
}

/// One side-pair of an event, as mentions, with the note the rule adds to the
/// evidence and the relation type when a rule changes it (an attack that is only
/// vowed is a threat).
struct Arg {
    src: usize,
    tgt: usize,
    note: String,
    kind: Option<RelationType>,
}

/// One sentence as event extraction reads it: the shared [`SentenceView`]
/// (tokens, range, sentence index; its `tok` and `norm` are reached through
/// `Deref`) with the sentence's mentions, actors and clauses.
struct SentenceArgs<'a> {
    ctx: &'a DocCtx<'a>,
    mentions: &'a [Mention],
    actors: &'a [DocActor],
    /// Indices of eligible argument mentions in this sentence, in order.
    args: Vec<usize>,
    /// All the sentence's mentions (qualifiers and possessive pronouns included).
    all: Range<usize>,
    clauses: Vec<Clause>,
    /// The sentence's tokens.
    view: SentenceView<'a>,
}

impl<'a> std::ops::Deref for SentenceArgs<'a> {
    type Target = SentenceView<'a>;

    fn deref(&self) -> &SentenceView<'a> {
        &self.view
    }
}

impl SentenceArgs<'_> {
    fn clause_of(&self, i: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| c.range.contains(&i))
            .unwrap_or(0)
    }

    fn arg_at(&self, i: usize) -> Option<usize> {
        self.args
            .iter()
            .copied()
            .find(|&m| self.mentions[m].span.start == i)
    }

    fn actor(&self, m: usize) -> Option<usize> {
        self.mentions[m].actor
    }

    /// The actors a mention stands for: its group ("the two leaders") or its actor.
    fn actors_of(&self, m: usize) -> Vec<usize> {
        let mm = &self.mentions[m];
        if mm.group.is_empty() {
            mm.actor.into_iter().collect()
        } else {
            mm.group.clone()
        }
    }

    /// A list of coordinated argument mentions starting with mention `first`:
    /// "A, B and C", "A and the B".
    fn coordinated(&self, first: usize, limit: usize) -> Vec<usize> {
        let mut out = vec![first];
        // Items joined by a comma only count once "and"/"or" closes the list: "A, B
        // and C" is a list, "X in A, the agency's spokesman, B, said" is not.
        let mut confirmed = 1;
        let mut end = self.mentions[first].span.end;
        'outer: loop {
            let mut j = end;
            let mut saw_joiner = false;
            let mut saw_and = false;
            while j < limit && COORD.contains(&self.norm(j)) {
                saw_joiner |= matches!(self.norm(j), "," | "and" | "or");
                saw_and |= matches!(self.norm(j), "and" | "or");
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
            break;
        }
        out.truncate(confirmed);
        out
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
    fn main_subjects(&self, t: usize) -> Vec<usize> {
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

    /// The subject mentions of the clause containing token `t`.
    fn subjects(&self, t: usize) -> Vec<usize> {
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
                            && matches!(self.norm(clause.range.start), "the" | "a" | "an")
                        || !matches!(
                            self.norm(clause.range.start.saturating_sub(1)),
                            "who" | "which"
                        )
                });
            if let Some(m) = first {
                // A mention after a preposition is not a subject: "On Monday, a source
                // revealed to X that ...".
                let prev = self.mentions[m]
                    .span
                    .start
                    .checked_sub(1)
                    .map(|p| self.ctx.tokens[p].norm.as_str())
                    .unwrap_or("");
                if !matches!(
                    prev,
                    "to" | "with"
                        | "of"
                        | "for"
                        | "from"
                        | "about"
                        | "by"
                        | "near"
                        | "in"
                        | "at"
                        | "on"
                        | "against"
                ) || clause.range.start == self.mentions[m].span.start
                    || self.sent_by(m)
                {
                    return self.coordinated(m, t);
                }
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
                    let adjacent = m.is_some_and(|m| {
                        (self.mentions[m].span.end..before).all(|k| {
                            let t = &self.ctx.tokens[k];
                            t.is_punct(',')
                                || t.kind == TokKind::Word
                                    && !t.cap
                                    && !matches!(
                                        t.norm.as_str(),
                                        "of" | "in"
                                            | "on"
                                            | "at"
                                            | "to"
                                            | "for"
                                            | "with"
                                            | "by"
                                            | "from"
                                            | "and"
                                            | "or"
                                            | "the"
                                            | "a"
                                            | "an"
                                    )
                        }) && before - self.mentions[m].span.end <= 3
                    });
                    return if adjacent {
                        m.into_iter().collect()
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
                    let after_subordinate = clause.opening == Opening::Coordinate
                        && self.clauses[c - 1].opening == Opening::Subordinate;
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

    /// Object mentions after token `from` in the clause of `from - 1`.
    fn objects(&self, from: usize, kind: RelationType, max_gap: usize) -> Vec<usize> {
        let ci = self.clause_of(from.saturating_sub(1));
        let limit = self.clauses[ci].range.end;
        // Prepositional phrases an object may sit behind, per relation type: "held talks
        // in Niamey on Saturday with X", "an attack on a depot in X", "support for X".
        let passes: &[&str] = match kind {
            RelationType::Meet | RelationType::Call | RelationType::Agree => {
                &["with", "in", "on", "at", "during"]
            }
            RelationType::Visit => &["to", "in", "at"],
            RelationType::Attack | RelationType::Claim => &[
                "on", "against", "at", "in", "near", "into", "toward", "towards", "of", "outside",
                "inside", "around",
            ],
            RelationType::Support => &["for", "with", "to", "behind"],
            // "a stern response to any provocation by X"
            RelationType::Threaten => &["against", "on", "to", "with", "by"],
            _ => &[],
        };
        let gap = match kind {
            RelationType::Meet | RelationType::Call => max_gap.max(7),
            _ => max_gap,
        };
        let mut j = from;
        while j < limit && j < from + gap + 1 {
            if let Some(m) = self.arg_at(j) {
                let mm = &self.mentions[m];
                // "he", "they" open a clause of their own ("to act on had he come").
                if mm.form == MentionForm::Pronoun
                    && matches!(self.norm(mm.span.start), "he" | "she" | "they" | "we" | "i")
                {
                    return Vec::new();
                }
                let locative_ok = matches!(
                    kind,
                    RelationType::Visit | RelationType::Attack | RelationType::Claim
                );
                // ("lashed out at X": the preposition belongs to the trigger.)
                if mm.locative && !locative_ok && mm.span.start > from {
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
                return self.coordinated(m, limit);
            }
            let t = &self.ctx.tokens[j];
            if t.kind == TokKind::Punct && !matches!(t.norm.as_str(), "'" | "-") {
                break;
            }
            // "the capital of Kurdistan" is not Kurdistan; "the city of Goma" is Goma.
            if t.norm == "of"
                && j > from
                && !self.ctx.lx.cues.of_transparent.contains(self.norm(j - 1))
            {
                break;
            }
            // "agreed to send troops to X" is no agreement with X.
            if j == from && kind == RelationType::Agree && t.norm == "to" {
                break;
            }
            // "hosting talks on Ukraine": what the talks are about is no side of them.
            if j > from
                && matches!(
                    kind,
                    RelationType::Meet | RelationType::Call | RelationType::Agree
                )
                && matches!(t.norm.as_str(), "on" | "about" | "over" | "regarding")
                && self
                    .tok(j - 1)
                    .is_some_and(|p| p.kind == TokKind::Word && !p.cap)
            {
                break;
            }
            // "defend its border against X" does not support X.
            if j > from
                && PREPOSITIONS.contains(&t.norm.as_str())
                && !passes.contains(&t.norm.as_str())
                && t.norm != "of"
            {
                break;
            }
            j += 1;
        }
        Vec::new()
    }

    /// The argument after "by" following token `from` (passive agents).
    fn by_agent(&self, from: usize) -> Vec<usize> {
        let mut j = from;
        while j < from + 5 && self.tok(j).is_some() {
            if self.norm(j) == "by" {
                if let Some(m) = (j + 1..j + 4).find_map(|k| self.arg_at(k)) {
                    return self.coordinated(m, self.range.end);
                }
                return Vec::new();
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

    /// The demonym or possessor modifying the noun phrase that ends just before
    /// `head` ("the Iranian missile attacks", "Russia's attack").
    fn modifier_before(&self, head: usize) -> Option<usize> {
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
                    && matches!(self.norm(j), "his" | "her" | "its" | "their")
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
                && (PREPOSITIONS.contains(&t.norm.as_str())
                    || matches!(
                        t.norm.as_str(),
                        "that"
                            | "and"
                            | "or"
                            | "of"
                            | "since"
                            | "than"
                            | "the"
                            | "a"
                            | "an"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                            | "be"
                            | "been"
                            | "has"
                            | "have"
                            | "had"
                            | "will"
                            | "would"
                            | "said"
                            | "says"
                            | "which"
                            | "who"
                    )
                    || !t.cap && t.norm.ends_with("ed"))
            {
                return None;
            }
        }
        None
    }
}

/// A trigger found in a sentence: its tokens, its lexicon line, its object slot.
type Found<'a> = (Range<usize>, &'a Trigger, Option<Range<usize>>);

/// Where a trigger matched: its tokens, and the argument slot ("@") when the pattern
/// has one.
#[derive(Debug, Clone)]
struct Match {
    end: usize,
    slot: Option<Range<usize>>,
}

fn match_trigger(
    tokens: &[Token],
    i: usize,
    end: usize,
    trig: &Trigger,
    blocked: &dyn Fn(usize) -> bool,
    slot_end: &dyn Fn(usize) -> Option<usize>,
) -> Option<Match> {
    struct Env<'a> {
        tokens: &'a [Token],
        end: usize,
        blocked: &'a dyn Fn(usize) -> bool,
        slot_end: &'a dyn Fn(usize) -> Option<usize>,
    }
    fn go(env: &Env, j: usize, steps: &[Step], slot: Option<Range<usize>>) -> Option<Match> {
        let Some(step) = steps.first() else {
            return Some(Match { end: j, slot });
        };
        let tokens = env.tokens;
        let word_at = |forms: &[String]| {
            j < env.end && tokens[j].is_word() && forms.iter().any(|f| f == &tokens[j].norm)
        };
        match step {
            Step::Word(forms) => {
                if word_at(forms) {
                    go(env, j + 1, &steps[1..], slot)
                } else {
                    None
                }
            }
            Step::Optional(forms) => {
                if word_at(forms) {
                    Some(Match { end: j + 1, slot })
                } else {
                    Some(Match { end: j, slot })
                }
            }
            Step::Slot => {
                let e = (env.slot_end)(j)?;
                go(env, e, &steps[1..], Some(j..e))
            }
            Step::Gap => {
                // Up to three words; quote marks are skipped without counting
                // ('respond "with full force" to').
                let mut k = j;
                let mut words = 0;
                loop {
                    if let Some(m) = go(env, k, &steps[1..], slot.clone()) {
                        return Some(m);
                    }
                    if k >= env.end {
                        return None;
                    }
                    let t = &tokens[k];
                    if t.is_punct('"') {
                        k += 1;
                        continue;
                    }
                    if words == 3 || (env.blocked)(k) {
                        return None;
                    }
                    if t.kind == TokKind::Punct {
                        return None;
                    }
                    words += 1;
                    k += 1;
                }
            }
        }
    }
    let env = Env {
        tokens,
        end,
        blocked,
        slot_end,
    };
    go(&env, i, &trig.steps, None)
}

/// Finds the events of a document.
pub fn find(ctx: &DocCtx, mentions: &[Mention], actors: &[DocActor]) -> Vec<Event> {
    let lx = ctx.lx;
    let mut first_mention: Vec<Option<usize>> = vec![None; actors.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(a) = m.actor {
            if let Some(slot) = first_mention.get_mut(a) {
                slot.get_or_insert(i);
            }
        }
    }
    let mut state = DocState {
        events: Vec::new(),
        attacks: Vec::new(),
        first_mention,
        last_attack_sentence: None,
    };
    let in_mention = {
        let mut v = vec![false; ctx.tokens.len()];
        for m in mentions {
            if m.form == MentionForm::Name && m.actor.is_some() {
                for i in m.span.clone() {
                    if let Some(x) = v.get_mut(i) {
                        *x = true;
                    }
                }
            }
        }
        v
    };
    // Demonym mentions by their last token: "Israeli strikes" reads "strikes" as a noun.
    let mut mentions_at = vec![false; ctx.tokens.len()];
    for m in mentions {
        if m.form == MentionForm::Demonym && m.span.end > 0 {
            if let Some(x) = mentions_at.get_mut(m.span.end - 1) {
                *x = true;
            }
        }
    }
    // Mentions come in sentence order: each sentence's mentions are one range.
    let mut sentence_mentions: Vec<Range<usize>> = vec![0..0; ctx.sentences.len()];
    for (i, m) in mentions.iter().enumerate() {
        if let Some(r) = sentence_mentions.get_mut(m.sentence) {
            if r.start == r.end {
                *r = i..i + 1;
            } else {
                r.end = i + 1;
            }
        }
    }
    for s in ctx.sentences {
        let range = s.tokens.clone();
        let mrange = sentence_mentions[s.index].clone();
        let args: Vec<usize> = mrange
            .clone()
            .filter(|&m| {
                let mm = &mentions[m];
                !mm.absorbed
                    && mm.actor.is_some()
                    && !(mm.form == MentionForm::Pronoun
                        && matches!(
                            ctx.tokens[mm.span.start].norm.as_str(),
                            "his" | "her" | "its" | "their" | "my" | "our"
                        ))
            })
            .collect();
        // An argument slot: a mention, or a list of them ("Ethiopia and Somalia").
        let mention_end_at = |k: usize| {
            args.iter()
                .map(|&m| &mentions[m])
                .find(|m| m.span.start == k)
                .map(|m| m.span.end)
        };
        let slot_end = |k: usize| -> Option<usize> {
            let mut e = mention_end_at(k)?;
            loop {
                let mut j = e;
                while j < range.end && matches!(ctx.tokens[j].norm.as_str(), "," | "and" | "or") {
                    j += 1;
                }
                match mention_end_at(j) {
                    Some(x) if j > e => e = x,
                    _ => return Some(e),
                }
            }
        };
        // Triggers, left to right, longest first.
        let mut found: Vec<Found> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            if in_mention[i] {
                i += 1;
                continue;
            }
            let mut best: Option<(Match, &Trigger)> = None;
            if let Some(cands) = lx.trigger_index.get(&ctx.tokens[i].norm) {
                for &ti in cands {
                    let trig = &lx.triggers[ti];
                    if trig.modal && !modal_before(ctx.tokens, range.start, i) {
                        continue;
                    }
                    // ("a session hosted by X" starts with its noun.)
                    let verb_frame =
                        !matches!(trig.frame, Frame::Noun | Frame::Between | Frame::Fall)
                            && !trig.pattern.ends_with(" by");
                    if verb_frame && noun_context(ctx.tokens, &mentions_at, i) {
                        continue;
                    }
                    if let Some(m) = match_trigger(
                        ctx.tokens,
                        i,
                        range.end,
                        trig,
                        &|k| in_mention[k],
                        &slot_end,
                    ) {
                        let better = match &best {
                            None => true,
                            Some((bm, bt)) => {
                                m.end > bm.end
                                    || m.end == bm.end && prefer_noun(ctx.tokens, i, trig, bt)
                            }
                        };
                        if better {
                            best = Some((m, trig));
                        }
                    }
                }
            }
            match best {
                Some((m, trig)) => {
                    found.push((i..m.end, trig, m.slot));
                    i = m.end;
                }
                None => i += 1,
            }
        }
        if found.is_empty() && args.is_empty() {
            continue;
        }
        // (Event nouns are no verbs: "announced a partnership with X".)
        let is_trigger_start = |k: usize| {
            found
                .iter()
                .any(|(r, t, _)| r.start == k && !matches!(t.frame, Frame::Noun | Frame::Between))
        };
        let mention_start = |k: usize| args.iter().any(|&m| mentions[m].span.start == k);
        let is_verbish = |k: usize| {
            ctx.tokens.get(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && (is_trigger_start(k)
                        || lx.speech.contains(&t.norm)
                        || t.norm.ends_with("ed")
                        || matches!(
                            t.norm.as_str(),
                            "is" | "was" | "has" | "had" | "will" | "would" | "said" | "says"
                        ))
            })
        };
        let clauses = clauses::split(ctx.tokens, range.clone(), &mention_start, &is_verbish);
        if debugging() {
            for c in &clauses {
                eprintln!(
                    "s{} clause {:?}{}{}: {}",
                    s.index,
                    c.opening,
                    if c.adverbial { " adverbial" } else { "" },
                    if c.quoted { " quoted" } else { "" },
                    super::mentions::span_text(ctx.doc, ctx.tokens, c.range.clone())
                );
            }
            for (tr, trig, _) in &found {
                eprintln!(
                    "  trigger {:?} {} {:?}",
                    super::mentions::span_text(ctx.doc, ctx.tokens, tr.clone()),
                    trig.kind,
                    trig.frame
                );
            }
            for &m in &args {
                eprintln!(
                    "  arg {:?} -> {:?}",
                    mentions[m].text(ctx.doc, ctx.tokens),
                    mentions[m].actor.map(|a| &actors[a].name)
                );
            }
        }
        let view = SentenceArgs {
            ctx,
            mentions,
            actors,
            args,
            all: mrange.clone(),
            clauses,
            view: SentenceView {
                doc: ctx.doc,
                tokens: ctx.tokens,
                range: range.clone(),
                sentence: s.index,
                lx: ctx.lx,
            },
        };
        let events_before = state.events.len();
        for (tr, trig, slot) in &found {
            let trigger_text = tr.clone();
            if negated(&view, tr.start) {
                continue;
            }
            // "the junta that seized power", "struck a deal": no use of force.
            if trig.kind == RelationType::Attack
                && trig.frame == Frame::Svo
                && (tr.end..(tr.end + 3).min(range.end))
                    .take_while(|&k| !ctx.tokens[k].is_punct(','))
                    .any(|k| lx.cues.not_attacked.contains(&ctx.tokens[k].norm))
            {
                continue;
            }
            // "flew back to New Delhi", "returned home": going home is no visit.
            if trig.kind == RelationType::Visit
                && tr
                    .clone()
                    .any(|k| matches!(ctx.tokens[k].norm.as_str(), "back" | "home"))
            {
                continue;
            }
            // ("threatened to sue X", "plans to sue X": no lawsuit yet.)
            let planned = matches!(
                trig.kind,
                RelationType::Call
                    | RelationType::Meet
                    | RelationType::Visit
                    | RelationType::Agree
                    | RelationType::Attack
                    | RelationType::Accuse
            ) && (planned(&view, tr.start) || threatened(&view, tr.start));
            let pairs = arguments(&view, tr.clone(), trig, slot.clone(), &state);
            let mut first: Option<(usize, usize)> = None;
            let speaker = reported_speaker(&view, tr.start);
            for arg in pairs {
                // A group phrase ("the two leaders") stands for each of its actors.
                for a0 in view.actors_of(arg.src) {
                    for b in view.actors_of(arg.tgt) {
                        let mut a = a0;
                        // "Asif said Islamabad would respond": the official speaking
                        // for his country is the one who threatens, demands, condemns.
                        let mut note = arg.note.clone();
                        if let Some(p) = speaker {
                            if p != a && p != b && speaks_for(actors, p, a) {
                                note = format!(
                                    "{note} (said by {}, speaking for {})",
                                    actors[p].name, actors[a].name
                                );
                                a = p;
                            }
                        }
                        if a == b {
                            continue;
                        }
                        let kind = arg.kind.unwrap_or(trig.kind);
                        if kind == trig.kind && first.is_none() {
                            first = Some((a, b));
                        }
                        let cameo = if kind == trig.kind {
                            trig.cameo.clone()
                        } else {
                            default_cameo(kind).to_string()
                        };
                        state.events.push(Event {
                            kind,
                            cameo: Some(cameo),
                            source: a,
                            target: b,
                            sentence: s.index,
                            trigger: trigger_text.clone(),
                            rule: format!(
                                "{}:{} {} [{}]{}",
                                trig.source, trig.line, trig.kind, trig.pattern, note
                            ),
                            planned: planned && kind == trig.kind,
                        });
                    }
                }
            }
            // Every use of force is remembered, with or without a known author: a
            // later "condemned the attack" or "claimed responsibility" refers to it.
            if trig.kind == RelationType::Attack && !planned {
                let record = match first {
                    Some((a, b)) => Some((Some(a), Some(b))),
                    None => {
                        let gap = if trig.frame == Frame::Noun { 8 } else { 6 };
                        view.objects(tr.end, RelationType::Attack, gap)
                            .first()
                            .and_then(|&m| view.actor(m))
                            .map(|t| (None, Some(t)))
                    }
                };
                if let Some(r) = record {
                    state.attacks.push(r);
                    state.last_attack_sentence = Some(s.index);
                }
            }
        }
        // A demand with no addressee, made during a call or meeting, is addressed to
        // the other side: "In a call with X, Y urged a ceasefire".
        let here: Vec<Event> = state.events[events_before..].to_vec();
        // Likewise an offer of support: "X called Y to offer condolences".
        for (tr, trig, _) in &found {
            if !matches!(trig.kind, RelationType::Demand | RelationType::Support)
                || here.iter().any(|e| e.trigger == *tr)
                || negated(&view, tr.start)
            {
                continue;
            }
            let Some(src) = view.subjects(tr.start).first().and_then(|&m| view.actor(m)) else {
                continue;
            };
            // ("stand by and support Kurdistan": the support has its target already.)
            if here.iter().any(|e| e.kind == trig.kind && e.source == src) {
                continue;
            }
            if let Some(c) = here.iter().find(|e| {
                matches!(e.kind, RelationType::Call | RelationType::Meet)
                    && (e.source == src || e.target == src)
            }) {
                let other = if c.source == src { c.target } else { c.source };
                state.events.push(Event {
                    kind: trig.kind,
                    cameo: Some(trig.cameo.clone()),
                    source: src,
                    target: other,
                    sentence: s.index,
                    trigger: tr.clone(),
                    rule: format!(
                        "{}:{} {} addressed to the other side of the {}",
                        trig.source, trig.line, trig.kind, c.kind
                    ),
                    planned: false,
                });
            }
        }
        affiliations(&view, &mut state.events, s.index, mrange.clone());
    }
    state.events
}

/// The CAMEO code of a relation type produced by a rule rather than a trigger line.
fn default_cameo(kind: RelationType) -> &'static str {
    match kind {
        RelationType::Call => "041",
        RelationType::Meet => "040",
        RelationType::Visit => "042",
        RelationType::Condemn => "111",
        RelationType::Claim => "015",
        RelationType::Attack => "190",
        RelationType::Deny => "016",
        RelationType::Demand => "100",
        RelationType::Support => "051",
        RelationType::Accuse => "112",
        RelationType::Threaten => "130",
        RelationType::Agree => "030",
        RelationType::Affiliation => "",
    }
}

/// Words after which a trigger word is a noun ("the attack", "Iran's strikes").
const NOUN_CONTEXT: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "any",
    "every",
    "each",
    "no",
    "recent",
    "further",
    "new",
    "latest",
    "deadly",
    "air",
    "missile",
    "drone",
    "rocket",
    "first",
    "second",
    "last",
    "previous",
    "planned",
    "possible",
    "phone",
    "state",
    "official",
    "two-day",
    "three-day",
];

/// Whether the word at `i` reads as a noun from what precedes it.
fn noun_context(tokens: &[Token], demonym_end: &[bool], i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = &tokens[i - 1];
    p.kind == TokKind::Possessive || demonym_end[i - 1] || NOUN_CONTEXT.contains(&p.norm.as_str())
}

/// "strikes" after "the", a demonym or a possessive is a noun, else a verb.
fn prefer_noun(tokens: &[Token], i: usize, new: &Trigger, old: &Trigger) -> bool {
    let noun_context = i > 0 && {
        let p = &tokens[i - 1];
        p.kind == TokKind::Possessive
            || p.cap
            || matches!(
                p.norm.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "air"
                    | "missile"
                    | "drone"
                    | "deadly"
                    | "recent"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
            )
    };
    let new_noun = matches!(new.frame, Frame::Noun | Frame::Between);
    let old_noun = matches!(old.frame, Frame::Noun | Frame::Between);
    new_noun && !old_noun && noun_context || !new_noun && old_noun && !noun_context
}

fn negated(v: &SentenceArgs, t: usize) -> bool {
    let start = t.saturating_sub(3).max(v.range.start);
    for j in start..t {
        let n = v.norm(j);
        if NEGATIONS.contains(&n) || n.ends_with("n't") {
            return true;
        }
        if v.ctx.lx.cues.refusal_verb.contains(n) && j + 3 >= t {
            return true;
        }
    }
    // "Plans to tour X were dropped", "the visit was cancelled" ("tickets on
    // cancelled flights" undo nothing).
    let ci = v.clause_of(t);
    let end = v.clauses[ci].range.end.min(v.range.end);
    (t..end).any(|j| {
        v.ctx.lx.cues.cancel_verb.contains(v.norm(j))
            && (j.saturating_sub(3)..j).any(|k| k > t && BE_AUX.contains(&v.norm(k)))
    })
}

/// The person whose words a clause reports: "X said [Iran would respond]", "X warned
/// that [...]".
fn reported_speaker(v: &SentenceArgs, t: usize) -> Option<usize> {
    let ci = v.clause_of(t);
    let c = &v.clauses[ci];
    if c.opening != Opening::Complement || ci == 0 {
        return None;
    }
    let lx = v.ctx.lx;
    let before = c.range.start.saturating_sub(1);
    let said = (before.saturating_sub(2)..=before).any(|j| lx.speech.contains(v.norm(j)));
    if !said {
        return None;
    }
    let m = *v.main_subjects(t).first()?;
    let a = v.actor(m)?;
    v.actors[a].is_person().then_some(a)
}

/// Whether person `p` speaks for actor `a`: `a` is the person's country.
fn speaks_for(actors: &[DocActor], p: usize, a: usize) -> bool {
    actors[a].kind == Some(ActorKind::Country)
        && actors[p].country.is_some()
        && actors[p].country == actors[a].country
}

/// A modal a few words before the trigger, not across a comma: "would respond",
/// "will not hesitate to act", "is ready to strike".
fn modal_before(tokens: &[Token], sentence_start: usize, t: usize) -> bool {
    let mut j = t;
    while j > sentence_start && t - j < 7 {
        j -= 1;
        let tk = &tokens[j];
        if tk.is_punct(',') || tk.is_punct(';') || tk.is_punct('.') {
            return false;
        }
        let modal = matches!(
            tk.norm.as_str(),
            "will" | "would" | "shall" | "could" | "might" | "ready" | "prepared" | "'ll"
        ) || tk.norm == "may" && !tk.cap;
        if modal {
            return true;
        }
    }
    false
}

fn planned(v: &SentenceArgs, t: usize) -> bool {
    let start = t.saturating_sub(4).max(v.range.start);
    // ("in May" is a month, "may" a modal)
    if (start..t).any(|j| FUTURE.contains(&v.norm(j)) && !v.ctx.tokens[j].cap) {
        return true;
    }
    if (v.range.start..t).any(|j| matches!(v.norm(j), "plans" | "plan")) {
        return true;
    }
    let ci = v.clause_of(t);
    let end = v.clauses[ci].range.end.min(v.range.end);
    (t..end).any(|j| {
        FUTURE_TIME.contains(&v.norm(j))
            && matches!(v.norm(j + 1), "week" | "month" | "year" | "this" | "day")
    })
}

/// "threatened to sue", "vowed to strike": the act is only announced.
fn threatened(v: &SentenceArgs, t: usize) -> bool {
    t >= v.range.start + 2
        && v.norm(t - 1) == "to"
        && v.ctx.lx.cues.threat_verb.contains(v.norm(t - 2))
}

fn passive(v: &SentenceArgs, t: usize) -> bool {
    let start = t.saturating_sub(3).max(v.range.start);
    (start..t).any(|j| BE_AUX.contains(&v.norm(j))) && v.ctx.tokens[t].norm.ends_with("ed")
        || (t + 1..t + 5).any(|j| v.norm(j) == "by")
            && v.ctx.tokens[t].norm.ends_with("ed")
            && !v.by_agent(t + 1).is_empty()
}

fn cross(sources: &[usize], targets: &[usize], note: &str) -> Vec<Arg> {
    let mut out = Vec::new();
    for &s in sources {
        for &t in targets {
            out.push(Arg {
                src: s,
                tgt: t,
                note: note.to_string(),
                kind: None,
            });
        }
    }
    out
}

fn all_pairs(list: &[usize], note: &str) -> Vec<Arg> {
    let mut out = Vec::new();
    // One group phrase ("the two leaders met"): its members with each other, paired
    // when the mention is expanded.
    if let [one] = list {
        out.push(Arg {
            src: *one,
            tgt: *one,
            note: note.to_string(),
            kind: None,
        });
        return out;
    }
    for (i, &a) in list.iter().enumerate() {
        for &b in &list[i + 1..] {
            out.push(Arg {
                src: a,
                tgt: b,
                note: note.to_string(),
                kind: None,
            });
        }
    }
    out
}

fn with_kind(mut args: Vec<Arg>, kind: RelationType) -> Vec<Arg> {
    for a in &mut args {
        a.kind = Some(kind);
    }
    args
}

fn arguments(
    v: &SentenceArgs,
    tr: Range<usize>,
    trig: &Trigger,
    slot: Option<Range<usize>>,
    st: &DocState,
) -> Vec<Arg> {
    let kind = trig.kind;
    if let Some(slot) = slot {
        // The pattern names where the object is: "asked @ to".
        let objects: Vec<usize> = v
            .args
            .iter()
            .copied()
            .filter(|&m| slot.contains(&v.mentions[m].span.start))
            .collect();
        let subjects = v.subjects(tr.start);
        return cross(&subjects, &objects, " (slot)");
    }
    let agent_after = trig.pattern.ends_with(" by");
    match trig.frame {
        Frame::Svo | Frame::Sym | Frame::Claim | Frame::Deny | Frame::Condemn => {
            if agent_after {
                // "settled charges brought by X": the subject faces them; "after a
                // complaint filed by X" names nobody who does.
                if kind == RelationType::Accuse && !governed_by_verb(v, tr.start) {
                    return Vec::new();
                }
                // "a session hosted by X": X with the clause's subjects.
                let agents = v.objects(tr.end, kind, 3);
                let mut subjects = v.subjects(tr.start);
                if subjects.is_empty() {
                    // "X and Y signed ... after a session hosted by Z"
                    subjects = v.main_subjects(tr.start);
                }
                return cross(&agents, &subjects, " (agent after 'by')");
            }
            if passive(v, tr.start) {
                let agents = v.by_agent(tr.end);
                if !agents.is_empty() {
                    let mut patients = v.subjects(tr.start);
                    // "The Moscow trip was condemned by X": whoever made the trip.
                    let subject_ref = (trig.frame == Frame::Condemn)
                        .then(|| event_ref(v, st, v.clauses[v.clause_of(tr.start)].range.start))
                        .flatten();
                    if let Some((t, _)) = subject_ref {
                        patients = vec![t];
                    } else if trig.frame == Frame::Condemn
                        && (patients.is_empty()
                            || patients
                                .iter()
                                .all(|&m| v.mentions[m].form == MentionForm::Role))
                    {
                        // "The strike was condemned by X": the author of the strike.
                        patients = st.last_attacker().into_iter().collect();
                    }
                    return cross(&agents, &patients, " (passive)");
                }
            }
            let subjects = v.subjects(tr.start);
            let gap = if kind == RelationType::Attack { 6 } else { 4 };
            let objects = v.objects(tr.end, kind, gap);
            if kind == RelationType::Call && trig.pattern == "called" {
                // "called X 'delusional'", "called it a violation": a label, not a call.
                if let Some(&last) = objects.last() {
                    match label_after(v, v.mentions[last].span.end) {
                        Some(true) => {
                            let named: Vec<usize> = objects
                                .iter()
                                .copied()
                                .filter(|&m| v.mentions[m].form != MentionForm::Pronoun)
                                .collect();
                            return with_kind(
                                cross(&subjects, &named, " (called it names)"),
                                RelationType::Condemn,
                            );
                        }
                        Some(false) => return Vec::new(),
                        None => {}
                    }
                }
            }
            match trig.frame {
                Frame::Sym => {
                    if objects.is_empty() {
                        return all_pairs(&subjects, " (joint subjects)");
                    }
                    cross(&subjects, &objects, "")
                }
                Frame::Claim => {
                    // "claimed responsibility for a drone attack on X": X was attacked,
                    // by the claimant; with no target named, the last attack's target.
                    if let Some((_, targets)) = attack_phrase(v, tr.end) {
                        if !targets.is_empty() {
                            let mut out =
                                cross(&subjects, &targets, " (target of the attack claimed)");
                            out.extend(with_kind(
                                cross(&subjects, &targets, " (attack claimed by its author)"),
                                RelationType::Attack,
                            ));
                            return out;
                        }
                    }
                    if objects.is_empty() {
                        if let Some(t) = st.last_attack_target() {
                            return cross(&subjects, &[t], " (target of the last attack)");
                        }
                    }
                    cross(&subjects, &objects, "")
                }
                Frame::Deny => {
                    match claim_author(v, tr.end) {
                        Some(Some(c)) => {
                            return cross(&subjects, &[c], " (author of the claim denied)")
                        }
                        // "rejected the government's account": someone unnamed.
                        Some(None) => return Vec::new(),
                        None => {}
                    }
                    if let Some(c) = claimant(v, tr.clone()) {
                        return cross(&subjects, &[c], " (whose claim is denied)");
                    }
                    if objects.is_empty() {
                        if let Some((t, note)) = event_ref(v, st, tr.end) {
                            return cross(&subjects, &[t], &note);
                        }
                    }
                    let src_actor = subjects.first().and_then(|&m| v.actor(m));
                    if let Some(t) = last_accuser(v, st, src_actor) {
                        return cross(&subjects, &[t], " (last accuser)");
                    }
                    Vec::new()
                }
                Frame::Condemn => {
                    // "criticized the Philippines for provocations": the actor named
                    // first is the target, not the author of the acts.
                    let attack = attack_phrase(v, tr.end).filter(|&(head, _)| {
                        !objects.first().is_some_and(|&o| {
                            v.mentions[o].span.end <= head && v.modifier_before(head + 1) != Some(o)
                        })
                    });
                    if let Some((head, _)) = attack {
                        if let Some(a) = attack_author(v, tr.end, head) {
                            return cross(&subjects, &[a], " (author of the attack)");
                        }
                        if let Some(a) = st.last_attacker() {
                            return cross(&subjects, &[a], " (author of the last attack)");
                        }
                        return Vec::new();
                    }
                    // "summoned China's ambassador": a protest aimed at China.
                    if v.ctx.lx.cues.summon_verb.contains(v.norm(tr.start)) {
                        return cross(&subjects, &envoy_countries(v, tr.end), " (envoy summoned)");
                    }
                    if objects.is_empty() {
                        if let Some((t, note)) = event_ref(v, st, tr.end) {
                            return cross(&subjects, &[t], &note);
                        }
                        // "North Korea fired a missile, and Tokyo lodged a protest": a
                        // protest with nothing named is aimed at the last attacker.
                        if no_object_follows(v, tr.end) {
                            if let Some(a) = st.recent_attacker(v.sentence) {
                                return cross(&subjects, &[a], " (author of the last attack)");
                            }
                        }
                    }
                    cross(&subjects, &objects, "")
                }
                _ => cross(&subjects, &objects, ""),
            }
        }
        Frame::Noun => {
            let gap = if kind == RelationType::Attack { 8 } else { 3 };
            let targets = v.objects(tr.end, kind, gap);
            if targets.is_empty() {
                return Vec::new();
            }
            let modifier = v.modifier_before(tr.start);
            let by = v.by_agent(tr.end);
            if let Some(m) = modifier {
                // "Kamikawa expressed Tokyo's support for Seoul": the minister speaks
                // for the country that modifies the noun.
                let speaker = v.subjects(tr.start).into_iter().find(|&s| {
                    v.actor(s)
                        .zip(v.actor(m))
                        .is_some_and(|(p, c)| v.actors[p].is_person() && speaks_for(v.actors, p, c))
                });
                if let Some(p) = speaker {
                    return cross(&[p], &targets, " (event noun, said for its modifier)");
                }
                return cross(&[m], &targets, " (event noun, its modifier)");
            }
            if !by.is_empty() {
                return cross(&by, &targets, " (event noun, 'by' agent)");
            }
            match kind {
                RelationType::Attack => {
                    // The subject authors the attack only through a verb that says so:
                    // "launched an attack on X"; "vowed an offensive on X" is a threat;
                    // "briefed him on the attack on X" says nothing of its author.
                    match governing_verb(v, tr.start) {
                        Some(Governor::Performer) => {
                            cross(&v.subjects(tr.start), &targets, " (event noun, performed)")
                        }
                        Some(Governor::Threat) => with_kind(
                            cross(&v.subjects(tr.start), &targets, " (attack vowed: a threat)"),
                            RelationType::Threaten,
                        ),
                        None => {
                            let t = targets.first().and_then(|&m| v.actor(m));
                            match t.and_then(|t| st.author_of_attack_on(t)) {
                                Some(a) => {
                                    cross(&[a], &targets, " (author of the earlier attack on it)")
                                }
                                None => Vec::new(),
                            }
                        }
                    }
                }
                _ => cross(&v.subjects(tr.start), &targets, " (event noun)"),
            }
        }
        Frame::Between => {
            let list = v.objects(tr.end, kind, 2);
            all_pairs(&list, " (between)")
        }
        Frame::Fall => {
            // "the fall of X to Y" / "X fell to Y"
            let (victims, agents) = if trig.pattern.starts_with("fall") {
                let victims = v.objects(tr.end, RelationType::Attack, 6);
                let after = victims
                    .last()
                    .map(|&m| v.mentions[m].span.end)
                    .unwrap_or(tr.end);
                let agents = if v.norm(after) == "to" {
                    v.objects(after + 1, RelationType::Attack, 2)
                } else {
                    Vec::new()
                };
                (victims, agents)
            } else {
                (
                    v.subjects(tr.start),
                    v.objects(tr.end, RelationType::Attack, 2),
                )
            };
            cross(&agents, &victims, " (fall to)")
        }
    }
}

/// Whether a label follows an object at `k` ("called X 'reckless'", "called it a
/// provocation", "called Hamas's proposal delusional"): `Some(true)` when the label
/// condemns, `Some(false)` for another label, `None` when nothing is said of it.
fn label_after(v: &SentenceArgs, k: usize) -> Option<bool> {
    let mut j = k;
    // Past the rest of the object's noun phrase: "Hamas's latest proposal".
    if v.tok(j).is_some_and(|t| t.kind == TokKind::Possessive) {
        j += 1;
        while v.tok(j).is_some_and(|t| t.kind == TokKind::Word && !t.cap) && j < k + 4 {
            if v.norm(j).ends_with("ed") {
                break;
            }
            j += 1;
        }
    }
    let t = v.tok(j)?;
    let label = t.is_punct('"')
        || matches!(t.norm.as_str(), "a" | "an" | "the" | "as")
        || v.ctx.lx.cues.negative_word.contains(&t.norm);
    if !label {
        return None;
    }
    let end = (j + 8).min(v.range.end);
    Some((j..end).any(|x| v.ctx.lx.cues.negative_word.contains(v.norm(x))))
}

/// What the verb governing an event noun says about its subject.
enum Governor {
    /// "launched", "carried out": the subject is the author.
    Performer,
    /// "vowed", "threatened": the event is a threat.
    Threat,
}

/// The verb a few words before an event noun in the same clause: "launched [a
/// drone] attack", "vowed to press ahead with an offensive".
fn governing_verb(v: &SentenceArgs, noun: usize) -> Option<Governor> {
    let ci = v.clause_of(noun);
    let start = v.clauses[ci].range.start.max(noun.saturating_sub(7));
    let cues = &v.ctx.lx.cues;
    let mut j = noun;
    while j > start {
        j -= 1;
        let t = &v.ctx.tokens[j];
        if t.kind == TokKind::Punct {
            return None;
        }
        if cues.threat_verb.contains(&t.norm) {
            return Some(Governor::Threat);
        }
        if cues.performer.contains(&t.norm) {
            return Some(Governor::Performer);
        }
    }
    None
}

fn last_accuser(v: &SentenceArgs, st: &DocState, denier: Option<usize>) -> Option<usize> {
    let events = &st.events;
    let e = events
        .iter()
        .rev()
        .find(|e| {
            matches!(e.kind, RelationType::Accuse | RelationType::Condemn)
                && Some(e.target) == denier
        })
        .or_else(|| {
            events.iter().rev().find(|e| {
                matches!(e.kind, RelationType::Accuse | RelationType::Claim)
                    && Some(e.source) != denier
            })
        })?;
    let _ = v;
    st.mention_of(e.source)
}

/// "rejected Zelensky's accusation": the possessor of a claim noun in the sentence.
fn claimant(v: &SentenceArgs, tr: Range<usize>) -> Option<usize> {
    v.args.iter().copied().find(|&m| {
        let mm = &v.mentions[m];
        mm.possessive
            && (mm.span.end + 1..mm.span.end + 4)
                .any(|j| v.ctx.lx.cues.claim_noun.contains(v.norm(j)))
            && mm.span.start != tr.start
    })
}

/// The author of a claim named right after a denial: "dismissed a United Nations
/// report", "denied Israeli claims", "rejected the agency's claims", "rejected
/// allegations by X". `Some(None)` when the claim has an author the text does not
/// name ("the government's account").
fn claim_author(v: &SentenceArgs, from: usize) -> Option<Option<usize>> {
    let ci = v.clause_of(from.saturating_sub(1));
    let end = v.clauses[ci].range.end.min(from + 6);
    let noun = (from..end)
        .take_while(|&j| {
            v.tok(j)
                .is_some_and(|t| t.kind != TokKind::Punct || t.norm == "'s")
        })
        .find(|&j| v.ctx.lx.cues.claim_noun.contains(v.norm(j)))?;
    if let Some(m) = v
        .modifier_before(noun)
        .filter(|&m| v.mentions[m].span.start >= from)
    {
        return Some(Some(m));
    }
    if matches!(v.norm(noun + 1), "by" | "from") {
        return (noun + 2..noun + 5).find_map(|k| v.arg_at(k)).map(Some);
    }
    let owned = (from..noun).any(|k| v.tok(k).is_some_and(|t| t.kind == TokKind::Possessive));
    owned.then_some(None)
}

/// Whether a verb governs the noun phrase ending before `t` ("settle charges",
/// "faces a lawsuit") rather than a preposition ("after a complaint").
fn governed_by_verb(v: &SentenceArgs, t: usize) -> bool {
    let is_prep = |tk: &Token| PREPOSITIONS.contains(&tk.norm.as_str()) || tk.norm == "of";
    let plain = |j: usize| {
        let tk = &v.ctx.tokens[j];
        tk.kind == TokKind::Word && !tk.cap && !is_prep(tk)
    };
    // Back over the noun phrase to its determiner, if any: "a [climate] case".
    let mut j = t;
    while j > v.range.start && t - j < 4 {
        let tk = &v.ctx.tokens[j - 1];
        if matches!(
            tk.norm.as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        ) {
            return j - 1 > v.range.start && plain(j - 2);
        }
        if !plain(j - 1) {
            // No determiner: "to settle charges brought by X" (a word was walked
            // over, the verb), not "after complaints filed by X".
            return j < t;
        }
        j -= 1;
    }
    t > v.range.start && plain(t - 1)
}

/// "slammed the trip", "rejected the ruling", "praised the deal": a noun that
/// refers back to an earlier event; the target is whoever did it (the source of
/// the last event of that type).
fn event_ref(v: &SentenceArgs, st: &DocState, from: usize) -> Option<(usize, String)> {
    let refs = &v.ctx.lx.cues.event_ref;
    let mut j = from;
    while j < from + 4 {
        let t = v.tok(j)?;
        // Past determiners and modifiers, names included ("the Moscow trip").
        if t.kind == TokKind::Possessive || t.kind == TokKind::Word && t.cap {
            j += 1;
            continue;
        }
        if t.kind != TokKind::Word {
            return None;
        }
        if let Some(&kind) = refs.get(&t.norm) {
            // (A plain modifier, not the noun: "the trip's organizers".)
            if v.tok(j + 1).is_some_and(|n| n.kind == TokKind::Possessive) {
                return None;
            }
            // ("X received Y in Beijing": Y made the trip.)
            let e = st.events.iter().rev().find(|e| {
                e.kind == kind
                    || kind == RelationType::Visit
                        && e.kind == RelationType::Meet
                        && e.cameo.as_deref() == Some("043")
            })?;
            let maker = if e.kind == kind { e.source } else { e.target };
            let m = st.mention_of(maker)?;
            return Some((m, format!(" (who made the {} referred to)", t.norm)));
        }
        if PREPOSITIONS.contains(&t.norm.as_str()) || matches!(t.norm.as_str(), "of" | "that") {
            return None;
        }
        j += 1;
    }
    None
}

/// The countries of the envoys named right after `from` ("summoned the Russian
/// ambassador", "summoned Chinese Ambassador Huang Xilian"): the qualifier of an
/// envoy title.
fn envoy_countries(v: &SentenceArgs, from: usize) -> Vec<usize> {
    let envoy = &v.ctx.lx.cues.envoy_title;
    v.all
        .clone()
        .filter(|&m| {
            let mm = &v.mentions[m];
            mm.span.start >= from
                && mm.span.start <= from + 2
                && mm.title.as_ref().is_some_and(|(t, _)| {
                    crate::text::fold(t).split(' ').any(|w| envoy.contains(w))
                })
        })
        .filter_map(|m| v.mentions[m].qualifier)
        .filter(|&q| v.mentions[q].actor.is_some())
        .take(1)
        .collect()
}

/// Nothing is named after the trigger: the clause ends, or only a time or place
/// phrase follows ("lodged a protest on Monday").
fn no_object_follows(v: &SentenceArgs, from: usize) -> bool {
    match v.tok(from) {
        None => true,
        Some(t) => {
            t.kind == TokKind::Punct
                || PREPOSITIONS.contains(&t.norm.as_str()) && t.norm != "with"
                || matches!(t.norm.as_str(), "later" | "earlier" | "yesterday" | "today")
        }
    }
}

/// An attack noun a few words after `from` ("for a drone attack on X", "the strike")
/// and the actors or places it names as attacked.
fn attack_phrase(v: &SentenceArgs, from: usize) -> Option<(usize, Vec<usize>)> {
    let ci = v.clause_of(from.saturating_sub(1));
    let end = v.clauses[ci].range.end.min(from + 5);
    let head = (from..end).find(|&j| v.ctx.lx.cues.attack_noun.contains(v.norm(j)))?;
    let mut j = head + 1;
    while v.ctx.lx.cues.attack_noun.contains(v.norm(j)) {
        j += 1;
    }
    let targets = if matches!(
        v.norm(j),
        "on" | "against" | "in" | "near" | "at" | "into" | "targeting"
    ) {
        v.objects(j + 1, RelationType::Attack, 8)
    } else {
        Vec::new()
    };
    Some((j - 1, targets))
}

/// The actor behind an attack noun: "the Iranian missile attacks", "Russia's attack",
/// "the attack by X".
fn attack_author(v: &SentenceArgs, from: usize, head: usize) -> Option<usize> {
    if let Some(m) = v
        .modifier_before(head + 1)
        .filter(|&m| v.mentions[m].span.start >= from)
    {
        return Some(m);
    }
    let j = head + 1;
    if matches!(v.norm(j), "by" | "of" | "from") {
        return (j + 1..j + 4).find_map(|k| v.arg_at(k));
    }
    None
}

/// Affiliations stated in the sentence: titles with a qualifier ("Iraqi Prime
/// Minister X"), possessives ("Iran's Revolutionary Guards"), appositions ("X, a White
/// House spokesman", "X, the head of Y", "Chile's regulator, the CMF"), and relatives
/// ("X, who chairs Y", "Y, founded by X", "a Hamas delegation led by X").
fn affiliations(v: &SentenceArgs, events: &mut Vec<Event>, sentence: usize, mr: Range<usize>) {
    let ms = v.mentions;
    let lx = v.ctx.lx;
    let kind_of = |a: usize| v.actors[a].kind;
    let mut push = |src: usize, tgt: usize, at: Range<usize>, rule: &str| {
        // A place has no affiliation ("Russia's Bryansk region" is in Russia, which the
        // actor's country says); an affiliation to a person is a relation of its own.
        if src != tgt
            && !matches!(
                kind_of(src),
                Some(ActorKind::Place) | Some(ActorKind::Country)
            )
            && kind_of(tgt) != Some(ActorKind::Person)
        {
            events.push(Event {
                kind: RelationType::Affiliation,
                cameo: None,
                source: src,
                target: tgt,
                sentence,
                trigger: at,
                rule: rule.to_string(),
                planned: false,
            });
        }
    };
    for m in mr.clone() {
        let mm = &ms[m];
        let (Some(a), Some(q)) = (mm.actor, mm.qualifier) else {
            continue;
        };
        let Some(qa) = ms[q].actor else { continue };
        let rule = if mm.title.is_some() {
            "affiliation: title with qualifier"
        } else {
            "affiliation: possessive or demonym qualifier"
        };
        push(a, qa, mm.span.clone(), rule);
    }
    let tok = |i: usize| v.tok(i);
    let is_punct = |i: usize, c: char| tok(i).is_some_and(|t| t.is_punct(c));
    // The mention (of any kind, qualifiers included) that starts at token `i`,
    // skipping a leading "the".
    // skipping a leading "the"; the whole phrase rather than its qualifier ("India's
    // Ministry of External Affairs", not "India").
    let mention_at = |i: usize| -> Option<usize> {
        mr.clone()
            .filter(|&x| {
                let s = ms[x].span.start;
                (s == i || s == i + 1 && v.norm(i) == "the") && ms[x].actor.is_some()
            })
            .max_by_key(|&x| (!ms[x].absorbed, ms[x].span.len()))
    };
    for m in mr.clone() {
        let mm = &ms[m];
        let Some(a) = mm.actor else { continue };
        if mm.absorbed
            || !matches!(mm.form, MentionForm::Name | MentionForm::Role)
            || matches!(
                kind_of(a),
                Some(ActorKind::Country) | Some(ActorKind::Place)
            )
        {
            continue;
        }
        if mm.form == MentionForm::Role && ms[m].title.is_none() {
            continue;
        }
        let after = mm.span.end + usize::from(mm.acronym.is_some()) * 3;
        // "X, who chairs the Caribbean Community": a relative stating a role.
        if is_punct(after, ',') && matches!(v.norm(after + 1), "who" | "which") {
            let verb = after + 2;
            let heads = matches!(
                v.norm(verb),
                "chairs"
                    | "chaired"
                    | "heads"
                    | "headed"
                    | "leads"
                    | "led"
                    | "runs"
                    | "ran"
                    | "directs"
                    | "founded"
                    | "commands"
                    | "commanded"
            );
            if heads {
                if let Some(t) = mention_at(verb + 1).and_then(|x| ms[x].actor) {
                    push(a, t, mm.span.start..verb + 2, "affiliation: 'who heads X'");
                }
            }
            continue;
        }
        // The apposition: from the comma to the next comma or the end of the sentence.
        if !is_punct(after, ',') {
            continue;
        }
        let mut j = after + 1;
        while matches!(
            v.norm(j),
            "a" | "an"
                | "the"
                | "its"
                | "his"
                | "her"
                | "their"
                | "current"
                | "former"
                | "then"
                | "acting"
                | "interim"
                | "now"
        ) {
            j += 1;
        }
        let close = (j..v.range.end)
            .find(|&x| is_punct(x, ',') || is_punct(x, '.') || is_punct(x, ';'))
            .unwrap_or(v.range.end);
        if close <= j || is_punct(j, '"') {
            continue;
        }
        // An apposition is a noun phrase: no verb in it ("X, has refused", "Florida,
        // where he was received"), no other named person ("A, B chief C and D").
        let verb_in = (j..close).any(|k| {
            tok(k).is_some_and(|t| {
                t.kind == TokKind::Word
                    && !t.cap
                    && (t.norm.ends_with("ed") && t.norm != "based"
                        || lx.speech.contains(&t.norm)
                        || matches!(
                            t.norm.as_str(),
                            "has"
                                | "have"
                                | "had"
                                | "is"
                                | "was"
                                | "are"
                                | "were"
                                | "will"
                                | "would"
                                | "where"
                                | "when"
                                | "who"
                                | "which"
                                | "that"
                        ))
            })
        });
        let person_in = mr.clone().any(|x| {
            ms[x].span.start >= j
                && ms[x].span.start < close
                && !ms[x].absorbed
                && ms[x].form == MentionForm::Name
                && ms[x]
                    .actor
                    .is_some_and(|xa| kind_of(xa) == Some(ActorKind::Person))
        });
        if verb_in || person_in {
            continue;
        }
        // "X, the Singapore-based trader" says where X is based, not whom X serves.
        let Some((ts, te)) = title_in(v, j..close) else {
            // An organization described by a country's noun phrase: "Vingroup,
            // Vietnam's largest private conglomerate".
            if kind_of(a) == Some(ActorKind::Organization) {
                if let Some(q) = mention_at(j).filter(|&q| {
                    ms[q].possessive
                        && v.norm(close - 1).len() > 2
                        && (lx.descriptors.contains_key(v.norm(close - 1))
                            || lx.heads.contains_key(v.norm(close - 1)))
                }) {
                    if let Some(qa) = ms[q].actor {
                        if kind_of(qa) == Some(ActorKind::Country) {
                            push(
                                a,
                                qa,
                                mm.span.start..close,
                                "affiliation: apposition 'Y's company'",
                            );
                        }
                    }
                }
            }
            continue;
        };
        // Whom the title serves: a qualifier right before it ("an IAEA spokesperson",
        // "the Houthis' military spokesman", "the U.S. special envoy"), else the name
        // after "of"/"for"/"at" ("the head of X", "a spokesperson for X").
        let before = mr
            .clone()
            .rev()
            .filter(|&x| {
                let s = &ms[x].span;
                s.start >= j && s.end <= ts && ms[x].actor.is_some()
            })
            .find(|&x| {
                let end = ms[x].span.end + usize::from(ms[x].possessive);
                (end..ts).all(|k| tok(k).is_some_and(|t| t.kind == TokKind::Word && !t.cap))
            });
        let target = before.or_else(|| {
            let k = te;
            let envoy = lx.cues.envoy_title.contains(v.norm(te - 1));
            if matches!(v.norm(k), "of" | "at") || v.norm(k) == "for" && !envoy {
                mention_at(k + 1)
            } else {
                None
            }
        });
        if let Some(t) = target.and_then(|x| ms[x].actor) {
            push(
                a,
                t,
                mm.span.start..close,
                "affiliation: apposition with a title",
            );
        }
    }
    // "Y, founded by X", "a Hamas delegation led by X": X belongs to Y.
    for i in v.range.clone() {
        let by = v.norm(i + 1) == "by"
            && matches!(
                v.norm(i),
                "founded" | "led" | "headed" | "chaired" | "run" | "commanded" | "directed"
            );
        if !by {
            continue;
        }
        let Some(x) = mention_at(i + 2)
            .or_else(|| mention_at(i + 3))
            .and_then(|x| ms[x].actor)
        else {
            continue;
        };
        if kind_of(x) != Some(ActorKind::Person) {
            continue;
        }
        let owner = mr
            .clone()
            .rev()
            .filter(|&y| ms[y].span.end <= i && ms[y].span.end + 4 >= i)
            .find_map(|y| {
                ms[y]
                    .actor
                    .filter(|&ya| kind_of(ya) == Some(ActorKind::Organization))
            });
        if let Some(o) = owner {
            push(x, o, i..i + 2, "affiliation: 'led by X'");
        }
    }
    // "X led the Venezuelan delegation": X belongs to the delegation's sender.
    for i in v.range.clone() {
        if !matches!(v.norm(i), "led" | "leads" | "headed" | "heads") {
            continue;
        }
        let Some(q) = mention_at(i + 1) else { continue };
        let d = ms[q].span.end + usize::from(ms[q].possessive);
        if !lx.cues.delegation.contains(v.norm(d)) {
            continue;
        }
        let subj = v.subjects(i).first().and_then(|&s| v.actor(s));
        if let (Some(s), Some(qa)) = (subj, ms[q].actor) {
            if kind_of(s) == Some(ActorKind::Person) {
                push(s, qa, i..d + 1, "affiliation: 'led the X delegation'");
            }
        }
    }
    // "Chile's market regulator, the Comisión para el Mercado Financiero": a country's
    // institution named in apposition after its description.
    for m in mr.clone() {
        let mm = &ms[m];
        let Some(a) = mm.actor else { continue };
        if mm.absorbed || kind_of(a) != Some(ActorKind::Organization) || mm.qualifier.is_some() {
            continue;
        }
        let start = mm.span.start;
        if start < 3 || !is_punct(start - 1, ',') {
            continue;
        }
        let noun = start - 2;
        let described =
            lx.descriptors.contains_key(v.norm(noun)) || lx.heads.contains_key(v.norm(noun));
        if !described {
            continue;
        }
        let mut k = noun;
        while k > v.range.start
            && tok(k - 1).is_some_and(|t| t.kind == TokKind::Word && !t.cap)
            && noun - k < 4
        {
            k -= 1;
        }
        let q = mr.clone().find(|&x| {
            let e = ms[x].span.end + usize::from(ms[x].possessive);
            e == k && (ms[x].possessive || ms[x].form == MentionForm::Demonym)
        });
        if let Some(qa) = q.and_then(|x| ms[x].actor) {
            if kind_of(qa) == Some(ActorKind::Country) {
                push(
                    a,
                    qa,
                    k..mm.span.end,
                    "affiliation: described as a country's institution",
                );
            }
        }
    }
}

/// Whether NEWSGRAPH_DEBUG is set (read once: looking it up for every sentence
/// took the environment lock each time).
fn debugging() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("NEWSGRAPH_DEBUG").is_some())
}

/// The longest title (data/titles.tsv) inside a token range: (start, end).
fn title_in(v: &SentenceArgs, r: Range<usize>) -> Option<(usize, usize)> {
    let lx = v.ctx.lx;
    let mut best: Option<(usize, usize)> = None;
    for i in r.clone() {
        if !v.tok(i).is_some_and(|t| t.is_word()) || !lx.title_may_extend(v.norm(i)) {
            continue;
        }
        let mut key = String::new();
        for n in 1..=lx.title_max_words {
            let j = i + n - 1;
            if j >= r.end || !v.tok(j).is_some_and(|t| t.is_word()) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(v.norm(j));
            if !lx.title_may_extend(&key) {
                break;
            }
            if lx.titles.contains_key(&key) && best.is_none_or(|(bs, be)| bs == i && j + 1 > be) {
                best = Some((i, j + 1));
            }
        }
        if best.is_some() {
            break;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::{extract, extract_with, has, show};

    fn check(text: &str, expected: &[(&str, &str, &str)], absent: &[(&str, &str, &str)]) {
        let x = extract(text);
        for (s, k, t) in expected {
            assert!(
                has(&x, s, k, t),
                "missing {s} -{k}-> {t} in {text:?}:\n{}",
                show(&x)
            );
        }
        for (s, k, t) in absent {
            assert!(
                !has(&x, s, k, t),
                "unexpected {s} -{k}-> {t} in {text:?}:\n{}",
                show(&x)
            );
        }
    }

    #[test]
    fn object_slots_and_urging() {
        check(
            "Foreign Minister Amina Diallo asked Egypt and Sudan to resume talks on the dam.",
            &[
                ("Amina Diallo", "demand", "Egypt"),
                ("Amina Diallo", "demand", "Sudan"),
            ],
            &[],
        );
        check(
            "Chancellor Olaf Brandt urged Poland to reopen the border crossing.",
            &[("Olaf Brandt", "demand", "Poland")],
            &[],
        );
    }

    #[test]
    fn lists_of_possessive_names() {
        check(
            "President Rui Costa met Chile's Gabriel Soto, Peru's Rosa Quispe and Ecuador's Daniel Vera in Lima.",
            &[
                ("Rui Costa", "meet", "Gabriel Soto"),
                ("Rui Costa", "meet", "Rosa Quispe"),
                ("Rui Costa", "meet", "Daniel Vera"),
            ],
            &[],
        );
    }

    #[test]
    fn a_later_reference_to_an_attack_names_its_author() {
        check(
            "Russian missiles hit Kharkiv on Monday night.\nThe attack was condemned by the Polish foreign ministry.",
            &[
                ("Russia", "attack", "Kharkiv"),
                ("Polish foreign ministry", "condemn", "Russia"),
            ],
            &[],
        );
        // An attack with no known author leaves nobody to condemn.
        let x = extract(
            "Gunmen stormed the Italian embassy in Tripoli.\nLibyan Prime Minister Omar Haddad condemned the attack.",
        );
        assert!(
            !x.relations.iter().any(|r| r.kind.to_string() == "condemn"),
            "{}",
            show(&x)
        );
    }

    #[test]
    fn claimed_attacks_and_their_targets() {
        check(
            "The Popular Resistance Brigades claimed responsibility for a rocket attack on a fuel depot in Ashkelon.",
            &[
                ("Popular Resistance Brigades", "claim", "Ashkelon"),
                ("Popular Resistance Brigades", "attack", "Ashkelon"),
            ],
            &[],
        );
    }

    #[test]
    fn attack_nouns_need_an_author() {
        // Vowing an offensive is a threat, not an attack.
        check(
            "General Karim Nasser vowed to press ahead with an offensive on Tobruk.",
            &[("Karim Nasser", "threaten", "Tobruk")],
            &[("Karim Nasser", "attack", "Tobruk")],
        );
        // Being told about an attack does not make one its author.
        check(
            "Mayor Ivan Horak briefed President Lena Novak on the shelling of Zaporizhzhia.",
            &[],
            &[
                ("Ivan Horak", "attack", "Zaporizhzhia"),
                ("Lena Novak", "attack", "Zaporizhzhia"),
            ],
        );
        // Whoever launches it is.
        check(
            "Nigeria's army launched an offensive against Boko Haram fighters near Maiduguri.",
            &[("Nigeria's army", "attack", "Boko Haram")],
            &[],
        );
    }

    #[test]
    fn relative_clauses_need_their_antecedent() {
        check(
            "India accused Pakistan of backing the militants who killed 26 people near Pahalgam.",
            &[("India", "accuse", "Pakistan")],
            &[("Pakistan", "attack", "Pahalgam")],
        );
        check(
            "Saudi airstrikes that hit Sanaa on Friday killed dozens.",
            &[("Saudi Arabia", "attack", "Sanaa")],
            &[],
        );
    }

    #[test]
    fn participles_and_bare_complements() {
        check(
            "Ukraine's air force said a Russian missile, aimed at the city of Lviv, was shot down.",
            &[("Russia", "attack", "Lviv")],
            &[("Ukraine", "attack", "Lviv")],
        );
    }

    #[test]
    fn modal_threats_are_the_speakers() {
        check(
            "Turkish Defence Minister Yasar Guler said Ankara would respond to any Greek provocation.",
            &[("Yasar Guler", "threaten", "Greece")],
            &[("Turkey", "threaten", "Greece")],
        );
        check(
            "Greek Prime Minister Nikos Andreou said Athens would \"not hesitate\" to act against Turkey.",
            &[("Nikos Andreou", "threaten", "Turkey")],
            &[],
        );
        // Without a modal it is no threat.
        check(
            "The Greek coast guard responded to a distress call from Turkey.",
            &[],
            &[("Greece", "threaten", "Turkey")],
        );
    }

    #[test]
    fn appositions_state_affiliations() {
        check(
            "Tomas Berg, the chief executive of Nordvik Shipping, said the company would appeal.",
            &[("Tomas Berg", "affiliation", "Nordvik Shipping")],
            &[],
        );
        check(
            "Ahmed Saleh, a UNICEF spokesman, said aid was blocked.",
            &[("Ahmed Saleh", "affiliation", "UNICEF")],
            &[],
        );
        check(
            "Senator Paul Grey, who chairs the Senate Foreign Relations Committee, criticised the sale.",
            &[(
                "Paul Grey",
                "affiliation",
                "Senate Foreign Relations Committee",
            )],
            &[],
        );
        check(
            "A European Commission delegation led by Valdis Ozols arrived in Kyiv.",
            &[("Valdis Ozols", "affiliation", "European Commission")],
            &[],
        );
        check(
            "Vice President Kamala Reyes led the Philippine delegation.",
            &[("Kamala Reyes", "affiliation", "Philippines")],
            &[],
        );
        check(
            "Brazil's antitrust regulator, the Administrative Council for Economic Defense (CADE), fined the firm.",
            &[(
                "Administrative Council for Economic Defense",
                "affiliation",
                "Brazil",
            )],
            &[],
        );
    }

    #[test]
    fn clauses_that_are_not_appositions() {
        // A verb or another named person after the comma: no apposition.
        check(
            "Rafael Ortiz, who was elected in May, met French President Claire Dumas.",
            &[("Rafael Ortiz", "meet", "Claire Dumas")],
            &[("Rafael Ortiz", "affiliation", "France")],
        );
        check(
            "The envoy met CIA Director Mark Hale, Mossad chief Avi Cohen and Jordan's foreign minister.",
            &[("Mark Hale", "affiliation", "CIA")],
            &[("Mark Hale", "affiliation", "Mossad")],
        );
    }

    #[test]
    fn pronouns_in_the_same_sentence() {
        check(
            "Chancellor Karl Weiss spoke with President Anne Morel by phone and urged her to act.",
            &[
                ("Karl Weiss", "call", "Anne Morel"),
                ("Karl Weiss", "demand", "Anne Morel"),
            ],
            &[],
        );
        check(
            "Anne Morel said the talks were useful, but she urged Germany to act.",
            &[("Anne Morel", "demand", "Germany")],
            &[],
        );
    }

    #[test]
    fn objects_called_it() {
        check(
            "The Chinese coast guard blocked the supply boat Sierra Nova and rammed it.",
            &[("Chinese coast guard", "attack", "Sierra Nova")],
            &[],
        );
    }

    #[test]
    fn planned_events_are_kept_apart() {
        let text = "Prime Minister Ana Lind will visit Japan next week.";
        assert!(extract(text).relations.is_empty());
        let x = extract_with(text, true);
        assert!(x.relations.iter().all(|r| r.planned), "{}", show(&x));
        assert!(has(&x, "Ana Lind", "visit", "Japan"));
    }

    #[test]
    fn capitals_are_places_when_travelled_to() {
        let x = extract(
            "Chancellor Ines Vogt flew to Ankara on Monday.\nAnkara said the talks were useful.",
        );
        assert!(has(&x, "Ines Vogt", "visit", "Ankara"), "{}", show(&x));
        let ankara = x
            .actors
            .iter()
            .find(|a| a.name == "Ankara")
            .expect("a place");
        assert_eq!(ankara.kind.to_string(), "place");
        assert_eq!(ankara.country.as_deref(), Some("TUR"));
        // Speaking for the government, the capital is the country.
        assert!(x
            .actors
            .iter()
            .any(|a| a.name == "Turkey" && a.aliases.iter().any(|al| al == "Ankara")));
    }

    #[test]
    fn event_nouns_take_modifiers_inside_their_phrase_only() {
        check(
            "Ruiz's visit to Cusco was his second trip to Peru.",
            &[("Ruiz", "visit", "Cusco"), ("Ruiz", "visit", "Peru")],
            &[("Cusco", "visit", "Peru")],
        );
        check(
            "Prime Minister Ravi Menon cut short a trip to Japan and flew back to New Delhi.",
            &[("Ravi Menon", "visit", "Japan")],
            &[("Ravi Menon", "visit", "New Delhi")],
        );
    }

    #[test]
    fn group_phrases_stand_for_their_members() {
        check(
            "Japanese Prime Minister Taro Ishii spoke with Korean President Min-ho Park.\n\
             The two leaders agreed to resume talks. Chancellor Eva Lind later praised the two leaders.",
            &[
                ("Taro Ishii", "agree", "Min-ho Park"),
                ("Eva Lind", "support", "Taro Ishii"),
                ("Eva Lind", "support", "Min-ho Park"),
            ],
            &[],
        );
        check(
            "Nordvik Shipping and Baltic Freight Group signed a merger deal.\n\
             Minister Ola Dahl praised both companies.",
            &[
                ("Ola Dahl", "support", "Nordvik Shipping"),
                ("Ola Dahl", "support", "Baltic Freight Group"),
            ],
            &[],
        );
        check(
            "The foreign ministers of Egypt and Jordan met in Amman.\n\
             Egyptian Foreign Minister Sami Fawzi and his Jordanian counterpart, Omar Haddad, \
             discussed Gaza.",
            &[("Sami Fawzi", "meet", "Omar Haddad")],
            &[],
        );
    }

    #[test]
    fn roles_point_back_and_appositions_name_them() {
        let x = extract(
            "The Caspian Arbitration Tribunal heard the case.\n\
             The tribunal's president, Judge Amira Haddad, said the panel would rule soon.\n\
             Later, Egyptian President Omar Fathy met Haddad in Cairo.",
        );
        assert!(
            has(
                &x,
                "Amira Haddad",
                "affiliation",
                "Caspian Arbitration Tribunal"
            ),
            "{}",
            show(&x)
        );
        assert!(
            has(&x, "Omar Fathy", "meet", "Amira Haddad"),
            "{}",
            show(&x)
        );
        let fathy = x.actors.iter().find(|a| a.name == "Omar Fathy").unwrap();
        assert!(
            fathy.aliases.iter().all(|al| !al.contains("tribunal")),
            "{:?}",
            fathy.aliases
        );
        // "a judge" is nobody named before.
        check(
            "Nina Holt met Lumen Coin's lawyers.\nA Chicago judge later ordered Lumen Coin to pay.",
            &[],
            &[("Nina Holt", "demand", "Lumen Coin")],
        );
    }

    #[test]
    fn treaties_are_no_actors_and_cities_are_places() {
        let x = extract(
            "Norland accused Vesmark of violating the Torture Convention.\n\
             The Dawn Brigades claimed responsibility for a rocket attack on Haifa.",
        );
        assert!(x.actors.iter().all(|a| !a.name.contains("Convention")));
        let haifa = x.actors.iter().find(|a| a.name == "Haifa").expect("Haifa");
        assert_eq!(haifa.kind.to_string(), "place");
        assert_eq!(haifa.country.as_deref(), Some("ISR"));
        assert!(has(&x, "Dawn Brigades", "attack", "Haifa"), "{}", show(&x));
    }

    #[test]
    fn platforms_are_companies_outside_on_and_via() {
        let x = extract(
            "A court ordered Telegram to hand over records.\nThe minister wrote on Telegram that it was over.",
        );
        assert_eq!(
            x.actors.iter().filter(|a| a.name == "Telegram").count(),
            1,
            "{:?}",
            x.actors
        );
        let x = extract("The minister wrote on Telegram that Kyiv would respond.");
        assert!(x.actors.iter().all(|a| a.name != "Telegram"));
    }

    #[test]
    fn lowercase_roles_after_a_qualifier() {
        check(
            "Norway's chief negotiator Ola Berg met EU trade chief Maros Kovac in Oslo.",
            &[
                ("Ola Berg", "affiliation", "Norway"),
                ("Maros Kovac", "affiliation", "European Union"),
                ("Ola Berg", "meet", "Maros Kovac"),
            ],
            &[("Ola Berg", "meet", "European Union")],
        );
        check(
            "Indian Commerce Minister P. Goyal arrived in Tokyo.\nLater, Goyal met Japanese Prime Minister Kenji Mori.",
            &[
                ("P. Goyal", "affiliation", "India"),
                ("P. Goyal", "meet", "Kenji Mori"),
            ],
            &[],
        );
    }

    #[test]
    fn a_country_before_an_agency_is_its_attribute() {
        check(
            "WASHINGTON (Newsline) — The U.S. Securities and Exchange Commission on Monday sued Lumen Coin.",
            &[("Securities and Exchange Commission", "accuse", "Lumen Coin")],
            &[("United States", "accuse", "Lumen Coin")],
        );
        check(
            "The Korean Fair Trade Commission fined Daro Chem.\n\
             The Singapore Maritime Port Authority later sued Daro Chem.",
            &[("Korean Fair Trade Commission", "accuse", "Daro Chem")],
            &[("Singapore", "accuse", "Daro Chem")],
        );
        let x = extract("LONDON (Newsline) — Brava Foods sued Orbis Tech.");
        assert!(x
            .actors
            .iter()
            .all(|a| a.name != "Newsline" && a.name != "LONDON"));
    }

    #[test]
    fn asides_between_subject_and_verb() {
        check(
            "Kenyan President Daniel Kiprop, speaking by phone with Ugandan President Joseph Okello, \
             voiced support for Somalia.",
            &[
                ("Daniel Kiprop", "support", "Somalia"),
                ("Daniel Kiprop", "call", "Joseph Okello"),
            ],
            &[("Joseph Okello", "support", "Somalia")],
        );
        check(
            "Chilean President Marta Rojas, visiting Lima for talks with Luis Paredes, praised Peru's plan.",
            &[
                ("Marta Rojas", "meet", "Luis Paredes"),
                ("Marta Rojas", "support", "Peru"),
            ],
            &[("Lima", "meet", "Luis Paredes")],
        );
        check(
            "Norway, which has backed Denmark's bid, criticized the Swedish proposal.",
            &[("Norway", "condemn", "Sweden")],
            &[("Denmark", "condemn", "Sweden")],
        );
    }

    #[test]
    fn denials_and_criticism_aimed_at_who_made_the_claim_or_event() {
        check(
            "The Amhara Fano Militia dismissed a European Union report that said it recruited children.",
            &[("Amhara Fano Militia", "deny", "European Union")],
            &[],
        );
        check(
            "Prime Minister Leo Varga paid a visit to Minsk.\nLithuania's foreign ministry slammed the trip.",
            &[("Lithuania's foreign ministry", "condemn", "Leo Varga")],
            &[],
        );
        check(
            "Syria fired rockets at Lebanon, and Beirut lodged a protest.",
            &[("Lebanon", "condemn", "Syria")],
            &[],
        );
        check(
            "Ivo Petrov lashed out at Moldova, calling its election unfair.",
            &[("Ivo Petrov", "condemn", "Moldova")],
            &[],
        );
    }

    #[test]
    fn capitals_and_countries_as_first_names() {
        check(
            "Foreign Minister Israel Kahn met President Sofia Lara in Quito.",
            &[("Israel Kahn", "meet", "Sofia Lara")],
            &[("Israel", "meet", "Bulgaria")],
        );
    }

    #[test]
    fn threats_of_response_and_of_sanctions() {
        check(
            "President Ana Reyes vowed a firm response to any provocation by Caracas.",
            &[("Ana Reyes", "threaten", "Venezuela")],
            &[],
        );
        check(
            "Mexican President Sofia Lara warned that Mexico City would cut trade with Ecuador.",
            &[("Sofia Lara", "threaten", "Ecuador")],
            &[],
        );
    }

    #[test]
    fn company_and_agency_roles() {
        check(
            "The Federal Maritime Commission fined Kestrel Lines $3.5 million on Monday.\n\
             The company's chairman, Ivo Grant, criticized the agency.",
            &[
                ("Federal Maritime Commission", "accuse", "Kestrel Lines"),
                ("Ivo Grant", "affiliation", "Kestrel Lines"),
                ("Ivo Grant", "condemn", "Federal Maritime Commission"),
            ],
            &[],
        );
        check(
            "The Consumer Council sued Skyway Airlines over tickets on cancelled flights.",
            &[("Consumer Council", "accuse", "Skyway Airlines")],
            &[],
        );
        check(
            "Brava Foods acquired the Dutch dairy producer Melkhof Group.\n\
             President Kim Ara hosted talks on Sudan.",
            &[("Brava Foods", "agree", "Melkhof Group")],
            &[
                ("Brava Foods", "agree", "Netherlands"),
                ("Kim Ara", "meet", "Sudan"),
            ],
        );
    }

    #[test]
    fn summoned_envoys_stand_for_their_country() {
        check(
            "Chilean navy ships fired flares at a Peruvian trawler.\n\
             Lima summoned Chile's ambassador to protest the incident.",
            &[("Peru", "condemn", "Chile")],
            &[],
        );
        check(
            "Norway summoned Russian Ambassador Pavel Orlov over the incident.",
            &[("Norway", "condemn", "Russia")],
            &[],
        );
    }

    #[test]
    fn a_sentence_about_the_company_follows_the_last_subject() {
        let x = extract(
            "NEW YORK — Nortex Pharma reached a settlement with the Justice Department over \
             billing to Medicare.\nThe company did not admit wrongdoing.\n\
             A Boston judge ordered Crane Logistics to pay damages.\n\
             The company rejected the verdict.",
        );
        let nortex = x.actors.iter().find(|a| a.name == "Nortex Pharma").unwrap();
        assert!(
            nortex.aliases.iter().any(|a| a == "The company"),
            "{:?}",
            x.actors
        );
        let medicare = x.actors.iter().find(|a| a.name == "Medicare");
        assert!(
            medicare.is_none_or(|m| m.aliases.is_empty()),
            "{:?}",
            x.actors
        );
    }

    #[test]
    fn charges_brought_by_need_someone_who_faces_them() {
        check(
            "Orla Bank agreed to pay $1.2 billion to settle charges brought by the Justice Department.",
            &[("Department of Justice", "accuse", "Orla Bank")],
            &[],
        );
        check(
            "Chile's regulator, the CMF, opened a probe after a complaint filed by Tianlu Mining.",
            &[],
            &[("Tianlu Mining", "accuse", "Chile")],
        );
    }

    #[test]
    fn criticism_of_a_visit_received_by_a_host() {
        check(
            "Chinese President Li Wen received Hungarian Prime Minister Gabor Varga in Beijing.\n\
             Washington criticized the visit.",
            &[("United States", "condemn", "Gabor Varga")],
            &[("United States", "condemn", "Li Wen")],
        );
    }

    #[test]
    fn portfolios_surnames_and_companies() {
        check(
            "Indian Steel Minister Ravi Rao welcomed Chilean Mining Minister Diego Park.",
            &[
                ("Ravi Rao", "affiliation", "India"),
                ("Diego Park", "affiliation", "Chile"),
            ],
            &[],
        );
        let x = extract(
            "Prosecutors charged former chairman Paulo Mendes with fraud.\n\
             Mendes's lawyers denied the charges.",
        );
        assert_eq!(
            x.actors
                .iter()
                .filter(|a| a.name.contains("Mendes"))
                .count(),
            1,
            "{:?}",
            x.actors
        );
        let x = extract("Morgan Stanley agreed to pay $5 million to settle the case.");
        let ms = x
            .actors
            .iter()
            .find(|a| a.name == "Morgan Stanley")
            .unwrap();
        assert_eq!(ms.kind.to_string(), "organization");
    }

    #[test]
    fn titles_after_a_name_and_relative_clauses() {
        let x = extract(
            "Lena Holm, the Swedish special envoy for Libya, said talks were stalled.\n\
             In a call with Khalid Omar on Friday, the envoy pressed for a truce around Sirte.",
        );
        assert!(
            has(&x, "Lena Holm", "affiliation", "Sweden"),
            "{}",
            show(&x)
        );
        assert!(has(&x, "Lena Holm", "call", "Khalid Omar"), "{}", show(&x));
        check(
            "Greek Foreign Minister Nikos Lekkas, who visited Ankara last week for talks with Omer Celik, \
             urged Turkey to respect the moratorium.",
            &[
                ("Nikos Lekkas", "meet", "Omer Celik"),
                ("Nikos Lekkas", "visit", "Ankara"),
            ],
            &[("Ankara", "meet", "Omer Celik"), ("Turkey", "meet", "Omer Celik")],
        );
    }

    #[test]
    fn support_offered_during_a_call_and_for_a_country() {
        check(
            "Chancellor Eva Brandt called Prime Minister Ravi Menon to offer condolences.",
            &[
                ("Eva Brandt", "call", "Ravi Menon"),
                ("Eva Brandt", "support", "Ravi Menon"),
            ],
            &[],
        );
        check(
            "Italian Foreign Minister Carla Neri expressed Rome's support for Athens's position.",
            &[("Carla Neri", "support", "Greece")],
            &[("Italy", "support", "Greece")],
        );
        check(
            "Orban later flew to Beijing to see Chinese President Li Wen.",
            &[("Orban", "meet", "Li Wen")],
            &[],
        );
    }

    #[test]
    fn a_trip_condemned_in_the_passive() {
        check(
            "Prime Minister Tomas Varga travelled to Minsk on Friday.\n\
             The Minsk trip was condemned by Polish President Jan Nowak.",
            &[("Jan Nowak", "condemn", "Tomas Varga")],
            &[("Jan Nowak", "condemn", "Belarus")],
        );
    }

    #[test]
    fn unnamed_officials_groups_and_fines() {
        check(
            "Kazakh President Arman Tokayev paid a state visit to Uzbekistan and held talks with \
             his Uzbek counterpart in Tashkent.",
            &[
                ("Arman Tokayev", "meet", "Uzbekistan"),
                ("Arman Tokayev", "visit", "Uzbekistan"),
            ],
            &[],
        );
        check(
            "Al-Shabaab militants ambushed an African Union convoy near Baidoa.\n\
             The group claimed responsibility for the attack.",
            &[
                ("al-Shabaab", "attack", "African Union"),
                ("al-Shabaab", "claim", "African Union"),
            ],
            &[("African Union", "claim", "African Union")],
        );
        check(
            "Orbis Tech was fined $2.5 million by the Federal Maritime Commission on Friday.\n\
             The Committee to Protect Journalists denounced Orbis Tech.",
            &[
                ("Federal Maritime Commission", "accuse", "Orbis Tech"),
                ("Committee to Protect Journalists", "condemn", "Orbis Tech"),
            ],
            &[],
        );
        let x = extract("The Committee to Protect Journalists denounced Orbis Tech.");
        let cpj = x
            .actors
            .iter()
            .find(|a| a.name == "Committee to Protect Journalists")
            .unwrap();
        assert_eq!(cpj.kind.to_string(), "organization");
    }

    #[test]
    fn inner_clauses_end_at_the_main_verb() {
        check(
            "Gunmen killed nine people near Quetta on Monday.\n\
             The Baloch Liberation Army, a group that Pakistani officials regard as an \
             Indian-backed militia, claimed responsibility for Monday's attack.",
            &[("Baloch Liberation Army", "claim", "Quetta")],
            &[
                ("Pakistan", "claim", "Quetta"),
                ("India", "claim", "Quetta"),
            ],
        );
    }

    #[test]
    fn business_partnerships_and_announced_lawsuits() {
        check(
            "Nordvik Shipping and Baltic Freight Group agreed to merge on Monday.\n\
             Kestrel Lines teamed up with Orbis Tech to build a port.\n\
             Brava Foods announced a partnership with Melkhof Group.",
            &[
                ("Nordvik Shipping", "agree", "Baltic Freight Group"),
                ("Kestrel Lines", "agree", "Orbis Tech"),
                ("Brava Foods", "agree", "Melkhof Group"),
            ],
            &[],
        );
        check(
            "Lumen Coin threatened to sue Orbis Tech over the patents.",
            &[("Lumen Coin", "threaten", "Orbis Tech")],
            &[("Lumen Coin", "accuse", "Orbis Tech")],
        );
    }

    #[test]
    fn welcomes_congratulations_and_warnings() {
        check(
            "President Li Wen welcomed Prime Minister Ana Costa to Beijing on Monday.\n\
             Chancellor Eva Brandt congratulated Ana Costa.\n\
             Moscow issued a stern warning to Vilnius.",
            &[
                ("Li Wen", "meet", "Ana Costa"),
                ("Eva Brandt", "support", "Ana Costa"),
                ("Russia", "threaten", "Lithuania"),
            ],
            &[("Li Wen", "support", "Ana Costa")],
        );
    }

    #[test]
    fn portfolio_ministries_brussels_and_criticism_for_acts() {
        check(
            "The European Union imposed duties on Chinese steel.\n\
             China's commerce ministry accused Brussels of protectionism.",
            &[
                ("China's commerce ministry", "accuse", "European Union"),
                ("China's commerce ministry", "affiliation", "China"),
            ],
            &[("China", "accuse", "Belgium")],
        );
        check(
            "Belgian police raided a warehouse in Brussels.",
            &[],
            &[("European Union", "attack", "Brussels")],
        );
        check(
            "A Chinese foreign ministry spokesman criticized Vietnam for provocations near the reef.",
            &[("China", "condemn", "Vietnam")],
            &[],
        );
    }
}
