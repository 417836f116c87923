//! A user's lexicon folder (`--lexicon DIR`): files named like those in `data/`
//! add entries to the built-in lexicons, in the same formats, without a
//! rebuild. Their lines are checked before any is used, so a typo is a one-line
//! error naming the file and line instead of an entry silently lost.

use super::{data_lines, parse_pattern, Cues, Frame, Lexicon, ParticleUses, Step};
use crate::error::{Error, Result};
use crate::model::{ActorKind, RelationType};
use std::path::Path;

/// One of the lexicon files of `data/`, by the name a user's folder gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFile {
    /// `countries.tsv`: code, name, other names, demonyms, capitals.
    Countries,
    /// `organizations.tsv`: name, other names, country, `company`.
    Organizations,
    /// `places.tsv`: name, kind, other names, demonyms, country.
    Places,
    /// `titles.tsv`: title, role class, flags.
    Titles,
    /// `kind_words.tsv`: word, kind, position.
    KindWords,
    /// `triggers.tsv`: type, CAMEO code, frame, pattern.
    Triggers,
    /// `abbreviations.txt`: one abbreviation a line.
    Abbreviations,
    /// `common_words.txt`: one lowercase word a line.
    CommonWords,
    /// `speech_verbs.txt`: one verb form a line, optionally its roles.
    SpeechVerbs,
    /// `non_names.txt`: one word a line, optionally `platform`.
    NonNames,
    /// `cues.tsv`: class, words.
    Cues,
    /// `cities.tsv`: name, country, other names.
    Cities,
    /// `name_particles.tsv`: particle, uses.
    NameParticles,
}

impl DataFile {
    /// Every file, in the order the lexicons are loaded (cities last, so that
    /// a country, capital or organization of the same name wins).
    pub const ALL: [DataFile; 13] = [
        DataFile::Countries,
        DataFile::Organizations,
        DataFile::Places,
        DataFile::Titles,
        DataFile::KindWords,
        DataFile::Triggers,
        DataFile::Abbreviations,
        DataFile::CommonWords,
        DataFile::SpeechVerbs,
        DataFile::NonNames,
        DataFile::Cues,
        DataFile::Cities,
        DataFile::NameParticles,
    ];

    /// The file's name in `data/` and in a user's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            DataFile::Countries => "countries.tsv",
            DataFile::Organizations => "organizations.tsv",
            DataFile::Places => "places.tsv",
            DataFile::Titles => "titles.tsv",
            DataFile::KindWords => "kind_words.tsv",
            DataFile::Triggers => "triggers.tsv",
            DataFile::Abbreviations => "abbreviations.txt",
            DataFile::CommonWords => "common_words.txt",
            DataFile::SpeechVerbs => "speech_verbs.txt",
            DataFile::NonNames => "non_names.txt",
            DataFile::Cues => "cues.tsv",
            DataFile::Cities => "cities.tsv",
            DataFile::NameParticles => "name_particles.tsv",
        }
    }

    /// The path explanations give for the built-in file.
    pub fn builtin_path(self) -> String {
        format!("data/{}", self.file_name())
    }

    /// The built-in file's text, compiled into the binary.
    pub fn builtin_text(self) -> &'static str {
        match self {
            DataFile::Countries => super::COUNTRIES,
            DataFile::Organizations => super::ORGANIZATIONS,
            DataFile::Places => super::PLACES,
            DataFile::Titles => super::TITLES,
            DataFile::KindWords => super::KIND_WORDS,
            DataFile::Triggers => super::TRIGGERS,
            DataFile::Abbreviations => super::ABBREVIATIONS,
            DataFile::CommonWords => super::COMMON_WORDS,
            DataFile::SpeechVerbs => super::SPEECH_VERBS,
            DataFile::NonNames => super::NON_NAMES,
            DataFile::Cues => super::CUES,
            DataFile::Cities => super::CITIES,
            DataFile::NameParticles => super::NAME_PARTICLES,
        }
    }

    /// The file of this name, if it is one.
    pub fn from_name(name: &str) -> Option<DataFile> {
        DataFile::ALL.into_iter().find(|f| f.file_name() == name)
    }
}

impl Lexicon {
    /// The built-in lexicons extended by the files of a user's folder: each
    /// file named like one in `data/` adds its lines to that lexicon. Any other
    /// `.tsv` or `.txt` file in the folder is an error (a misspelt file name
    /// would otherwise be ignored), as is a line that does not fit its file's
    /// format.
    pub fn with_extensions(dir: &Path) -> Result<Lexicon> {
        let mut lx = Lexicon::parse_builtin();
        let mut found: Vec<(DataFile, String, String)> = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::io(dir, e))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let Some(file) = DataFile::from_name(name) else {
                if name.ends_with(".tsv") || name.ends_with(".txt") {
                    let known: Vec<&str> = DataFile::ALL.iter().map(|f| f.file_name()).collect();
                    return Err(Error::BadInput {
                        path,
                        line: None,
                        reason: format!("not a lexicon file name (one of {})", known.join(", ")),
                    });
                }
                continue;
            };
            let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
            let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
                path: path.clone(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            for (line, fields) in data_lines(&text) {
                check_line(file, &fields).map_err(|reason| Error::BadInput {
                    path: path.clone(),
                    line: Some(line),
                    reason: crate::error::one_line(&reason),
                })?;
            }
            found.push((file, path.display().to_string(), text));
        }
        // In the built-in order, whatever order the folder lists them in.
        found.sort_by_key(|(f, _, _)| DataFile::ALL.iter().position(|x| x == f));
        for (file, source, text) in &found {
            lx.load_file(*file, text, source);
        }
        lx.index_prefixes();
        Ok(lx)
    }
}

/// The roles a line of speech_verbs.txt may give its verb ("" when it names none).
const SPEECH_ROLES: [&str; 5] = ["", "quote", "clause", "finite", "phrase_end"];

/// Why a data line (its tab-separated fields) does not fit its file's format.
pub fn check_line(file: DataFile, f: &[&str]) -> std::result::Result<(), String> {
    let field = |i: usize| f.get(i).copied().unwrap_or("");
    let need = |n: usize, what: &str| {
        if f.len() < n || f[..n].iter().any(|x| x.is_empty()) {
            Err(format!("expected {what} (tab-separated)"))
        } else {
            Ok(())
        }
    };
    let country_code = |c: &str| {
        if c.is_empty() || (c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())) {
            Ok(())
        } else {
            Err(format!(
                "{c:?} is no country code (three capitals, e.g. FRA)"
            ))
        }
    };
    let kind = |k: &str| {
        k.parse::<ActorKind>()
            .map(|_| ())
            .map_err(|_| format!("{k:?} is no actor kind (person, organization, country, place)"))
    };
    match file {
        DataFile::Countries => {
            need(2, "a country code and a name")?;
            country_code(field(0))
        }
        DataFile::Organizations => {
            need(1, "a name")?;
            country_code(field(2))?;
            match field(3) {
                "" | "company" => Ok(()),
                x => Err(format!("fourth column {x:?}: only \"company\" is known")),
            }
        }
        DataFile::Places => {
            need(1, "a name")?;
            if !field(1).is_empty() {
                kind(field(1))?;
            }
            country_code(field(4))
        }
        DataFile::Titles => {
            need(1, "a title")?;
            match field(2)
                .split(',')
                .map(str::trim)
                // ("lower" is documented in data/titles.tsv and used there.)
                .find(|x| !x.is_empty() && !matches!(*x, "honorific" | "plural" | "lower"))
            {
                Some(x) => Err(format!(
                    "flag {x:?}: only honorific, plural and lower are known"
                )),
                None => Ok(()),
            }
        }
        DataFile::KindWords => {
            need(3, "a word, a kind and a position")?;
            match field(2) {
                "notactor" | "weapon" => Ok(()),
                "head" | "descriptor" | "institution" | "stands" | "group" | "facility" => {
                    kind(field(1))
                }
                x => Err(format!(
                    "position {x:?}: one of head, descriptor, institution, stands, group, facility, notactor, weapon"
                )),
            }
        }
        DataFile::Triggers => check_trigger(f),
        DataFile::Cues => {
            need(2, "a class and its words")?;
            let class = field(0);
            let is_ref = class
                .strip_prefix("ref_")
                .is_some_and(|k| k.parse::<RelationType>().is_ok());
            if class == "act_noun" {
                need(3, "act_noun, the nouns and the verb's forms")
            } else if is_ref || Cues::default().set_mut(class).is_some() {
                Ok(())
            } else {
                Err(format!("{class:?} is no cue class"))
            }
        }
        DataFile::Cities => {
            need(2, "a name and a country code")?;
            country_code(field(1))
        }
        DataFile::NameParticles => {
            need(2, "a particle and its uses")?;
            ParticleUses::parse(field(1)).map(|_| ()).map_err(|x| {
                format!("use {x:?}: one of joins, ignored, lowercase, prefix, stripped")
            })
        }
        DataFile::NonNames => match field(1) {
            "" | "platform" => Ok(()),
            x => Err(format!("second column {x:?}: only \"platform\" is known")),
        },
        DataFile::SpeechVerbs => match field(1)
            .split(',')
            .map(str::trim)
            .find(|r| !SPEECH_ROLES.contains(r))
        {
            Some(r) => Err(format!(
                "role {r:?}: one of {} (comma-separated)",
                SPEECH_ROLES[1..].join(", ")
            )),
            None => Ok(()),
        },
        DataFile::Abbreviations | DataFile::CommonWords => Ok(()),
    }
}

fn check_trigger(f: &[&str]) -> std::result::Result<(), String> {
    if f.len() < 4 || f[..4].iter().any(|x| x.is_empty()) {
        return Err("expected a type, a CAMEO code, a frame and a pattern (tab-separated)".into());
    }
    if f[0].parse::<RelationType>().is_err() {
        return Err(format!("{:?} is no relation type", f[0]));
    }
    let frame = f[2].strip_suffix("+modal").unwrap_or(f[2]);
    if Frame::from_name(frame).is_none() {
        let names: Vec<&str> = Frame::NAMED.iter().map(|(n, _)| *n).collect();
        return Err(format!("frame {frame:?}: one of {}", names.join(", ")));
    }
    match parse_pattern(f[3]).first() {
        Some(Step::Word(_)) => Ok(()),
        _ => Err(format!("pattern {:?} must begin with a word", f[3])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_line_passes_the_user_check() {
        for file in DataFile::ALL {
            for (line, f) in data_lines(file.builtin_text()) {
                if let Err(e) = check_line(file, &f) {
                    panic!("{}:{line}: {e}", file.builtin_path());
                }
            }
        }
    }

    #[test]
    fn a_user_trigger_is_added_and_names_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("triggers.tsv");
        std::fs::write(&path, "# mine\nmeet\t040\tsym\tpowwow+ with?\n").unwrap();
        let lx = Lexicon::with_extensions(dir.path()).unwrap();
        let t = lx.triggers.last().unwrap();
        assert_eq!(t.kind, RelationType::Meet);
        assert_eq!(
            (&*t.source, t.line),
            (path.display().to_string().as_str(), 2)
        );
        assert!(lx.trigger_index.contains_key("powwowed"));
        assert_eq!(
            lx.triggers.len(),
            super::super::builtin().triggers.len() + 1
        );
    }

    #[test]
    fn a_bad_line_is_an_error_naming_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("titles.tsv"), "Grand Vizier\thead\n").unwrap();
        std::fs::write(dir.path().join("triggers.tsv"), "\n\nhug\t040\tsym\thug+\n").unwrap();
        let e = Lexicon::with_extensions(dir.path())
            .unwrap_err()
            .to_string();
        assert!(
            e.ends_with("triggers.tsv:3: \"hug\" is no relation type"),
            "{e}"
        );
    }

    #[test]
    fn a_user_name_particle_is_added_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("name_particles.tsv");
        std::fs::write(&path, "zu\tjoins|ignored\n").unwrap();
        let lx = Lexicon::with_extensions(dir.path()).unwrap();
        assert!(lx.particle("zu").joins && lx.particle("zu").ignored);
        std::fs::write(&path, "zu\tjoins|often\n").unwrap();
        let e = Lexicon::with_extensions(dir.path())
            .unwrap_err()
            .to_string();
        assert!(e.ends_with("name_particles.tsv:1: use \"often\": one of joins, ignored, lowercase, prefix, stripped"), "{e}");
    }

    #[test]
    fn a_misspelt_file_name_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("trigger.tsv"), "meet\t040\tsym\tmeet+\n").unwrap();
        let e = Lexicon::with_extensions(dir.path())
            .unwrap_err()
            .to_string();
        assert!(e.contains("trigger.tsv: not a lexicon file name"), "{e}");
        assert!(Lexicon::with_extensions(&dir.path().join("none")).is_err());
    }
}
