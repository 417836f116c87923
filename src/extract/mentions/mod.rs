//! Mentions: the spans of a sentence that name or point to an actor.
//!
//! Detection runs in two steps. First, *units* are found left to right
//! ([`units`]): gazetteer forms (countries, demonyms, capitals, known
//! organizations, [`gazetteer`]), title phrases ("Prime Minister",
//! "spokesman", [`titles`]), capitalized name chunks with particles such as
//! al-, bin, von der, da ([`names`]), pronouns and role phrases ("the group").
//! Then units are *composed* ([`compose`]): "Iraqi Prime Minister Mustafa
//! al-Kadhimi" becomes one person mention whose title is "Prime Minister" and
//! whose qualifier is Iraq; "Iran's Revolutionary Guards Corps" an organization
//! qualified by Iran; "the Iraqi people" stands for Iraq. A qualifier stays a
//! mention of its own (it is still an actor) but is *absorbed*: it cannot be the
//! subject or object of an event. Last, the words around each mention flag it
//! ([`surroundings`]) and appositions merge a role into its name
//! ([`appositions`]).

mod acronyms;
mod appositions;
mod compose;
mod gazetteer;
mod names;
mod surroundings;
mod titles;
mod units;

pub use super::grammar::Pronoun;
pub use super::sentence::span_text;

use super::sentence::SentenceView;
use super::tokens::Token;
use crate::lexicon::{GazEntry, Lexicon, WordSet};
use crate::model::ActorKind;
use std::ops::Range;

/// How a mention refers to its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionForm {
    /// A proper name ("Antony Blinken", "Iran", "Erbil").
    Name,
    /// A nationality adjective ("Iranian").
    Demonym,
    /// A capital or seat of government ("Tehran", "the Kremlin").
    Metonym,
    /// A title or role without a name ("the Secretary", "the group").
    Role,
    /// A personal pronoun.
    Pronoun,
}

/// A mention of an actor in a sentence.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Sentence index.
    pub sentence: usize,
    /// The whole phrase, as token indices into the document.
    pub span: Range<usize>,
    /// The name proper inside the phrase ("Mustafa al-Kadhimi").
    pub head: Range<usize>,
    /// The kind, where known from the phrase.
    pub kind: Option<ActorKind>,
    /// How the mention refers.
    pub form: MentionForm,
    /// The lexicon entity, for gazetteer forms.
    pub gaz: Option<GazEntry>,
    /// Title phrase and its class ("Prime Minister", "head").
    pub title: Option<(String, String)>,
    /// The title is plural ("the foreign ministers of A and B").
    pub plural: bool,
    /// For a group phrase ("the two leaders", "both companies"): how many actors.
    pub group_size: Option<usize>,
    /// The actors a plural phrase names ("the two leaders" → both leaders).
    pub group: Vec<usize>,
    /// Index (in the document's mention list) of the qualifying mention: the
    /// country or institution in "Iraqi Prime Minister X", "Iran's Guards".
    pub qualifier: Option<usize>,
    /// This mention qualifies another and is not an event argument itself.
    pub absorbed: bool,
    /// Preceded by a locative preposition (in, at, near, ...).
    pub locative: bool,
    /// For pronouns, what they may point to.
    pub pronoun: Option<Pronoun>,
    /// Followed by a possessive ("Iran's").
    pub possessive: bool,
    /// Acronym introduced in parentheses after the name: "(CMF)".
    pub acronym: Option<String>,
    /// A capital or seat of government used as a place ("arrived in Nairobi",
    /// "flew to Beijing") rather than for its government ("Nairobi said").
    pub place_use: bool,
    /// The place a role phrase names, spelt as the lexicon spells it: "the
    /// Haitian capital" is Port-au-Prince.
    pub place_name: Option<String>,
    /// The actor it resolves to (index into the document's actor list).
    pub actor: Option<usize>,
}

impl Mention {
    fn new(sentence: usize, span: Range<usize>, form: MentionForm) -> Self {
        Mention {
            sentence,
            head: span.clone(),
            span,
            kind: None,
            form,
            gaz: None,
            title: None,
            plural: false,
            group_size: None,
            group: Vec::new(),
            qualifier: None,
            absorbed: false,
            locative: false,
            pronoun: None,
            possessive: false,
            acronym: None,
            place_use: false,
            place_name: None,
            actor: None,
        }
    }

    /// The name proper as written.
    pub fn head_text<'a>(&self, doc: &'a str, tokens: &[Token]) -> &'a str {
        span_text(doc, tokens, self.head.clone())
    }

    /// Whether the mention only qualifies a noun through a hyphened participle:
    /// "Chinese-backed", "Saudi-led", "Pakistan-based".
    pub fn hyphen_modifier(&self, t: &[Token]) -> bool {
        let e = self.span.end;
        t.get(e).is_some_and(|h| {
            h.is_punct('-')
                && h.start == t[e - 1].end
                && t.get(e + 1).is_some_and(|p| {
                    p.start == h.end && !p.cap && p.kind == super::tokens::TokKind::Word
                })
        })
    }

    /// The whole phrase as written.
    pub fn text<'a>(&self, doc: &'a str, tokens: &[Token]) -> &'a str {
        span_text(doc, tokens, self.span.clone())
    }
}

/// Whether a folded word is a function word: closed-class (grammar) or one of
/// the adverbs and adjectives that act alike ("meanwhile", "former"). Never a
/// first name, a noun or a portfolio word.
fn function_word(lx: &Lexicon, w: &str) -> bool {
    super::grammar::FUNCTION_WORDS.contains(&w) || lx.cues.modifier_word.contains(w)
}

/// Finds the mentions of one sentence and appends them to `out` (document
/// order). `known` holds the folded last words of the multi-word names found in
/// earlier sentences: a capitalized common word opening a sentence is a name
/// when the text already used it as one ("Brad Smith ... Smith later praised").
pub fn find(s: &SentenceView, known: &WordSet<String>, out: &mut Vec<Mention>) {
    let units = s.units(known);
    let base = out.len();
    compose::compose(s, &units, out);
    surroundings::annotate(s, &mut out[base..]);
    surroundings::drop_acronym_mentions(out, base);
    appositions::link_appositions(s, out, base);
}

/// Removes a mention, keeping the qualifier indices of the others valid.
fn remove_mention(out: &mut Vec<Mention>, i: usize) -> Mention {
    let m = out.remove(i);
    for x in out.iter_mut() {
        x.qualifier = match x.qualifier {
            Some(q) if q == i => None,
            Some(q) if q > i => Some(q - 1),
            q => q,
        };
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::tokenize;
    use crate::lexicon::builtin as lexicon;

    fn mentions(s: &str) -> Vec<(String, Option<ActorKind>, MentionForm, bool)> {
        let toks = tokenize(s, lexicon());
        let view = SentenceView {
            doc: s,
            tokens: &toks,
            range: 0..toks.len(),
            sentence: 0,
            lx: lexicon(),
        };
        let mut out = Vec::new();
        find(&view, &Default::default(), &mut out);
        out.iter()
            .map(|m| {
                (
                    m.head_text(s, &toks).to_string(),
                    m.kind,
                    m.form,
                    m.absorbed,
                )
            })
            .collect()
    }

    fn heads(s: &str) -> Vec<String> {
        mentions(s)
            .into_iter()
            .filter(|m| !m.3)
            .map(|m| m.0)
            .collect()
    }

    #[test]
    fn titled_person_with_demonym() {
        let m = mentions("Blinken spoke with Iraqi Prime Minister Mustafa al-Kadhimi.");
        assert!(m.contains(&(
            "Mustafa al-Kadhimi".into(),
            Some(ActorKind::Person),
            MentionForm::Name,
            false
        )));
        assert!(m.contains(&(
            "Iraqi".into(),
            Some(ActorKind::Country),
            MentionForm::Demonym,
            true
        )));
    }

    #[test]
    fn particles_and_diacritics() {
        assert_eq!(
            heads("Saudi Foreign Minister Prince Faisal bin Farhan Al Saud arrived."),
            ["Faisal bin Farhan Al Saud"]
        );
        assert_eq!(
            heads("Jan van der Linde and Luiz Inácio Lula da Silva met Recep Tayyip Erdoğan."),
            [
                "Jan van der Linde",
                "Luiz Inácio Lula da Silva",
                "Recep Tayyip Erdoğan"
            ]
        );
        assert_eq!(heads("Foreign Minister Hakan Fidan left."), ["Hakan Fidan"]);
        assert_eq!(
            heads("Minister of Foreign Affairs Rania Saleh met the Ministers of Defense and Interior."),
            ["Rania Saleh", "Ministers of Defense and Interior"]
        );
    }

    #[test]
    fn possessive_country_qualifies_organization() {
        let m = mentions("Iran's Revolutionary Guards Corps claimed responsibility.");
        assert_eq!(m[0].0, "Iran");
        assert!(m[0].3, "the country is absorbed as a qualifier");
        assert_eq!(m[1].0, "Revolutionary Guards Corps");
    }

    #[test]
    fn institutions_of_a_country() {
        assert_eq!(
            heads("The strike was condemned by Moldova's foreign ministry."),
            ["Moldova's foreign ministry"]
        );
        assert_eq!(
            heads("Kenya Pipeline Company depot"),
            ["Kenya Pipeline Company"]
        );
    }

    #[test]
    fn role_phrases_and_appositions() {
        let m = mentions("The Secretary and the Prime Minister agreed.");
        assert_eq!(m.iter().filter(|x| x.2 == MentionForm::Role).count(), 2);
        assert_eq!(
            heads("He met the Prime Minister, Masrour Barzani, in Erbil."),
            ["He", "Masrour Barzani", "Erbil"]
        );
    }

    #[test]
    fn common_words_and_lowercase_us() {
        // "us" is a pronoun, "US" the country.
        let m = mentions("They told us the US would act.");
        assert!(m
            .iter()
            .any(|x| x.0 == "US" && x.1 == Some(ActorKind::Country)));
        assert!(m.iter().any(|x| x.0 == "us" && x.2 == MentionForm::Pronoun));
    }

    #[test]
    fn organizations_with_connectors_and_acronyms() {
        assert_eq!(
            heads("Tianqi filed complaints with the Comisión para el Mercado Financiero (CMF)."),
            ["Tianqi", "Comisión para el Mercado Financiero"]
        );
        assert_eq!(
            heads("the Department of Foreign Affairs summoned him"),
            ["Department of Foreign Affairs", "him"]
        );
    }

    #[test]
    fn portfolios_and_institutions_before_titles() {
        // A portfolio of ordinary words is part of the title.
        assert_eq!(
            heads("Indonesia's Maritime Affairs Minister Budi Santoso arrived."),
            ["Budi Santoso"]
        );
        assert_eq!(
            heads("Homeland Security Secretary Jane Ortega spoke."),
            ["Jane Ortega"]
        );
        // A country's institution before a title: the person serves the country.
        let m = mentions("Iraqi government spokesman Ahmed Karim said so.");
        assert!(m.contains(&(
            "Ahmed Karim".into(),
            Some(ActorKind::Person),
            MentionForm::Name,
            false
        )));
        assert_eq!(
            heads("Egyptian intelligence chief Hassan Rashad met them."),
            ["Hassan Rashad", "them"]
        );
        // An institution word used as an adjective is no institution.
        assert_eq!(
            heads("Delhi warned against any Pakistani military action."),
            ["Delhi", "Pakistani"]
        );
        assert_eq!(
            heads("Japanese coast guard ships shadowed the vessel."),
            ["Japanese coast guard", "vessel"]
        );
    }

    #[test]
    fn first_names_that_are_words_and_dates_that_look_like_names() {
        assert_eq!(
            heads("Mark Lowell, a spokesman, declined to comment."),
            ["Mark Lowell"]
        );
        assert_eq!(
            heads("Following Lowell's remarks, markets fell."),
            ["Lowell"]
        );
        assert_eq!(
            heads("BERLIN, Aug 19 — Olaf Brandt left."),
            ["BERLIN", "Olaf Brandt"]
        );
        assert_eq!(heads("Jan Kowalski arrived."), ["Jan Kowalski"]);
        assert_eq!(
            heads("He told Parliament on Tuesday that it was over."),
            ["He", "Parliament", "it"]
        );
    }

    #[test]
    fn vessels_camps_and_joined_institutions() {
        assert_eq!(
            heads("Ships rammed the cargo vessel M/V Ocean Pearl."),
            ["M/V Ocean Pearl"]
        );
        assert_eq!(
            heads("Shells hit the Zamzam refugee camp near the city."),
            ["Zamzam refugee camp", "city"]
        );
        assert_eq!(
            heads("Britain's Competition and Markets Authority ruled."),
            ["Competition and Markets Authority"]
        );
        assert_eq!(heads("Kenya and Ethiopia signed."), ["Kenya", "Ethiopia"]);
    }

    #[test]
    fn kinds_from_context() {
        let kind = |s: &str, name: &str| {
            mentions(s)
                .into_iter()
                .find(|m| m.0 == name)
                .and_then(|m| m.1)
        };
        assert_eq!(
            kind(
                "Regulators reviewed the takeover of Nordic Cable Works.",
                "Nordic Cable Works"
            ),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind("Analysts said Lumen Harbor shares fell.", "Lumen Harbor"),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind(
                "Tomas Berg, the chief executive of Nordvik Shipping, spoke.",
                "Nordvik Shipping"
            ),
            Some(ActorKind::Organization)
        );
        assert_eq!(
            kind(
                "The Council for Economic Defense fined it.",
                "Council for Economic Defense"
            ),
            Some(ActorKind::Organization)
        );
    }

    #[test]
    fn an_abbreviated_company_head_keeps_its_period() {
        let m = mentions("Solvik Energy Inc. accused Hanwa Corp. of fraud.");
        assert_eq!(
            m.iter().map(|m| (m.0.as_str(), m.1)).collect::<Vec<_>>(),
            [
                ("Solvik Energy Inc.", Some(ActorKind::Organization)),
                ("Hanwa Corp.", Some(ActorKind::Organization))
            ]
        );
        // The head word behind the period still makes a country's name part of
        // the company's.
        assert_eq!(heads("Kenya Shipping Ltd. said."), ["Kenya Shipping Ltd."]);
        // A title's period is no company's ("Gen. Tavi Osei" starts a name).
        assert!(!heads("Marlo Foods Co said.")
            .iter()
            .any(|h| h.ends_with('.')));
    }

    #[test]
    fn a_possessive_inside_a_known_name() {
        // "People's" is a word and a possessive: the whole name is the country,
        // not a person "Democratic People" and South Korea's "Republic of Korea".
        let m = mentions("The Democratic People's Republic of Korea fired a missile.");
        assert_eq!(
            m.iter().map(|m| (m.0.as_str(), m.1)).collect::<Vec<_>>(),
            [(
                "Democratic People's Republic of Korea",
                Some(ActorKind::Country)
            )]
        );
        // A possessive that ends a known name stays a possessive.
        assert!(heads("Iran's Revolutionary Guards said.")
            .contains(&"Revolutionary Guards".to_string()));
    }
}
