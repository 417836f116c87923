//! Pass 2 of coreference: the short forms, in reading order. A surname alone
//! or with a title goes to the most recent person with that surname (and
//! title), a familiar name to the one person whose full name has it, "he" to
//! the most recent person in subject position, "it" to the last organization
//! or country; role phrases are resolved in [`super::roles`]. A one-word name
//! nobody has yet becomes an actor of its own.

use super::cluster::strip_particle;
use super::index::{Index, Reading, Recency};
use super::roles::{resolve_group, resolve_org_role, resolve_person_role, title_fits};
use super::subjects::{
    after_preposition, clause_subject_before, is_clause_subject, object_pronoun, sentence_subjects,
    speaker_before, subject_of_object, thing_object, thing_opens_before,
};
use super::{DocActor, DocCtx};
use crate::extract::mentions::{Mention, MentionForm, Pronoun};
use crate::extract::tokens::TokKind;
use crate::model::ActorKind;
use crate::text::{fold, name_key};

/// An institution's role, read with the name hyphened to it: "the
/// al-Qaeda-linked group" is some group other than al-Qaeda, and stands where
/// its phrase starts (a clause's subject).
fn modified_role(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    r: &Reading,
    i: usize,
) -> Option<usize> {
    let m = &mentions[i];
    // "the Chinese group": an institution of that country (or of none known).
    let country = m
        .qualifier
        .and_then(|q| mentions[q].gaz.as_ref())
        .filter(|g| g.kind == ActorKind::Country)
        .and_then(|g| g.country.clone());
    let subject = subject_of_object(ctx, mentions, i);
    let modifier = i.checked_sub(1).map(|k| &mentions[k]).filter(|q| {
        q.sentence == m.sentence && q.span.end + 2 == m.span.start && q.hyphen_modifier(ctx.tokens)
    });
    let (whole, linked) = match modifier {
        Some(q) => {
            let mut whole = m.clone();
            whole.span.start = q.span.start;
            (whole, q.actor)
        }
        None => (m.clone(), None),
    };
    let is = |a: &DocActor, x: Option<usize>| x.is_some_and(|x| std::ptr::eq(a, &actors[x]));
    let fits = |a: &DocActor, strict: bool| {
        !is(a, linked)
            && !is(a, subject)
            && country
                .as_ref()
                .is_none_or(|c| a.country.as_ref() == Some(c) || !strict && a.country.is_none())
    };
    resolve_org_role(ctx, &whole, actors, r, &|a| fits(a, true)).or_else(|| {
        country
            .as_ref()
            .and_then(|_| resolve_org_role(ctx, &whole, actors, r, &|a| fits(a, false)))
    })
}

/// Pass 2: one-word names, role phrases and pronouns, in reading order.
pub(super) fn resolve_short_forms(
    ctx: &DocCtx,
    mentions: &mut [Mention],
    actors: &mut Vec<DocActor>,
    index: &mut Index,
) {
    let mut r = Reading::new(sentence_subjects(ctx, mentions, actors));
    for i in 0..mentions.len() {
        let s = &ctx.sentences[mentions[i].sentence];
        let new_story =
            s.index > 0 && crate::extract::opens_dated_story(ctx.tokens, s.tokens.clone());
        r.enter_sentence(mentions[i].sentence, new_story);
        if mentions[i].actor.is_none() {
            let (found, group) = resolve_one(ctx, mentions, actors, index, &r, i);
            let found = found.or_else(|| new_one_word_actor(ctx, &mentions[i], actors));
            if let Some(a) = found {
                attach(ctx, mentions, actors, index, &mut r, i, a, group);
            }
            unnamed_official(ctx, mentions, actors, i);
        }
        note_seen(ctx, mentions, actors, &mut r, i);
    }
}

/// The actor an unresolved mention `i` points to, and for a group phrase ("the
/// two leaders") all the actors it names.
fn resolve_one(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    index: &Index,
    r: &Reading,
    i: usize,
) -> (Option<usize>, Vec<usize>) {
    let m = &mentions[i];
    let found = match m.form {
        MentionForm::Name => resolve_name(ctx, m, actors, index, &r.seen),
        MentionForm::Role if m.group_size.is_some() => {
            return resolve_group(ctx, mentions, actors, r, i);
        }
        // "a judge", "an official": someone not named, never a known person.
        MentionForm::Role
            if m.span.start > 0
                && matches!(
                    ctx.tokens[m.span.start - 1].norm.as_str(),
                    "a" | "an" | "another"
                ) =>
        {
            None
        }
        MentionForm::Role => match &m.title {
            Some(t) if m.kind == Some(ActorKind::Person) && !m.plural => {
                resolve_person_role(ctx, mentions, actors, r, i, t)
            }
            Some(_) => None,
            None => modified_role(ctx, mentions, actors, r, i),
        },
        MentionForm::Pronoun => resolve_pronoun(ctx, mentions, actors, r, i),
        _ => None,
    };
    (found, Vec::new())
}

/// A one-word name (or a short form of a longer one): the actor by that exact
/// name or acronym, else the most recent person with that surname (with the
/// mention's title, if any) or first name, else the one person whose full name
/// has that word ("Lula"), else an institution whose name starts with it.
fn resolve_name(
    ctx: &DocCtx,
    m: &Mention,
    actors: &[DocActor],
    index: &Index,
    seen: &Recency,
) -> Option<usize> {
    let head = m.head_text(ctx.doc, ctx.tokens);
    let w = fold(head);
    let key = name_key(head);
    let w_stripped = strip_particle(&w, ctx.lx).to_string();
    let exact = Index::get(&index.keys, &key)
        .iter()
        .copied()
        .find(|&x| actors[x].acronyms.iter().any(|a| a == head) || actors[x].key == key);
    let persons: Vec<usize> = Index::get(&index.surnames, &w_stripped)
        .iter()
        .copied()
        .filter(|&x| {
            actors[x].kind.is_none_or(|k| k == ActorKind::Person)
                && actors[x].words.len() >= 2
                && actors[x].surname(ctx.lx) == Some(w_stripped.as_str())
        })
        .collect();
    // The most recently seen candidate, among those holding the mention's title
    // when any does.
    let pick = |cands: &[usize]| -> Option<usize> {
        let titled: Vec<usize> = match &m.title {
            Some(t) => cands
                .iter()
                .copied()
                .filter(|&x| title_fits(t, &actors[x]))
                .collect(),
            None => Vec::new(),
        };
        let pool = if titled.is_empty() {
            cands.to_vec()
        } else {
            titled
        };
        pool.iter()
            .copied()
            .max_by_key(|&x| seen.get(x).map(|v| v + 1).unwrap_or(0))
    };
    exact
        .or_else(|| pick(&persons))
        .or_else(|| {
            let firsts: Vec<usize> = Index::get(&index.firsts, &w)
                .iter()
                .copied()
                .filter(|&x| {
                    actors[x].is_person() && actors[x].words.len() >= 2 && actors[x].words[0] == w
                })
                .collect();
            pick(&firsts)
        })
        .or_else(|| {
            // "Lula" for "Luiz Inácio Lula da Silva": any word of one
            // person's full name, when no other person has it.
            let inner: Vec<usize> = Index::get(&index.words, &w)
                .iter()
                .copied()
                .filter(|&x| {
                    actors[x].is_person()
                        && actors[x].words.len() >= 3
                        && actors[x].words.iter().any(|aw| aw == &w)
                })
                .collect();
            (inner.len() == 1 && w.chars().count() >= 3).then(|| inner[0])
        })
        .or_else(|| {
            Index::get(&index.first_words, &w)
                .iter()
                .copied()
                .find(|&x| {
                    !actors[x].is_person()
                        && actors[x].lexicon_name.is_none()
                        && actors[x].key.split(' ').next() == Some(w.as_str())
                        && actors[x].key.contains(' ')
                })
        })
}

/// A pronoun: "he"/"she" the sentence's own subject first, else the last
/// subject person ("X met Y and urged him": an object pronoun is someone
/// else); "it" the last organization or country subject, or as an object
/// ("rammed it") anything but the clause's subject.
fn resolve_pronoun(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    r: &Reading,
    i: usize,
) -> Option<usize> {
    let m = &mentions[i];
    if matches!(m.pronoun, Some(Pronoun::Thing | Pronoun::Plural)) {
        if let Some(a) = speaker_before(ctx, mentions, actors, i) {
            return Some(a);
        }
    }
    match m.pronoun {
        Some(Pronoun::Person) => {
            let opening = r
                .subjects
                .get(m.sentence)
                .copied()
                .flatten()
                .filter(|&(_, at)| at < m.span.start);
            let here = opening.map(|(a, _)| a);
            if object_pronoun(ctx, m) {
                // "Chile declared Bolivia's consul, X, persona non grata and
                // gave him 48 hours": when a country or organization opens the
                // sentence, its first person is an object, and may be "him".
                let here = opening
                    .filter(|&(_, at)| !thing_opens_before(ctx, mentions, actors, m.sentence, at))
                    .map(|(a, _)| a);
                let not_subject = |a: &DocActor| {
                    a.is_person() && here.is_none_or(|h| !std::ptr::eq(a, &actors[h]))
                };
                r.seen
                    .find(actors, &not_subject)
                    .or(here)
                    .or(r.last_person_subject)
            } else {
                // "... said she had pressed Zhang to": a subject pronoun is not
                // the person its own verb's object names.
                // (Then the person just named, as the sentence's subject is out.)
                let free = |a: &DocActor| a.is_person() && !named_as_object(ctx, mentions, i, a);
                match here {
                    Some(h) if !free(&actors[h]) => r.seen.find(actors, &free),
                    _ => here
                        .or(r.last_person_subject)
                        .or_else(|| r.seen.find(actors, &|a: &DocActor| a.is_person())),
                }
            }
        }
        Some(Pronoun::Thing) if thing_object(ctx, m) => {
            // "the ships rammed it": not the subject just named; a vessel or
            // a place may be what "it" is.
            let subject = clause_subject_before(ctx, mentions, i);
            r.seen.find(actors, &|a: &DocActor| {
                !a.is_person() && subject.is_none_or(|sj| !std::ptr::eq(a, &actors[sj]))
            })
        }
        // A subject two or more sentences back has given way to what the text
        // named since ("The ruling is a victory for the union. Its chairman").
        Some(Pronoun::Thing) => r
            .last_thing_subject
            .filter(|_| r.last_thing_sentence + 1 >= m.sentence)
            .or_else(|| {
                r.seen.find(actors, &|a: &DocActor| {
                    matches!(
                        a.kind,
                        Some(ActorKind::Organization) | Some(ActorKind::Country)
                    )
                })
            }),
        _ => None,
    }
}

/// Whether a name within the clause right after pronoun `i` (no comma
/// between) is a word of `a`'s name: "she had pressed Zhang" cannot be Zhang.
fn named_as_object(ctx: &DocCtx, mentions: &[Mention], i: usize, a: &DocActor) -> bool {
    let m = &mentions[i];
    let end = m.span.end;
    mentions[i + 1..]
        .iter()
        .take_while(|x| x.sentence == m.sentence && x.span.start <= end + 5)
        .filter(|x| x.form == MentionForm::Name && x.span.start > end)
        .filter(|x| (end..x.span.start).all(|k| ctx.tokens[k].kind != TokKind::Punct))
        .any(|x| {
            let last = fold(&ctx.tokens[x.span.end - 1].norm);
            a.words.len() >= 2 && a.words.contains(&last)
        })
}

/// A name nobody has yet becomes an actor of its own, unless it is a
/// capitalized common word at the start of a sentence or quote ("Oil prices
/// rose"; in mid-sentence, "sued Apple", it is a name), a title, or one letter.
fn new_one_word_actor(ctx: &DocCtx, m: &Mention, actors: &mut Vec<DocActor>) -> Option<usize> {
    if m.form != MentionForm::Name {
        return None;
    }
    let head = m.head_text(ctx.doc, ctx.tokens);
    let w = fold(head);
    let opening = m.span.start == ctx.sentences[m.sentence].tokens.start
        || m.span.start > 0 && {
            let p = &ctx.tokens[m.span.start - 1];
            p.is_punct('"') || p.is_punct(':') || p.is_punct('(') || p.is_punct('-')
        };
    // ("Solidarity leader X" opening a story: the body led is a name.)
    let led_body = m.absorbed
        && !ctx.lx.cues.generic_leader_word.contains(&w)
        && ctx
            .tokens
            .get(m.span.end)
            .and_then(|t| ctx.lx.titles.get(&t.norm))
            .is_some_and(|t| t.class == "leader");
    let common = ctx.lx.common.contains(&w)
        && !led_body
        && (opening || m.kind.is_none() && !ctx.tokens[m.span.start].cap)
        || ctx.lx.titles.contains_key(&w);
    if common || w.chars().count() < 2 {
        return None;
    }
    let mut a = DocActor::new(head.to_string(), m.kind);
    a.trail
        .push(format!("one-word name {head:?} (sentence {})", m.sentence));
    actors.push(a);
    Some(actors.len() - 1)
}

/// Attaches mention `i` to actor `a` (with the actors of its group): the forms
/// and titles it adds to the actor, and, for a person named before the
/// sentence's subject found so far, the new subject.
#[allow(clippy::too_many_arguments)] // one step of the pass, on the pass's own state
fn attach(
    ctx: &DocCtx,
    mentions: &mut [Mention],
    actors: &mut [DocActor],
    index: &mut Index,
    r: &mut Reading,
    i: usize,
    a: usize,
    group: Vec<usize>,
) {
    let m = &mentions[i];
    let head = m.head_text(ctx.doc, ctx.tokens);
    let actor = &mut actors[a];
    match m.form {
        MentionForm::Pronoun => {}
        MentionForm::Role if m.group_size.is_some() => {
            actor.trail.push(format!(
                "group {:?} (sentence {})",
                m.text(ctx.doc, ctx.tokens),
                m.sentence
            ));
        }
        MentionForm::Role => {
            actor.add_alias(m.text(ctx.doc, ctx.tokens));
            actor.trail.push(format!(
                "role {:?} → {} (sentence {})",
                m.text(ctx.doc, ctx.tokens),
                actor.name,
                m.sentence
            ));
        }
        _ => {
            actor.add_alias(head);
            actor.locative.1 += 1;
            actor.locative.0 += usize::from(m.locative);
            if let Some(t) = &m.title {
                actor.add_title(t);
                actor.add_alias(
                    m.text(ctx.doc, ctx.tokens)
                        .trim_start_matches("the ")
                        .trim_start_matches("The "),
                );
            }
        }
    }
    index.note(ctx, a, &actors[a]);
    mentions[i].actor = Some(a);
    mentions[i].group = group;
    // Subjects recomputed lazily: a newly resolved name or role may be the
    // subject, if it comes before the one found so far.
    let m = &mentions[i];
    let start = m.span.start;
    let earlier = r
        .subjects
        .get(m.sentence)
        .is_some_and(|s| s.is_none_or(|(_, at)| start < at));
    if earlier
        && actors[a].is_person()
        && !m.absorbed
        && m.form != MentionForm::Pronoun
        && !after_preposition(ctx, m)
    {
        r.subjects[m.sentence] = Some((a, start));
    }
}

/// "held talks with his Turkish counterpart", "the UN chief": an official the
/// text never names acts for the country or institution of the title.
fn unnamed_official(ctx: &DocCtx, mentions: &mut [Mention], actors: &mut [DocActor], i: usize) {
    let m = &mentions[i];
    if !(m.actor.is_none()
        && m.form == MentionForm::Role
        && m.kind == Some(ActorKind::Person)
        && m.title.is_some()
        && !m.plural
        && m.group.is_empty())
    {
        return;
    }
    let country = m.qualifier.and_then(|q| {
        mentions[q].actor.filter(|&c| {
            matches!(
                actors[c].kind,
                Some(ActorKind::Country) | Some(ActorKind::Organization)
            )
        })
    });
    if let Some(c) = country {
        actors[c].trail.push(format!(
            "unnamed official {:?} stands for it (sentence {})",
            m.text(ctx.doc, ctx.tokens),
            m.sentence
        ));
        mentions[i].actor = Some(c);
    }
}

/// ", the Chinese name for the shoal": a demonym before a noun modifies it and
/// is no subject, even after a comma. Before a verb ("the French said") it is.
fn adjectival_demonym(ctx: &DocCtx, m: &Mention) -> bool {
    let lx = ctx.lx;
    m.form == MentionForm::Demonym
        && ctx.tokens.get(m.span.end).is_some_and(|t| {
            t.is_word()
                && !t.cap
                && !t.norm.ends_with("ed")
                && !lx.speech.contains(&t.norm)
                && !lx.cues.finite_verb.contains(&t.norm)
                && !crate::extract::grammar::CLAUSE_MARKERS.contains(&t.norm.as_str())
        })
}

/// Notes that mention `i`'s actor was seen (an absorbed qualifier only when it
/// is an institution: "Nvidia Chief Executive X said the company ..."; a
/// country qualifier is not in view), and an organization or country in
/// subject position as the last thing subject.
fn note_seen(ctx: &DocCtx, mentions: &[Mention], actors: &[DocActor], r: &mut Reading, i: usize) {
    let m = &mentions[i];
    let Some(a) = m.actor else { return };
    let org_qualifier = m.absorbed
        && actors[a].lexicon_name.is_none()
        && (actors[a].kind == Some(ActorKind::Organization)
            || actors[a].kind.is_none() && actors[a].words.len() < 2);
    if m.absorbed && !org_qualifier {
        return;
    }
    r.seen.touch(a, i);
    let thing = matches!(
        actors[a].kind,
        Some(ActorKind::Organization) | Some(ActorKind::Country)
    ) || actors[a].kind.is_none() && actors[a].words.len() < 2;
    // ("The al-Qaeda-linked group ...": the subject is the group.)
    if thing
        && is_clause_subject(ctx, m)
        && !adjectival_demonym(ctx, m)
        && !m.hyphen_modifier(ctx.tokens)
    {
        r.last_thing_subject = Some(a);
        r.last_thing_sentence = m.sentence;
    }
}
