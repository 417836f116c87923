//! Names typed by users → actors.
//!
//! [`NewsGraph::find_actor`] matches an id, a name or an alias exactly (case- and
//! diacritic-insensitively). People also type part of a name: "Kadhimi" for
//! "Mustafa al-Kadhimi", "Masrour" for "Masrour Barzani". When the exact match
//! fails, [`find_actor`] accepts a name whose words appear, in order and whole,
//! in exactly one actor's name or alias; several such actors make the name
//! ambiguous, and each is listed with its id so the user can pick one.

use crate::error::{Error, Result};
use crate::graph::{describe, NewsGraph};
use crate::text::{edit_distance_within, name_key};
use petgraph::stable_graph::NodeIndex;

/// Most candidates listed in an error message.
const MAX_CANDIDATES: usize = 8;

/// The words of a folded name; hyphens separate words too ("al-kadhimi").
pub(crate) fn words(key: &str) -> Vec<&str> {
    key.split([' ', '-']).filter(|w| !w.is_empty()).collect()
}

/// Whether `needle` occurs as a contiguous run of whole words in `hay`.
fn contains_words(hay: &[&str], needle: &[&str]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// "Masoud Barzani (person, id masoud-barzani)": an actor in an ambiguity message.
fn describe_with_id(g: &NewsGraph, n: NodeIndex) -> String {
    let a = g.actor(n);
    format!("{} ({}, id {})", a.name, a.kind, a.id)
}

/// A list of candidates, capped, with how many were left out.
/// Shortest names first (the closest to what was typed: "Adrian Abernathy"
/// before "Adrian B. C. Abernathy"), then alphabetically.
fn capped(mut c: Vec<String>) -> Vec<String> {
    c.sort_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
    c.dedup();
    if c.len() > MAX_CANDIDATES {
        let more = c.len() - MAX_CANDIDATES;
        c.truncate(MAX_CANDIDATES);
        c.push(format!("and {more} more"));
    }
    c
}

/// The actor a user means by `name`: an exact id, name or alias match first
/// ([`NewsGraph::find_actor`]), else the one actor whose name or alias contains
/// the typed words. Errors list the closest actors ("did you mean ...") when
/// nothing matches, or every match (capped) when several do.
pub fn find_actor(g: &NewsGraph, name: &str) -> Result<NodeIndex> {
    let unknown = match g.find_actor(name) {
        Ok(n) => return Ok(n),
        Err(Error::AmbiguousActor { name, .. }) => {
            // Re-list with ids: two actors may share a name, and the id tells them apart.
            let key = name_key(&name);
            let hits: Vec<String> = g
                .graph
                .node_indices()
                .filter(|&n| {
                    let a = g.actor(n);
                    std::iter::once(&a.name)
                        .chain(a.aliases.iter())
                        .any(|f| name_key(f) == key)
                })
                .map(|n| describe_with_id(g, n))
                .collect();
            return Err(Error::AmbiguousActor {
                name,
                candidates: capped(hits),
            });
        }
        Err(e) => e,
    };
    let key = name_key(name);
    let needle = words(&key);
    if needle.is_empty() {
        return Err(unknown);
    }
    let mut hits: Vec<NodeIndex> = Vec::new();
    for n in g.graph.node_indices() {
        let a = g.actor(n);
        let matched = std::iter::once(&a.name).chain(a.aliases.iter()).any(|f| {
            let k = name_key(f);
            contains_words(&words(&k), &needle)
        });
        if matched {
            hits.push(n);
        }
    }
    match hits.len() {
        0 => Err(with_word_suggestions(g, unknown, &needle)),
        1 => Ok(hits[0]),
        _ => Err(Error::AmbiguousActor {
            name: name.to_string(),
            candidates: capped(hits.iter().map(|&n| describe_with_id(g, n)).collect()),
        }),
    }
}

/// Replaces the suggestions of an unknown-name error by the actors whose names
/// are closest to what was typed, best first: a name containing the typed text
/// or a word starting with it ("Barzan"), then names with a word a typo away
/// ("Blinkn" → "Blinken"), then names sharing a whole word ("Recep Erdogan" →
/// "Recep Tayyip Erdoğan"). Short unrelated names never qualify, unlike with a
/// plain edit distance on the whole name.
fn with_word_suggestions(g: &NewsGraph, e: Error, needle: &[&str]) -> Error {
    let Error::UnknownActor { name, candidates } = e else {
        return e;
    };
    let mut scored: Vec<(usize, usize, String)> = closest(g, &name_key(&name), needle)
        .into_iter()
        .map(|(missing, typos, n)| (missing, typos, describe(g.actor(n))))
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.2 == b.2);
    let mine: Vec<String> = scored.into_iter().take(5).map(|(_, _, s)| s).collect();
    Error::UnknownActor {
        name,
        candidates: if mine.is_empty() { candidates } else { mine },
    }
}

/// Typos allowed in a typed word of `n` letters.
pub(crate) fn typos_allowed(n: usize) -> usize {
    if n >= 8 {
        2
    } else if n >= 4 {
        1
    } else {
        0
    }
}

/// The words of a typed name that count for matching (two letters or more).
pub(crate) fn needle_words<'a>(needle: &[&'a str]) -> Vec<&'a str> {
    needle.iter().copied().filter(|w| w.len() >= 2).collect()
}

/// How close one folded form `k` of a name is to a typed name (`key` folded,
/// `needle` its words of two letters or more): words not matched (plus one),
/// then typos; `None` when no word matches.
pub(crate) fn score_form(k: &str, key: &str, needle: &[&str]) -> Option<(usize, usize)> {
    if !key.is_empty() && k.contains(key) {
        return Some((0, 0));
    }
    let w = words(k);
    let typos: usize = needle
        .iter()
        .map(|q| {
            w.iter()
                .map(|x| {
                    if x.starts_with(q) && q.len() >= 3 {
                        0
                    } else {
                        edit_distance_within(q, x, typos_allowed(q.chars().count()))
                    }
                })
                .min()
                .unwrap_or(usize::MAX)
        })
        .filter(|&d| d <= typos_allowed(usize::MAX))
        .sum();
    let matched = needle
        .iter()
        .filter(|q| {
            let allowed = typos_allowed(q.chars().count());
            w.iter().any(|x| {
                (x.starts_with(*q) && q.len() >= 3)
                    || edit_distance_within(q, x, allowed) <= allowed
            })
        })
        .count();
    (matched > 0).then_some((needle.len() - matched + 1, typos))
}

/// Every actor close to a typed name (`key` folded, `needle` its words), with
/// its score: words not matched (plus one), then typos; lower is closer.
fn closest(g: &NewsGraph, key: &str, needle: &[&str]) -> Vec<(usize, usize, NodeIndex)> {
    let needle = needle_words(needle);
    let mut scored = Vec::new();
    for n in g.graph.node_indices() {
        let a = g.actor(n);
        let best = std::iter::once(&a.name)
            .chain(a.aliases.iter())
            .filter_map(|f| score_form(&name_key(f), key, &needle))
            .min();
        if let Some((missing, typos)) = best {
            scored.push((missing, typos, n));
        }
    }
    scored
}

/// The first `limit` of an exact match (if any) and scored actors, closest
/// first, the best connected first among equally close ones.
pub(crate) fn rank(
    g: &NewsGraph,
    exact: Option<NodeIndex>,
    scored: Vec<(usize, usize, NodeIndex)>,
    limit: usize,
    degree: impl Fn(NodeIndex) -> usize,
) -> Vec<NodeIndex> {
    let mut out: Vec<NodeIndex> = exact.into_iter().collect();
    let mut scored: Vec<(usize, usize, std::cmp::Reverse<usize>, &str, NodeIndex)> = scored
        .into_iter()
        .map(|(m, t, n)| {
            (
                m,
                t,
                std::cmp::Reverse(degree(n)),
                g.actor(n).id.as_str(),
                n,
            )
        })
        .collect();
    scored.sort();
    for (.., n) in scored {
        if out.len() >= limit {
            break;
        }
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out.truncate(limit);
    out
}

/// Actors a search box suggests for what was typed so far, best first: the
/// exact match of an id, name or alias, then names containing the text, then
/// names a typo or a missing word away ("Blinkn", "Recep Erdogan"); among
/// equally close ones, the best connected first. At most `limit`.
pub fn suggest(g: &NewsGraph, text: &str, limit: usize) -> Vec<NodeIndex> {
    let exact = g.find_actor(text).ok();
    let key = name_key(text);
    let needle = words(&key);
    if needle.is_empty() {
        return exact.into_iter().collect();
    }
    let degree = |n: NodeIndex| g.graph.neighbors_undirected(n).count();
    rank(g, exact, closest(g, &key, &needle), limit, degree)
}

/// Resolves several names (e.g. `--actors A,B,C`), failing on the first that
/// does not resolve.
pub fn find_actors(g: &NewsGraph, names: &[String]) -> Result<Vec<NodeIndex>> {
    names.iter().map(|n| find_actor(g, n)).collect()
}

/// How an actor is named in messages ("Antony Blinken (person)").
pub fn label(g: &NewsGraph, n: NodeIndex) -> String {
    describe(g.actor(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_partial_and_misspelled_names() {
        let g = g();
        let names = |q: &str| -> Vec<String> {
            suggest(&g, q, 5)
                .into_iter()
                .map(|n| g.actor(n).id.clone())
                .collect()
        };
        assert_eq!(names("Barzani")[0], "nb", "the exact alias first");
        assert!(names("Barzani").contains(&"mb".to_string()));
        assert_eq!(names("kadhim"), ["mk"]);
        assert_eq!(names("Masrur Barzani")[0], "mb");
        assert!(names("").is_empty());
        assert!(names("zzzz qqqq").is_empty());
        assert_eq!(suggest(&g, "Barzani", 1).len(), 1);
    }
    use crate::model::{Actor, ActorKind};

    fn g() -> NewsGraph {
        let mut g = NewsGraph::new();
        for (id, name, aliases) in [
            ("mk", "Mustafa al-Kadhimi", vec!["Al-Kadhimi"]),
            ("nb", "Nechirvan Barzani", vec!["Barzani"]),
            ("mb", "Masrour Barzani", vec![]),
            ("ma", "Masoud Barzani", vec![]),
            ("re", "Recep Tayyip Erdoğan", vec![]),
        ] {
            g.add_actor(Actor {
                id: id.into(),
                name: name.into(),
                kind: ActorKind::Person,
                country: None,
                aliases: aliases.into_iter().map(String::from).collect(),
            });
        }
        g
    }

    #[test]
    fn exact_then_whole_words() {
        let g = g();
        let name = |s: &str| g.actor(find_actor(&g, s).unwrap()).id.clone();
        assert_eq!(name("al-kadhimi"), "mk");
        assert_eq!(name("KADHIMI"), "mk");
        assert_eq!(name("masrour"), "mb");
        assert_eq!(name("erdogan"), "re");
        assert_eq!(name("Tayyip Erdogan"), "re");
        // An exact alias wins over word matches.
        assert_eq!(name("Barzani"), "nb");
        assert_eq!(name("ma"), "ma");
    }

    #[test]
    fn ambiguous_and_unknown_names_list_candidates() {
        let mut g = g();
        g.add_actor(Actor {
            id: "mb2".into(),
            name: "Masrour Barzani".into(),
            kind: ActorKind::Person,
            country: None,
            aliases: vec![],
        });
        let e = find_actor(&g, "masrour barzani").unwrap_err().to_string();
        assert!(e.contains("ambiguous") && e.contains("id mb2") && e.contains("id mb"));
        let e = find_actor(&g, "Masoud Barzan").unwrap_err().to_string();
        assert!(
            e.contains("did you mean") && e.contains("Masoud Barzani"),
            "{e}"
        );
        // Partial words are suggestions, not matches.
        let e = find_actor(&g, "Kadhim").unwrap_err().to_string();
        assert!(
            e.contains("did you mean") && e.contains("al-Kadhimi"),
            "{e}"
        );
        let e = find_actor(&g, "Recep Erdogan").unwrap_err().to_string();
        assert!(e.contains("Erdoğan"), "{e}");
    }
}
