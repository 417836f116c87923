//! Argument frames: given a matched trigger, which mentions are its two sides.
//! Each frame of data/triggers.tsv (svo, sym, noun, between, claim, deny,
//! condemn, fall) reads the positions of `slots` in its own way, and some reach
//! back to earlier events (a denial answers the last accusation, a condemned
//! attack names its author). Kept apart from matching and modality because this
//! is where who-did-what-to-whom is decided.

use super::super::actors::DocActor;
use super::super::clauses::Opening;
use super::super::grammar::{
    is, ARTICLES, MODALS, NON_SUBJECT_PREPOSITIONS, PREPOSITIONS, RECIPROCALS,
    THIRD_PERSON_POSSESSIVES,
};
use super::super::mentions::MentionForm;
use super::super::tokens::{TokKind, Token};
use super::attacks::{attack_author, attack_noun_in, attack_phrase, DocState};
use super::modality::planned_event;
use super::view::SentenceArgs;
use crate::lexicon::{Frame, Trigger};
use crate::model::{ActorKind, RelationType};
use std::ops::Range;

/// One side-pair of an event, as mentions, with the note the rule adds to the
/// evidence and the relation type when a rule changes it (an attack that is only
/// vowed is a threat).
pub(super) struct Arg {
    /// The acting side's mention.
    pub src: usize,
    /// The side acted on.
    pub tgt: usize,
    /// What the rule adds to the evidence's rule text.
    pub note: String,
    /// The relation type, when the rule changes the trigger's.
    pub kind: Option<RelationType>,
}

/// The argument pairs of trigger `trig` at tokens `tr`: from the pattern's slot
/// when it has one, else by its frame.
pub(super) fn arguments(
    v: &SentenceArgs,
    tr: Range<usize>,
    trig: &Trigger,
    slot: Option<Range<usize>>,
    st: &DocState,
) -> Vec<Arg> {
    if let Some(slot) = slot {
        // The pattern names where the object is: "asked @ to".
        let objects: Vec<usize> = v
            .args
            .iter()
            .copied()
            .filter(|&m| slot.contains(&v.mentions[m].span.start))
            .collect();
        let subjects = noun_slot_source(v, &tr, trig).unwrap_or_else(|| v.subjects(tr.start));
        return cross(&subjects, &objects, " (slot)");
    }
    match trig.frame {
        Frame::Svo | Frame::Sym | Frame::Claim | Frame::Deny | Frame::Condemn => {
            verb_frame(v, tr, trig, st)
        }
        Frame::Noun => noun_frame(v, tr, trig.kind, st),
        Frame::Between => {
            let list = v.objects(tr.end, trig.kind, 2);
            all_pairs(&list, " (between)")
        }
        Frame::Fall => fall_frame(v, tr, trig),
        Frame::Pred => pred_frame(v, tr),
    }
}

/// The frames of a verb: subject and object, or the agent of a passive or of a
/// participle ("hosted by X"), then what the claim, deny and condemn frames add.
fn verb_frame(v: &SentenceArgs, tr: Range<usize>, trig: &Trigger, st: &DocState) -> Vec<Arg> {
    let kind = trig.kind;
    // ("drew condemnation from X": X acts on the subject, as after "by".)
    if trig.agent_last() {
        return agent_after_by(v, tr, kind);
    }
    if v.passive(tr.start) {
        if let Some(out) = passive_frame(v, tr.clone(), trig, st) {
            return out;
        }
        // "civilians had been killed in Israeli strikes": a use of force with
        // no agent after "by" names no author, and its subject is its victim.
        if kind == RelationType::Attack {
            return Vec::new();
        }
    }
    // ("a charge the rebels have always denied": the clause after the noun.)
    let relative = (trig.frame == Frame::Deny)
        .then(|| claim_relative(v, tr.start))
        .flatten();
    let mut subjects = match &relative {
        Some((list, _)) => list.clone(),
        None => v
            .gerund_subjects(tr.start)
            .unwrap_or_else(|| v.subjects(tr.start)),
    };
    // "X's claim of responsibility for ...": the noun's owner claims, not the
    // clause's subject.
    // (With no owner, "doubted the claim of responsibility" claims nothing.)
    if trig.frame == Frame::Claim && trig.noun_of() {
        let owned = tr
            .start
            .checked_sub(1)
            .and_then(|p| v.tok(p))
            .is_some_and(|t| t.kind == TokKind::Possessive);
        subjects = owned
            .then(|| v.modifier_before(tr.start))
            .flatten()
            .into_iter()
            .collect();
    }
    // A threat, or force announced: "warned that his country would retaliate
    // against X" is the speaker's.
    let threat = kind == RelationType::Threaten
        || kind == RelationType::Attack && planned_event(v, trig, &tr);
    if subjects.is_empty() && threat {
        subjects = v.own_side_reporter(tr.start);
    }
    if !kind.is_symmetric() {
        if let Some(out) = reciprocal_frame(v, tr.clone(), &subjects) {
            return out;
        }
    }
    let gap = if kind == RelationType::Attack { 6 } else { 4 };
    let objects = v.objects(tr.end, kind, gap);
    if objects.is_empty() {
        if let Some(out) = complement_frame(v, tr.end, kind, &subjects) {
            return out;
        }
        if threat {
            if let Some(out) = condition_frame(v, tr.end, &subjects) {
                return out;
            }
        }
    }
    // "called X reckless", "described X's move as provocative": a label is a
    // condemnation only when it condemns; a label verb that is no call names
    // nothing else.
    let label_verb = tr.len() == 1 && v.ctx.lx.cues.label_verb.contains(v.norm(tr.start));
    if label_verb && matches!(kind, RelationType::Call | RelationType::Condemn) {
        if objects.is_empty() {
            if let Some(out) = called_act(v, tr.end, &subjects, st) {
                return out;
            }
        }
        if let Some(out) = called_names(v, &subjects, &objects) {
            return out;
        }
        if kind == RelationType::Condemn {
            return Vec::new();
        }
    }
    match trig.frame {
        Frame::Sym => {
            if objects.is_empty() {
                // ("hosted the talks": a host's verb, CAMEO 043, with its
                // meeting as object; "held talks" is a meeting of its own.)
                if kind == RelationType::Meet && trig.cameo == "043" && tr.len() > 1 {
                    return host_meets(v, tr, &subjects, st);
                }
                if kind == RelationType::Agree {
                    if let Some(out) = partner_met(v, &subjects, st) {
                        return out;
                    }
                    if let Some(out) = two_who_met(v, &subjects, st) {
                        return out;
                    }
                }
                return all_pairs(&subjects, " (joint subjects)");
            }
            cross(&subjects, &objects, "")
        }
        Frame::Claim => {
            // A bare "claimed" is a claim of responsibility only before an
            // attack noun ("claimed the drone strikes"), not "claimed victory";
            // an attack it names without a target is one just told of.
            let bare = !trig.pattern.contains(' ');
            match attack_phrase(v, tr.end) {
                None if bare => Vec::new(),
                Some((head, t))
                    if bare
                        && t.is_empty()
                        && !(st.attack_told_since(v.sentence, 2)
                            && refers_back(v, tr.end, head)) =>
                {
                    Vec::new()
                }
                _ => claim_frame(v, tr, &subjects, &objects, st),
            }
        }
        Frame::Deny => {
            let in_relative =
                relative.is_some() || v.clauses[v.clause_of(tr.start)].opening == Opening::Relative;
            if in_relative {
                if let Some(out) = accused_denies(v, &subjects, st) {
                    return out;
                }
            }
            if let Some(out) = unnamed_denier(v, tr.clone(), &subjects, st) {
                return out;
            }
            let out = deny_frame(v, tr, &subjects, &objects, st);
            match relative {
                Some((_, noun)) if out.is_empty() => claim_maker(v, noun, &subjects)
                    .map_or_else(Vec::new, |m| {
                        cross(&subjects, &[m], " (who made the charge denied)")
                    }),
                _ => out,
            }
        }
        Frame::Condemn => condemn_frame(v, tr, &subjects, &objects, st),
        // "backed the takeover", "welcomed the decision": support for an act
        // is support for whoever did it.
        _ if kind == RelationType::Support && objects.is_empty() => act_ref(v, tr.end)
            .or_else(|| event_ref(v, st, tr.end))
            .map_or_else(Vec::new, |(t, note)| cross(&subjects, &[t], &note)),
        _ => cross(&subjects, &objects, ""),
    }
}

/// "X met Y and agreed to ...", "Y urged X to ..., and he agreed": an
/// agreement that names no partner is made with whom its one subject has just
/// met or talked with, or who has just asked it, in this sentence. `None` when
/// the subject is a group phrase or no such event was told.
fn partner_met(v: &SentenceArgs, subjects: &[usize], st: &DocState) -> Option<Vec<Arg>> {
    let [s] = subjects else { return None };
    let [a] = v.actors_of(*s)[..] else {
        return None;
    };
    let e = st.told_in(v.sentence).find(|e| {
        !e.planned
            && match e.kind {
                RelationType::Meet | RelationType::Call => e.source == a || e.target == a,
                RelationType::Demand => e.target == a,
                _ => false,
            }
    })?;
    let other = if e.source == a { e.target } else { e.source };
    let m = st.mention_of(other)?;
    Some(cross(&[*s], &[m], " (with whom it just met)"))
}

/// "X met Y, with Z hosting the talks": whoever hosts or chairs the meeting
/// told in this sentence meets both its sides. The host is the name right
/// before the verb ("with Z hosting"), else the clause's subject.
fn host_meets(v: &SentenceArgs, tr: Range<usize>, subjects: &[usize], st: &DocState) -> Vec<Arg> {
    let before = v
        .args
        .iter()
        .copied()
        .find(|&m| v.mentions[m].span.end == tr.start);
    let hosts: Vec<usize> = before.map_or_else(|| subjects.to_vec(), |m| vec![m]);
    let host_actors: Vec<usize> = hosts.iter().filter_map(|&m| v.actor(m)).collect();
    let mut sides: Vec<usize> = Vec::new();
    for e in st
        .told_in(v.sentence)
        .filter(|e| e.kind == RelationType::Meet && !e.planned)
    {
        for a in [e.source, e.target] {
            if !host_actors.contains(&a) && !sides.contains(&a) {
                sides.push(a);
            }
        }
    }
    let sides: Vec<usize> = sides.into_iter().filter_map(|a| st.mention_of(a)).collect();
    cross(&hosts, &sides, " (host of the meeting)")
}

/// "X met Y ... After six hours, the two ministers agreed": a pair named only
/// as a group of two, just after a meeting, is the meeting's two sides (not
/// the last two people named, who may be its host or someone mentioned in
/// passing). The meeting is the first told in the latest sentence, this one
/// or the two before, that told one. `None` when there is no such meeting.
fn two_who_met(v: &SentenceArgs, subjects: &[usize], st: &DocState) -> Option<Vec<Arg>> {
    let [g] = subjects else { return None };
    let group = &v.mentions[*g].group;
    if group.len() != 2 {
        return None;
    }
    let met = |e: &&super::Event| {
        e.kind == RelationType::Meet
            && !e.planned
            && e.sentence + 2 >= v.sentence
            && v.actors[e.source].kind == v.actors[group[0]].kind
            && v.actors[e.target].kind == v.actors[group[0]].kind
    };
    let last = st.events.iter().rev().find(met)?.sentence;
    let e = st.events.iter().filter(met).find(|e| e.sentence == last)?;
    let (a, b) = (st.mention_of(e.source)?, st.mention_of(e.target)?);
    Some(cross(&[a], &[b], " (the two who just met)"))
}

/// A verb with no object finds its other side in the clause it governs: a demand
/// is aimed at the complement's subject ("demanded that Y withdraw"), a denial of
/// one's own act at that act's object ("denied that it had attacked Y").
fn complement_frame(
    v: &SentenceArgs,
    end: usize,
    kind: RelationType,
    subjects: &[usize],
) -> Option<Vec<Arg>> {
    if subjects.is_empty() {
        return None;
    }
    let ci = v.complement_of(end)?;
    let mut own: Vec<usize> = subjects.iter().filter_map(|&m| v.actor(m)).collect();
    // ("its spokesman, X, warned that the group's attacks on Y would ...": a
    // spokesman speaks for whoever owns the title.)
    own.extend(subjects.iter().filter_map(|&m| title_owner(v, m)));
    let targets = match kind {
        // ("alleged that Microsoft could use ...": the charge is against Microsoft.)
        RelationType::Demand | RelationType::Accuse if !v.opens_with_self(ci, &own) => {
            v.clause_subjects(ci)
        }
        RelationType::Deny if v.opens_with_self(ci, &own) => v.clause_objects(ci),
        // "warned that Y's leaders would not escape responsibility": a penalty
        // foretold is a threat to whom it falls on.
        RelationType::Threaten => {
            let mut penalized = v.penalty_subjects(ci);
            if penalized.is_empty() {
                penalized = foretold_attack_targets(v, ci, &own);
            }
            penalized
                .into_iter()
                .filter(|&m| v.actor(m).is_some_and(|a| !own.contains(&a)))
                .collect()
        }
        _ => return None,
    };
    (!targets.is_empty()).then(|| cross(subjects, &targets, " (complement clause)"))
}

/// The actor whose title mention `m` bears: "its spokesman, X" (a possessive
/// right before the title), "the group's leader X", "Hamas spokesman X".
fn title_owner(v: &SentenceArgs, m: usize) -> Option<usize> {
    let mm = &v.mentions[m];
    mm.title.as_ref()?;
    if let Some(q) = mm.qualifier {
        return v.actor(q);
    }
    let start = mm.span.start;
    v.all
        .clone()
        .find(|&p| {
            let pm = &v.mentions[p];
            let end = pm.span.end;
            (end == start || end + 1 == start && v.norm(end) == "'s")
                && (pm.possessive || is(THIRD_PERSON_POSSESSIVES, v.norm(pm.span.start)))
        })
        .and_then(|p| v.actor(p))
}

/// A directed act done both ways: "X and Y accused each other", "each
/// government accused the other" (the two named before, in this sentence).
/// `None` when no reciprocal follows the verb.
fn reciprocal_frame(v: &SentenceArgs, tr: Range<usize>, subjects: &[usize]) -> Option<Vec<Arg>> {
    let (a, b) = (v.norm(tr.end), v.norm(tr.end + 1));
    // "X and Y traded accusations", "X exchanged fire with Y": both ways.
    let mutual = v.ctx.lx.cues.reciprocal_verb.contains(v.norm(tr.start));
    let sides: Vec<usize> = if RECIPROCALS.iter().any(|&(x, y)| x == a && y == b) {
        subjects.to_vec()
    } else if mutual {
        let mut sides = subjects.to_vec();
        if sides.len() == 1 && v.norm(tr.end) == "with" {
            sides.extend(v.objects(tr.end, RelationType::Meet, 1).first());
        }
        sides
    } else {
        // "each government accused the other": the first word opens the
        // clause, the second follows the verb.
        let cs = v.clauses[v.clause_of(tr.start)].range.start;
        let each = RECIPROCALS
            .iter()
            .any(|&(x, y)| is(ARTICLES, a) && b == y && (cs..tr.start).any(|j| v.norm(j) == x));
        // (The clause's subject is "each ...", whatever an earlier clause's was.)
        let named_subject = subjects.iter().any(|&m| v.mentions[m].span.start >= cs);
        if !each || named_subject {
            return None;
        }
        let mut named: Vec<usize> = Vec::new();
        for &m in v.args.iter().rev() {
            let Some(x) = v.actor(m) else { continue };
            let place = v.actors[x].kind == Some(ActorKind::Place);
            let new = !named.iter().any(|&n| v.actor(n) == Some(x));
            if v.mentions[m].span.end <= cs && !place && new {
                named.push(m);
            }
        }
        named.truncate(2);
        named
    };
    if sides.len() != 2 {
        return None;
    }
    let mut out = cross(&sides[..1], &sides[1..], " (each other)");
    out.extend(cross(&sides[1..], &sides[..1], " (each other)"));
    Some(out)
}

/// "warned that the attacks on Y would intensify": force foretold in a
/// warning (an attack noun in a clause with a modal) threatens whom it names
/// as attacked.
fn foretold_attack_targets(v: &SentenceArgs, ci: usize, own: &[usize]) -> Vec<usize> {
    let c = &v.clauses[ci];
    if !(c.range.start..c.range.end).any(|j| is(MODALS, v.norm(j))) {
        return Vec::new();
    }
    let Some((head, targets)) = attack_noun_in(v, c.range.start, c.range.end) else {
        return Vec::new();
    };
    // ("warned that attacks on Y by gangs could rise" foretells someone else's.)
    let end = targets.last().map_or(head, |&m| v.mentions[m].span.end);
    let someone_else = v.norm(end) == "by"
        || attack_author(v, c.range.start, head).is_some_and(|m| {
            v.actor(m)
                .is_some_and(|a| !own.iter().any(|&o| o == a || speaks_for(v.actors, o, a)))
        });
    if someone_else {
        Vec::new()
    } else {
        targets
    }
}

/// A threat with no object is aimed at whoever its condition names: "threatened
/// a strike unless Y cuts the fee", "warned that it would respond if Y adopted
/// ...". Not through a complement about someone else ("warned that Y would
/// fall if Z ..." threatens neither). `None` when no condition names anyone.
fn condition_frame(v: &SentenceArgs, end: usize, subjects: &[usize]) -> Option<Vec<Arg>> {
    if subjects.is_empty() {
        return None;
    }
    let own: Vec<usize> = subjects.iter().filter_map(|&m| v.actor(m)).collect();
    if let Some(ci) = v.complement_of(end) {
        if !v.opens_with_self(ci, &own) {
            return None;
        }
    }
    let targets = v.condition_subjects(end, &own);
    (!targets.is_empty()).then(|| cross(subjects, &targets, " (whom its condition names)"))
}

/// A pattern ending in "by" ("a session hosted by X"): the agent after it acts on
/// the clause's subjects.
fn agent_after_by(v: &SentenceArgs, tr: Range<usize>, kind: RelationType) -> Vec<Arg> {
    // "settled charges brought by X": the subject faces them; "after a
    // complaint filed by X" names nobody who does.
    if kind == RelationType::Accuse && !governed_by_verb(v, tr.start) {
        return Vec::new();
    }
    let agents = v.objects(tr.end, kind, 3);
    let mut subjects = v.subjects(tr.start);
    if subjects.is_empty() {
        // "X and Y signed ... after a session hosted by Z"
        subjects = v.main_subjects(tr.start);
    }
    // "The accord was signed by X and Y": a joint act's agents are its sides.
    if subjects.is_empty() && kind.is_symmetric() {
        return all_pairs(&agents, " (joint agents after 'by')");
    }
    cross(&agents, &subjects, " (agent after 'by')")
}

/// A passive with its agent ("was condemned by X"): the agent acts on the
/// subject. `None` when no agent is named, and the active frames apply.
fn passive_frame(
    v: &SentenceArgs,
    tr: Range<usize>,
    trig: &Trigger,
    st: &DocState,
) -> Option<Vec<Arg>> {
    let agents = v.by_agent(tr.end);
    if agents.is_empty() {
        return None;
    }
    // "The attack on Jizan was condemned by X": whoever attacked, not Jizan.
    if trig.frame == Frame::Condemn {
        let cs = v.clauses[v.clause_of(tr.start)].range.start;
        if let Some((head, targets)) = attack_phrase(v, cs).filter(|&(h, _)| h < tr.start) {
            // ("The attack on Jizan was condemned": whoever attacked Jizan.)
            let earlier = || {
                targets
                    .iter()
                    .find_map(|&t| v.actor(t).and_then(|t| st.author_of_attack_on(t)))
            };
            let author = attack_author(v, cs, head)
                .or_else(earlier)
                .or_else(|| st.last_attacker());
            return Some(author.map_or_else(Vec::new, |a| {
                cross(&agents, &[a], " (passive; author of the attack)")
            }));
        }
    }
    let mut patients = v.subjects(tr.start);
    // "The Moscow trip was condemned by X": whoever made the trip.
    let subject_ref = (trig.frame == Frame::Condemn)
        .then(|| {
            let cs = v.clauses[v.clause_of(tr.start)].range.start;
            act_ref(v, cs).or_else(|| event_ref(v, st, cs))
        })
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
    // "The accord was signed by X and Y": a joint act whose agents are its
    // two sides.
    if trig.frame == Frame::Sym && patients.is_empty() && agents.len() >= 2 {
        return Some(all_pairs(&agents, " (passive, joint agents)"));
    }
    Some(cross(&agents, &patients, " (passive)"))
}

/// "X's condemnation of Y was echoed by A and B": the agents of an echo verb
/// after the trigger take the same stance toward the same targets.
pub(super) fn echoed(v: &SentenceArgs, tr: &Range<usize>, pairs: &[Arg]) -> Vec<Arg> {
    if pairs.is_empty() {
        return Vec::new();
    }
    let echo = &v.ctx.lx.cues.echo_verb;
    let Some(k) = (tr.end..v.range.end).find(|&k| echo.contains(v.norm(k))) else {
        return Vec::new();
    };
    let agents = v.by_agent(k + 1);
    let mut targets: Vec<usize> = Vec::new();
    for p in pairs.iter().filter(|p| p.kind.is_none()) {
        if !targets.contains(&p.tgt) {
            targets.push(p.tgt);
        }
    }
    cross(&agents, &targets, " (stance echoed)")
}

/// "called X 'delusional'", "called it a violation": a label, not a call. `None`
/// when no label follows, and "called X" is a call.
fn called_names(v: &SentenceArgs, subjects: &[usize], objects: &[usize]) -> Option<Vec<Arg>> {
    let &last = objects.last()?;
    match label_after(v, v.mentions[last].span.end)? {
        true => {
            let named: Vec<usize> = objects
                .iter()
                .copied()
                .filter(|&m| v.mentions[m].form != MentionForm::Pronoun)
                .collect();
            Some(with_kind(
                cross(subjects, &named, " (called it names)"),
                RelationType::Condemn,
            ))
        }
        false => Some(Vec::new()),
    }
}

/// "called the expulsion 'unjustified'", "called the deal a betrayal": a label
/// on an act or event referred to; a condemning one is aimed at whoever did it.
/// `None` when no act noun or no label follows, and "called" is read as usual.
fn called_act(
    v: &SentenceArgs,
    from: usize,
    subjects: &[usize],
    st: &DocState,
) -> Option<Vec<Arg>> {
    let cues = &v.ctx.lx.cues;
    let is_act = |w: &str| cues.act_noun.contains_key(w) || cues.event_ref.contains_key(w);
    let noun = referring_noun(v, from, &is_act)?;
    if !label_after(v, noun + 1)? {
        return Some(Vec::new());
    }
    let (t, note) = act_ref(v, from).or_else(|| event_ref(v, st, from))?;
    Some(with_kind(
        cross(subjects, &[t], &format!("{note} (called it names)")),
        RelationType::Condemn,
    ))
}

/// "claimed responsibility for a drone attack on X": X was attacked, by the
/// claimant; with no target named, the last attack's target.
fn claim_frame(
    v: &SentenceArgs,
    tr: Range<usize>,
    subjects: &[usize],
    objects: &[usize],
    st: &DocState,
) -> Vec<Arg> {
    if let Some((_, targets)) = attack_phrase(v, tr.end) {
        if !targets.is_empty() {
            let mut out = cross(subjects, &targets, " (target of the attack claimed)");
            out.extend(with_kind(
                cross(subjects, &targets, " (attack claimed by its author)"),
                RelationType::Attack,
            ));
            return out;
        }
    }
    if objects.is_empty() {
        let own: Vec<usize> = subjects.iter().filter_map(|&m| v.actor(m)).collect();
        // The claimant itself, or the country it belongs to (a country's guards
        // claim its strikes; an insurgent group may claim an attack on its
        // country's army, never on the country it fights for); a person speaks
        // for the groups of their country ("the Houthis' spokesman claimed").
        let same_country = |o: usize, a: usize| {
            v.actors[o].country.is_some() && v.actors[o].country == v.actors[a].country
        };
        let country = |a: usize| v.actors[a].kind == Some(ActorKind::Country);
        let own_target = |a: usize| {
            own.iter()
                .any(|&o| o == a || country(a) && same_country(o, a))
        };
        let own_author = |a: usize| {
            own.iter()
                .any(|&o| o == a || (country(a) || v.actors[o].is_person()) && same_country(o, a))
        };
        if let Some((t, unattributed)) = st.claimable_target(own_author, own_target) {
            let mut out = cross(subjects, &[t], " (target of the last attack)");
            // The claim names the author of an attack told without one.
            if unattributed {
                out.extend(with_kind(
                    cross(subjects, &[t], " (last attack, claimed by its author)"),
                    RelationType::Attack,
                ));
            }
            return out;
        }
    }
    cross(subjects, objects, "")
}

/// Whether the attack noun at `head`, after a verb ending before `from`, refers
/// to one already told ("claimed the blast", "claimed Monday's attack") rather
/// than telling a new one ("claimed an attack", "claimed the strikes that hit X").
fn refers_back(v: &SentenceArgs, from: usize, head: usize) -> bool {
    let indefinite = (from..head).any(|j| matches!(v.norm(j), "a" | "an"));
    !indefinite && !matches!(v.norm(head + 1), "that" | "which")
}

/// A denial in a clause that follows a claim noun with no relative pronoun or
/// with "that": "a charge the rebels have always denied", "an allegation that
/// both X and Y rejected". Gives the names opening the clause (the deniers) and
/// the claim noun.
fn claim_relative(v: &SentenceArgs, t: usize) -> Option<(Vec<usize>, usize)> {
    let claims = &v.ctx.lx.cues.claim_noun;
    let from = t.saturating_sub(12).max(v.range.start);
    let noun = (from..t).rev().find(|&j| claims.contains(v.norm(j)))?;
    let mut i = noun + 1;
    while i < t && matches!(v.norm(i), "that" | "which" | "both") {
        i += 1;
    }
    let first = v.arg_at(i)?;
    let list = v.coordinated(first, t);
    let end = v.mentions[*list.last()?].span.end;
    // Only auxiliaries, adverbs and the rest of the name's noun phrase between
    // the names and the verb: "the Egyptian government has always denied".
    let plain = (end..t).all(|j| {
        v.tok(j)
            .is_some_and(|k| k.kind == TokKind::Word && !k.cap && !k.norm.ends_with("ed"))
    });
    (plain && t - end <= 3).then_some((list, noun))
}

/// "X accused Y of Z, a charge the group denies", "..., which the party
/// denies": a denier named only by its role in a relative clause after an
/// accusation is the accused, and the denial answers the accuser.
fn accused_denies(v: &SentenceArgs, subjects: &[usize], st: &DocState) -> Option<Vec<Arg>> {
    let by_role = !subjects.is_empty()
        && subjects
            .iter()
            .all(|&m| matches!(v.mentions[m].form, MentionForm::Role | MentionForm::Pronoun));
    if !by_role {
        return None;
    }
    let e = st
        .told_in(v.sentence)
        .find(|e| e.kind == RelationType::Accuse)?;
    let (accused, accuser) = (st.mention_of(e.target)?, st.mention_of(e.source)?);
    Some(cross(&[accused], &[accuser], " (the accused denies)"))
}

/// "X accused Y of Z. The former president denies the charge", "... He denies
/// the charges": a denier named only by a role or pronoun that finds no one, or
/// that finds the accuser itself (no one denies their own charge), is the one
/// accused in this sentence or the one before, and the denial answers the
/// accuser.
fn unnamed_denier(
    v: &SentenceArgs,
    t: Range<usize>,
    subjects: &[usize],
    st: &DocState,
) -> Option<Vec<Arg>> {
    let e = st
        .events
        .iter()
        .rev()
        .take_while(|e| e.sentence + 1 >= v.sentence && e.sentence >= st.story_start)
        .find(|e| e.kind == RelationType::Accuse && !e.planned)?;
    let unnamed = if subjects.is_empty() {
        unnamed_subject_phrase(v, t.start)
    } else {
        subjects.iter().all(|&m| {
            matches!(v.mentions[m].form, MentionForm::Role | MentionForm::Pronoun)
                && v.actor(m).is_none_or(|a| a == e.source)
        })
    };
    if !unnamed || v.passive(t.start) || !denies_a_charge(v, t.end) {
        return None;
    }
    let (accused, accuser) = (st.mention_of(e.target)?, st.mention_of(e.source)?);
    Some(cross(&[accused], &[accuser], " (the accused denies)"))
}

/// Whether what a denial verb ending before `from` rejects is a charge: a
/// claim noun, bare or after "the" ("denies the charges"), anything after "any"
/// ("denied any fraud"), a clause ("denied that ..."), or nothing; not someone's own
/// request ("rejected her request").
fn denies_a_charge(v: &SentenceArgs, from: usize) -> bool {
    let Some(tok) = v.tok(from) else { return true };
    if tok.kind == TokKind::Punct {
        return true;
    }
    let charges = &v.ctx.lx.cues.charge_noun;
    match v.norm(from) {
        "any" | "all" | "that" | "it" | "them" | "this" => true,
        // "denied wrongdoing", "denies involvement": a bare charge noun.
        w if charges.contains(w) => true,
        "the" | "these" | "those" | "such" => (from + 1..from + 4)
            .take_while(|&j| v.tok(j).is_some_and(|k| k.kind == TokKind::Word))
            .any(|j| charges.contains(v.norm(j))),
        _ => false,
    }
}

/// Whether the clause of the verb at `t` opens with a definite phrase or a
/// pronoun that names no one ("The former president denies", "The party has
/// denied"): only lower-case words up to the verb.
fn unnamed_subject_phrase(v: &SentenceArgs, t: usize) -> bool {
    let cs = v.clauses[v.clause_of(t)].range.start;
    let opener = matches!(v.norm(cs), "the" | "he" | "she" | "they" | "it");
    opener
        && t - cs <= 5
        && (cs + 1..t).all(|j| v.tok(j).is_some_and(|k| k.kind == TokKind::Word && !k.cap))
}

/// Who made the charge a relative clause denies, when no accusation event
/// names the accuser: the subject of the clause the charge noun is appended to
/// ("X blamed Y for the raid, a charge ..."), or the speaker of a reported
/// charge ("X said Y had armed the rebels, a charge ...").
fn claim_maker(v: &SentenceArgs, noun: usize, deniers: &[usize]) -> Option<usize> {
    let ci = v.clause_of(noun);
    let subjects = if v.clauses[ci].opening == Opening::Complement {
        let main = v.main_subjects(noun);
        if main.is_empty() {
            v.reporter_subjects(noun)
        } else {
            main
        }
    } else {
        v.subjects(noun)
    };
    let denier_actors: Vec<usize> = deniers.iter().filter_map(|&m| v.actor(m)).collect();
    subjects
        .first()
        .copied()
        .filter(|&m| v.actor(m).is_some_and(|a| !denier_actors.contains(&a)))
}

/// A denial is aimed at whoever made the claim denied: named after the verb, the
/// possessor of a claim noun, the maker of an event referred to, or the last
/// accuser.
fn deny_frame(
    v: &SentenceArgs,
    tr: Range<usize>,
    subjects: &[usize],
    objects: &[usize],
    st: &DocState,
) -> Vec<Arg> {
    match claim_author(v, tr.end) {
        Some(Some(c)) => return cross(subjects, &[c], " (author of the claim denied)"),
        // "rejected the government's account": someone unnamed.
        Some(None) => return Vec::new(),
        None => {}
    }
    if let Some(c) = claimant(v, tr.clone()) {
        return cross(subjects, &[c], " (whose claim is denied)");
    }
    if objects.is_empty() {
        if let Some((t, note)) = act_ref(v, tr.end).or_else(|| event_ref(v, st, tr.end)) {
            return cross(subjects, &[t], &note);
        }
    }
    let src_actor = subjects.first().and_then(|&m| v.actor(m));
    if let Some((d, t)) = src_actor.and_then(|d| Some((d, reported_charge(v, d)?))) {
        let mut accusers = vec![t];
        accusers.extend(v.actor(t).and_then(|a| accuser_country(v, st, a, d)));
        return cross(subjects, &accusers, " (who told of the denier's act)");
    }
    if let Some(t) = last_accuser(v, st, src_actor) {
        return cross(subjects, &t, " (last accuser)");
    }
    Vec::new()
}

/// A condemnation of an attack is aimed at its author; of a summoned envoy, at
/// the envoy's country; of an event referred to, at whoever did it.
fn condemn_frame(
    v: &SentenceArgs,
    tr: Range<usize>,
    subjects: &[usize],
    objects: &[usize],
    st: &DocState,
) -> Vec<Arg> {
    // "criticized the Philippines for provocations": the actor named
    // first is the target, not the author of the acts.
    // ("denounced the pact as an act of aggression": the label is no attack.)
    let attack = attack_phrase(v, tr.end).filter(|&(head, _)| {
        !(tr.end..head).any(|j| v.norm(j) == "as")
            && !objects.first().is_some_and(|&o| {
                v.mentions[o].span.end <= head && v.modifier_before(head + 1) != Some(o)
            })
    });
    if let Some((head, _)) = attack {
        if let Some(a) = attack_author(v, tr.end, head) {
            return cross(subjects, &[a], " (author of the attack)");
        }
        if let Some(a) = st.last_attacker() {
            return cross(subjects, &[a], " (author of the last attack)");
        }
        return Vec::new();
    }
    // "summoned China's ambassador": a protest aimed at China.
    if v.ctx.lx.cues.summon_verb.contains(v.norm(tr.start)) {
        return cross(subjects, &envoy_countries(v, tr.end), " (envoy summoned)");
    }
    if objects.is_empty() {
        // "condemned the bombers as cowards": the agents of the attack just told.
        let attackers = &v.ctx.lx.cues.attacker_noun;
        if referring_noun(v, tr.end, &|w| attackers.contains(w)).is_some() {
            let recent = st.attack_told_since(v.sentence, 3);
            // (An attack claimed names its author in the claim, not in the noun.)
            let claimed = || {
                st.events
                    .iter()
                    .rev()
                    .find(|e| {
                        e.kind == RelationType::Claim && !e.planned && e.sentence + 3 >= v.sentence
                    })
                    .and_then(|e| st.mention_of(e.source))
            };
            if let Some(a) = st.last_attacker().filter(|_| recent).or_else(claimed) {
                return cross(subjects, &[a], " (the attackers named by their act)");
            }
        }
        if let Some((t, note)) = act_ref(v, tr.end).or_else(|| event_ref(v, st, tr.end)) {
            return cross(subjects, &[t], &note);
        }
        // "North Korea fired a missile, and Tokyo lodged a protest": a
        // protest with nothing named is aimed at the last attacker.
        if no_object_follows(v, tr.end) {
            if let Some(a) = st.recent_attacker(v.sentence) {
                return cross(subjects, &[a], " (author of the last attack)");
            }
        }
    }
    cross(subjects, objects, "")
}

/// An event noun ("an attack on X", "Tokyo's support for Seoul"): its modifier,
/// its "by" agent, or the subject of a verb that performs it acts on the name
/// after it.
fn noun_frame(v: &SentenceArgs, tr: Range<usize>, kind: RelationType, st: &DocState) -> Vec<Arg> {
    let gap = if kind == RelationType::Attack { 8 } else { 3 };
    let targets = v.objects(tr.end, kind, gap);
    if targets.is_empty() {
        return Vec::new();
    }
    let modifier = v.modifier_before(tr.start);
    let by = agent_inside(v, &tr).unwrap_or_else(|| v.by_agent(tr.end));
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
        let by: Vec<usize> = by.into_iter().filter_map(|m| generic_agent(v, m)).collect();
        return cross(&by, &targets, " (event noun, 'by' agent)");
    }
    match kind {
        RelationType::Attack => attack_noun_frame(v, tr, &targets, st),
        _ => {
            let subjects = v.subjects(tr.start);
            if subjects.is_empty() && kind == RelationType::Visit {
                if let Some(p) = where_subject(v, &targets) {
                    return cross(&[p], &targets, " (trip to where they met)");
                }
            }
            if subjects.is_empty() && tr.start == v.range.start {
                return cross(
                    &v.after_opening_phrase(&targets),
                    &targets,
                    " (fronted phrase)",
                );
            }
            cross(&subjects, &targets, " (event noun)")
        }
    }
}

/// "the first visit to Japan by a South Korean leader": an agent named only as
/// some official of a country ("a", "an" before it) is the person of that
/// country this sentence names before it; with none, nobody (the country did
/// not travel). Any other agent is itself.
fn generic_agent(v: &SentenceArgs, m: usize) -> Option<usize> {
    let mm = &v.mentions[m];
    let s = mm.span.start;
    let indefinite =
        (s.saturating_sub(2).max(v.range.start)..s + 1).any(|k| matches!(v.norm(k), "a" | "an"));
    let country = v
        .actor(m)
        .filter(|&a| v.actors[a].kind == Some(ActorKind::Country))
        .and_then(|a| v.actors[a].country.as_ref());
    let (true, Some(code)) = (indefinite, country) else {
        return Some(m);
    };
    v.args.iter().rev().copied().find(|&p| {
        v.mentions[p].span.end <= s
            && v.actor(p).is_some_and(|a| {
                v.actors[a].is_person() && v.actors[a].country.as_ref() == Some(code)
            })
    })
}

/// "a trip to Kampala, where X met Y": a trip with no traveller named before
/// it is made by the subject of the "where" clause right after its place.
fn where_subject(v: &SentenceArgs, targets: &[usize]) -> Option<usize> {
    let end = v.mentions[*targets.last()?].span.end;
    let at = if v.tok(end).is_some_and(|t| t.is_punct(',')) {
        end + 1
    } else {
        end
    };
    (v.norm(at) == "where")
        .then(|| v.arg_at(at + 1))
        .flatten()
        .filter(|&m| {
            v.actor(m)
                .is_some_and(|a| v.actors[a].kind != Some(ActorKind::Place))
        })
}

/// The subject authors an attack noun only through a verb that says so:
/// "launched an attack on X"; "vowed an offensive on X" is a threat; "briefed him
/// on the attack on X" says nothing of its author.
fn attack_noun_frame(
    v: &SentenceArgs,
    tr: Range<usize>,
    targets: &[usize],
    st: &DocState,
) -> Vec<Arg> {
    match governing_verb(v, tr.start) {
        Some(Governor::Performer) => {
            cross(&v.subjects(tr.start), targets, " (event noun, performed)")
        }
        Some(Governor::Threat) => with_kind(
            cross(&v.subjects(tr.start), targets, " (attack vowed: a threat)"),
            RelationType::Threaten,
        ),
        None => {
            let t = targets.first().and_then(|&m| v.actor(m));
            match t.and_then(|t| st.author_of_attack_on(t)) {
                Some(a) => cross(&[a], targets, " (author of the earlier attack on it)"),
                None => Vec::new(),
            }
        }
    }
}

/// "Norway said Sweden was behind the attack": the predicate says something of
/// its clause's subject (the target); whoever reports the clause is the source.
/// Narrated ("Sweden was behind the attack") it names no accuser.
fn pred_frame(v: &SentenceArgs, tr: Range<usize>) -> Vec<Arg> {
    let ci = v.clause_of(tr.start);
    if v.clauses[ci].opening != Opening::Complement {
        return Vec::new();
    }
    let targets = v.subjects(tr.start);
    let sources = v.reporter_subjects(tr.start);
    // "X said it was behind the bombing of Y": a speaker behind an attack of
    // its own claims it.
    let own: Vec<usize> = sources.iter().filter_map(|&m| v.actor(m)).collect();
    let itself = !targets.is_empty()
        && targets
            .iter()
            .all(|&m| v.actor(m).is_some_and(|a| own.contains(&a)));
    if itself {
        let hit = attack_phrase(v, tr.end).map(|(_, t)| t).unwrap_or_default();
        let mut out = with_kind(
            cross(&sources, &hit, " (said it was behind the attack)"),
            RelationType::Claim,
        );
        out.extend(with_kind(
            cross(&sources, &hit, " (attack claimed by its author)"),
            RelationType::Attack,
        ));
        return out;
    }
    cross(&sources, &targets, " (predicate of a reported clause)")
}

/// "the fall of X to Y" / "X fell to Y": Y attacked X.
fn fall_frame(v: &SentenceArgs, tr: Range<usize>, trig: &Trigger) -> Vec<Arg> {
    // The noun ("the fall of X") names its victim after "of", the verb before it.
    let (victims, agents) = if trig.pattern.ends_with(" of") {
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

/// The person whose words a clause reports: "X said [Iran would respond]", "X warned
/// that [...]".
/// The flag says the words are a pledge ("X pledged that France would ..."),
/// which one makes only for one's own side.
pub(super) fn reported_speaker(v: &SentenceArgs, t: usize) -> Option<(usize, bool)> {
    let ci = v.clause_of(t);
    let c = &v.clauses[ci];
    if c.opening != Opening::Complement || ci == 0 {
        return None;
    }
    let before = c.range.start.saturating_sub(1);
    let pledge =
        (before.saturating_sub(2)..=before).any(|j| v.ctx.lx.cues.pledge_verb.contains(v.norm(j)));
    if !pledge && !said_before(v, ci, 2, false) {
        return None;
    }
    // ("X toured Y, two days after ..., and pledged that ...": the clause
    // that governs the words names who said them.)
    let m = *v.reporter_subjects(t).first()?;
    let a = v.actor(m)?;
    v.actors[a].is_person().then_some((a, pledge))
}

/// "X said its fighters had overrun Y", "X said they shot down a Y drone": an
/// actor telling of its own use of force claims it. The speaker is the author
/// when the reported clause opens with the speaker itself ("it", "its forces")
/// or with the country it speaks for; each target gets a claim and an attack.
pub(super) fn own_attack_claims(v: &SentenceArgs, tr: Range<usize>, trig: &Trigger) -> Vec<Arg> {
    // ("said it had carried out the raid on X"; "said his government condemns
    // the arrest of X" tells of no act of its own.)
    let performed = match trig.frame {
        Frame::Svo => true,
        Frame::Noun => matches!(governing_verb(v, tr.start), Some(Governor::Performer)),
        _ => false,
    };
    let ci = v.clause_of(tr.start);
    if !performed {
        return Vec::new();
    }
    let c = &v.clauses[ci];
    if c.opening != Opening::Complement || ci == 0 || c.quoted {
        return Vec::new();
    }
    let said = said_before(v, ci, 3, true);
    let speakers = v.main_subjects(tr.start);
    let Some(first) = speakers.first().and_then(|&m| v.actor(m)) else {
        return Vec::new();
    };
    // A person speaks for their country; an organization of a country (an armed
    // group fighting its army) does not.
    let person = v.actors[first].is_person();
    let own: Vec<usize> = std::iter::once(first)
        .chain((0..v.actors.len()).filter(|&a| person && speaks_for(v.actors, first, a)))
        .collect();
    if !said || !v.opens_with_self(ci, &own) {
        return Vec::new();
    }
    let targets: Vec<usize> = v
        .objects(tr.end, RelationType::Attack, 6)
        .into_iter()
        .filter(|&m| v.actor(m).is_some_and(|a| !own.contains(&a)))
        .collect();
    let mut out = with_kind(
        cross(
            &speakers,
            &targets,
            " (its own attack, told by the speaker)",
        ),
        RelationType::Claim,
    );
    out.extend(with_kind(
        cross(&speakers, &targets, " (attack told by its author)"),
        RelationType::Attack,
    ));
    out
}

/// Whether a speech verb stands within `reach` tokens before clause `ci` ("said
/// [that] ..."); `clause_verbs` counts the verbs of thinking and claiming too.
pub(super) fn said_before(v: &SentenceArgs, ci: usize, reach: usize, clause_verbs: bool) -> bool {
    let lx = v.ctx.lx;
    let before = v.clauses[ci].range.start.saturating_sub(1);
    (before.saturating_sub(reach)..=before).any(|j| {
        lx.speech.contains(v.norm(j)) || clause_verbs && lx.speech_clause.contains(v.norm(j))
    })
}

/// Whether person `p` speaks for actor `a`: `a` is the person's country.
pub(super) fn speaks_for(actors: &[DocActor], p: usize, a: usize) -> bool {
    actors[a].kind == Some(ActorKind::Country)
        && actors[p].country.is_some()
        && actors[p].country == actors[a].country
}

/// Each source with each target.
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

/// Every two of a list with each other (symmetric events between joint subjects).
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

/// The same pairs as another relation type (a vowed attack is a threat).
fn with_kind(mut args: Vec<Arg>, kind: RelationType) -> Vec<Arg> {
    for a in &mut args {
        a.kind = Some(kind);
    }
    args
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
        || is(ARTICLES, &t.norm)
        || t.norm == "as"
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

/// Whom a denial answers when nothing is named: the last accuser or condemner of
/// the denier (and the country that accuser speaks for, when it made the
/// charge too), else the last accuser or claimant other than the denier.
fn last_accuser(v: &SentenceArgs, st: &DocState, denier: Option<usize>) -> Option<Vec<usize>> {
    let events = &st.events[st
        .events
        .iter()
        .position(|e| e.sentence >= st.story_start)
        .unwrap_or(st.events.len())..];
    // Whoever accused the denier, or the country the denier speaks for
    // ("the junta accused France ... Colonna rejected the allegation").
    // (A ministry or a country answers for its head of government: "X accused
    // the Ethiopian prime minister ... Ethiopia's Foreign Ministry rejected".)
    let aimed_at_denier = |t: usize| {
        Some(t) == denier
            || denier.is_some_and(|d| {
                d != t && (speaks_for(v.actors, d, t) || heads_own_country(v.actors, t, d))
            })
    };
    let e = events
        .iter()
        .rev()
        .find(|e| {
            matches!(e.kind, RelationType::Accuse | RelationType::Condemn)
                && aimed_at_denier(e.target)
        })
        .or_else(|| {
            // Else a claim just made by someone else: an older one is no longer
            // what a bare "rejected the charge" answers.
            // (A claim of responsibility is no charge to deny.)
            events.iter().rev().find(|e| {
                e.kind == RelationType::Accuse
                    && Some(e.source) != denier
                    && e.sentence + 1 >= v.sentence
            })
        })?;
    let mut out: Vec<usize> = st.mention_of(e.source).into_iter().collect();
    out.extend(accuser_country(v, st, e.source, e.target));
    (!out.is_empty()).then_some(out)
}

/// "Kyrgyzstan accused Tajikistan ...; its foreign minister said Tajik troops
/// had fired ...": a charge by a person that the country they speak for made
/// too, against the same side in this story, is the country's as well. Gives
/// the country's mention.
fn accuser_country(
    v: &SentenceArgs,
    st: &DocState,
    accuser: usize,
    accused: usize,
) -> Option<usize> {
    if !v.actors[accuser].is_person() {
        return None;
    }
    let c = st.events.iter().rev().find(|c| {
        c.kind == RelationType::Accuse
            && c.sentence >= st.story_start
            && c.source != accuser
            && c.target == accused
            && speaks_for(v.actors, accuser, c.source)
    })?;
    st.mention_of(c.source)
}

/// Whether person `p` heads the country that body or country `b` belongs to
/// (a head of state or government, or a leader, of the same country).
fn heads_own_country(actors: &[DocActor], p: usize, b: usize) -> bool {
    let (p, b) = (&actors[p], &actors[b]);
    p.is_person()
        && !b.is_person()
        && p.country.is_some()
        && p.country == b.country
        && p.titles
            .iter()
            .any(|(_, class)| matches!(class.as_str(), "head" | "leader"))
}

/// "Hanoi says Chinese ships rammed its vessels. Beijing denies the charge": a
/// speaker who, in the sentence before or earlier in this one, told of an act
/// of the denier (a reported clause opening with the denier's name or
/// demonym) made the charge denied.
fn reported_charge(v: &SentenceArgs, denier: usize) -> Option<usize> {
    let lx = v.ctx.lx;
    let from = v.sentence.checked_sub(1).unwrap_or(v.sentence);
    let start = v.ctx.sentences[from].tokens.start;
    let in_reach = |m: usize| {
        let mm = &v.mentions[m];
        mm.actor.is_some() && !mm.absorbed && mm.sentence >= from && mm.sentence <= v.sentence
    };
    let speaker_before =
        |k: usize| {
            v.mentions.iter().enumerate().rev().find_map(|(m, mm)| {
                (in_reach(m) && mm.span.end == k && !mm.possessive).then_some(m)
            })
        };
    for k in start..v.range.start.max(start) {
        let t = &v.ctx.tokens[k];
        if t.cap || !lx.speech.contains(&t.norm) {
            continue;
        }
        let Some(speaker) = speaker_before(k) else {
            continue;
        };
        let opens = if v.ctx.tokens.get(k + 1).is_some_and(|n| n.norm == "that") {
            k + 2
        } else {
            k + 1
        };
        let about_denier = v.mentions.iter().enumerate().any(|(m, mm)| {
            in_reach(m)
                && mm.span.start == opens
                && mm.actor.is_some_and(|a| {
                    a == denier
                        || speaks_for(v.actors, denier, a)
                        || speaks_for(v.actors, a, denier)
                })
        });
        if about_denier && v.actor(speaker) != Some(denier) {
            return Some(speaker);
        }
    }
    None
}

/// "rejected Zelensky's accusation": the possessor of a claim noun in the sentence.
fn claimant(v: &SentenceArgs, tr: Range<usize>) -> Option<usize> {
    // ("The Houthis' claim could not be verified ..., which Baghdad denied":
    // a claim in another clause is not the one denied.)
    let ci = v.clause_of(tr.start);
    v.args.iter().copied().find(|&m| {
        let mm = &v.mentions[m];
        let cm = v.clause_of(mm.span.start);
        // ("Concerning X's statement ..., Y denied": a leading phrase names it.)
        mm.possessive
            && (cm == ci || v.clauses[cm].adverbial)
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
    // "rejected as false the account of X": the label comes before the claim.
    let from = label_before_object(v, from);
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
        .or_else(|| contact_clause_subject(v, noun + 1))
    {
        return Some(Some(m));
    }
    // "the claims by X", "the allegations made by X", "charges brought by X"
    let by = (noun + 1..noun + 3).find(|&j| matches!(v.norm(j), "by" | "from"));
    let participle = by.is_some_and(|b| {
        let w = v.norm(noun + 1);
        b == noun + 1 || w.ends_with("ed") || v.ctx.lx.cues.irregular_participle.contains(w)
    });
    if let Some(b) = by.filter(|_| participle) {
        // ("charges by the Druze leader X": a title may come first.)
        return (b + 1..b + 5).find_map(|k| v.arg_at(k)).map(Some);
    }
    // "the account of X": a name right after "of" (no demonym: "allegations of
    // Russian meddling" name the accused) is whose account it is.
    if v.norm(noun + 1) == "of" {
        if let Some(m) = v
            .arg_at(noun + 2)
            .filter(|&m| v.mentions[m].form == MentionForm::Name)
        {
            return Some(Some(m));
        }
    }
    let owned = (from..noun).any(|k| v.tok(k).is_some_and(|t| t.kind == TokKind::Possessive));
    owned.then_some(None)
}

/// Past a label put before the object ("rejected as baseless the reports",
/// "dismissed as false the account"): where the object starts. `from` itself
/// when no such label follows the verb.
fn label_before_object(v: &SentenceArgs, from: usize) -> usize {
    if v.norm(from) != "as" {
        return from;
    }
    let negative = &v.ctx.lx.cues.negative_word;
    let mut j = from + 1;
    while j < from + 4 && v.tok(j).is_some_and(|t| t.kind == TokKind::Word && !t.cap) {
        if negative.contains(v.norm(j)) {
            return j + 1;
        }
        j += 1;
    }
    from
}

/// Whether a verb governs the noun phrase ending before `t` ("settle charges",
/// "faces a lawsuit") rather than a preposition ("after a complaint").
fn governed_by_verb(v: &SentenceArgs, t: usize) -> bool {
    let is_prep = |tk: &Token| is(PREPOSITIONS, &tk.norm) || tk.norm == "of";
    let plain = |j: usize| {
        let tk = &v.ctx.tokens[j];
        tk.kind == TokKind::Word && !tk.cap && !is_prep(tk)
    };
    // Back over the noun phrase to its determiner, if any: "a [climate] case".
    let mut j = t;
    while j > v.range.start && t - j < 4 {
        let tk = &v.ctx.tokens[j - 1];
        if is(ARTICLES, &tk.norm) || is(THIRD_PERSON_POSSESSIVES, &tk.norm) {
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
    let j = referring_noun(v, from, &|w| refs.contains_key(w))?;
    let noun = v.norm(j);
    let kind = *refs.get(noun)?;
    // ("X received Y in Beijing": Y made the trip.)
    let e = st.events.iter().rev().find(|e| {
        e.kind == kind
            || kind == RelationType::Visit
                && e.kind == RelationType::Meet
                && e.cameo.as_deref() == Some("043")
    })?;
    let mut maker = if e.kind == kind { e.source } else { e.target };
    // ("Abiy Ahmed signed a memorandum ... Mogadishu denounced the memorandum":
    // a deal binds the country or company its signer acts for.)
    if kind == RelationType::Agree && v.actors[maker].is_person() {
        if let Some(a) = st
            .events
            .iter()
            .find(|a| a.kind == RelationType::Affiliation && a.source == maker && a.target != maker)
        {
            maker = a.target;
        }
    }
    let m = st.mention_of(maker)?;
    Some((m, format!(" (who made the {noun} referred to)")))
}

/// The noun a few words after `from` that `is_noun` accepts, past determiners
/// and modifiers, names included ("the Moscow trip", "Peru's expulsion"); none
/// across a preposition, or when the word only modifies a possessor ("the
/// trip's organizers").
fn referring_noun(v: &SentenceArgs, from: usize, is_noun: &dyn Fn(&str) -> bool) -> Option<usize> {
    let mut j = from;
    while j < from + 4 {
        let t = v.tok(j)?;
        if t.kind == TokKind::Possessive || t.kind == TokKind::Word && t.cap {
            j += 1;
            continue;
        }
        if t.kind != TokKind::Word {
            return None;
        }
        if is_noun(&t.norm) {
            let possessor = v.tok(j + 1).is_some_and(|n| n.kind == TokKind::Possessive);
            return (!possessor).then_some(j);
        }
        if is(PREPOSITIONS, &t.norm) || matches!(t.norm.as_str(), "of" | "that") {
            return None;
        }
        j += 1;
    }
    None
}

/// "condemned the expulsion", "the burning was condemned": a noun naming an act
/// by its verb (data/cues.tsv `act_noun`) is aimed at whoever did it, the
/// subject (or "by" agent) of the nearest earlier form of that verb.
fn act_ref(v: &SentenceArgs, from: usize) -> Option<(usize, String)> {
    let acts = &v.ctx.lx.cues.act_noun;
    let noun = referring_noun(v, from, &|w| acts.contains_key(w))?;
    let forms = acts.get(v.norm(noun))?;
    // (The act may be far back: "the burning" is named again and again after
    // the one sentence that says who burned what.)
    for s in (0..=v.sentence).rev() {
        let range = v.ctx.sentences[s].tokens.clone();
        let end = if s == v.sentence {
            from.min(range.end)
        } else {
            range.end
        };
        for k in (range.start..end).rev() {
            let t = &v.ctx.tokens[k];
            // ("described the burning": the noun again, not the verb.)
            let noun_again = t.norm == v.norm(noun)
                || k > 0 && {
                    let p = &v.ctx.tokens[k - 1];
                    is(ARTICLES, &p.norm)
                        || p.kind == TokKind::Possessive
                        || is(THIRD_PERSON_POSSESSIVES, &p.norm)
                };
            // ("Microsoft completed its takeover of X": the noun told with
            // its agent, whose act takes an object or an infinitive.)
            if t.norm == v.norm(noun) {
                if let Some(m) = agent_possessor(v, s, k) {
                    let note = format!(" (whose {} referred to)", v.norm(noun));
                    return Some((m, note));
                }
            }
            if t.cap || noun_again || !forms.contains(&t.norm) {
                continue;
            }
            if let Some(m) = doer_of(v, s, k) {
                let note = format!(" (who did the {} referred to)", v.norm(noun));
                return Some((m, note));
            }
        }
    }
    None
}

/// The possessor of the act noun at token `k` of sentence `s` when an object or
/// an infinitive follows ("Peru's expulsion of X", "its decision to"): the one
/// who acted. ("his arrest" names whom the act befell, so a bare possessor
/// names no one.)
fn agent_possessor(v: &SentenceArgs, s: usize, k: usize) -> Option<usize> {
    if !v
        .ctx
        .tokens
        .get(k + 1)
        .is_some_and(|t| matches!(t.norm.as_str(), "of" | "to"))
    {
        return None;
    }
    let start = v.ctx.sentences[s].tokens.start.max(k.saturating_sub(6));
    (0..v.mentions.len()).find(|&m| {
        let mm = &v.mentions[m];
        let at = mm.span.start;
        mm.sentence == s
            && mm.actor.is_some()
            && !mm.absorbed
            && at >= start
            && at < k
            && (mm.possessive && mm.span.end < k
                || mm.form == MentionForm::Pronoun
                    && is(THIRD_PERSON_POSSESSIVES, &v.ctx.tokens[at].norm))
            // ("its $69bn takeover": a sum is part of the phrase.)
            && (mm.span.end..k).all(|j| {
                let t = &v.ctx.tokens[j];
                t.kind != TokKind::Punct || matches!(t.norm.as_str(), "$" | "€" | "£" | "." | "-")
            })
    })
}

/// The doer of the verb at token `k` of sentence `s`: the agent after "by", else
/// the nearest mention before it that is no place and follows no preposition.
fn doer_of(v: &SentenceArgs, s: usize, k: usize) -> Option<usize> {
    let ok = |m: usize| {
        let mm = &v.mentions[m];
        mm.sentence == s && mm.actor.is_some() && !mm.absorbed && !mm.locative
    };
    if v.ctx.tokens.get(k + 1).is_some_and(|t| t.norm == "by") {
        return (0..v.mentions.len()).find(|&m| ok(m) && v.mentions[m].span.start == k + 2);
    }
    let after_preposition = |m: usize| {
        v.mentions[m]
            .span
            .start
            .checked_sub(1)
            .is_some_and(|p| is(NON_SUBJECT_PREPOSITIONS, &v.ctx.tokens[p].norm))
    };
    // ", ruling that ...": a participle after a comma shares the sentence's subject.
    if k > 0 && v.ctx.tokens[k - 1].is_punct(',') && v.ctx.tokens[k].norm.ends_with("ing") {
        return (0..v.mentions.len()).find(|&m| ok(m) && !after_preposition(m));
    }
    // ("fined it and ordered it to ...": a pronoun after a verb is its object.)
    let object_pronoun = |m: usize| {
        let mm = &v.mentions[m];
        let before = mm.span.start.checked_sub(1).map(|p| &v.ctx.tokens[p]);
        mm.form == MentionForm::Pronoun
            && (matches!(
                v.ctx.tokens[mm.span.start].norm.as_str(),
                "him" | "them" | "her"
            ) || before
                .is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.norm.ends_with("ed")))
    };
    (0..v.mentions.len()).rev().find(|&m| {
        let mm = &v.mentions[m];
        ok(m)
            && mm.span.end <= k
            && k - mm.span.end <= 4
            && !after_preposition(m)
            && !object_pronoun(m)
            && !(mm.span.end..k).any(|j| v.ctx.tokens[j].is_punct(','))
    })
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
                || is(PREPOSITIONS, &t.norm) && t.norm != "with"
                || v.ctx.lx.cues.time_adverb.contains(&t.norm)
        }
    }
}

/// An event noun's own modifier is the source of a pattern with a slot: in
/// "Russia's demand that @", Russia demands, whoever repeats or rejects it.
/// `None` for verbs and unmodified nouns, which take the clause's subject.
fn noun_slot_source(v: &SentenceArgs, tr: &Range<usize>, trig: &Trigger) -> Option<Vec<usize>> {
    if trig.frame != Frame::Noun {
        return None;
    }
    v.modifier_before(tr.start).map(|m| vec![m])
}

/// The agent an event noun's pattern took in between its words: "the attack by
/// X on Y" (the pattern "attack on" matched across "by X"). `None` when the
/// trigger holds no "by".
fn agent_inside(v: &SentenceArgs, tr: &Range<usize>) -> Option<Vec<usize>> {
    let by = (tr.start + 1..tr.end).find(|&k| v.norm(k) == "by")?;
    let m = (by + 1..(by + 3).min(tr.end)).find_map(|k| v.arg_at(k))?;
    Some(v.coordinated(m, tr.end))
}

/// The name opening a relative clause with no pronoun at `k`, right after a
/// noun: "the accusations [Israel made]" — its subject, who made them.
fn contact_clause_subject(v: &SentenceArgs, k: usize) -> Option<usize> {
    let c = &v.clauses[v.clause_of(k)];
    (c.opening == Opening::Relative && c.range.start == k)
        .then(|| v.arg_at(k))
        .flatten()
}
