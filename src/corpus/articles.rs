//! Sentence templates of the article generator. Each article has a cast of two to
//! six actors drawn from fixed pools (popular ones recur across articles), a
//! dateline, relation sentences of every type, quotes, and distractor sentences.
//! An actor is named in full at its first mention and shortly after (surname,
//! title and surname), as news is written, so coreference has work to do.

use super::names::*;
use super::{Article, CorpusOptions, Rng};
use crate::model::Document;
use std::fmt::Write;

/// An actor of the cast.
#[derive(Debug, Clone)]
enum Who {
    Person {
        full: String,
        family: &'static str,
        title: usize,
        country: usize,
    },
    Org {
        name: String,
        armed: bool,
    },
    Country(usize),
}

fn mix(x: u64) -> u64 {
    Rng::new(x).next_u64()
}

/// Person `p` of the pool: given name, middle initial beyond the plain
/// combinations, surname; a fixed title and country.
fn person(p: usize) -> Who {
    let (g, f) = (GIVEN.len(), FAMILY.len());
    let given = GIVEN[p % g];
    let family = FAMILY[(p / g) % f];
    let round = p / (g * f);
    let full = if round == 0 {
        format!("{given} {family}")
    } else {
        let initial = (b'A' + ((round - 1) % 26) as u8) as char;
        format!("{given} {initial}. {family}")
    };
    let h = mix(p as u64);
    Who::Person {
        full,
        family,
        title: (h % TITLES.len() as u64) as usize,
        country: ((h >> 16) % COUNTRIES.len() as u64) as usize,
    }
}

/// Organization `o` of the pool.
fn org(o: usize) -> Who {
    let a = ORG_ADJ[o % ORG_ADJ.len()];
    let n = ORG_NOUN[(o / ORG_ADJ.len()) % ORG_NOUN.len()];
    let (h, armed) = ORG_HEAD[(o / (ORG_ADJ.len() * ORG_NOUN.len())) % ORG_HEAD.len()];
    Who::Org {
        name: format!("{a} {n} {h}"),
        armed,
    }
}

struct Cast {
    who: Vec<Who>,
    mentioned: Vec<bool>,
}

impl Cast {
    /// How actor `i` is named here: in full the first time, shortly afterwards.
    fn name(&mut self, i: usize, rng: &mut Rng) -> String {
        let first = !self.mentioned[i];
        self.mentioned[i] = true;
        match &self.who[i] {
            Who::Person {
                full,
                family,
                title,
                country,
            } => {
                let (t, _) = TITLES[*title];
                if first {
                    let (_, demonym, _) = COUNTRIES[*country];
                    format!("{demonym} {t} {full}")
                } else if rng.chance(0.5) {
                    family.to_string()
                } else {
                    format!("{t} {family}")
                }
            }
            Who::Org { name, .. } => format!("the {name}"),
            Who::Country(c) => COUNTRIES[*c].0.to_string(),
        }
    }

    fn armed(&self, i: usize) -> bool {
        matches!(self.who[i], Who::Org { armed: true, .. })
    }

    fn office(&self, i: usize) -> &'static str {
        match &self.who[i] {
            Who::Person { title, .. } => TITLES[*title].1,
            Who::Org { .. } => "organization",
            Who::Country(_) => "government",
        }
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Article `index` of the stream for `opts`.
pub fn article(opts: &CorpusOptions, index: u64) -> Article {
    let mut rng = Rng::new(opts.seed.wrapping_mul(0x1000_0000_01B3) ^ mix(index));
    let people = opts.people.max(2);
    let orgs = opts.organizations.max(2);
    let n_cast = 2 + rng.below(5);
    let mut who: Vec<Who> = Vec::with_capacity(n_cast);
    let mut keys: Vec<(u8, usize)> = Vec::new();
    while who.len() < n_cast {
        let r = rng.below(10);
        let key = if r < 6 {
            (0, rng.skewed(people))
        } else if r < 8 {
            (1, rng.skewed(orgs))
        } else {
            (2, rng.below(COUNTRIES.len()))
        };
        if keys.contains(&key) {
            continue;
        }
        keys.push(key);
        who.push(match key {
            (0, p) => person(p),
            (1, o) => org(o),
            (_, c) => Who::Country(c),
        });
    }
    let mut cast = Cast {
        mentioned: vec![false; who.len()],
        who,
    };
    let n_sent = 8 + rng.below(17);
    let mut text = String::with_capacity(n_sent * 120);
    let town = *rng.pick(TOWNS);
    let _ = write!(text, "{} — ", town.to_uppercase());
    let mut in_par = 0;
    let mut target_par = 1 + rng.below(3);
    for s in 0..n_sent {
        let r = rng.below(100);
        if s == 0 || r < 60 {
            relation_sentence(&mut cast, &mut rng, &mut text);
        } else if r < 72 {
            quote_sentence(&mut cast, &mut rng, &mut text);
        } else {
            distractor(&mut rng, &mut text);
        }
        in_par += 1;
        if s + 1 < n_sent {
            if in_par >= target_par {
                text.push_str("\n\n");
                in_par = 0;
                target_par = 1 + rng.below(3);
            } else {
                text.push(' ');
            }
        }
    }
    text.push('\n');
    let day = 1 + index % 28;
    let month = 1 + (index / 28) % 12;
    let year = 2015 + (index / (28 * 12)) % 10;
    let id = format!("gen-{}-{index:07}", opts.seed);
    Article {
        doc: Document {
            path: format!("{id}.txt"),
            id,
            date: Some(format!("{year}-{month:02}-{day:02}")),
            title: None,
            url: None,
        },
        text,
        sentences: n_sent,
    }
}

/// A sentence with a relation between two actors of the cast.
fn relation_sentence(cast: &mut Cast, rng: &mut Rng, out: &mut String) {
    let n = cast.who.len();
    let a = rng.below(n);
    let mut b = rng.below(n - 1);
    if b >= a {
        b += 1;
    }
    let day = *rng.pick(DAYS);
    let topic = *rng.pick(TOPICS);
    let town = *rng.pick(TOWNS);
    if cast.armed(a) && rng.chance(0.6) {
        let an = cap(&cast.name(a, rng));
        let s = match rng.below(3) {
            0 => format!("{an} claimed responsibility for the attack on a convoy near {town}."),
            1 => {
                let bn = cast.name(b, rng);
                format!(
                    "{an} attacked positions held by {bn} near {town} on {day}, witnesses said."
                )
            }
            _ => format!(
                "Fighters of {} shelled the outskirts of {town} overnight.",
                cast.name(a, rng)
            ),
        };
        out.push_str(&s);
        return;
    }
    let office = cast.office(a);
    let an = cap(&cast.name(a, rng));
    let bn = cast.name(b, rng);
    let s = match rng.below(19) {
        0 => {
            format!("{an} spoke by telephone with {bn} on {day}, the {office} said in a statement.")
        }
        1 => format!("{an} held a phone call with {bn} about {topic}."),
        2 => format!("{an} met {bn} in {town} on {day} to discuss {topic}."),
        3 => format!("{an} and {bn} held talks on {topic} in {town}."),
        4 => format!("{an} received {bn} in {town} on {day}."),
        5 => {
            let (c, _, _) = *rng.pick(COUNTRIES);
            format!(
                "{an} visited {c} on {day}, the first such trip in {} years.",
                2 + rng.below(9)
            )
        }
        6 => format!("{an} condemned {bn} over {topic}, calling its position reckless."),
        7 => format!("{an} criticized {bn} for its handling of {topic}."),
        8 => format!("{an} denied accusations by {bn} that it had stalled talks on {topic}."),
        9 => format!("{an} urged {bn} to resume negotiations on {topic}."),
        10 => format!("{an} called on {bn} to release the detained journalists."),
        11 => format!("{an} praised {bn} for its stance on {topic}."),
        12 => format!("{an} expressed support for {bn} after the talks in {town}."),
        13 => format!("{an} accused {bn} of blocking progress on {topic}."),
        14 => format!("{an} threatened {bn} with sanctions over {topic}."),
        15 => format!("{an} warned {bn} against any further delay on {topic}."),
        16 => format!("{an} and {bn} signed an agreement on {topic} on {day}."),
        17 => format!(
            "{an} reached a deal with {bn} on {topic} after {} rounds of talks.",
            2 + rng.below(6)
        ),
        _ => format!("{an} welcomed the decision by {bn} to reopen the crossing at {town}."),
    };
    out.push_str(&s);
}

/// A quote attributed to an actor of the cast.
fn quote_sentence(cast: &mut Cast, rng: &mut Rng, out: &mut String) {
    let a = rng.below(cast.who.len());
    let topic = *rng.pick(TOPICS);
    let an = cast.name(a, rng);
    let s = match rng.below(3) {
        0 => format!("\"We will not accept any delay on {topic},\" {an} told reporters."),
        1 => format!(
            "\"The door remains open,\" {an} said, adding that {topic} would be discussed again."
        ),
        _ => format!(
            "{} said the talks on {topic} had been \"frank and useful.\"",
            cap(&an)
        ),
    };
    out.push_str(&s);
}

/// A sentence with no relation: economy, weather, crowd figures, procedure.
fn distractor(rng: &mut Rng, out: &mut String) {
    let month = *rng.pick(MONTHS);
    let town = *rng.pick(TOWNS);
    let day = *rng.pick(DAYS);
    let topic = *rng.pick(TOPICS);
    let s = match rng.below(9) {
        0 => format!(
            "Inflation rose to {}.{} percent in {month}, according to official figures.",
            2 + rng.below(9),
            rng.below(10)
        ),
        1 => "Heavy rain is forecast across the region until the end of the week.".to_string(),
        2 => format!(
            "The session lasted about {} hours and ended without a joint statement.",
            2 + rng.below(5)
        ),
        3 => format!("Analysts said the outcome would depend on {topic}."),
        4 => format!(
            "Shares of regional banks fell {} percent in early trading on {day}.",
            1 + rng.below(6)
        ),
        5 => format!(
            "About {},000 people attended a rally in {town} on {day}.",
            2 + rng.below(40)
        ),
        6 => "Local media reported long queues at fuel stations.".to_string(),
        7 => "Officials did not give further details.".to_string(),
        _ => format!("The dispute over {topic} has dragged on since {month} of last year."),
    };
    out.push_str(&s);
}
