//! Actors from mentions: aliases and coreference within one document.
//!
//! Named mentions are clustered first ([`cluster`]: a full name, its spelling
//! variants and its title forms become one actor; "Nechirvan Barzani" and
//! "Masoud Barzani" stay two). Then, in reading order, the shorter forms are
//! resolved ([`coref`], [`roles`]): a surname alone or with a title goes to the
//! most recent person with that surname (and title), "the Secretary" to the
//! most recent person holding that title, "the group" to the most recent
//! organization, "he" to the most recent person in subject position
//! ([`subjects`]), and "I"/"we" inside a quote to the quote's speaker
//! ([`speakers`]).

mod cluster;
mod coref;
mod index;
mod roles;
mod speakers;
mod subjects;

use super::mentions::Mention;
use super::quotes::Quote;
use super::sentences::Sentence;
use super::tokens::Token;
use crate::lexicon::Lexicon;
use crate::model::ActorKind;
use crate::text::{fold, name_key};
use index::Index;

/// An actor as built inside one document.
#[derive(Debug, Clone)]
pub struct DocActor {
    /// Display name: the canonical lexicon name, else the fullest form in the text.
    pub name: String,
    /// What it is, once known.
    pub kind: Option<ActorKind>,
    /// Its country (alpha-3).
    pub country: Option<String>,
    /// Every form the text uses (display forms, first seen first).
    pub aliases: Vec<String>,
    /// Canonical lexicon name, for gazetteer entities.
    pub lexicon_name: Option<String>,
    /// Titles held: (title as written, class).
    pub titles: Vec<(String, String)>,
    /// Folded words of the fullest personal name.
    pub words: Vec<String>,
    /// Acronyms it is known by.
    pub acronyms: Vec<String>,
    /// Mentions preceded by a locative preposition / all name mentions.
    pub locative: (usize, usize),
    /// How it was identified, for explanations (one line per merge decision).
    pub trail: Vec<String>,
    /// Some mention qualifies it ("Iraqi Prime Minister X", "European Council
    /// President X").
    pub qualified: bool,
    /// `name_key` of the name, of each alias, and the folded words of each title:
    /// computed once, compared often.
    key: String,
    alias_keys: Vec<String>,
    title_words: Vec<Vec<String>>,
}

impl DocActor {
    fn new(name: String, kind: Option<ActorKind>) -> Self {
        let name_for_key = name.clone();
        DocActor {
            name,
            kind,
            country: None,
            aliases: Vec::new(),
            lexicon_name: None,
            titles: Vec::new(),
            words: Vec::new(),
            acronyms: Vec::new(),
            locative: (0, 0),
            trail: Vec::new(),
            qualified: false,
            key: name_key(&name_for_key),
            alias_keys: Vec::new(),
            title_words: Vec::new(),
        }
    }

    fn add_alias(&mut self, s: &str) {
        let s = s.trim();
        if s.is_empty() {
            return;
        }
        let k = name_key(s);
        if !k.is_empty() && !self.alias_keys.contains(&k) {
            self.aliases.push(s.to_string());
            self.alias_keys.push(k);
        }
    }

    fn set_name(&mut self, name: &str) {
        if self.name != name && !self.name.is_empty() {
            let old = self.name.clone();
            self.add_alias(&old);
        }
        self.name = name.to_string();
        self.key = name_key(name);
    }

    fn add_title(&mut self, t: &(String, String)) {
        if !self.titles.contains(t) {
            self.titles.push(t.clone());
            self.title_words
                .push(fold(&t.0).split(' ').map(str::to_string).collect());
        }
    }

    /// Whether `key` (a `name_key`) is the name or one of the aliases.
    fn has_key(&self, key: &str) -> bool {
        self.key == key || self.alias_keys.iter().any(|k| k == key)
    }

    /// The last name word, without a hyphenated particle ("al-sudani" → "sudani").
    fn surname(&self, lx: &Lexicon) -> Option<&str> {
        self.words.last().map(|w| cluster::strip_particle(w, lx))
    }

    /// Whether the actor is known to be a person.
    pub fn is_person(&self) -> bool {
        self.kind == Some(ActorKind::Person)
    }
}

/// What coreference needs about the document.
pub struct DocCtx<'a> {
    /// Document text.
    pub doc: &'a str,
    /// Tokens.
    pub tokens: &'a [Token],
    /// Sentences.
    pub sentences: &'a [Sentence],
    /// Quotes with their attribution verbs.
    pub quotes: &'a [Quote],
    /// Lexicons.
    pub lx: &'a Lexicon,
}

/// Builds the document's actors and sets `actor` on every mention that resolves.
pub fn resolve(ctx: &DocCtx, mentions: &mut [Mention]) -> Vec<DocActor> {
    let mut actors: Vec<DocActor> = Vec::new();
    let mut index = Index::default();
    cluster::cluster_names(ctx, mentions, &mut actors, &mut index);
    // Countries known from full names help role phrases ("the Ethiopian leader") pick
    // the right person in pass 2.
    set_countries(ctx, mentions, &mut actors);
    // Multi-word names of unknown kind are taken as persons (or places) now, so that
    // pronouns and roles in pass 2 can point to them.
    default_kinds(&mut actors, true, ctx.lx);
    coref::resolve_short_forms(ctx, mentions, &mut actors, &mut index);
    speakers::resolve_speakers(ctx, mentions);
    set_countries(ctx, mentions, &mut actors);
    roles::resolve_title_groups(ctx, mentions, &actors);
    default_kinds(&mut actors, false, ctx.lx);
    actors
}

/// The kind of an actor no mention told: titled or two-word names are persons, names
/// mostly seen after "in"/"at" are places, the rest organizations (`multiword_only`:
/// leave one-word names for later evidence). A name that opens with a common first
/// name is a person wherever it stands ("a call from Bill Clinton").
fn default_kinds(actors: &mut [DocActor], multiword_only: bool, lx: &Lexicon) {
    for a in actors {
        if a.kind.is_some() || multiword_only && a.words.len() < 2 && a.titles.is_empty() {
            continue;
        }
        let given = a.words.len() >= 2 && lx.cues.given_name.contains(a.words[0].as_str());
        a.kind = Some(if !a.titles.is_empty() || given {
            ActorKind::Person
        } else if a.locative.0 > 0 && a.locative.0 * 2 >= a.locative.1 {
            ActorKind::Place
        } else if a.words.len() >= 2 {
            ActorKind::Person
        } else {
            ActorKind::Organization
        });
    }
}

/// Countries of actors: a country is its own; a titled person or an institution
/// takes the country that qualifies it ("Iraqi Prime Minister", "Iran's Guards").
fn set_countries(ctx: &DocCtx, mentions: &[Mention], actors: &mut [DocActor]) {
    let _ = ctx;
    for m in mentions {
        let (Some(a), Some(q)) = (m.actor, m.qualifier) else {
            continue;
        };
        let qm = &mentions[q];
        let country = match (&qm.gaz, qm.actor) {
            (Some(g), _) if g.kind == ActorKind::Country => g.country.clone(),
            (_, Some(qa)) => actors[qa].country.clone(),
            _ => None,
        };
        if actors[a].country.is_none() && actors[a].kind != Some(ActorKind::Country) {
            actors[a].country = country;
        }
    }
}

/// A middle initial such as "J." (one letter and a dot).
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(l), Some('.'), None) if l.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::{actor, extract, has, show};

    #[test]
    fn the_formal_spelling_names_the_actor_without_its_initial() {
        // A headline's variant spelling first, the formal form with a middle
        // initial in the body: one actor, shown under the body's spelling.
        let x = extract(
            "Senator Jonathon Okafor calls Kenyan minister\n\
             Senator Jonathan Q. Okafor spoke with Kenyan Foreign Minister Amina Wekesa on Monday.",
        );
        let id = actor(&x, "Jonathan Q. Okafor").expect("Okafor is an actor");
        let a = x.actors.iter().find(|a| a.id == id).expect("actor by id");
        assert_eq!(a.name, "Jonathan Okafor", "{}", show(&x));
        assert!(
            a.aliases.iter().any(|s| s == "Jonathan Q. Okafor"),
            "{:?}",
            a.aliases
        );
        assert!(
            a.aliases.iter().any(|s| s == "Jonathon Okafor"),
            "{:?}",
            a.aliases
        );
        assert!(
            has(&x, "Jonathan Okafor", "call", "Amina Wekesa"),
            "{}",
            show(&x)
        );
    }

    #[test]
    fn role_phrases_follow_the_country_of_their_title() {
        let x = extract(
            "Ghanaian President Kofi Mensah received Togolese President Ama Lawson in Accra.\n\
             The Togolese leader praised Ghana's mediation.",
        );
        assert!(has(&x, "Ama Lawson", "support", "Ghana"), "{}", show(&x));
        assert!(!has(&x, "Kofi Mensah", "support", "Ghana"), "{}", show(&x));
    }

    #[test]
    fn a_first_name_makes_a_person_even_after_from() {
        let x = extract("The premier refused a telephone call from Gregory Tamburlane on Friday.");
        let id = actor(&x, "Gregory Tamburlane").expect("a person, not a dropped place");
        let a = x.actors.iter().find(|a| a.id == id).expect("actor by id");
        assert_eq!(a.kind, crate::model::ActorKind::Person);
        // An unknown name seen only after "in" stays a place.
        let y = extract("Hamas fired rockets at Novo Tamburlane on Friday.");
        assert!(
            actor(&y, "Novo Tamburlane").is_some_and(|id| y
                .actors
                .iter()
                .any(|a| a.id == id && a.kind == crate::model::ActorKind::Place)),
            "{}",
            show(&y)
        );
    }

    #[test]
    fn lowercase_roles_find_named_institutions() {
        let x = extract(
            "The Vietnam Coast Guard escorted the convoy.\nLater the coast guard accused Beijing of harassment.",
        );
        assert!(
            has(&x, "Vietnam Coast Guard", "accuse", "China"),
            "{}",
            show(&x)
        );
        let id = actor(&x, "Vietnam Coast Guard").unwrap();
        let a = x.actors.iter().find(|a| a.id == id).unwrap();
        assert!(
            a.aliases.iter().any(|al| al == "the coast guard"),
            "{:?}",
            a.aliases
        );
    }

    #[test]
    fn object_pronouns_are_not_the_subject() {
        let x = extract("Navy patrol boat Delfin stopped the trawler Sea Star and boarded it.");
        assert!(!has(&x, "Delfin", "attack", "Delfin"));
        let x = extract(
            "Algerian Foreign Minister Amar Benali met Sahel envoy Moussa Keita and thanked him.",
        );
        assert!(
            has(&x, "Amar Benali", "support", "Moussa Keita"),
            "{}",
            show(&x)
        );
    }

    #[test]
    fn a_qualified_role_names_the_untitled_person_just_mentioned() {
        let x = extract(
            "Robert Fico's trip to Beijing surprised Brussels.\n\
             The Slovak prime minister, whose party won in 2023, held talks with Li Qiang \
             and met Wang Yi, whom he urged to visit.",
        );
        assert!(
            has(&x, "Robert Fico", "affiliation", "Slovakia"),
            "{}",
            show(&x)
        );
        assert!(has(&x, "Robert Fico", "meet", "Li Qiang"), "{}", show(&x));
        assert!(has(&x, "Robert Fico", "meet", "Wang Yi"), "{}", show(&x));
        // A person qualified by something else is not that role.
        let x = extract(
            "European Council President Anna Kovac rebuked Robert Fico.\n\
             The Slovak leader rejected the criticism.",
        );
        assert!(
            !has(&x, "Anna Kovac", "affiliation", "Slovakia"),
            "{}",
            show(&x)
        );
    }

    #[test]
    fn object_pronouns_skip_the_subject_named_by_a_role() {
        let x = extract(
            "Fernando Ruiz's tour ended in Lima.\n\
             The Chilean president, after a stop in Quito, met Daniel Noboa and urged him to act.",
        );
        assert!(
            has(&x, "Fernando Ruiz", "demand", "Daniel Noboa"),
            "{}",
            show(&x)
        );
    }

    #[test]
    fn a_familiar_name_inside_a_full_name() {
        let x = extract(
            "Brazilian President Luiz Inácio Lula da Silva met Argentine President Javier Milei.\n\
             Lula later praised Milei.",
        );
        assert!(
            has(&x, "Luiz Inácio Lula da Silva", "support", "Javier Milei"),
            "{}",
            show(&x)
        );
        assert!(actor(&x, "Lula").is_some_and(|id| id == "luiz-inacio-lula-da-silva"));
    }
}
