//! The attack chain: what earlier sentences left for later ones. Every use of
//! force is remembered with its author and target, either unknown, so that a
//! later "condemned the attack", "claimed responsibility" or "lodged a protest"
//! can be aimed at the right side. Kept apart because it is the only state that
//! outlives a sentence.

use super::super::grammar::{
    is, AGENT_PREPOSITIONS, ATTACKED_PREPOSITIONS, PASSIVE_AUXILIARIES, PREPOSITIONS,
};
use super::super::tokens::TokKind;
use super::view::SentenceArgs;
use super::Event;
use crate::lexicon::{Frame, Trigger};
use crate::model::RelationType;
use std::ops::Range;

/// What the events of earlier sentences left for later ones.
pub(super) struct DocState {
    /// Events so far.
    pub events: Vec<Event>,
    /// Every use of force so far, in reading order: (author, target), either unknown.
    attacks: Vec<(Option<usize>, Option<usize>)>,
    /// Uses of force told in the passive with no agent ("Kharkiv was shelled"):
    /// what a later claim of responsibility names, but no author to blame.
    victims: Vec<(usize, usize)>,
    /// For each actor, its first mention (events point at mentions).
    first_mention: Vec<Option<usize>>,
    /// The sentence of the last use of force.
    last_attack_sentence: Option<usize>,
    /// The first sentence of the current story (a page of briefs holds several,
    /// each opening with its dateline).
    pub story_start: usize,
}

impl DocState {
    /// The state before the first sentence: no events, no attacks, and each
    /// actor's first mention (`first_mention`), through which events point at
    /// mentions.
    pub(super) fn new(first_mention: Vec<Option<usize>>) -> DocState {
        DocState {
            events: Vec::new(),
            attacks: Vec::new(),
            victims: Vec::new(),
            first_mention,
            last_attack_sentence: None,
            story_start: 0,
        }
    }

    /// Remembers the use of force named by trigger `tr`: by the sides its first
    /// event found (`first`), else with an unknown author and the target named
    /// after it, so that a later "condemned the attack" or "claimed
    /// responsibility" refers to it.
    pub(super) fn remember_attack(
        &mut self,
        v: &SentenceArgs,
        tr: &Range<usize>,
        trig: &Trigger,
        first: Option<(usize, usize)>,
    ) {
        let record = match first {
            Some((a, b)) => Some((Some(a), Some(b))),
            // "Kharkiv was shelled overnight": the subject was attacked.
            None if v.passive(tr.start) => {
                let victim = v.subjects(tr.start).first().and_then(|&m| v.actor(m));
                if let Some(t) = victim {
                    self.victims.push((self.attacks.len(), t));
                    self.last_attack_sentence = Some(v.sentence);
                }
                return;
            }
            None => {
                let gap = if trig.frame == Frame::Noun { 8 } else { 6 };
                let target = v
                    .objects(tr.end, RelationType::Attack, gap)
                    .first()
                    .and_then(|&m| v.actor(m));
                // "fighters of X stormed a base": no actor was hit, but the
                // author is known, and a later "condemned the assault" is aimed
                // at it.
                match (
                    target,
                    target.is_none().then(|| doer(v, tr, trig)).flatten(),
                ) {
                    (None, None) => None,
                    (t, a) => Some((a, t)),
                }
            }
        };
        if let Some(r) = record {
            self.attacks.push(r);
            self.last_attack_sentence = Some(v.sentence);
        }
    }

    /// Remembers a use of force told only inside a condemnation ("condemned an
    /// attack by X on Y"): its author, so that "the attack was condemned by Z"
    /// later in the text is aimed at X too.
    pub(super) fn remember_author(
        &mut self,
        sentence: usize,
        author: usize,
        target: Option<usize>,
    ) {
        self.attacks.push((Some(author), target));
        self.last_attack_sentence = Some(sentence);
    }

    /// The events told so far in `sentence`, the last first.
    pub(super) fn told_in(&self, sentence: usize) -> impl Iterator<Item = &Event> {
        self.events
            .iter()
            .rev()
            .take_while(move |e| e.sentence == sentence)
    }

    /// The author of the attack a later reference ("the attack", "the strike") means:
    /// the last use of force whose target is known. An attack with a known target and
    /// an unknown author ("protesters attacked the embassy") has no author to blame.
    pub(super) fn last_attacker(&self) -> Option<usize> {
        let &(src, _) = self
            .attacks
            .iter()
            .rev()
            .find(|(s, t)| t.is_some() || s.is_some())?;
        src.and_then(|a| self.mention_of(a))
    }

    /// The author of the last use of force, when it was reported in this sentence or
    /// the one before ("North Korea fired a missile, and Tokyo lodged a protest").
    pub(super) fn recent_attacker(&self, sentence: usize) -> Option<usize> {
        let at = self.last_attack_sentence?;
        (at + 1 >= sentence).then(|| self.last_attacker()).flatten()
    }

    /// Whether a use of force was told in the last `within` sentences before
    /// `sentence` (or in it): "the blast" refers to one only that recently.
    pub(super) fn attack_told_since(&self, sentence: usize, within: usize) -> bool {
        self.last_attack_sentence
            .is_some_and(|at| at + within >= sentence)
    }

    /// The target of the last use of force a claimant may claim, and whether it
    /// was told with no author: one whose author is unknown or on the
    /// claimant's side (`own_author`), and whose target is not (`own`). "Hezbollah claimed the raid" after Israeli
    /// strikes on Beirut does not claim those strikes.
    pub(super) fn claimable_target(
        &self,
        own_author: impl Fn(usize) -> bool,
        own: impl Fn(usize) -> bool,
    ) -> Option<(usize, bool)> {
        let pos = self
            .attacks
            .iter()
            .rposition(|&(a, t)| t.is_some_and(|t| !own(t)) && a.is_none_or(&own_author));
        let (author, target) = match (self.victims.last(), pos) {
            (Some(&(at, t)), p) if p.is_none_or(|p| at > p) && !own(t) => (None, t),
            (_, Some(p)) => (self.attacks[p].0, self.attacks[p].1?),
            _ => return None,
        };
        Some((self.mention_of(target)?, author.is_none()))
    }

    /// The author of an earlier attack on the same target.
    pub(super) fn author_of_attack_on(&self, target: usize) -> Option<usize> {
        let a = self
            .attacks
            .iter()
            .rev()
            .find_map(|&(s, t)| if t == Some(target) { s } else { None })?;
        self.mention_of(a)
    }

    /// The first mention of `actor`: events point at mentions.
    pub(super) fn mention_of(&self, actor: usize) -> Option<usize> {
        self.first_mention.get(actor).copied().flatten()
    }
}

/// What an attack noun's agent hit: "an attack by X on a plant in the port
/// city of Y" gives Y, the last name of the phrase after "on", where the
/// attack took place.
pub(super) fn target_after_agent(v: &SentenceArgs, agent: usize) -> Option<usize> {
    // ("by Yemen's Houthi movement on": past the rest of the agent's name.)
    let after = v.mentions[agent].span.end;
    let on = (after..after + 3).find(|&k| is(ATTACKED_PREPOSITIONS, v.norm(k)))?;
    let plain = (after..on).all(|k| {
        v.tok(k)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap && !is(PREPOSITIONS, &t.norm))
    });
    if !plain {
        return None;
    }
    let end = (on + 1..v.range.end)
        .find(|&k| {
            v.tok(k)
                .is_some_and(|t| t.kind == TokKind::Punct && !matches!(t.norm.as_str(), "'" | "-"))
        })
        .unwrap_or(v.range.end);
    (on + 1..end)
        .rev()
        .find_map(|k| v.arg_at(k))
        .and_then(|m| v.actor(m))
}

/// The author of a use of force its frame paired with no target: the subject
/// of a verb in the active, the modifier or "by" agent of a noun ("the rebels'
/// raid", "an assault by X").
fn doer(v: &SentenceArgs, tr: &Range<usize>, trig: &Trigger) -> Option<usize> {
    let m = match trig.frame {
        Frame::Noun => v
            .modifier_before(tr.start)
            .or_else(|| v.by_agent(tr.end).first().copied()),
        Frame::Svo => {
            if v.passive(tr.start) {
                v.by_agent(tr.end).first().copied()
            } else {
                v.subjects(tr.start).first().copied()
            }
        }
        _ => None,
    }?;
    // ("a port city, which was shelled": a place acted on authors nothing.)
    v.actor(m)
        .filter(|&a| v.actors[a].kind != Some(crate::model::ActorKind::Place))
}

/// An attack noun a few words after `from` ("for a drone attack on X", "the strike")
/// and the actors or places it names as attacked.
pub(super) fn attack_phrase(v: &SentenceArgs, from: usize) -> Option<(usize, Vec<usize>)> {
    let mut ci = v.clause_of(from.saturating_sub(1));
    // ("claimed the rocket attacks which hit X": a bare "claimed" may be read as
    // opening a clause; its object is then that clause's start.)
    let next = v.clause_of(from);
    if next != ci && v.clauses[next].range.start == from {
        ci = next;
    }
    // ("claimed responsibility on Thursday for a mortar attack on X")
    attack_noun_in(v, from, v.clauses[ci].range.end.min(from + 8))
}

/// The first attack noun in tokens `from..end` (its last word, past "drone
/// attack" and the like) and what it names as attacked.
pub(super) fn attack_noun_in(
    v: &SentenceArgs,
    from: usize,
    end: usize,
) -> Option<(usize, Vec<usize>)> {
    let head = (from..end).find(|&j| v.ctx.lx.cues.attack_noun.contains(v.norm(j)))?;
    let mut j = head + 1;
    while v.ctx.lx.cues.attack_noun.contains(v.norm(j)) {
        j += 1;
    }
    // ("the drone strikes that set ablaze X": a relative clause tells what was hit.)
    let verb = if matches!(v.norm(j), "that" | "which") {
        j + 1
    } else {
        j
    };
    let targets = if is(ATTACKED_PREPOSITIONS, v.norm(j))
        || v.ctx.lx.cues.target_verb.contains(v.norm(verb))
    {
        v.objects(verb + 1, RelationType::Attack, 8)
            .into_iter()
            .map(|m| owned_site(v, m).unwrap_or(m))
            .collect()
    } else {
        Vec::new()
    };
    Some((j - 1, targets))
}

/// Where an owner's site stands: "X's giant gas plant at Y" hit Y, the place of
/// the site, not its owner X.
fn owned_site(v: &SentenceArgs, owner: usize) -> Option<usize> {
    let mut after = v.mentions[owner].span.end;
    // ("a raid on an Israeli army post at X": a site after its owner's name.)
    let possessive = v.tok(after)?.kind == TokKind::Possessive;
    if !possessive {
        after -= 1;
    }
    let lowercase = |k: usize| {
        v.tok(k)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap || t.is_punct('-'))
    };
    let lx = v.ctx.lx;
    let site_noun = |k: usize| {
        lx.facilities.contains(v.norm(k)) || lx.cues.institution_asset.contains(v.norm(k))
    };
    let site = (after + 1..after + 6)
        .take_while(|&k| lowercase(k))
        .find(|&k| site_noun(k))?;
    // Only "at" places the site of a name that is no possessive ("a Hezbollah
    // base in Lebanon" was Hezbollah's).
    let place = match v.norm(site + 1) {
        "at" => true,
        "in" | "near" => possessive,
        _ => false,
    };
    if !place {
        return None;
    }
    (site + 2..site + 4).find_map(|k| v.arg_at(k))
}

/// The actor behind an attack noun: "the Iranian missile attacks", "Russia's attack",
/// "the attack by X".
pub(super) fn attack_author(v: &SentenceArgs, from: usize, head: usize) -> Option<usize> {
    if let Some(m) = v
        .modifier_before(head + 1)
        .filter(|&m| v.mentions[m].span.start >= from)
    {
        return Some(m);
    }
    let j = head + 1;
    // "the downing of a Russian bomber by Turkish jets": the agent after what
    // was hit, before the noun phrase ends (a comma or the verb).
    if matches!(v.norm(j), "of" | "on" | "against") {
        let by = (j + 1..(j + 9).min(v.range.end))
            .take_while(|&k| {
                v.tok(k).is_some_and(|t| {
                    t.kind != TokKind::Punct
                        && !is(PASSIVE_AUXILIARIES, &t.norm)
                        && (t.cap || !t.norm.ends_with("ed"))
                })
            })
            .find(|&k| v.norm(k) == "by");
        if let Some(by) = by {
            return (by + 1..by + 4).find_map(|k| v.arg_at(k));
        }
    }
    if is(AGENT_PREPOSITIONS, v.norm(j)) {
        return (j + 1..j + 4).find_map(|k| v.arg_at(k));
    }
    None
}
