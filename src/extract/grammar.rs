//! Grammar words: the closed classes of English (articles and determiners,
//! pronouns, auxiliaries, prepositions, conjunctions) that extraction rules name.
//!
//! Content words (nouns, verbs, adjectives, adverbs, month names, name
//! particles) are lexicon entries in `data/`, so users can extend them. These
//! few lists are part of the grammar the rules encode: a rule about "a
//! preposition before a name" is written against them, and they do not grow
//! with the news. One list per word class and use, words in alphabetical order
//! (every list is only ever asked whether it contains a word).

// ---- names: mention finding, coreference and sentence splitting ----

/// Which actors a personal pronoun may point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// he, him, his, she, her.
    Person,
    /// it, its.
    Thing,
    /// they, them, their.
    Plural,
    /// I, me, my, we, us, our: the speaker of the quote.
    Speaker,
}

/// The pronoun a folded word is, if any.
pub fn pronoun_of(norm: &str) -> Option<Pronoun> {
    Some(match norm {
        "he" | "her" | "hers" | "him" | "his" | "she" => Pronoun::Person,
        "it" | "its" => Pronoun::Thing,
        "their" | "them" | "they" => Pronoun::Plural,
        "i" | "me" | "my" | "our" | "us" | "we" => Pronoun::Speaker,
        _ => return None,
    })
}

/// Auxiliary and modal verbs: a noun phrase ends before them.
pub const AUXILIARIES: &[&str] = &[
    "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must",
    "shall", "should", "was", "were", "will", "would",
];

/// Conjunctions and relatives that open a clause, for finding the subject of
/// the clause a mention is in ("X blocked Y and rammed it").
pub const CLAUSE_OPENERS: &[&str] = &[
    "after", "and", "as", "because", "before", "but", "if", "since", "that", "until", "when",
    "which", "while",
];

/// Conjunctions and relatives after which "it" opens a clause (its subject)
/// rather than being the object of the word before.
pub const CLAUSE_LINKS: &[&str] = &[
    "after", "although", "and", "as", "because", "before", "but", "if", "once", "or", "since",
    "so", "that", "though", "unless", "until", "when", "where", "whether", "which", "while",
];

/// Determiners and possessive pronouns that may open a role phrase ("the
/// minister", "both companies"); capitalized, they start no name.
pub const DETERMINERS: &[&str] = &[
    "a", "an", "both", "her", "his", "its", "our", "that", "the", "their", "this", "two",
];

/// Closed-class words (prepositions, conjunctions, determiners, wh-words) that
/// open sentences and are never a first name or a noun. The lexicon's
/// `modifier_word` cue class holds the adverbs and adjectives that act alike.
pub const FUNCTION_WORDS: &[&str] = &[
    "about",
    "according",
    "across",
    "after",
    "against",
    "all",
    "although",
    "amid",
    "among",
    "and",
    "another",
    "around",
    "as",
    "at",
    "because",
    "before",
    "behind",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "concerning",
    "despite",
    "during",
    "each",
    "either",
    "every",
    "excluding",
    "for",
    "from",
    "here",
    "how",
    "if",
    "in",
    "including",
    "inside",
    "into",
    "like",
    "many",
    "most",
    "near",
    "neither",
    "no",
    "nor",
    "not",
    "of",
    "on",
    "once",
    "or",
    "other",
    "outside",
    "over",
    "per",
    "regarding",
    "several",
    "since",
    "so",
    "some",
    "such",
    "that",
    "there",
    "these",
    "this",
    "those",
    "though",
    "through",
    "to",
    "toward",
    "towards",
    "under",
    "unless",
    "unlike",
    "until",
    "upon",
    "via",
    "what",
    "when",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "with",
    "within",
    "without",
    "yes",
    "yet",
];

/// Prepositions after which a name is a location ("in Erbil", "near Goma").
pub const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "across", "around", "at", "from", "in", "inside", "into", "near", "outside", "toward",
    "towards",
];

/// Lowercase words that may join the words of an institution or place name
/// ("Department of Foreign Affairs", "Comisión para el Mercado Financiero").
pub const NAME_CONNECTORS: &[&str] = &[
    "&", "and", "de", "del", "el", "for", "la", "of", "on", "para", "the", "to",
];

/// Words after "her" that show it is an object pronoun ("told her to", "with
/// her and"), not a possessive before a noun.
pub const AFTER_OBJECT_PRONOUN: &[&str] = &[
    "about", "after", "and", "as", "at", "before", "by", "for", "from", "in", "into", "not", "of",
    "on", "over", "that", "to", "with",
];

/// Closed-class words that open sentences: after an abbreviation that may end a
/// sentence ("... in the U.S. The next day"), one of these, capitalized, means a
/// new sentence. The lexicon's `opening_adverb` cue class holds the adverbs.
pub const SENTENCE_OPENERS: &[&str] = &[
    "a", "after", "an", "and", "at", "but", "during", "for", "he", "her", "his", "i", "in", "it",
    "its", "on", "she", "that", "the", "their", "there", "these", "they", "this", "those", "we",
    "when", "while",
];
