//! The user's alias file: fixes for merges the extractor missed or got wrong.
//!
//! A TOML file with one `[[actor]]` table per actor:
//!
//! ```toml
//! [[actor]]
//! name = "Mustafa al-Kadhimi"        # canonical name (required)
//! kind = "person"                    # person, organization, country or place (optional)
//! country = "IRQ"                    # ISO 3166-1 alpha-3 (optional)
//! aliases = ["Mustafa Al-Kadhimi", "al-Kadhimi", "PM Kadhimi"]
//! ```
//!
//! Applying an entry merges every actor named by one of its forms (its name or
//! an alias, compared case- and diacritic-insensitively) into one actor that
//! takes the canonical name, kind and country. The entries are kept in the store
//! and applied to every later load, so a fix stays fixed.

use super::NewsGraph;
use crate::error::{Error, Result};
use crate::model::{Actor, ActorKind};
use crate::text::name_key;
use petgraph::stable_graph::NodeIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// One actor of the alias file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasEntry {
    /// Canonical name.
    pub name: String,
    /// Kind, when the user fixes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ActorKind>,
    /// ISO 3166-1 alpha-3 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Other names of the actor.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl AliasEntry {
    /// The canonical name, then the aliases.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AliasFile {
    #[serde(default)]
    actor: Vec<AliasEntry>,
}

/// Reads and checks an alias file.
pub fn read_file(path: &Path) -> Result<Vec<AliasEntry>> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = crate::input::text::decode(path, bytes)?;
    parse(path, &text)
}

/// Parses and checks alias-file text: every entry needs a name, kinds and
/// countries must be valid, and no form may belong to two entries.
pub fn parse(path: &Path, text: &str) -> Result<Vec<AliasEntry>> {
    let bad = |line: Option<usize>, reason: String| Error::BadInput {
        path: path.to_path_buf(),
        line,
        reason: crate::error::one_line(&reason),
    };
    let file: AliasFile = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        bad(line, e.message().replace('\n', " "))
    })?;
    let entries: Vec<(&AliasEntry, bool)> = file.actor.iter().map(|e| (e, false)).collect();
    check_entries(&entries).map_err(|why| bad(None, why))?;
    Ok(file.actor)
}

/// Checks alias entries as one alias file: names not empty, countries valid,
/// no form under two entries. `true` marks an entry kept in the store (named so
/// in the message).
fn check_entries(entries: &[(&AliasEntry, bool)]) -> std::result::Result<(), String> {
    let mut owner: HashMap<String, usize> = HashMap::new();
    let label = |(e, stored): (&AliasEntry, bool)| {
        if stored {
            format!("{:?} (kept in the store)", e.name)
        } else {
            format!("{:?}", e.name)
        }
    };
    for (i, &(e, _)) in entries.iter().enumerate() {
        if name_key(&e.name).is_empty() {
            return Err(format!("actor entry {} has an empty name", i + 1));
        }
        if let Some(c) = &e.country {
            if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(format!(
                    "actor {:?}: country {c:?} is not an ISO alpha-3 code such as \"IRQ\"",
                    e.name
                ));
            }
        }
        for f in e.forms() {
            let k = name_key(f);
            if k.is_empty() {
                return Err(format!("actor {:?}: empty alias", e.name));
            }
            if let Some(&j) = owner.get(&k) {
                if j != i {
                    return Err(format!(
                        "{f:?} is listed for both {} and {}",
                        label(entries[j]),
                        label(entries[i])
                    ));
                }
            }
            owner.insert(k, i);
        }
    }
    Ok(())
}

/// Checks new alias entries against those kept in the store, as if they were
/// one file: an entry replaces the kept one of the same canonical name, and no
/// name may then belong to two entries. Without this, two applies could store
/// a cycle ("A" alias of "B", "B" alias of "A") that `aliases show` prints
/// as a file `aliases apply` refuses. `path` names the new file in the error.
pub fn check_with_stored(g: &NewsGraph, path: &Path, entries: &[AliasEntry]) -> Result<()> {
    let replaced: std::collections::HashSet<String> =
        entries.iter().map(|e| name_key(&e.name)).collect();
    let all: Vec<(&AliasEntry, bool)> = g
        .alias_entries
        .iter()
        .filter(|e| !replaced.contains(&name_key(&e.name)))
        .map(|e| (e, true))
        .chain(entries.iter().map(|e| (e, false)))
        .collect();
    check_entries(&all).map_err(|why| Error::BadInput {
        path: path.to_path_buf(),
        line: None,
        reason: crate::error::one_line(&why),
    })
}

/// What applying alias entries did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplyReport {
    /// Entries that matched at least one actor.
    pub matched: usize,
    /// Actors merged into another one.
    pub merged: usize,
    /// Entries that matched no actor yet (kept for later loads).
    pub pending: usize,
}

/// Applies alias entries to the graph and records them for later loads (an
/// entry with the same canonical name replaces the old one).
pub fn apply(g: &mut NewsGraph, entries: &[AliasEntry]) -> ApplyReport {
    let mut report = ApplyReport::default();
    // Every actor by the keys of its name and of its identifying aliases.
    let mut by_form: HashMap<String, Vec<NodeIndex>> = HashMap::new();
    for n in g.graph.node_indices() {
        let a = &g.graph[n];
        let mut keys = vec![name_key(&a.name)];
        for al in &a.aliases {
            if a.kind != ActorKind::Person || super::identity::person_key(al).is_some() {
                keys.push(name_key(al));
            }
        }
        keys.sort();
        keys.dedup();
        for k in keys {
            by_form.entry(k).or_default().push(n);
        }
    }
    for e in entries {
        let mut hits: Vec<NodeIndex> = e
            .forms()
            .flat_map(|f| by_form.get(&name_key(f)).cloned().unwrap_or_default())
            .filter(|n| g.graph.contains_node(*n))
            .collect();
        hits.sort();
        hits.dedup();
        let canon = name_key(&e.name);
        let target = hits.iter().copied().max_by_key(|&n| {
            let a = &g.graph[n];
            (
                name_key(&a.name) == canon,
                e.kind.is_none_or(|k| k == a.kind),
                g.graph
                    .edges_directed(n, petgraph::Direction::Outgoing)
                    .count()
                    + g.graph
                        .edges_directed(n, petgraph::Direction::Incoming)
                        .count(),
                std::cmp::Reverse(n),
            )
        });
        match target {
            None => report.pending += 1,
            Some(t) => {
                report.matched += 1;
                for &other in &hits {
                    if other != t && g.graph.contains_node(other) {
                        let why = format!("alias file entry {:?}", e.name);
                        if g.merge_nodes(t, other, &why).is_ok() {
                            report.merged += 1;
                        }
                    }
                }
                g.conform_to_entry(t, e);
            }
        }
        match g
            .alias_entries
            .iter_mut()
            .find(|x| name_key(&x.name) == canon)
        {
            Some(x) => *x = e.clone(),
            None => g.alias_entries.push(e.clone()),
        }
    }
    g.reindex();
    report
}

/// The entry's aliases first, in its order, then the others longest first (then
/// alphabetically): the same actor whether the file came before or after the
/// documents, and whichever document named which form first.
pub(crate) fn order_entry_aliases(a: &mut crate::model::Actor, e: &AliasEntry) {
    let canon = name_key(&a.name);
    let mut seen = std::collections::HashSet::from([canon]);
    let mut aliases: Vec<String> = Vec::new();
    for f in &e.aliases {
        if seen.insert(name_key(f)) {
            aliases.push(f.clone());
        }
    }
    let mut rest: Vec<String> = Vec::new();
    for f in &a.aliases {
        if seen.insert(name_key(f)) {
            rest.push(f.clone());
        }
    }
    rest.sort_by(|x, y| y.len().cmp(&x.len()).then(x.cmp(y)));
    aliases.extend(rest);
    a.aliases = aliases;
}

impl NewsGraph {
    /// Gives the actor at `n` the entry's canonical name, kind, country and aliases.
    pub(crate) fn conform_to_entry(&mut self, n: NodeIndex, e: &AliasEntry) {
        let before = self.graph[n].clone();
        let a = &mut self.graph[n];
        if name_key(&a.name) != name_key(&e.name) || a.name != e.name {
            let old = std::mem::replace(&mut a.name, e.name.clone());
            if name_key(&old) != name_key(&e.name) {
                a.aliases.insert(0, old);
            }
        }
        if let Some(k) = e.kind {
            a.kind = k;
        }
        if e.country.is_some() {
            a.country = e.country.clone();
        }
        order_entry_aliases(a, e);
        if *a != before {
            let line = format!(
                "{} {:?} set by alias file entry {:?} (was {:?}, {})",
                a.id, a.name, e.name, before.name, before.kind
            );
            self.merges.push(line);
        }
        self.reindex();
    }

    /// A new actor for an alias entry that a document names before any actor
    /// has the entry's name; `seen` is the document's actor.
    pub(crate) fn actor_for_entry(&mut self, e: &AliasEntry, seen: &Actor) -> NodeIndex {
        let actor = Actor {
            id: self.fresh_id(&e.name),
            name: e.name.clone(),
            kind: e.kind.unwrap_or(seen.kind),
            country: e.country.clone().or_else(|| seen.country.clone()),
            aliases: e.aliases.clone(),
        };
        self.add_actor(actor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects_conflicts() {
        let p = Path::new("a.toml");
        let ok = parse(
            p,
            "[[actor]]\nname = \"Mustafa al-Kadhimi\"\nkind = \"person\"\ncountry = \"IRQ\"\naliases = [\"PM Kadhimi\"]\n",
        )
        .unwrap();
        assert_eq!(ok[0].kind, Some(ActorKind::Person));
        let e = parse(
            p,
            "[[actor]]\nname = \"A B\"\naliases = [\"X\"]\n[[actor]]\nname = \"C D\"\naliases = [\"x\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("both"), "{e}");
        let e = parse(p, "[[actor]]\nname = \"A\"\nkind = \"robot\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("a.toml:3:"), "{e}");
    }
}
