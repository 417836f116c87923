//! Helpers shared by the end-to-end tests: run the built binary on real files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The 13 relation type names of the JSON contract (SCHEMA.md), written out here
/// rather than read from the library so a renamed type fails the tests.
pub const RELATION_TYPES: [&str; 13] = [
    "call",
    "meet",
    "visit",
    "condemn",
    "claim",
    "attack",
    "deny",
    "demand",
    "support",
    "accuse",
    "threaten",
    "agree",
    "affiliation",
];

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The test article in `tests/data/`, written for these tests: U.S. Secretary of
/// State Antony Blinken calls Iraqi Prime Minister Mustafa al-Kadhimi after a
/// missile strike on Erbil, al-Kadhimi then meets Nechirvan, Masoud and Masrour
/// Barzani there; claims, denials and demands around it. Tests assert what the
/// extractor finds in it (`newsgraph extract --explain tests/data/blinken-call-erbil.txt`).
pub fn article() -> PathBuf {
    root().join("tests/data/blinken-call-erbil.txt")
}

/// The document id of [`article`] in a store.
pub const ARTICLE_ID: &str = "blinken-call-erbil";

/// Whether Graphviz (`dot`) is installed. Tests that draw with it test Graphviz
/// when it is and the embedded renderer when it is not; `test` names the test
/// in the note printed then, so a run without Graphviz says what it checked.
pub fn graphviz(test: &str) -> bool {
    let yes = newsgraph::export::svg::graphviz_available();
    if !yes {
        eprintln!(
            "note: {test}: Graphviz (dot) is not installed: testing without it (the embedded renderer, the install hint) instead"
        );
    }
    yes
}

/// The example articles.
pub fn examples() -> PathBuf {
    root().join("examples")
}

/// Runs `newsgraph` with arguments in a working directory.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run newsgraph")
}

/// Runs `newsgraph` and expects success; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A path as a string argument.
pub fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Names that try to break formats and terminals: quotes, backslashes, markup,
/// `&`, colons, braces, line breaks, control characters, right-to-left text,
/// injection attempts for DOT, XML, Mermaid, CSV, Markdown and TOML, and a 10 KB name.
pub fn hostile_names() -> Vec<String> {
    let mut v: Vec<String> = [
        "He said \"hi\" and 'bye'",
        "back\\slash\\",
        "trailing backslash \\",
        "<script>alert(1)</script>",
        "</text><script>alert(2)</script><text>",
        "Tom & Jerry &amp; &lt;b&gt; &#60;",
        "a:b;c,d=e",
        "{braces} [brackets] (parens) |pipes|",
        "line\nbreak\r\nhere\ttab",
        "ctrl\u{1}\u{7}\u{1b}[31mchars",
        "שלום עולם right-to-left",
        "\u{202e}evil override\u{202c} end",
        "Graphviz \\N \\G \\l \\n escapes",
        "n0 --> n1 ; click n0 \"javascript:alert(3)\"",
        "%%{init: {\"theme\": \"dark\"}}%%",
        "]]> <!-- comment --> <![CDATA[x]]>",
        "`code` **bold** [link](javascript:alert(4))",
        "'; MATCH (n) DETACH DELETE n; //",
        "=HYPERLINK(\"http://x\",\"y\")",
        "emoji 🎉 ümlaut",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("long \"{}\"", "x\\y<z>&".repeat(1300)));
    v
}
