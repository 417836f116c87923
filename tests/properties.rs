//! Property tests: arbitrary input never panics the readers or the extractor, and
//! every relation's evidence lies inside its document on character boundaries.

use newsgraph::extract::Options;
use newsgraph::input::text::decode;
use newsgraph::pipeline::extract_document;
use newsgraph::Document;
use proptest::prelude::*;
use std::path::Path;

fn doc() -> Document {
    Document {
        id: "p".into(),
        path: "p".into(),
        date: None,
        title: None,
        url: None,
    }
}

/// Text built from news-like pieces, so the extractor's rules actually fire.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Iraqi Prime Minister Mustafa al-Kadhimi",
        "Blinken",
        "spoke with",
        "met",
        "the Secretary",
        "\"",
        ".",
        ",",
        "Iran's Revolutionary Guards Corps",
        "claimed responsibility",
        "He",
        "said",
        "condemned the attack",
        "U.S.",
        " and ",
        "\n",
        "Erdoğan",
        "(CMF)",
        "was condemned by",
        "the Kremlin",
        "'s",
        "’",
        "—",
        "We demand",
        "did not meet",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    let r = extract_document(
        &doc(),
        text,
        Options {
            include_planned: true,
            ..Options::default()
        },
    );
    let ids: Vec<&str> = r.extraction.actors.iter().map(|a| a.id.as_str()).collect();
    for rel in &r.extraction.relations {
        let e = &rel.evidence;
        assert!(
            e.start <= e.end && e.end <= text.len(),
            "span inside the document"
        );
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "span on char boundaries"
        );
        assert_eq!(&text[e.start..e.end], e.text);
        assert!(ids.contains(&rel.source.as_str()) && ids.contains(&rel.target.as_str()));
        assert_ne!(rel.source, rel.target);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extractor_survives_arbitrary_unicode(text in "\\PC{0,400}") {
        check(&text);
    }

    #[test]
    fn extractor_survives_newsy_text(text in newsy()) {
        check(&text);
    }

    #[test]
    fn reader_decodes_or_reports(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        match decode(Path::new("x.txt"), bytes.clone()) {
            Ok(s) => { prop_assert!(s.len() <= bytes.len()); check(&s); }
            Err(e) => prop_assert!(e.to_string().starts_with("x.txt: not UTF-8")),
        }
    }
}

/// News with entity-looking text in names (`AT&#x1b;T`, `AT&lt;T Corp`,
/// `&amp;amp;`) and runs of hundreds of capitalised words (junk that reads as
/// one long name).
fn junky() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "Zorba",
        "Kelt",
        "Mirav",
        "Dunne",
        "AT&#x1b;T",
        "AT&lt;T",
        "Corp",
        "&amp;amp;",
        "Tom",
    ]);
    (
        prop::collection::vec(word, 1..600),
        prop::sample::select(vec!["met", "called", "condemned", "spoke with"]),
        newsy(),
    )
        .prop_map(|(names, verb, rest)| {
            format!(
                "Antony Blinken {verb} {} on Monday. {rest}",
                names.join(" ")
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Entities stay text and huge names are capped when stored: every stored
    /// name is at most 200 characters, every evidence span still quotes the
    /// document (the full form of a shortened name is there).
    #[test]
    fn entities_and_huge_names_are_stored_capped(text in junky()) {
        check(&text);
        let r = extract_document(&doc(), &text, Options::default());
        let mut g = newsgraph::NewsGraph::new();
        newsgraph::graph::merge::merge_into(&mut g, r.extraction);
        for a in g.actors() {
            prop_assert!(a.name.chars().count() <= newsgraph::graph::merge::MAX_NAME_CHARS);
            prop_assert!(a.aliases.iter().all(|x| x.chars().count() <= newsgraph::graph::merge::MAX_NAME_CHARS));
        }
        for rel in g.relations() {
            prop_assert_eq!(&text[rel.evidence.start..rel.evidence.end], rel.evidence.text.as_str());
        }
    }
}
