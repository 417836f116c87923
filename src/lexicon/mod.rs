//! The lexicons in `data/`, compiled into the binary with `include_str!` and parsed
//! once. Knowledge lives in these files, not in code: users add verbs, titles and
//! actors by editing them (each file's header explains its format).

use crate::model::{ActorKind, RelationType};
use crate::text::fold;
use std::sync::OnceLock;

pub mod dates;
pub mod extend;

pub use extend::DataFile;

const COUNTRIES: &str = include_str!("../../data/countries.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
const PLACES: &str = include_str!("../../data/places.tsv");
const TITLES: &str = include_str!("../../data/titles.tsv");
const TRIGGERS: &str = include_str!("../../data/triggers.tsv");
const KIND_WORDS: &str = include_str!("../../data/kind_words.tsv");
const ABBREVIATIONS: &str = include_str!("../../data/abbreviations.txt");
const COMMON_WORDS: &str = include_str!("../../data/common_words.txt");
const SPEECH_VERBS: &str = include_str!("../../data/speech_verbs.txt");
const NON_NAMES: &str = include_str!("../../data/non_names.txt");
const CUES: &str = include_str!("../../data/cues.tsv");
const CITIES: &str = include_str!("../../data/cities.tsv");
const NAME_PARTICLES: &str = include_str!("../../data/name_particles.tsv");

/// A hash map keyed by words or phrases. Extraction looks words up millions of
/// times per megabyte of text; std's default hasher (SipHash, built to resist
/// flooding in long-lived maps) was a seventh of extraction time, and foldhash
/// (hashbrown's default, seeded per process) a small fraction of that.
pub type WordMap<K, V> = std::collections::HashMap<K, V, hashbrown::DefaultHashBuilder>;

/// A hash set keyed by words or phrases (see [`WordMap`]).
pub type WordSet<K> = std::collections::HashSet<K, hashbrown::DefaultHashBuilder>;

/// How a gazetteer form refers to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A name of the entity ("Iran", "Islamic Republic of Iran").
    Name,
    /// An adjective of nationality ("Iranian").
    Demonym,
    /// A capital or seat of government standing for it ("Tehran", "the Kremlin").
    Metonym,
}

/// One known entity form from the gazetteers.
#[derive(Debug, Clone)]
pub struct GazEntry {
    /// Canonical name of the entity.
    pub name: String,
    /// What the entity is.
    pub kind: ActorKind,
    /// Its country (alpha-3), where the lexicon says.
    pub country: Option<String>,
    /// How this form refers to the entity.
    pub form: Form,
    /// The form is an acronym and matches only in capitals ("US" but not "us").
    pub acronym: bool,
}

/// A title or role word ("Prime Minister", "spokesman").
#[derive(Debug, Clone)]
pub struct Title {
    /// Role class (head, minister, spokes, ...), used to match role phrases.
    pub class: String,
    /// Only valid at the start of a name ("Prince Faisal").
    pub honorific: bool,
    /// A plural role ("ministers").
    pub plural: bool,
}

/// How the sides of an event are found around its trigger (see data/triggers.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject acts on object.
    Svo,
    /// Symmetric: subjects with each other, or subject with each object.
    Sym,
    /// Event noun: possessor/demonym/"by X" acts on the name after the pattern.
    Noun,
    /// "between X and Y".
    Between,
    /// Claim of responsibility.
    Claim,
    /// Denial of someone's claim.
    Deny,
    /// Condemnation (of an attack means of its author).
    Condemn,
    /// "the fall of X to Y".
    Fall,
    /// A predicate of a reported clause ("said Y was behind the attack"): the
    /// clause's subject is the target, whoever reports it the source.
    Pred,
}

impl Frame {
    /// Every frame with its name in data/triggers.tsv.
    pub const NAMED: [(&'static str, Frame); 9] = [
        ("svo", Frame::Svo),
        ("sym", Frame::Sym),
        ("noun", Frame::Noun),
        ("between", Frame::Between),
        ("claim", Frame::Claim),
        ("deny", Frame::Deny),
        ("condemn", Frame::Condemn),
        ("fall", Frame::Fall),
        ("pred", Frame::Pred),
    ];

    /// The frame a triggers.tsv line names.
    pub fn from_name(name: &str) -> Option<Frame> {
        Frame::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, f)| f)
    }
}

/// One step of a trigger pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// One word, any of these folded forms.
    Word(Vec<String>),
    /// Up to three arbitrary words.
    Gap,
    /// An optional last word.
    Optional(Vec<String>),
    /// "@": the object of the event, one mention or a list ("urged @ to").
    Slot,
}

/// An event trigger from data/triggers.tsv.
#[derive(Debug, Clone)]
pub struct Trigger {
    /// The relation type it signals.
    pub kind: RelationType,
    /// CAMEO code of the relation.
    pub cameo: String,
    /// How its arguments are found.
    pub frame: Frame,
    /// The pattern, compiled.
    pub steps: Vec<Step>,
    /// The pattern as written in the file, for explanations.
    pub pattern: String,
    /// Only under a modal ("would respond to", "will act against"): a statement of
    /// what the actor would do, i.e. a threat.
    pub modal: bool,
    /// The file the pattern comes from ("data/triggers.tsv", or a user's
    /// extension file), for explanations.
    pub source: std::sync::Arc<str>,
    /// Line in that file, for explanations.
    pub line: usize,
    /// See [`Trigger::agent_last`]; read once from the pattern, as matching asks
    /// it of every candidate at every word.
    agent_last: bool,
    /// See [`Trigger::noun_of`]; read once from the pattern, for the same reason.
    noun_of: bool,
}

impl Trigger {
    /// Whether the pattern ends with "by" (or the choice "by|from", not "by|with"):
    /// the agent comes after it, and the subject is acted on ("hosted by X",
    /// "came under fire from X").
    pub fn agent_last(&self) -> bool {
        self.agent_last
    }

    /// Whether the pattern is a noun with its "of" phrase ("claim of
    /// responsibility for"): no verb is followed by "of", so it reads as a noun
    /// whatever precedes it.
    pub fn noun_of(&self) -> bool {
        self.noun_of
    }

    fn ends_with_agent(pattern: &str) -> bool {
        pattern.rsplit(' ').next().is_some_and(|w| {
            w.split('|').any(|x| x == "by") && w.split('|').all(|x| matches!(x, "by" | "from"))
        }) && pattern.contains(' ')
    }
}

/// What a name particle does (data/name_particles.tsv): the rules differ in
/// which particles they take, and the file says so per particle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParticleUses {
    /// Between capitalized words it continues a name ("Jan van der Linde").
    pub joins: bool,
    /// No name word when persons' names are compared.
    pub ignored: bool,
    /// May be lowercase inside a name given as a string (structured input).
    pub lowercase: bool,
    /// Capitalized and hyphenated before a name ("Al-Sudani"): one token.
    pub prefix: bool,
    /// Hyphenated before a surname, it is left out when surnames are compared.
    pub stripped: bool,
}

impl ParticleUses {
    /// The uses named in the file's second column ("joins|ignored"); `None`
    /// names the first unknown use.
    pub fn parse(uses: &str) -> Result<ParticleUses, String> {
        let mut out = ParticleUses::default();
        for u in uses.split('|').map(str::trim).filter(|u| !u.is_empty()) {
            match u {
                "joins" => out.joins = true,
                "ignored" => out.ignored = true,
                "lowercase" => out.lowercase = true,
                "prefix" => out.prefix = true,
                "stripped" => out.stripped = true,
                x => return Err(x.to_string()),
            }
        }
        Ok(out)
    }
}

/// Cue words that steer grammar rules (data/cues.tsv), by class.
#[derive(Debug, Default)]
pub struct Cues {
    /// Nouns naming a use of force.
    pub attack_noun: WordSet<String>,
    /// Nouns naming someone's statement or accusation.
    pub claim_noun: WordSet<String>,
    /// Verbs whose subject authors the event noun they govern.
    pub performer: WordSet<String>,
    /// Verbs that turn a following attack noun into a threat.
    pub threat_verb: WordSet<String>,
    /// Verbs that undo an event named before them.
    pub cancel_verb: WordSet<String>,
    /// Verbs that negate the event they govern.
    pub refusal_verb: WordSet<String>,
    /// Titles of envoys, whose events stand for their country.
    pub envoy_title: WordSet<String>,
    /// Nouns for a group sent by an actor.
    pub delegation: WordSet<String>,
    /// Evaluative words of condemnation.
    pub negative_word: WordSet<String>,
    /// Nouns through which "of" reaches the actor ("the city of Goma", "fighters of X").
    pub of_transparent: WordSet<String>,
    /// Nouns that show a name is a company or institution ("X's shareholders").
    pub org_context: WordSet<String>,
    /// Words in the names of international blocs ("Community", "Union").
    pub bloc_word: WordSet<String>,
    /// Words after an attack verb that make it no attack ("seized power").
    pub not_attacked: WordSet<String>,
    /// Nouns for a company ("the company", "the carmaker"): such a role names the
    /// last company, not a public body.
    pub company_word: WordSet<String>,
    /// Nouns for a public body ("the agency", "the regulator"): such a role names
    /// the last public body.
    pub authority_word: WordSet<String>,
    /// Sectors, which name a minister's portfolio before a title ("Steel
    /// Minister") though they also end company names ("Nippon Steel").
    pub sector_word: WordSet<String>,
    /// Verbs that summon an envoy: the act is aimed at the envoy's country.
    pub summon_verb: WordSet<String>,
    /// Verbs by which others repeat a stance: "X's condemnation of Y was echoed
    /// by Z" (Z condemns Y too).
    pub echo_verb: WordSet<String>,
    /// Nouns naming a charge laid against someone ("the accusation", "the
    /// charges"): what a denier named only by a role answers.
    pub charge_noun: WordSet<String>,
    /// Words that lower a title's rank ("deputy", "vice"): "the prime
    /// minister" names no deputy prime minister.
    pub lesser_rank_word: WordSet<String>,
    /// Nouns that refer back to an event of a relation type ("slammed the trip",
    /// "rejected the ruling"): the criticism is aimed at whoever did it.
    pub event_ref: WordMap<String, RelationType>,
    /// Nouns that name an act by its verb ("the burning", "the expulsion"), with
    /// the verb's forms: "condemned the expulsion" is aimed at whoever expelled.
    pub act_noun: WordMap<String, Vec<String>>,
    // names: mention finding and coreference (src/extract/mentions/, src/extract/actors/).
    /// Abbreviated month names ("Aug", "Oct."): before a day number they
    /// are a date, not the start of a name ("Aug 19"; "Jan van der Linde").
    pub month_abbreviation: WordSet<String>,
    /// Adverbs and adjectives that open sentences or come before titles and are
    /// never a first name or a noun ("Meanwhile", "Former", "acting").
    pub modifier_word: WordSet<String>,
    /// Compass words that, before a demonym, make a regional adjective ("West
    /// African leaders", "Central Asian states"): no actor.
    pub compass_word: WordSet<String>,
    /// Capitalized words before a leader's title that say what kind of leader,
    /// not which body ("Opposition leader X", "Rebel leader Y").
    pub generic_leader_word: WordSet<String>,
    /// Words before a name that make it a weather event's ("Typhoon X",
    /// "Hurricane Y"): no actor.
    pub storm_word: WordSet<String>,
    /// Adverbs that open sentences: capitalized after an abbreviation that may
    /// end a sentence ("... in the U.S. Meanwhile"), they start a new one.
    pub opening_adverb: WordSet<String>,
    /// Words after a number that make it a quantity ("2.4 billion", "737
    /// jets"), not the end of a name ("France 24").
    pub quantity_word: WordSet<String>,
    /// Number words and what counts them ("eight", "a dozen", "more than"): no
    /// word of a trigger's gap ("fired more than a dozen missiles at X").
    pub number_word: WordSet<String>,
    /// Short words written with a period inside a name ("Jr.", "Ma. Teresita",
    /// "St.").
    pub dotted_name_word: WordSet<String>,
    /// Suffixes after a personal name ("Jr", "III"): no name word of their own.
    pub name_suffix: WordSet<String>,
    /// Lowercase place heads that join the name before them ("Bryansk region",
    /// "Zamzam refugee camp").
    pub trailing_place_head: WordSet<String>,
    /// Those of [`Cues::trailing_place_head`] that may take one modifier word
    /// after the name ("the Abu Shouk displacement camp").
    pub modified_place_head: WordSet<String>,
    /// Lowercase titles that are also ordinary words ("head", "chief"): titles
    /// only after a determiner or a qualifier.
    pub plain_title: WordSet<String>,
    /// Nouns for an institution's own assets and staff ("coast guard ships"):
    /// the institution's name ends before them.
    pub institution_asset: WordSet<String>,
    /// Verbs of buying and selling: what they take is a company ("agreed to buy
    /// Pioneer Natural Resources").
    pub acquire_verb: WordSet<String>,
    /// Words of travel: after them (and "to") a capital is a place ("travelled
    /// to Moscow", "the trip to Beijing"), not its government.
    pub motion_word: WordSet<String>,
    /// Those of [`Cues::motion_word`] that make a capital a place only through
    /// "to" ("went to Moscow").
    pub motion_needs_to: WordSet<String>,
    /// Role nouns for an organization of no particular kind ("the group", "the
    /// rebels"): they name the last organization, the last subject first.
    pub group_role: WordSet<String>,
    /// Role nouns for a country's armed forces ("the military", "the army",
    /// "the generals"): they name only an organization
    /// whose name says it bears arms (`force_word`), never any last group.
    pub force_role: WordSet<String>,
    /// Words in an organization's name that say it bears arms ("Myanmar's
    /// military", "Sudanese Armed Forces").
    pub force_word: WordSet<String>,
    /// Role nouns for a bloc ("the bloc", "the alliance"): they name the last
    /// organization whose name has a [`Cues::bloc_word`].
    pub bloc_role: WordSet<String>,
    /// Forms of "say" after which "it" opens a clause ("said it would").
    pub say_form: WordSet<String>,
    // ---- events: the cue classes of src/extract/events and clauses.rs ----
    /// Adverbs and verbs that open a leading adverbial ("Meanwhile,", "Speaking to reporters,").
    pub adverbial_opener: WordSet<String>,
    /// Finite verbs (besides auxiliaries and speech verbs) that show a clause has begun: a leading phrase before them is no adverbial.
    pub finite_verb: WordSet<String>,
    /// Words a few words before an event that make it planned ("is expected to meet", "plans to visit").
    pub plan_word: WordSet<String>,
    /// Words anywhere before an event in its sentence that make it planned ("Plans to tour X").
    pub plan_noun: WordSet<String>,
    /// Words before a time unit that put an event in the future ("next week").
    pub future_time: WordSet<String>,
    /// Units of time after a future word ("next week", "later this month").
    pub time_unit: WordSet<String>,
    /// Adjectives and nouns after which a trigger word is a noun ("air strikes", "the latest attack").
    pub noun_context: WordSet<String>,
    /// Modifiers after which a word matching both a noun and a verb trigger is read as the noun ("missile strikes").
    pub noun_preference: WordSet<String>,
    /// Adjectives that, like a modal, make a following act a statement of intent ("ready to strike").
    pub ready_word: WordSet<String>,
    /// Words that make a visit verb a return home ("flew back", "returned home").
    pub return_word: WordSet<String>,
    /// Words that open a byline ("By A and B", "Edited by A"): the people after them wrote the page.
    pub byline_word: WordSet<String>,
    /// After "or", words that make a demand an ultimatum, and so a threat too ("or face").
    pub ultimatum_word: WordSet<String>,
    /// Past participles not ending in -ed ("was struck by X" is a passive).
    pub irregular_participle: WordSet<String>,
    /// Time adverbs: after a protest they mean nothing is named as its target ("lodged a protest later").
    pub time_adverb: WordSet<String>,
    /// Verbs after an attack noun that name what it hit ("a strike targeting X").
    pub target_verb: WordSet<String>,
    /// Verbs of what an attack did to people (see data/cues.tsv).
    pub harm_verb: WordSet<String>,
    /// First names common in the news: a two-word name starting with one is a person.
    pub given_name: WordSet<String>,
    /// Nouns that, right after a name, make it a party or group (see data/cues.tsv).
    pub org_after: WordSet<String>,
    /// Verbs of a relative that state a role ("X, who chairs Y").
    pub head_verb: WordSet<String>,
    /// Participles before "by" that make the agent belong to the group ("a delegation led by X").
    pub head_participle: WordSet<String>,
    /// Verbs whose subject leads a delegation, and so belongs to its sender ("X led the Venezuelan delegation").
    pub lead_verb: WordSet<String>,
    /// Words of tenure at the start of an apposition ("X, the former head of Y").
    pub tenure_word: WordSet<String>,
    /// Nouns for a part of an organization that is an organization itself ("Hamas's
    /// armed wing, the X Brigades", "Y and its affiliate Z"): the part belongs to
    /// its owner.
    pub org_part: WordSet<String>,
    /// A country's institutions abroad, named with their city ("China's embassy in
    /// Pretoria" is one actor, not the embassy and a city).
    pub seated_institution: WordSet<String>,
    /// Nouns for a decision or step taken ("the decision by X", "the efforts of
    /// X"): praise or criticism of it is aimed at whoever took it.
    pub decision_noun: WordSet<String>,
    /// Relational nouns that a name in apposition may follow ("its neighbour,
    /// Somalia", "the new leader, X"), besides the titles.
    pub apposition_head: WordSet<String>,
    /// Verbs of a mutual act ("traded accusations", "exchanged fire"): the
    /// event goes both ways between the two sides.
    pub reciprocal_verb: WordSet<String>,
    /// Nouns of a text that speaks for its author ("an EU statement criticising
    /// X", "a resolution condemning X"): a participle after one is the author's.
    pub message_noun: WordSet<String>,
    /// Verbs that put out a text ("issued a statement condemning X"): the text
    /// after one is its subject's.
    pub issue_verb: WordSet<String>,
    /// Words of permission or ability before an event ("not been allowed to
    /// meet", "was unable to visit"): a negator before them undoes the event.
    pub permission_word: WordSet<String>,
    /// Words ending in -ed that are adjectives, not verbs ("the Singapore-based trader").
    pub adjective_ed: WordSet<String>,
    /// Trigger patterns of a call that may instead give a label ("called X delusional").
    pub label_verb: WordSet<String>,
    /// Words opening a condition ("unless Y cuts the fee"): a threat's target is its subject.
    pub condition_word: WordSet<String>,
    /// Verbs of a hostile act besides the attack triggers ("slipped across the
    /// frontier"): told of another side, they accuse it.
    pub hostile_verb: WordSet<String>,
    /// Words of the name of a ruling military body ("council"): what "the junta" names.
    pub junta_word: WordSet<String>,
    /// Words after a modal that foretell a penalty ("would not escape"): told
    /// of someone, a threat to them.
    pub penalty_word: WordSet<String>,
    /// Agent nouns of a use of force ("the bombers", "the gunmen"): condemning
    /// them condemns whoever carried out the attack just told.
    pub attacker_noun: WordSet<String>,
    /// Verbs of a pledge that take a clause ("pledged that France would ..."):
    /// the person pledging acts for the country the clause names.
    pub pledge_verb: WordSet<String>,
    /// Role nouns for a ruling military body ("the junta").
    pub junta_role: WordSet<String>,
}

impl Cues {
    fn set_mut(&mut self, class: &str) -> Option<&mut WordSet<String>> {
        Some(match class {
            "attack_noun" => &mut self.attack_noun,
            "claim_noun" => &mut self.claim_noun,
            "performer" => &mut self.performer,
            "threat_verb" => &mut self.threat_verb,
            "cancel_verb" => &mut self.cancel_verb,
            "refusal_verb" => &mut self.refusal_verb,
            "envoy_title" => &mut self.envoy_title,
            "delegation" => &mut self.delegation,
            "negative_word" => &mut self.negative_word,
            "of_transparent" => &mut self.of_transparent,
            "org_context" => &mut self.org_context,
            "bloc_word" => &mut self.bloc_word,
            "not_attacked" => &mut self.not_attacked,
            "company_word" => &mut self.company_word,
            "authority_word" => &mut self.authority_word,
            "sector_word" => &mut self.sector_word,
            "summon_verb" => &mut self.summon_verb,
            "echo_verb" => &mut self.echo_verb,
            "charge_noun" => &mut self.charge_noun,
            "lesser_rank_word" => &mut self.lesser_rank_word,
            // names
            "month_abbreviation" => &mut self.month_abbreviation,
            "modifier_word" => &mut self.modifier_word,
            "compass_word" => &mut self.compass_word,
            "generic_leader_word" => &mut self.generic_leader_word,
            "storm_word" => &mut self.storm_word,
            "opening_adverb" => &mut self.opening_adverb,
            "quantity_word" => &mut self.quantity_word,
            "number_word" => &mut self.number_word,
            "dotted_name_word" => &mut self.dotted_name_word,
            "name_suffix" => &mut self.name_suffix,
            "trailing_place_head" => &mut self.trailing_place_head,
            "modified_place_head" => &mut self.modified_place_head,
            "plain_title" => &mut self.plain_title,
            "institution_asset" => &mut self.institution_asset,
            "acquire_verb" => &mut self.acquire_verb,
            "motion_word" => &mut self.motion_word,
            "motion_needs_to" => &mut self.motion_needs_to,
            "group_role" => &mut self.group_role,
            "force_role" => &mut self.force_role,
            "force_word" => &mut self.force_word,
            "bloc_role" => &mut self.bloc_role,
            "say_form" => &mut self.say_form,
            // events:
            "adverbial_opener" => &mut self.adverbial_opener,
            "finite_verb" => &mut self.finite_verb,
            "plan_word" => &mut self.plan_word,
            "plan_noun" => &mut self.plan_noun,
            "future_time" => &mut self.future_time,
            "time_unit" => &mut self.time_unit,
            "noun_context" => &mut self.noun_context,
            "noun_preference" => &mut self.noun_preference,
            "ready_word" => &mut self.ready_word,
            "return_word" => &mut self.return_word,
            "time_adverb" => &mut self.time_adverb,
            "byline_word" => &mut self.byline_word,
            "ultimatum_word" => &mut self.ultimatum_word,
            "irregular_participle" => &mut self.irregular_participle,
            "target_verb" => &mut self.target_verb,
            "harm_verb" => &mut self.harm_verb,
            "given_name" => &mut self.given_name,
            "org_after" => &mut self.org_after,
            "head_verb" => &mut self.head_verb,
            "head_participle" => &mut self.head_participle,
            "lead_verb" => &mut self.lead_verb,
            "tenure_word" => &mut self.tenure_word,
            "org_part" => &mut self.org_part,
            "seated_institution" => &mut self.seated_institution,
            "decision_noun" => &mut self.decision_noun,
            "apposition_head" => &mut self.apposition_head,
            "reciprocal_verb" => &mut self.reciprocal_verb,
            "message_noun" => &mut self.message_noun,
            "issue_verb" => &mut self.issue_verb,
            "permission_word" => &mut self.permission_word,
            "adjective_ed" => &mut self.adjective_ed,
            "label_verb" => &mut self.label_verb,
            "condition_word" => &mut self.condition_word,
            "hostile_verb" => &mut self.hostile_verb,
            "junta_word" => &mut self.junta_word,
            "junta_role" => &mut self.junta_role,
            "penalty_word" => &mut self.penalty_word,
            "attacker_noun" => &mut self.attacker_noun,
            "pledge_verb" => &mut self.pledge_verb,
            _ => return None,
        })
    }
}

/// All lexicons, parsed.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Folded phrase → entities it may name.
    pub gazetteer: WordMap<String, Vec<GazEntry>>,
    /// Longest gazetteer phrase in words.
    pub gaz_max_words: usize,
    /// Country alpha-3 → canonical name.
    pub country_names: WordMap<String, String>,
    /// Country alpha-3 → its capital city (the first capital of countries.tsv):
    /// "the Eritrean capital" is that city, a place.
    pub capitals: WordMap<String, String>,
    /// Folded title phrase → title.
    pub titles: WordMap<String, Title>,
    /// Longest title in words.
    pub title_max_words: usize,
    /// Folded word → kind, when it ends a capitalized name.
    pub heads: WordMap<String, ActorKind>,
    /// Folded word → kind, when it precedes a name.
    pub descriptors: WordMap<String, ActorKind>,
    /// Folded phrases that form an institution after a demonym or possessive.
    pub institutions: WordSet<String>,
    /// Folded phrases that, after a demonym, stand for the country.
    pub stands: WordSet<String>,
    /// Folded plural nouns that name a group of actors ("leaders", "companies").
    pub groups: WordMap<String, ActorKind>,
    /// Folded lowercase nouns of a site that a name before them makes a place
    /// ("the Kunduz trauma hospital", "the Marikana platinum mine").
    pub facilities: WordSet<String>,
    /// Folded lowercase nouns of a weapon that make an unknown name before them a
    /// weapon's model, no actor ("Scud missiles", "Tomahawk cruise missiles").
    pub weapons: WordSet<String>,
    /// Longest institution or stands phrase in words.
    pub phrase_max_words: usize,
    /// Abbreviations (folded, without final period) → whether they may end a sentence.
    pub abbreviations: WordMap<String, bool>,
    /// Common lowercase English words.
    pub common: WordSet<String>,
    /// Speech verbs that attribute a quote or reported speech (folded;
    /// data/speech_verbs.txt, role `quote`).
    pub speech: WordSet<String>,
    /// Verbs of saying or thinking that take a clause without "that" ("said Iran
    /// would respond"; role `clause`).
    pub speech_clause: WordSet<String>,
    /// Speech verbs common enough that one shows a clause has begun (role `finite`).
    pub speech_finite: WordSet<String>,
    /// Speech verbs at which reading back from an event noun stops (role
    /// `phrase_end`).
    pub speech_phrase_end: WordSet<String>,
    /// Capitalized words that never name an actor alone (folded).
    pub non_names: WordSet<String>,
    /// Platforms ("Twitter", "Telegram"): no actor after "on"/"via" ("wrote on
    /// Telegram"), a company elsewhere ("sued Twitter").
    pub platforms: WordSet<String>,
    /// Canonical names of the organizations in data/organizations.tsv that are
    /// companies (fourth column "company"): "the company" may name them.
    pub companies: WordSet<String>,
    /// Last words that make a capitalized name no actor at all: treaties, laws,
    /// plans ("the Genocide Convention", "the Paris Agreement").
    pub not_actor_heads: WordSet<String>,
    /// Cue words for grammar rules.
    pub cues: Cues,
    /// Name particles (folded) and what each does.
    pub name_particles: WordMap<String, ParticleUses>,
    /// Event triggers.
    pub triggers: Vec<Trigger>,
    /// Folded first word → indices into `triggers`.
    pub trigger_index: WordMap<String, Vec<usize>>,
    /// Every key of `titles`, and each of its beginnings that ends before a
    /// space (see [`Lexicon::may_extend`]).
    title_prefixes: WordSet<String>,
    /// The same for `gazetteer`.
    gaz_prefixes: WordSet<String>,
}

/// The lexicons compiled into this binary, parsed on first use. Extraction
/// takes its lexicon as a value ([`crate::extract::Options::lexicon`]); this is
/// the one it gets by default, and the one stages that only need built-in facts
/// (country codes, titles) look in.
pub fn builtin() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::parse_builtin)
}

fn data_lines(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').map(str::trim).collect()))
        }
    })
}

fn alternatives<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn is_acronym(form: &str) -> bool {
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// Expands "urge+" into its regular inflections.
fn inflect(word: &str) -> Vec<String> {
    let Some(base) = word.strip_suffix('+') else {
        return vec![word.to_string()];
    };
    let mut out = vec![base.to_string()];
    if let Some(stem) = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{base}ing"));
    } else if let Some(stem) = base.strip_suffix('e') {
        out.push(format!("{base}s"));
        out.push(format!("{base}d"));
        out.push(format!("{stem}ing"));
    } else {
        let es = base.ends_with(['s', 'x', 'z']) || base.ends_with("sh") || base.ends_with("ch");
        out.push(if es {
            format!("{base}es")
        } else {
            format!("{base}s")
        });
        out.push(format!("{base}ed"));
        out.push(format!("{base}ing"));
    }
    out
}

fn parse_pattern(pattern: &str) -> Vec<Step> {
    pattern
        .split_whitespace()
        .map(|w| {
            if w == "*" {
                return Step::Gap;
            }
            if w == "@" {
                return Step::Slot;
            }
            let (w, optional) = match w.strip_suffix('?') {
                Some(w) => (w, true),
                None => (w, false),
            };
            let forms: Vec<String> = w.split('|').flat_map(inflect).map(|f| fold(&f)).collect();
            if optional {
                Step::Optional(forms)
            } else {
                Step::Word(forms)
            }
        })
        .collect()
}

impl Lexicon {
    /// Parses the lexicons compiled into the binary (most callers want the
    /// parsed-once [`builtin`] instead).
    pub fn parse_builtin() -> Lexicon {
        let mut lx = Lexicon::default();
        for file in DataFile::ALL {
            lx.load_file(file, file.builtin_text(), &file.builtin_path());
        }
        lx.index_prefixes();
        lx
    }

    /// Adds the lines of one lexicon file (in that file's format) to the
    /// lexicons; `source` names the file in explanations ("data/triggers.tsv").
    /// Lines that do not fit the format are skipped here: files from users are
    /// checked first ([`extend::check_line`]), so a typo is an error, not a
    /// silently lost entry. Call [`Lexicon::index_prefixes`] after the last file.
    pub fn load_file(&mut self, file: DataFile, text: &str, source: &str) {
        match file {
            DataFile::Countries => self.load_countries(text),
            DataFile::Organizations => self.load_organizations(text),
            DataFile::Places => self.load_places(text),
            DataFile::Titles => self.load_titles(text),
            DataFile::KindWords => self.load_kind_words(text),
            DataFile::Triggers => self.load_triggers(text, source),
            DataFile::Abbreviations => self.load_abbreviations(text),
            DataFile::CommonWords => {
                self.common
                    .extend(data_lines(text).map(|(_, f)| f[0].to_string()));
            }
            DataFile::SpeechVerbs => self.load_speech_verbs(text),
            DataFile::NonNames => self.load_non_names(text),
            DataFile::Cues => self.load_cues(text),
            DataFile::Cities => self.load_cities(text),
            DataFile::NameParticles => self.load_name_particles(text),
        }
    }

    fn load_name_particles(&mut self, text: &str) {
        for (_, f) in data_lines(text) {
            let Ok(uses) = ParticleUses::parse(f.get(1).copied().unwrap_or("")) else {
                continue;
            };
            let entry = self.name_particles.entry(fold(f[0])).or_default();
            entry.joins |= uses.joins;
            entry.ignored |= uses.ignored;
            entry.lowercase |= uses.lowercase;
            entry.prefix |= uses.prefix;
            entry.stripped |= uses.stripped;
        }
    }

    /// What the folded word `w` does as a name particle (nothing, if it is none).
    pub fn particle(&self, w: &str) -> ParticleUses {
        self.name_particles.get(w).copied().unwrap_or_default()
    }

    fn load_abbreviations(&mut self, text: &str) {
        for (_, f) in data_lines(text) {
            let w = f[0];
            let (w, may_end) = match w.strip_suffix('!') {
                Some(w) => (w, true),
                None => (w, false),
            };
            self.abbreviations.insert(fold(w), may_end);
        }
    }

    /// One verb form a line, then the roles it plays (comma-separated; none is
    /// `quote`).
    fn load_speech_verbs(&mut self, text: &str) {
        for (_, f) in data_lines(text) {
            let w = fold(f[0]);
            let roles = f.get(1).copied().unwrap_or("");
            for role in roles.split(',').map(str::trim) {
                let set = match role {
                    "" | "quote" => &mut self.speech,
                    "clause" => &mut self.speech_clause,
                    "finite" => &mut self.speech_finite,
                    "phrase_end" => &mut self.speech_phrase_end,
                    _ => continue,
                };
                set.insert(w.clone());
            }
        }
    }

    fn load_non_names(&mut self, text: &str) {
        for (_, f) in data_lines(text) {
            if f.get(1) == Some(&"platform") {
                self.platforms.insert(fold(f[0]));
            } else {
                self.non_names.insert(fold(f[0]));
            }
        }
    }

    fn load_cues(&mut self, text: &str) {
        for (_, f) in data_lines(text) {
            if let Some(set) = self.cues.set_mut(f[0]) {
                for w in alternatives(f.get(1)).flat_map(inflect) {
                    set.insert(fold(&w));
                }
            } else if f[0] == "act_noun" {
                let verbs: Vec<String> = alternatives(f.get(2))
                    .flat_map(inflect)
                    .map(|w| fold(&w))
                    .collect();
                // (A noun on two lines takes the verbs of both: "decision" is
                // told by "decided" and, of a regulator, by "blocked".)
                for n in alternatives(f.get(1)).flat_map(inflect) {
                    let forms = self.cues.act_noun.entry(fold(&n)).or_default();
                    for w in &verbs {
                        if !forms.contains(w) {
                            forms.push(w.clone());
                        }
                    }
                }
            } else if let Some(kind) = f[0]
                .strip_prefix("ref_")
                .and_then(|k| k.parse::<RelationType>().ok())
            {
                for w in alternatives(f.get(1)).flat_map(inflect) {
                    self.cues.event_ref.insert(fold(&w), kind);
                }
            }
        }
    }

    /// Fills the prefix sets behind [`Lexicon::title_may_extend`] and
    /// [`Lexicon::gazetteer_may_extend`]; to be called after the titles or the
    /// gazetteer change.
    pub fn index_prefixes(&mut self) {
        fn prefixes<'a>(keys: impl Iterator<Item = &'a String>) -> WordSet<String> {
            let mut out = WordSet::default();
            for k in keys {
                for (i, _) in k.match_indices(' ') {
                    out.insert(k[..i].to_string());
                }
                out.insert(k.clone());
            }
            out
        }
        self.title_prefixes = prefixes(self.titles.keys());
        self.gaz_prefixes = prefixes(self.gazetteer.keys());
    }

    /// Whether a phrase of folded words, or the phrase followed by a space and
    /// more words, may be a title. Matching walks word by word from each
    /// position and stops at the first phrase for which this is false, instead
    /// of building and looking up every phrase up to the longest title's length.
    pub fn title_may_extend(&self, phrase: &str) -> bool {
        self.title_prefixes.contains(phrase)
    }

    /// [`Lexicon::title_may_extend`] for gazetteer phrases.
    pub fn gazetteer_may_extend(&self, phrase: &str) -> bool {
        self.gaz_prefixes.contains(phrase)
    }

    fn add_form(&mut self, form: &str, entry: GazEntry) {
        let form = form.trim();
        let form = form
            .strip_prefix("the ")
            .or_else(|| form.strip_prefix("The "))
            .unwrap_or(form);
        let key = fold(form);
        if key.is_empty() {
            return;
        }
        let entry = GazEntry {
            acronym: is_acronym(form),
            ..entry
        };
        self.gaz_max_words = self.gaz_max_words.max(key.split(' ').count());
        let list = self.gazetteer.entry(key).or_default();
        if !list
            .iter()
            .any(|e| e.name == entry.name && e.form == entry.form)
        {
            list.push(entry);
        }
    }

    fn load_countries(&mut self, src: &str) {
        for (_, f) in data_lines(src) {
            if f.len() < 2 {
                continue;
            }
            let (code, name) = (f[0].to_string(), f[1].to_string());
            self.country_names.insert(code.clone(), name.clone());
            let mk = |form| GazEntry {
                name: name.clone(),
                kind: ActorKind::Country,
                country: Some(code.clone()),
                form,
                acronym: false,
            };
            self.add_form(&name, mk(Form::Name));
            for n in alternatives(f.get(2)) {
                self.add_form(n, mk(Form::Name));
            }
            for d in alternatives(f.get(3)) {
                self.add_form(d, mk(Form::Demonym));
                // "Americans", "Iraqis": the plural of a nationality noun.
                if d.ends_with("an") || d.ends_with('i') {
                    self.add_form(&format!("{d}s"), mk(Form::Demonym));
                }
            }
            if let Some(c) = alternatives(f.get(4)).next() {
                self.capitals.insert(code.clone(), c.to_string());
            }
            for c in alternatives(f.get(4)) {
                self.add_form(c, mk(Form::Metonym));
            }
        }
    }

    fn load_organizations(&mut self, src: &str) {
        for (_, f) in data_lines(src) {
            let name = f[0].to_string();
            let country = f.get(2).filter(|c| !c.is_empty()).map(|c| c.to_string());
            if f.get(3) == Some(&"company") {
                self.companies.insert(name.clone());
            }
            let entry = GazEntry {
                name: name.clone(),
                kind: ActorKind::Organization,
                country,
                form: Form::Name,
                acronym: false,
            };
            self.add_form(&name, entry.clone());
            for n in alternatives(f.get(1)) {
                self.add_form(n, entry.clone());
            }
        }
    }

    fn load_places(&mut self, src: &str) {
        for (_, f) in data_lines(src) {
            let name = f[0].to_string();
            let kind = f
                .get(1)
                .and_then(|k| k.parse().ok())
                .unwrap_or(ActorKind::Place);
            let country = f.get(4).filter(|c| !c.is_empty()).map(|c| c.to_string());
            let mk = |form| GazEntry {
                name: name.clone(),
                kind,
                country: country.clone(),
                form,
                acronym: false,
            };
            self.add_form(&name, mk(Form::Name));
            for n in alternatives(f.get(2)) {
                self.add_form(n, mk(Form::Name));
            }
            for d in alternatives(f.get(3)) {
                self.add_form(d, mk(Form::Demonym));
            }
        }
    }

    /// Cities that are not capitals: places, in their country. Loaded last, so a
    /// country, capital or organization of the same name wins.
    fn load_cities(&mut self, src: &str) {
        for (_, f) in data_lines(src) {
            if f.len() < 2 {
                continue;
            }
            let entry = GazEntry {
                name: f[0].to_string(),
                kind: ActorKind::Place,
                country: Some(f[1].to_string()).filter(|c| c.len() == 3),
                form: Form::Name,
                acronym: false,
            };
            self.add_form(f[0], entry.clone());
            for n in alternatives(f.get(2)) {
                self.add_form(n, entry.clone());
            }
        }
    }

    fn load_titles(&mut self, src: &str) {
        for (_, f) in data_lines(src) {
            let flags: Vec<&str> = f
                .get(2)
                .map(|s| s.split(',').map(str::trim).collect())
                .unwrap_or_default();
            let key = fold(f[0]);
            self.title_max_words = self.title_max_words.max(key.split(' ').count());
            self.titles.insert(
                key,
                Title {
                    class: f.get(1).copied().unwrap_or("member").to_string(),
                    honorific: flags.contains(&"honorific"),
                    plural: flags.contains(&"plural"),
                },
            );
        }
    }

    fn load_kind_words(&mut self, src: &str) {
        for (_, f) in data_lines(src) {
            if f.len() < 3 {
                continue;
            }
            let key = fold(f[0]);
            if f[2] == "notactor" {
                self.not_actor_heads.insert(key);
                continue;
            }
            if f[2] == "weapon" {
                self.weapons.insert(key);
                continue;
            }
            let Ok(kind) = f[1].parse::<ActorKind>() else {
                continue;
            };
            match f[2] {
                "head" => {
                    self.heads.insert(key, kind);
                }
                "descriptor" => {
                    self.descriptors.insert(key, kind);
                }
                "institution" => {
                    self.phrase_max_words = self.phrase_max_words.max(key.split(' ').count());
                    self.institutions.insert(key);
                }
                "stands" => {
                    self.phrase_max_words = self.phrase_max_words.max(key.split(' ').count());
                    self.stands.insert(key);
                }
                "group" => {
                    self.groups.insert(key, kind);
                }
                "facility" => {
                    self.facilities.insert(key);
                }
                _ => {}
            }
        }
    }

    fn load_triggers(&mut self, src: &str, source: &str) {
        let source: std::sync::Arc<str> = source.into();
        for (line, f) in data_lines(src) {
            if f.len() < 4 {
                continue;
            }
            let Ok(kind) = f[0].parse::<RelationType>() else {
                continue;
            };
            let (frame_name, modal) = match f[2].strip_suffix("+modal") {
                Some(name) => (name, true),
                None => (f[2], false),
            };
            let Some(frame) = Frame::from_name(frame_name) else {
                continue;
            };
            let steps = parse_pattern(f[3]);
            let Some(Step::Word(first)) = steps.first().cloned() else {
                continue;
            };
            let idx = self.triggers.len();
            self.triggers.push(Trigger {
                kind,
                cameo: f[1].to_string(),
                frame,
                noun_of: matches!(steps.get(1), Some(Step::Word(ws)) if ws.iter().any(|w| w == "of")),
                steps,
                pattern: f[3].to_string(),
                modal,
                source: source.clone(),
                line,
                agent_last: Trigger::ends_with_agent(f[3]),
            });
            for w in first {
                self.trigger_index.entry(w).or_default().push(idx);
            }
        }
    }

    /// Canonical name of a country by alpha-3 code.
    pub fn country_name(&self, code: &str) -> Option<&str> {
        self.country_names.get(code).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicons_parse() {
        let lx = builtin();
        assert!(lx.country_names.len() > 190);
        assert!(lx.titles.contains_key("prime minister"));
        assert!(lx.triggers.len() > 40);
        assert!(lx.common.contains("oil"));
        assert!(lx.abbreviations.contains_key("gen"));
    }

    #[test]
    fn every_trigger_line_is_understood() {
        // A typo in data/triggers.tsv must not silently drop a line.
        let lines = data_lines(TRIGGERS).count();
        assert_eq!(lines, builtin().triggers.len());
    }

    #[test]
    fn every_cue_class_is_understood() {
        let mut cues = Cues::default();
        for (line, f) in data_lines(CUES) {
            let is_ref = f[0]
                .strip_prefix("ref_")
                .is_some_and(|k| k.parse::<RelationType>().is_ok());
            assert!(
                is_ref || f[0] == "act_noun" || cues.set_mut(f[0]).is_some(),
                "data/cues.tsv:{line}: {}",
                f[0]
            );
        }
        assert_eq!(
            builtin()
                .cues
                .act_noun
                .get("expulsion")
                .map(|v| v.contains(&"expelled".to_string())),
            Some(true)
        );
        assert!(builtin().cues.performer.contains("launched"));
        assert!(builtin().cues.attack_noun.contains("air strike"));
        assert_eq!(
            builtin().cues.event_ref.get("trip"),
            Some(&RelationType::Visit)
        );
    }

    #[test]
    fn one_list_of_name_particles_says_what_each_rule_does_with_them() {
        let lx = builtin();
        let bin = lx.particle("bin");
        assert!(bin.joins && bin.ignored && bin.lowercase && bin.prefix && bin.stripped);
        // "Bou-" is only a hyphenated prefix, "ul-" only stripped from surnames.
        assert_eq!(
            lx.particle("bou"),
            ParticleUses {
                prefix: true,
                ..ParticleUses::default()
            }
        );
        assert!(lx.particle("ul").stripped && !lx.particle("ul").joins);
        assert_eq!(lx.particle("smith"), ParticleUses::default());
        assert!(ParticleUses::parse("joins|ignored").is_ok());
        assert_eq!(
            ParticleUses::parse("joins|sometimes"),
            Err("sometimes".into())
        );
    }

    #[test]
    fn demonyms_and_capitals_resolve_to_countries() {
        let lx = builtin();
        let iran = &lx.gazetteer["iranian"][0];
        assert_eq!(iran.country.as_deref(), Some("IRN"));
        assert_eq!(iran.form, Form::Demonym);
        let kremlin = &lx.gazetteer["kremlin"][0];
        assert_eq!(kremlin.country.as_deref(), Some("RUS"));
        assert!(lx.gazetteer["us"].iter().all(|e| e.acronym));
        // A city that is no capital is a place in its country; a capital stays the
        // government's metonym.
        let city = &lx.gazetteer["tel aviv"][0];
        assert_eq!(
            (city.kind, city.country.as_deref()),
            (ActorKind::Place, Some("ISR"))
        );
        assert_eq!(lx.gazetteer["moscow"][0].form, Form::Metonym);
    }

    #[test]
    fn official_and_historical_names_organizations_and_titles_resolve() {
        let lx = builtin();
        let first = |form: &str| {
            lx.gazetteer
                .get(form)
                .and_then(|v| v.first())
                .unwrap_or_else(|| panic!("{form} is no gazetteer form"))
        };
        for (form, code) in [
            ("democratic people's republic of korea", "PRK"),
            ("dprk", "PRK"),
            ("republic of korea", "KOR"),
            ("people's republic of china", "CHN"),
            ("russian federation", "RUS"),
            ("islamic republic of iran", "IRN"),
            ("burma", "MMR"),
            ("zaire", "COD"),
            ("soviet union", "SUN"),
            ("ussr", "SUN"),
            ("czechia", "CZE"),
            ("turkiye", "TUR"),
            ("cote d'ivoire", "CIV"),
            ("swaziland", "SWZ"),
            ("timor-leste", "TLS"),
            ("holland", "NLD"),
            ("great britain", "GBR"),
            ("kosovo", "XKX"),
        ] {
            let e = first(form);
            assert_eq!(
                (e.kind, e.country.as_deref(), e.form),
                (ActorKind::Country, Some(code), Form::Name),
                "{form}"
            );
        }
        assert!(first("dprk").acronym);
        // Canonical names are the English ones news uses.
        assert_eq!(lx.country_name("AND"), Some("Andorra"));
        assert_eq!(lx.country_name("MNE"), Some("Montenegro"));
        assert_eq!(lx.country_name("BRB"), Some("Barbados"));
        assert_eq!(first("blue house").form, Form::Metonym);
        assert_eq!(first("downing street").country.as_deref(), Some("GBR"));
        for (form, code) in [
            ("hezbollah", Some("LBN")),
            ("qassam brigades", Some("PSE")),
            ("reuters", Some("GBR")),
            ("xinhua", Some("CHN")),
            ("icrc", None),
            ("asean", None),
            ("bundeswehr", Some("DEU")),
            ("fsb", Some("RUS")),
            ("people's liberation army", Some("CHN")),
            ("lok sabha", Some("IND")),
            ("amnesty international", None),
        ] {
            let e = first(form);
            assert_eq!(
                (e.kind, e.country.as_deref()),
                (ActorKind::Organization, code),
                "{form}"
            );
        }
        for form in ["nvidia", "tsmc", "aramco", "huawei"] {
            assert!(lx.companies.contains(&first(form).name), "{form}");
        }
        assert!(!lx.companies.contains(&first("hezbollah").name));
        let organizations: WordSet<&str> = lx
            .gazetteer
            .values()
            .flatten()
            .filter(|e| e.kind == ActorKind::Organization)
            .map(|e| e.name.as_str())
            .collect();
        assert!(organizations.len() >= 1000, "{}", organizations.len());
        for (title, class) in [
            ("defence secretary", "minister"),
            ("interior minister", "minister"),
            ("national security adviser", "official"),
            ("attorney general", "minister"),
            ("chief executive", "business"),
            ("chairwoman", "business"),
            ("admiral", "military"),
            ("envoy", "diplomat"),
            ("crown prince", "royal"),
            ("ayatollah", "religious"),
            ("spokeswoman", "spokes"),
        ] {
            assert_eq!(lx.titles[title].class, class, "{title}");
        }
    }

    #[test]
    fn inflections() {
        assert_eq!(inflect("urge+"), ["urge", "urges", "urged", "urging"]);
        assert_eq!(inflect("deny+"), ["deny", "denies", "denied", "denying"]);
        assert_eq!(
            inflect("attack+"),
            ["attack", "attacks", "attacked", "attacking"]
        );
        assert_eq!(inflect("met"), ["met"]);
    }
}
