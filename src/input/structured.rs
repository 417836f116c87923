//! Shared by the readers of ready-made graphs (node-link JSON, CSV edge lists,
//! GDELT): building one document's extraction row by row, guessing an actor's
//! kind from its name, and mapping CAMEO event codes to relation types.

use crate::model::{Actor, ActorKind, Document, Evidence, Extraction, Relation, RelationType};
use crate::text::{fold, name_key, slug};
use std::collections::HashMap;

/// Accumulates the actors and relations of one document.
pub(crate) struct Builder {
    doc: Document,
    actors: Vec<Actor>,
    by_key: HashMap<(ActorKind, String), usize>,
    ids: std::collections::HashSet<String>,
    relations: Vec<Relation>,
}

impl Builder {
    pub(crate) fn new(doc: Document) -> Self {
        Builder {
            doc,
            actors: Vec::new(),
            by_key: HashMap::new(),
            ids: std::collections::HashSet::new(),
            relations: Vec::new(),
        }
    }

    /// The id of the actor with this name and kind, added when new.
    pub(crate) fn actor(
        &mut self,
        name: &str,
        kind: ActorKind,
        country: Option<String>,
        aliases: Vec<String>,
    ) -> String {
        let key = (kind, name_key(name));
        if let Some(&i) = self.by_key.get(&key) {
            let a = &mut self.actors[i];
            if a.country.is_none() {
                a.country = country;
            }
            for al in aliases {
                if !a.aliases.contains(&al) && name_key(&al) != key.1 {
                    a.aliases.push(al);
                }
            }
            return a.id.clone();
        }
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.ids.insert(id.clone());
        self.by_key.insert(key, self.actors.len());
        self.actors.push(Actor {
            id: id.clone(),
            name: name.to_string(),
            kind,
            country,
            aliases,
        });
        id
    }

    /// Adds a relation between two actor ids of this builder.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn relation(
        &mut self,
        source: String,
        target: String,
        kind: RelationType,
        cameo: Option<String>,
        date: Option<String>,
        mut evidence: Evidence,
    ) {
        // The store keeps 32-bit offsets and sentence numbers: past 4 GiB into a
        // file the span is dropped, and a sentence number that does not fit (a
        // node-link file may say anything) becomes 0, rather than the store
        // silently dropping the whole relation.
        if evidence.end > u32::MAX as usize {
            evidence.start = 0;
            evidence.end = 0;
        }
        if evidence.sentence > u32::MAX as usize {
            evidence.sentence = 0;
        }
        self.relations.push(Relation {
            source,
            target,
            kind,
            cameo,
            date,
            planned: false,
            evidence,
        });
    }

    /// Marks the last relation added as planned (announced, not happened).
    pub(crate) fn mark_last_planned(&mut self) {
        if let Some(r) = self.relations.last_mut() {
            r.planned = true;
        }
    }

    /// Number of relations so far.
    pub(crate) fn len(&self) -> usize {
        self.relations.len()
    }

    pub(crate) fn doc_id(&self) -> &str {
        &self.doc.id
    }

    pub(crate) fn finish(self) -> Extraction {
        Extraction {
            documents: vec![self.doc],
            actors: self.actors,
            relations: self.relations,
        }
    }
}

/// The kind (and country) of an actor known only by its name: the lexicons'
/// countries and organizations first, then kind words ("Ministry", "Party"),
/// then two to four capitalized words read as a person's name; otherwise an
/// organization.
pub(crate) fn guess_kind(name: &str) -> (ActorKind, Option<String>) {
    let lx = crate::lexicon::builtin();
    if let Some(e) = lx.gazetteer.get(&fold(name)).and_then(|v| v.first()) {
        return (e.kind, e.country.clone());
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if let Some(k) = words.last().and_then(|w| lx.heads.get(&fold(w))) {
        return (*k, None);
    }
    // Particles ("al-Kadhimi", "bin", "von der") may be lowercase inside a name.
    let particle = |w: &str| {
        lx.particle(w).lowercase
            || w.split_once('-')
                .is_some_and(|(_, r)| r.chars().next().is_some_and(char::is_uppercase))
    };
    let capitalized = words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            (w.chars().next().is_some_and(char::is_uppercase) || particle(w))
                && w.chars().all(|c| c.is_alphabetic() || "-'.".contains(c))
        });
    if (2..=4).contains(&words.len()) && capitalized {
        (ActorKind::Person, None)
    } else {
        (ActorKind::Organization, None)
    }
}

/// The relation type of a CAMEO event code (kept as a string: leading zeros
/// matter). `None` for event classes outside the 13 types (e.g. 09x investigate).
pub fn cameo_type(code: &str) -> Option<RelationType> {
    use RelationType::*;
    let c = code.trim();
    if c.len() < 2 || !c.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let root = &c[..2];
    Some(match (root, c) {
        (_, "041") => Call,
        (_, "042") | (_, "043") => Visit,
        (_, "015") => Claim,
        (_, "016") => Deny,
        (_, "051") | (_, "052") | (_, "053") | (_, "054") => Support,
        (_, "057") => Agree,
        (_, "112") | (_, "115") | (_, "116") => Accuse,
        ("04", _) => Meet,
        ("03", _) | ("05", _) | ("06", _) | ("08", _) => Agree,
        ("02", _) | ("10", _) => Demand,
        ("07", _) => Support,
        ("11", _) | ("14", _) => Condemn,
        ("12", _) => Deny,
        ("13", _) | ("15", _) => Threaten,
        ("17", _) | ("18", _) | ("19", _) | ("20", _) => Attack,
        _ => return None,
    })
}

/// A date as ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a time after the day is
/// dropped; `YYYYMMDD` as GDELT writes it is accepted). `None` when not a date.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let valid = |y: &str, m: Option<&str>, d: Option<&str>| {
        let ok_m = m.is_none_or(|m| matches!(m.parse::<u32>(), Ok(1..=12)));
        let ok_d = d.is_none_or(|d| matches!(d.parse::<u32>(), Ok(1..=31)));
        y.len() == 4 && ok_m && ok_d
    };
    if b.len() == 8 && digits(0..8) {
        let (y, m, d) = (&s[..4], &s[4..6], &s[6..8]);
        return valid(y, Some(m), Some(d)).then(|| format!("{y}-{m}-{d}"));
    }
    if b.len() == 4 && digits(0..4) {
        return Some(s.to_string());
    }
    if b.len() >= 7 && digits(0..4) && b[4] == b'-' && digits(5..7) {
        if b.len() == 7 {
            return valid(&s[..4], Some(&s[5..7]), None).then(|| s.to_string());
        }
        if b.len() >= 10
            && b[7] == b'-'
            && digits(8..10)
            && (b.len() == 10 || matches!(b[10], b'T' | b' ' | b't'))
        {
            return valid(&s[..4], Some(&s[5..7]), Some(&s[8..10])).then(|| s[..10].to_string());
        }
    }
    None
}

/// A relation type by name (`meet`) or by CAMEO code (`042`).
pub(crate) fn relation_type(s: &str) -> Option<(RelationType, Option<String>)> {
    if let Ok(t) = s.parse::<RelationType>() {
        return Some((t, t.default_cameo().map(str::to_string)));
    }
    cameo_type(s).map(|t| (t, Some(s.trim().to_string())))
}

/// The document a structured file (CSV, GDELT, node-link JSON) stands for:
/// the whole file is one document, named `id`, with no date, title or URL.
pub(crate) fn file_document(id: String, path: &std::path::Path) -> Document {
    Document {
        id,
        path: path.display().to_string(),
        date: None,
        title: None,
        url: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cameo_codes_keep_their_meaning() {
        assert_eq!(cameo_type("041"), Some(RelationType::Call));
        assert_eq!(cameo_type("042"), Some(RelationType::Visit));
        assert_eq!(cameo_type("040"), Some(RelationType::Meet));
        assert_eq!(cameo_type("111"), Some(RelationType::Condemn));
        assert_eq!(cameo_type("112"), Some(RelationType::Accuse));
        assert_eq!(cameo_type("190"), Some(RelationType::Attack));
        assert_eq!(cameo_type("0874"), Some(RelationType::Agree));
        assert_eq!(cameo_type("090"), None);
        assert_eq!(
            cameo_type("41"),
            None,
            "two digits are a root code 04, not 041"
        );
        assert_eq!(cameo_type("abc"), None);
    }

    #[test]
    fn dates_are_normalized() {
        assert_eq!(iso_date("20240105").as_deref(), Some("2024-01-05"));
        assert_eq!(
            iso_date("2024-01-05T10:00:00Z").as_deref(),
            Some("2024-01-05")
        );
        assert_eq!(iso_date("2024-01").as_deref(), Some("2024-01"));
        assert_eq!(iso_date("2024-13-01"), None);
        assert_eq!(iso_date("yesterday"), None);
    }

    #[test]
    fn kinds_are_guessed_from_names() {
        assert_eq!(guess_kind("Iraq").0, ActorKind::Country);
        assert_eq!(guess_kind("Mustafa al-Kadhimi").0, ActorKind::Person);
        assert_eq!(guess_kind("Anthony Blinken").0, ActorKind::Person);
        assert_eq!(guess_kind("Interior Ministry").0, ActorKind::Organization);
    }
}
