//! Identity keys: when two name forms, in two documents, are the same actor.
//! Merging (and the alias file) decide by these keys, never by a shared surname.

use crate::lexicon::{builtin as lexicon, Form};
use crate::model::ActorKind;
use crate::text::name_key;
use std::collections::HashSet;

/// Whether a folded word is part of a title ("prime", "minister", "secretary", "of").
fn title_word(w: &str) -> bool {
    use std::sync::OnceLock;
    static WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            let lx = lexicon();
            let mut s: HashSet<String> = lx
                .titles
                .keys()
                .flat_map(|k| k.split(' ').map(str::to_string).collect::<Vec<_>>())
                .collect();
            // Demonyms and country names before a name ("Iraqi", "U.S.") qualify a
            // title; they do not name the person.
            for (form, entries) in &lx.gazetteer {
                if !form.contains(' ')
                    && entries
                        .iter()
                        .any(|e| e.kind == ActorKind::Country || e.form == Form::Demonym)
                {
                    s.insert(form.clone());
                }
            }
            for w in [
                "mr", "mrs", "ms", "dr", "former", "then", "acting", "new", "late",
            ] {
                s.insert(w.to_string());
            }
            s
        })
        .contains(w)
}

/// Whether a title is an honorific that names a person with one more word
/// ("King Charles", "Sheikh Tamim", "Pope Francis").
fn honorific(words: &[&str]) -> bool {
    let lx = lexicon();
    (1..=2.min(words.len())).any(|n| {
        lx.titles
            .get(&words[..n].join(" "))
            .is_some_and(|t| t.honorific)
    })
}

/// The identity key of a person's name form, if the form identifies one person:
/// at least two words that are not titles ("Mustafa al-Kadhimi"), or an honorific
/// and a name ("King Charles"). "Barzani", "President Barzani" and "the Prime
/// Minister" identify nobody across documents.
pub fn person_key(form: &str) -> Option<String> {
    if form.starts_with("the ") || form.starts_with("The ") {
        return None;
    }
    let k = name_key(form);
    let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
    let lead = words.iter().take_while(|w| title_word(w)).count();
    let rest = &words[lead..];
    if rest.len() >= 2 {
        Some(rest.join(" "))
    } else if rest.len() == 1 && lead > 0 && honorific(&words[..lead]) {
        Some(k)
    } else {
        None
    }
}

/// Keys under which an actor may be recognized in another document.
pub fn identity_keys(
    kind: ActorKind,
    name: &str,
    country: Option<&str>,
    aliases: &[String],
) -> Vec<String> {
    if kind == ActorKind::Country {
        if let Some(c) = country {
            return vec![format!("country:{c}")];
        }
    }
    let mut keys = Vec::new();
    for (i, form) in std::iter::once(name)
        .chain(aliases.iter().map(String::as_str))
        .enumerate()
    {
        let k = if kind == ActorKind::Person {
            person_key(form)
        } else if i > 0 && (form.starts_with("the ") || form.starts_with("The ")) {
            // Role phrases ("the Secretary") identify nobody across documents.
            None
        } else {
            Some(name_key(form)).filter(|k| !k.is_empty())
        };
        if let Some(k) = k {
            let key = format!("{kind}:{k}");
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys
}

/// Keys under which the user's alias file names an actor: every form, any kind.
pub(crate) fn user_key(form: &str) -> String {
    format!("user:{}", name_key(form))
}
