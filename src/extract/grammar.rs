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

// ---- events: triggers, argument frames, modality, clauses, affiliations ----

/// Prepositions after which an attack noun names what it hit ("an attack on X").
pub const ATTACKED_PREPOSITIONS: &[&str] = &["against", "at", "in", "into", "near", "of", "on"];

/// Prepositions an object of an attack or a claim may sit behind ("an attack on a
/// depot in X").
pub const ATTACK_PREPOSITIONS: &[&str] = &[
    "against", "around", "at", "in", "inside", "into", "near", "of", "on", "outside", "toward",
    "towards",
];

/// Prepositions that name who is behind an act after its noun ("the attack by X").
pub const AGENT_PREPOSITIONS: &[&str] = &["by", "from", "of"];

/// Reciprocal pronouns, as their two words: "accused each other".
pub const RECIPROCALS: &[(&str, &str)] = &[("each", "other"), ("one", "another")];

/// Articles.
pub const ARTICLES: &[&str] = &["a", "an", "the"];

/// Prepositions and subordinators that open a leading adverbial ("On Monday,",
/// "After meeting X,"); the lexicon's `adverbial_opener` class holds the adverbs
/// and verbs that do too.
pub const ADVERBIAL_OPENERS: &[&str] = &[
    "according",
    "after",
    "amid",
    "as",
    "at",
    "before",
    "by",
    "concerning",
    "despite",
    "during",
    "following",
    "for",
    "from",
    "in",
    "on",
    "regarding",
    "since",
    "under",
    "when",
    "while",
    "with",
    "without",
];

/// Auxiliaries and wh-words that show an apposition is a clause, not a noun phrase
/// ("X, has refused", "Florida, where he was received").
pub const CLAUSE_MARKERS: &[&str] = &[
    "are", "had", "has", "have", "is", "that", "was", "were", "when", "where", "which", "who",
    "will", "would",
];

/// Determiners that open a noun phrase, for clause splitting (a clause boundary before one is a clause
/// with its own subject).
pub const NOUN_PHRASE_DETERMINERS: &[&str] = &[
    "a", "an", "any", "her", "his", "its", "my", "no", "our", "some", "the", "their", "these",
    "this", "those",
];

/// Words inside a leading phrase that embed a clause of its own ("Concerning X's
/// statement claiming that ...,").
pub const EMBEDDING_WORDS: &[&str] = &["that", "which", "who", "whose"];

/// Finite auxiliaries: one before any comma shows a sentence had no leading
/// adverbial to close.
pub const FINITE_AUXILIARIES: &[&str] = &[
    "are", "had", "has", "have", "is", "was", "were", "will", "would",
];

/// First-person possessive determiners.
pub const FIRST_PERSON_POSSESSIVES: &[&str] = &["my", "our"];

/// The conjunctions that close a list ("A, B and C").
pub const LIST_COORDINATORS: &[&str] = &["and", "or"];

/// Words that may stand between the items of a list ("A and the B", "A as well as
/// B", "both A and B").
pub const LIST_WORDS: &[&str] = &[
    ",", "and", "as", "both", "her", "his", "its", "or", "the", "their", "well",
];

/// Prepositions an object of a meeting, call or agreement may sit behind ("held
/// talks in Niamey on Saturday with X").
pub const MEETING_PREPOSITIONS: &[&str] = &["at", "during", "in", "on", "with"];

/// Modal auxiliaries: the event is announced, not reported ("will meet").
pub const MODALS: &[&str] = &["could", "may", "might", "shall", "will", "would"];

/// Negators: a few words before a trigger, the event did not happen.
pub const NEGATORS: &[&str] = &["n't", "neither", "never", "no", "nor", "not", "without"];

/// Prepositions after which a mention is no subject ("On Monday, a source revealed
/// to X that ...").
pub const NON_SUBJECT_PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "by", "for", "from", "in", "near", "of", "on", "to", "with",
];

/// Determiners and quantifiers after which a trigger word is a noun ("the attack",
/// "any strike"); the lexicon's `noun_context` class holds the adjectives and
/// nouns that do too.
pub const NOUN_DETERMINERS: &[&str] = &[
    "a", "an", "any", "each", "every", "her", "his", "its", "no", "our", "the", "their", "these",
    "this", "those",
];

/// Grammar words no modifier of an event noun stands behind: reading back from the
/// noun stops at them ("Petro's visit to Belém was his trip").
pub const NOUN_PHRASE_BREAKERS: &[&str] = &[
    "a", "an", "and", "are", "be", "been", "had", "has", "have", "is", "of", "or", "since", "than",
    "that", "the", "was", "were", "which", "who", "will", "would",
];

/// Auxiliaries of the passive ("was cancelled", "got hit").
pub const PASSIVE_AUXILIARIES: &[&str] = &[
    "are", "be", "been", "being", "get", "got", "is", "was", "were",
];

/// Prepositions that attach a phrase to a noun: a relative clause after one has no
/// antecedent next to it ("the militants in X who").
pub const PHRASE_PREPOSITIONS: &[&str] =
    &["at", "by", "for", "from", "in", "of", "on", "to", "with"];

/// Prepositions that end the search for an object unless the relation type lets it
/// through. ("of" is left out: it joins a noun to its complement, "the city of
/// Goma", and each rule says what it does with it.)
pub const PREPOSITIONS: &[&str] = &[
    "about", "across", "after", "against", "among", "around", "at", "before", "behind", "between",
    "by", "despite", "during", "for", "from", "in", "inside", "into", "near", "on", "outside",
    "over", "through", "to", "toward", "towards", "under", "via", "with", "without",
];

/// Relative pronouns.
pub const RELATIVE_PRONOUNS: &[&str] = &["which", "who", "whom", "whose"];

/// Subject pronouns: one after a verb opens a clause of its own ("to act on had he
/// come").
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "she", "they", "we"];

/// Subordinating conjunctions: a clause of its own, with its own subject.
/// ("a trip to Kampala, where X met Y": "where" opens a clause whose subject is X.)
pub const SUBORDINATORS: &[&str] = &[
    "after", "although", "because", "before", "if", "since", "though", "unless", "until", "when",
    "where", "whereas", "while", "whilst",
];

/// Prepositions an object of support may sit behind ("support for X").
pub const SUPPORT_PREPOSITIONS: &[&str] = &["behind", "for", "to", "with"];

/// Subordinators that are prepositions before a gerund or a noun phrase ("after
/// meeting X", "after a session hosted by X").
pub const TEMPORAL_SUBORDINATORS: &[&str] = &["after", "before", "since", "until"];

/// Third-person possessive determiners.
pub const THIRD_PERSON_POSSESSIVES: &[&str] = &["her", "his", "its", "their"];

/// Prepositions an object of a threat may sit behind ("a stern response to any
/// provocation by X").
pub const THREAT_PREPOSITIONS: &[&str] = &["against", "by", "on", "to", "with"];

/// Prepositions that name a topic, not a side: "hosting talks on Ukraine".
pub const TOPIC_PREPOSITIONS: &[&str] = &["about", "on", "over", "regarding"];

/// Auxiliaries that mark a word after them as a verb when clauses are split.
pub const VERBISH_AUXILIARIES: &[&str] = &["had", "has", "is", "was", "will", "would"];

/// Prepositions an object of a visit may sit behind ("a visit to X").
pub const VISIT_PREPOSITIONS: &[&str] = &["at", "in", "to"];

/// Whether `word` is in one of the lists above.
pub fn is(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Linking verbs: the noun phrase after one says what the subject is ("became
/// the first Ethiopian leader"), it names no one else.
pub const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "being", "became", "become", "becomes", "becoming",
    "remain", "remains", "remained", "as",
];

/// Ordinal words that open a noun phrase ("the first leader to ...").
pub const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sole"];
