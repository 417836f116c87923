//! Grammar words: the closed classes of English (articles and determiners,
//! pronouns, auxiliaries, prepositions, conjunctions, negators) that extraction
//! rules name.
//!
//! Content words (nouns, verbs, adjectives, adverbs, month names) are lexicon
//! entries in `data/`, so users can extend them. These few lists are part of the
//! grammar the rules encode and do not grow with the news. One list per word
//! class and use, words in alphabetical order (every list is only ever asked
//! whether it contains a word, so order never matters to the output).

// ---- events: triggers, argument frames, modality, clauses, affiliations ----

/// Prepositions after which an attack noun names what it hit ("an attack on X").
pub const ATTACKED_PREPOSITIONS: &[&str] = &["against", "at", "in", "into", "near", "on"];

/// Prepositions an object of an attack or a claim may sit behind ("an attack on a
/// depot in X").
pub const ATTACK_PREPOSITIONS: &[&str] = &[
    "against", "around", "at", "in", "inside", "into", "near", "of", "on", "outside", "toward",
    "towards",
];

/// Prepositions that name who is behind an act after its noun ("the attack by X").
pub const AGENT_PREPOSITIONS: &[&str] = &["by", "from", "of"];

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

/// Determiners that open a noun phrase (a clause boundary before one is a clause
/// with its own subject).
pub const DETERMINERS: &[&str] = &[
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
pub const SUBORDINATORS: &[&str] = &[
    "after", "although", "because", "before", "if", "since", "though", "unless", "until", "when",
    "whereas", "while", "whilst",
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
