//! Role phrases in coreference: "the Secretary" goes to the most recent person
//! holding that title, "the Hungarian prime minister" to that country's person
//! (or the untitled person just written about), "the group", "the company",
//! "the agency" to the last organization of that sort, "the two leaders" to
//! the last two, and "the foreign ministers of A and B" to each country's.

use super::index::Reading;
use super::subjects::{is_clause_subject, is_object, same_clause_subject, subject_of_object};
use super::{DocActor, DocCtx};
use crate::extract::mentions::{Mention, MentionForm};
use crate::lexicon::WordSet;
use crate::model::ActorKind;
use crate::text::fold;

/// Whether a mention's title fits an actor's titles ("Secretary" fits "Secretary
/// of State"; "leader" fits any head of state or government).
pub(super) fn title_fits(title: &(String, String), actor: &DocActor) -> bool {
    let t = fold(&title.0);
    let words: Vec<&str> = t.split(' ').collect();
    title_words_fit(&words, &title.1, actor)
}

/// [`title_fits`] with the mention's title already folded into words.
pub(super) fn title_words_fit(words: &[&str], class: &str, actor: &DocActor) -> bool {
    actor
        .title_words
        .iter()
        .zip(&actor.titles)
        .any(|(aw, (_, ac))| {
            words.iter().all(|w| aw.iter().any(|x| x == w))
                || class == "leader" && matches!(ac.as_str(), "head" | "leader" | "royal")
        })
}

/// [`title_words_fit`] where a title that lowers the rank ("deputy prime
/// minister", "vice president") fits only a role that says so too: "the prime
/// minister" is not the deputy.
fn rank_fits(words: &[&str], class: &str, actor: &DocActor, lesser: &WordSet<String>) -> bool {
    actor
        .title_words
        .iter()
        .zip(&actor.titles)
        .any(|(aw, (_, ac))| {
            let same_rank = aw
                .iter()
                .all(|x| !lesser.contains(x) || words.contains(&x.as_str()));
            words.iter().all(|w| aw.iter().any(|x| x == w)) && same_rank
                || class == "leader" && matches!(ac.as_str(), "head" | "leader" | "royal")
        })
}

/// "the two leaders": the last actors of that kind, other than the subject of
/// the clause ("Qin praised the two ministers"); the first of them and all.
pub(super) fn resolve_group(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    r: &Reading,
    i: usize,
) -> (Option<usize>, Vec<usize>) {
    let m = &mentions[i];
    let size = m.group_size.unwrap_or(2);
    // ("a call between the two leaders": the subject is one of them.)
    let between = m.span.start > 0 && ctx.tokens[m.span.start - 1].norm == "between";
    let subject = same_clause_subject(ctx, mentions, i).filter(|_| !between);
    let kind = m.kind;
    let group = r.seen.find_n(actors, size, &|x| {
        Some(x) != subject && actors[x].kind == kind
    });
    if group.len() >= size {
        (Some(group[0]), group)
    } else {
        (None, Vec::new())
    }
}

/// A person's role ("the Secretary", "the Hungarian leader"): the most recent
/// person holding that title (of the qualifying country, if any). Only someone
/// already named: a role never points forward to a person the article names
/// later ("The court's president ... Egyptian President el-Sisi" are two
/// people).
pub(super) fn resolve_person_role(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    r: &Reading,
    i: usize,
    t: &(String, String),
) -> Option<usize> {
    let m = &mentions[i];
    // (A city qualifies no role: "a New York judge".)
    let country = m.qualifier.and_then(|q| {
        mentions[q]
            .gaz
            .as_ref()
            .filter(|g| g.kind == ActorKind::Country)
            .and_then(|g| g.country.clone())
    });
    // A person qualified by something else ("European Council
    // President X") is not "the Hungarian leader".
    let folded = fold(&t.0);
    let words: Vec<&str> = folded.split(' ').collect();
    // "Chirac phoned Clinton and told the American president": the object is
    // someone other than the one who acts.
    let subject = subject_of_object(ctx, mentions, i);
    // (Nor, as an object, the subject the sentence opened with: "X, the first
    // leader to reach Y, ... told the American president".)
    let opening = r
        .subjects
        .get(m.sentence)
        .copied()
        .flatten()
        .filter(|&(_, at)| at < m.span.start && is_object(ctx, m))
        .map(|(a, _)| a);
    let not_subject = |a: &DocActor| {
        [subject, opening]
            .iter()
            .flatten()
            .all(|&x| !std::ptr::eq(a, &actors[x]))
    };
    let fits = |a: &DocActor, loose: bool| {
        a.is_person()
            && not_subject(a)
            && rank_fits(&words, &t.1, a, &ctx.lx.cues.lesser_rank_word)
            && (country.is_none()
                || a.country == country
                || a.country.is_none() && !a.qualified && (loose || title_words_fit(&words, "", a)))
    };
    // A person of no known country fits "the American president" by the very
    // title before the untitled person just written about does; by the class
    // of title alone ("the Soviet leader" for a President) only after.
    r.seen
        .find(actors, &|a| fits(a, false))
        .or_else(|| {
            let c = country.as_ref()?;
            let acting: Vec<usize> = [subject, opening].into_iter().flatten().collect();
            untitled_person(
                ctx,
                mentions,
                actors,
                r,
                i,
                c,
                is_object(ctx, m).then_some(acting),
            )
        })
        .or_else(|| r.seen.find(actors, &|a| fits(a, true)))
}

/// "Viktor Orbán's visit ... The Hungarian prime minister": a definite role
/// qualified by a country names the person just written about whose role was
/// not given, if any (not one of this sentence's, who would be someone else).
/// ("served as Vietnam's ambassador" says what someone was, it names no one.)
fn untitled_person(
    ctx: &DocCtx,
    mentions: &[Mention],
    actors: &[DocActor],
    r: &Reading,
    i: usize,
    country: &String,
    acting: Option<Vec<usize>>,
) -> Option<usize> {
    let m = &mentions[i];
    if ctx.tokens[m.span.start].norm != "the" {
        return None;
    }
    // (As an object, the role may be anyone of the sentence but who acts.)
    let here: Vec<usize> = match acting {
        Some(a) => a,
        None => (0..i)
            .rev()
            .take_while(|&k| mentions[k].sentence == m.sentence)
            .filter_map(|k| mentions[k].actor)
            .collect(),
    };
    let untitled = |a: &DocActor| {
        (a.is_person() || a.kind.is_none() && a.words.len() >= 2)
            && a.titles.is_empty()
            && (a.country.is_none() || a.country.as_ref() == Some(country))
    };
    let found = r.seen.find(actors, &untitled)?;
    let seen_at = r.seen.get(found)?;
    let close = m.sentence <= mentions[seen_at].sentence + 3;
    (close && !here.contains(&found)).then_some(found)
}

/// An organization's or place's role: "the Region" → the last place named
/// "... Region", "the coast guard" → "China Coast Guard" (every word of the
/// role is a word of the name); else "the bloc" → the last bloc, "the group"
/// → the last organization, "the company" → the last company, "the agency"
/// → the last public body (the last subject first, for the last three).
pub(super) fn resolve_org_role(
    ctx: &DocCtx,
    m: &Mention,
    actors: &[DocActor],
    r: &Reading,
    allowed: &dyn Fn(&DocActor) -> bool,
) -> Option<usize> {
    let desc = fold(m.head_text(ctx.doc, ctx.tokens));
    let other = |a: &DocActor| allowed(a);
    let fits = |a: &DocActor| {
        other(a)
            && a.kind == m.kind
            && std::iter::once(&a.key).chain(a.alias_keys.iter()).any(|n| {
                let words: Vec<&str> = n.split(' ').collect();
                desc.split(' ').all(|w| words.contains(&w))
            })
    };
    r.seen
        .find(actors, &fits)
        .or_else(|| resolve_kind_role(ctx, m, actors, r, &desc, &other))
}

/// [`resolve_org_role`] for a role that names no words of the name: the kind
/// of organization its noun says, the last subject of that kind first.
fn resolve_kind_role(
    ctx: &DocCtx,
    m: &Mention,
    actors: &[DocActor],
    r: &Reading,
    desc: &str,
    other: &dyn Fn(&DocActor) -> bool,
) -> Option<usize> {
    let cues = &ctx.lx.cues;
    let last = desc.rsplit(' ').next().unwrap_or("");
    // A modifier narrows nothing we can check ("the jihadist group", "the regional
    // bloc"): the head noun decides the kind of role.
    let role = |set: &crate::lexicon::WordSet<String>| set.contains(desc) || set.contains(last);
    let public = |a: &DocActor| a.key.split(' ').any(|w| cues.authority_word.contains(w));
    // The last subject, if it was in this sentence or the one before and this
    // role is a subject too, else the most recent actor that fits.
    let recent_first = |pred: &dyn Fn(&DocActor) -> bool| {
        let recent = r.last_thing_sentence + 1 >= m.sentence;
        let pred = |a: &DocActor| other(a) && pred(a);
        r.last_thing_subject
            .filter(|&s| recent && is_clause_subject(ctx, m) && pred(&actors[s]))
            .or_else(|| r.seen.find(actors, &pred))
    };
    if role(&cues.bloc_role) {
        // "the bloc", "the alliance": an organization named like one.
        r.seen.find(actors, &|a: &DocActor| {
            other(a)
                && a.kind == Some(ActorKind::Organization)
                && a.key.split(' ').any(|w| cues.bloc_word.contains(w))
        })
    } else if role(&cues.force_role) {
        // "the military", "the army": an armed body, not the last group named.
        recent_first(&|a: &DocActor| {
            a.kind == Some(ActorKind::Organization)
                && a.key.split(' ').any(|w| cues.force_word.contains(w))
        })
    } else if role(&cues.junta_role) {
        // "the junta": the ruling military body ("... Council", "... military");
        // none before it is named ("The junta, which calls itself ..."), not
        // the last group whatever it is.
        // (An international body of the lexicon, "the Security Council", rules
        // no country.)
        let ruling = |a: &DocActor| {
            other(a)
                && a.kind == Some(ActorKind::Organization)
                && (a.country.is_some() || a.lexicon_name.is_none())
                && std::iter::once(&a.key)
                    .chain(a.alias_keys.iter())
                    .any(|k| k.split(' ').any(|w| cues.junta_word.contains(w)))
        };
        r.seen.find(actors, &ruling)
    } else if role(&cues.group_role) {
        // "Al-Shabaab ambushed an AU convoy. The group claimed ...": the last
        // subject first, as for "the company".
        recent_first(&|a: &DocActor| a.kind == Some(ActorKind::Organization))
    } else if cues.company_word.contains(last) {
        // (One-word names get their kind at the end: "Twitter".)
        recent_first(&|a: &DocActor| {
            (a.kind == Some(ActorKind::Organization) || a.kind.is_none() && a.words.len() < 2)
                && a.lexicon_name
                    .as_ref()
                    .is_none_or(|l| ctx.lx.companies.contains(l))
                && !public(a)
        })
    } else if cues.authority_word.contains(last) {
        recent_first(&|a: &DocActor| a.kind == Some(ActorKind::Organization) && public(a))
    } else {
        None
    }
}

/// "The foreign ministers of Saudi Arabia and Iran met": a plural title with its
/// countries names the person of each country holding such a title anywhere in the
/// text (the article may name them only later).
pub(super) fn resolve_title_groups(ctx: &DocCtx, mentions: &mut [Mention], actors: &[DocActor]) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let Some(title) = &m.title else { continue };
        if m.form != MentionForm::Role || !m.plural || m.actor.is_some() {
            continue;
        }
        if ctx.tokens.get(m.span.end).is_none_or(|t| t.norm != "of") {
            continue;
        }
        // The countries listed after "of".
        let mut countries: Vec<String> = Vec::new();
        let mut k = i + 1;
        let mut end = m.span.end + 1;
        while let Some(x) = mentions.get(k) {
            let joined = (end..x.span.start)
                .all(|t| matches!(ctx.tokens[t].norm.as_str(), "," | "and" | "the"));
            let code = x
                .actor
                .filter(|&a| actors[a].kind == Some(ActorKind::Country))
                .and_then(|a| actors[a].country.clone());
            match code {
                Some(c) if joined && x.sentence == m.sentence => countries.push(c),
                _ => break,
            }
            end = x.span.end;
            k += 1;
        }
        let group: Vec<usize> = countries
            .iter()
            .filter_map(|c| {
                let of_country: Vec<usize> = (0..actors.len())
                    .filter(|&a| actors[a].is_person() && actors[a].country.as_ref() == Some(c))
                    .collect();
                let titled: Vec<usize> = of_country
                    .iter()
                    .copied()
                    .filter(|&a| title_fits(title, &actors[a]))
                    .collect();
                match (titled.as_slice(), of_country.as_slice()) {
                    ([one], _) | ([], [one]) => Some(*one),
                    _ => None,
                }
            })
            .collect();
        if group.len() >= 2 && group.len() == countries.len() {
            mentions[i].actor = Some(group[0]);
            mentions[i].group = group;
        }
    }
}
