//! Pass 1 of coreference: gazetteer entities and multi-word names clustered
//! into actors. A full name, its spelling variants and its title forms become
//! one actor ("Anthony Blinken", "Antony J. Blinken"); "Nechirvan Barzani" and
//! "Masoud Barzani" stay two. One-word names wait for pass 2 ([`super::coref`]).

use super::index::{org_core, Index};
use super::{is_initial, DocActor, DocCtx};
use crate::extract::mentions::{Mention, MentionForm};
use crate::lexicon::{Form, GazEntry, Lexicon};
use crate::model::ActorKind;
use crate::text::{edit_distance_within, fold, name_key};

/// A folded name word without a hyphenated particle prefix ("al-sudani" →
/// "sudani"), so that surnames meet however the particle is written.
pub(super) fn strip_particle<'w>(w: &'w str, lx: &Lexicon) -> &'w str {
    match w.split_once('-') {
        Some((p, rest)) if lx.particle(p).stripped => rest,
        _ => w,
    }
}

/// Name words of a person: folded, without initials, suffixes and particles.
pub(super) fn person_words(head: &str, lx: &Lexicon) -> Vec<String> {
    fold(head)
        .split(' ')
        .enumerate()
        // A leading initial stays ("S. Jaishankar"), so that the surname alone finds
        // the person; middle initials go ("Antony J. Blinken" is "Antony Blinken").
        .filter(|&(i, w)| {
            (w.chars().count() > 1 || i == 0 && w.chars().all(char::is_alphabetic))
                && !lx.cues.name_suffix.contains(w)
        })
        .map(|(_, w)| w)
        .filter(|w| !lx.particle(w).ignored)
        .map(str::to_string)
        .collect()
}

/// Whether two first names may be one person's: equal, an initial of the
/// other, a short form ("Tom", "Thomas") or one letter apart.
fn first_names_compatible(a: &str, b: &str) -> bool {
    a == b
        || a.chars().count() == 1 && b.starts_with(a)
        || b.chars().count() == 1 && a.starts_with(b)
        || a.starts_with(b) && b.len() >= 3
        || b.starts_with(a) && a.len() >= 3
        || (a.len() >= 4 && edit_distance_within(a, b, 1) <= 1)
}

/// Pass 1: gazetteer entities and multi-word names.
#[allow(clippy::needless_range_loop)] // mentions[i] is read, then written after borrowing actors
pub(super) fn cluster_names(
    ctx: &DocCtx,
    mentions: &mut [Mention],
    actors: &mut Vec<DocActor>,
    index: &mut Index,
) {
    for i in 0..mentions.len() {
        let m = &mentions[i];
        let head = match &m.place_name {
            Some(name) => name.clone(),
            None => m.head_text(ctx.doc, ctx.tokens).to_string(),
        };
        let idx = if let (Some(g), true) = (&m.gaz, m.place_use) {
            Some(cluster_place(ctx, m, g, &head, actors, index))
        } else if let Some(g) = &m.gaz {
            Some(cluster_gazetteer(ctx, m, g, &head, actors, index))
        } else if m.form == MentionForm::Name {
            cluster_name(ctx, m, &head, actors, index)
        } else {
            None
        };
        if let Some(idx) = idx {
            // "the Arakan Army (AA)": a lexicon name gets the text's acronym too.
            if let (Some(ac), Some(_)) = (&m.acronym, &m.gaz) {
                if !actors[idx].acronyms.contains(ac) {
                    actors[idx].acronyms.push(ac.clone());
                    actors[idx].add_alias(ac);
                    index.note(ctx, idx, &actors[idx]);
                }
            }
            mentions[i].actor = Some(idx);
        }
    }
}

/// A capital used as a place ("arrived in Nairobi"): an actor of its own, in
/// its country; the country is named too, and is an actor even if the place
/// turns out to be in no relation.
fn cluster_place(
    ctx: &DocCtx,
    m: &Mention,
    g: &GazEntry,
    head: &str,
    actors: &mut Vec<DocActor>,
    index: &mut Index,
) -> usize {
    let key = name_key(head);
    let idx = match index.places.get(&key) {
        Some(&x) => x,
        None => {
            let mut a = DocActor::new(head.to_string(), Some(ActorKind::Place));
            a.country = g.country.clone();
            a.trail.push(format!(
                "capital {head:?} used as a place (sentence {}), in {}",
                m.sentence, g.name
            ));
            actors.push(a);
            index.places.insert(key, actors.len() - 1);
            actors.len() - 1
        }
    };
    actors[idx].add_alias(head);
    if !index.lexicon.contains_key(&g.name) {
        let mut a = DocActor::new(g.name.clone(), Some(g.kind));
        a.lexicon_name = Some(g.name.clone());
        a.country = g.country.clone();
        a.trail
            .push(format!("lexicon entry {:?} (through {head:?})", g.name));
        actors.push(a);
        let c = actors.len() - 1;
        index.note(ctx, c, &actors[c]);
    }
    if let Some(&c) = index.lexicon.get(&g.name) {
        actors[c].add_alias(head);
    }
    idx
}

/// A gazetteer form: the actor of its lexicon entity, created on first use.
fn cluster_gazetteer(
    ctx: &DocCtx,
    m: &Mention,
    g: &GazEntry,
    head: &str,
    actors: &mut Vec<DocActor>,
    index: &mut Index,
) -> usize {
    // A form of several entities names the one the text already has:
    // "Brussels" is the EU in a story about the EU, else Belgium.
    let g = match ctx.lx.gazetteer.get(&fold(head)) {
        Some(alts) if alts.len() > 1 => alts
            .iter()
            .find(|e| (!e.acronym || g.acronym) && index.lexicon.contains_key(&e.name))
            .unwrap_or(g),
        _ => g,
    };
    let idx = match index.lexicon.get(&g.name) {
        Some(&x) => x,
        None => {
            let mut a = DocActor::new(g.name.clone(), Some(g.kind));
            a.lexicon_name = Some(g.name.clone());
            a.country = g.country.clone();
            a.trail.push(format!("lexicon entry {:?}", g.name));
            actors.push(a);
            actors.len() - 1
        }
    };
    let a = &mut actors[idx];
    a.add_alias(head);
    if g.form == Form::Name && m.form == MentionForm::Name {
        a.locative.1 += 1;
    }
    index.note(ctx, idx, &actors[idx]);
    idx
}

/// A name mention: the actor it names if one is already known by that name,
/// else a new actor for a multi-word name (or one of known kind); `None` for a
/// one-word name, which waits for pass 2.
fn cluster_name(
    ctx: &DocCtx,
    m: &Mention,
    head: &str,
    actors: &mut Vec<DocActor>,
    index: &mut Index,
) -> Option<usize> {
    let words = person_words(head, ctx.lx);
    let key = name_key(head);
    // "the Arakan Army (AA) ... the AA": an acronym the text gave a name.
    let by_acronym = index.keys.get(&key).and_then(|v| {
        v.iter()
            .copied()
            .find(|&x| actors[x].acronyms.iter().any(|a| name_key(a) == key))
    });
    let found = by_acronym.or_else(|| find_named(ctx, m, &words, &key, actors, index));
    let multiword =
        head.split_whitespace().count() >= 2 || m.kind.is_some_and(|k| k != ActorKind::Person);
    let idx = match found {
        Some(x) => x,
        None if multiword => {
            let mut a = DocActor::new(
                head.to_string(),
                m.kind.or(m.title.as_ref().map(|_| ActorKind::Person)),
            );
            a.words = words.clone();
            a.trail
                .push(format!("name {head:?} (sentence {})", m.sentence));
            actors.push(a);
            actors.len() - 1
        }
        None => return None,
    };
    merge_name(ctx, m, head, words, &mut actors[idx], found.is_some());
    index.note(ctx, idx, &actors[idx]);
    Some(idx)
}

/// The known actor a name mention names: a person by surname and a compatible
/// first name, an actor by the same name, an institution by the core of its
/// name, or a place by the city a region is named after.
fn find_named(
    ctx: &DocCtx,
    m: &Mention,
    words: &[String],
    key: &str,
    actors: &[DocActor],
    index: &Index,
) -> Option<usize> {
    let lx = ctx.lx;
    let person_like = m.kind.is_none_or(|k| k == ActorKind::Person);
    // "Carlos Ghosn ... Ghosn's lawyers": a surname read as an institution from
    // what follows it is the person named before.
    let surname_of_person = (words.len() == 1
        && m.kind == Some(ActorKind::Organization)
        && m.title.is_none()
        && m.gaz.is_none())
    .then(|| {
        Index::get(&index.surnames, strip_particle(&words[0], lx))
            .iter()
            .copied()
            .find(|&x| actors[x].is_person() && actors[x].words.len() >= 2)
    })
    .flatten();
    let found = if let Some(p) = surname_of_person {
        Some(p)
    } else if words.len() >= 2 && person_like {
        let surname = words.last().map(|w| strip_particle(w, lx)).unwrap_or("");
        Index::get(&index.surnames, surname)
            .iter()
            .copied()
            .find(|&x| {
                let a = &actors[x];
                a.kind.is_none_or(|k| k == ActorKind::Person)
                    && a.words.len() >= 2
                    && a.surname(lx) == Some(surname)
                    && first_names_compatible(&a.words[0], &words[0])
            })
    } else {
        None
    };
    found
        .or_else(|| find_by_key(ctx, m, words, key, actors, index))
        .or_else(|| find_region_city(ctx, m, key, actors, index))
}

/// An actor (not from the lexicon) by the same name, or an institution by the
/// core of its name ("Shafaq News" for "Shafaq News Agency").
fn find_by_key(
    ctx: &DocCtx,
    m: &Mention,
    words: &[String],
    key: &str,
    actors: &[DocActor],
    index: &Index,
) -> Option<usize> {
    if !(words.len() >= 2 || m.kind.is_some_and(|k| k != ActorKind::Person) && !key.is_empty()) {
        return None;
    }
    let by_key = Index::get(&index.keys, key)
        .iter()
        .copied()
        .find(|&x| actors[x].lexicon_name.is_none() && actors[x].has_key(key));
    by_key.or_else(|| {
        let core = org_core(ctx, key);
        if !core.contains(' ') || m.kind == Some(ActorKind::Person) {
            return None;
        }
        Index::get(&index.cores, &core).iter().copied().find(|&x| {
            let a = &actors[x];
            a.lexicon_name.is_none() && !a.is_person() && org_core(ctx, &a.key) == core
        })
    })
}

/// "Odesa ... the Odesa region", "Erbil ... the Erbil Governorate": a region
/// named after a city already in the text is that place (named first as a
/// region, it is a place of its own).
fn find_region_city(
    ctx: &DocCtx,
    m: &Mention,
    key: &str,
    actors: &[DocActor],
    index: &Index,
) -> Option<usize> {
    if m.kind != Some(ActorKind::Place) {
        return None;
    }
    let (city, last) = key.rsplit_once(' ')?;
    let region = ctx.lx.heads.get(last) == Some(&ActorKind::Place);
    if !region {
        return None;
    }
    Index::get(&index.keys, city)
        .iter()
        .copied()
        .find(|&x| actors[x].kind == Some(ActorKind::Place) && actors[x].has_key(city))
}

/// What a name mention adds to its actor `a`: a fuller form of the name, the
/// kind, aliases, title, acronym and locative counts (`found`: the actor was
/// there before, which the trail says).
fn merge_name(
    ctx: &DocCtx,
    m: &Mention,
    head: &str,
    words: Vec<String>,
    a: &mut DocActor,
    found: bool,
) {
    let phrase = m.text(ctx.doc, ctx.tokens);
    let person_like = m.kind.is_none_or(|k| k == ActorKind::Person);
    // A fuller form of the same name (more name words, or the same words
    // with a middle initial: "Antony J. Blinken" after a headline's "Anthony
    // Blinken") is the formal one, and the one a report should show.
    let fuller = words.len() > a.words.len()
        || (words.len() == a.words.len()
            && head.split_whitespace().count() > a.name.split_whitespace().count());
    if fuller && person_like {
        a.words = words;
        // The display name leaves middle initials out ("Antony Blinken"); the
        // form with them stays an alias.
        let plain: Vec<&str> = head.split_whitespace().filter(|w| !is_initial(w)).collect();
        a.set_name(&plain.join(" "));
    }
    if a.kind.is_none() {
        a.kind = m.kind.or(m.title.as_ref().map(|_| ActorKind::Person));
    }
    a.add_alias(head);
    if phrase != head {
        a.add_alias(phrase.trim_start_matches("the ").trim_start_matches("The "));
    }
    if let Some(t) = &m.title {
        a.add_title(t);
    }
    a.qualified |= m.qualifier.is_some();
    if let Some(ac) = &m.acronym {
        if !a.acronyms.contains(ac) {
            a.acronyms.push(ac.clone());
            a.add_alias(ac);
        }
    }
    a.locative.1 += 1;
    a.locative.0 += usize::from(m.locative);
    if found {
        a.trail.push(format!(
            "{head:?} matched by full name (sentence {})",
            m.sentence
        ));
    }
}
