//! Every subcommand's user-facing errors: a missing, corrupt or misnamed store,
//! missing or malformed inputs, unwritable outputs, hostile file names. Each must
//! exit non-zero with exactly one line on stderr, `newsgraph: ` then the file it
//! is about (control characters in the name escaped), never a panic or a
//! backtrace, even with `RUST_BACKTRACE=1` set. The test also reads the
//! command list from `newsgraph --help`, so a new subcommand without a case here
//! fails it.

mod common;
use common::*;
use newsgraph::error::one_line;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `newsgraph args` (stdin from `stdin` bytes) in `dir`; checks the failure
/// is one line naming `file`; returns the line.
fn fails_naming(dir: &Path, args: &[&str], stdin: &[u8], file: &str) -> String {
    fails_naming_with_path(dir, args, stdin, file, None)
}

/// [`fails_naming`] with `PATH` set to `path` when given (to hide Graphviz).
fn fails_naming_with_path(
    dir: &Path,
    args: &[&str],
    stdin: &[u8],
    file: &str,
    path: Option<&Path>,
) -> String {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    if let Some(p) = path {
        cmd.env("PATH", p);
    }
    let mut child = cmd
        .args(args)
        .current_dir(dir)
        .env("RUST_BACKTRACE", "1")
        .env_remove("NEWSGRAPH_STORE")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails before reading stdin closes it: not our concern.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8(out.stderr).expect("UTF-8 stderr");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{args:?} must fail with exit code 1; stderr: {err}"
    );
    assert!(
        err.ends_with('\n') && err.matches('\n').count() == 1 && !err.contains('\r'),
        "{args:?}: one line on stderr, got {err:?}"
    );
    let line = err.trim_end().to_string();
    assert!(line.starts_with("newsgraph: "), "{args:?}: {line}");
    let named = one_line(file);
    assert!(line.contains(&named), "{args:?}: names {named:?}: {line}");
    for bad in ["panicked", "backtrace", "RUST_BACKTRACE", "Error {", "Os {"] {
        assert!(!line.contains(bad), "{args:?}: {line}");
    }
    assert!(
        !line.chars().any(|c| c.is_control()),
        "{args:?}: control characters are escaped: {line:?}"
    );
    // Causes are said once (an I/O error is "FILE: reason", not "FILE: reason: reason").
    let parts: Vec<&str> = line.split(": ").collect();
    for w in parts.windows(2) {
        assert_ne!(w[0], w[1], "{args:?}: repeated cause: {line}");
    }
    line
}

#[test]
fn every_subcommand_fails_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(d.join(name), bytes).unwrap();
        name.to_string()
    };
    let article = s(&examples().join("vilnius-nato.txt"));
    ok(d, &["load", "--store", "good.store", &s(&examples())]);
    let corrupt = write("corrupt.store", &[0x9e, 0x00, 0xff, b'x', 0x13, 0x37]);
    // A truncated real store (valid header, cut short) and a store whose name
    // carries a line break and an escape sequence.
    let real = std::fs::read(d.join("good.store")).unwrap();
    let cut = write("cut.store", &real[..real.len() / 2]);
    let hostile = write("we\nird\u{1b}[2K.store", b"not a store at all");
    let binary = write("binary.txt", b"\xff\xfe\x00\x01 binary");
    let empty = write("empty.txt", b"");
    let feed = write(
        "feed.jsonl",
        b"{\"text\": \"Biden met Macron.\"}\n{\"text\": 3\n",
    );
    let nodes = write("graph.json", b"{\"nodes\": [[[[[[[[[[");
    let edges = write("edges.csv", b"source,target,type\nA B,C D,meet\nE F,G H\n");
    let events = write("events.tsv", b"1\t20240101\t202401\n");
    let aliases = write(
        "aliases.toml",
        b"[[actor]]\nname = \"A B\"\nkind = \"robot\"\n",
    );
    let missing = "no-such-file.txt";
    std::fs::create_dir(d.join("a-folder")).unwrap();

    // (subcommand, arguments, stdin, the file the message must name)
    let mut cases: Vec<(String, Vec<String>, &[u8], String)> = Vec::new();
    let mut add = |cmd: &str, args: &[&str], stdin: &'static [u8], file: &str| {
        let mut v: Vec<String> = cmd.split(' ').map(String::from).collect();
        v.extend(args.iter().map(|a| a.to_string()));
        cases.push((
            cmd.split(' ').next().unwrap().to_string(),
            v,
            stdin,
            file.into(),
        ));
    };
    // Every command that reads a store: missing, corrupt, cut, hostile name, a folder.
    let readers: &[(&str, &[&str])] = &[
        ("path", &["NATO", "Russia"]),
        ("contacts", &["NATO"]),
        ("neighbors", &["NATO"]),
        ("top", &[]),
        ("timeline", &["NATO"]),
        ("stats", &[]),
        ("documents", &[]),
        ("actors", &[]),
        ("relations", &[]),
        ("aliases show", &[]),
        ("merge", &["NATO", "Russia"]),
        ("split", &["NATO", "--name", "Nato"]),
        ("remove", &["--doc", "vilnius-nato"]),
        ("export", &["-f", "dot"]),
        ("push", &["--to", "redis://127.0.0.1:1"]),
        ("serve", &["--bind", "127.0.0.1:0"]),
    ];
    for (cmd, rest) in readers {
        for st in ["missing.store", &corrupt, &cut, &hostile, "a-folder"] {
            let mut a = rest.to_vec();
            a.extend(["--store", st]);
            add(cmd, &a, b"", st);
        }
    }
    // Commands that read inputs.
    for input in [missing, &binary, &empty, "a-folder/../no-such-dir/x.txt"] {
        add("extract", &[input], b"", input);
        add("load", &["--store", "new.store", input], b"", input);
        add("build", &["--out", "out", input], b"", input);
    }
    add(
        "extract",
        &["--format", "json", "-"],
        b"\xff\xfe",
        "<stdin>",
    );
    add(
        "load",
        &["--store", "new.store", &feed],
        b"",
        &format!("{feed}:2"),
    );
    add(
        "load",
        &["--store", "new.store", "--format", "jsonl", "-"],
        b"{\"text\": \"ok\"}\n[1, 2\n",
        "<stdin>:2",
    );
    add("load", &["--store", "new.store", &nodes], b"", &nodes);
    add(
        "load",
        &["--store", "new.store", &edges],
        b"",
        &format!("{edges}:3"),
    );
    add(
        "load",
        &["--store", "new.store", "--format", "gdelt", &events],
        b"",
        &events,
    );
    add("load", &["--store", &corrupt, &article], b"", &corrupt);
    add("load", &["--store", &hostile, &article], b"", &hostile);
    add("load", &["--store", "a-folder", &article], b"", "a-folder");
    // (A missing folder for the store is created; a file in its place is an error.)
    let under_file = format!("{binary}/x.store");
    add(
        "load",
        &["--store", &under_file, &article],
        b"",
        &under_file,
    );
    add(
        "load",
        &["--store", "new.store", "--aliases", &aliases, &article],
        b"",
        &format!("{aliases}:3"),
    );
    add(
        "load",
        &["--store", "new.store", "--aliases", missing, &article],
        b"",
        missing,
    );
    add(
        "aliases apply",
        &[&aliases, "--store", "good.store"],
        b"",
        &format!("{aliases}:3"),
    );
    add(
        "aliases apply",
        &[missing, "--store", "good.store"],
        b"",
        missing,
    );
    add(
        "aliases apply",
        &[&binary, "--store", "good.store"],
        b"",
        &binary,
    );
    add(
        "aliases apply",
        &[&aliases, "--store", &corrupt],
        b"",
        &format!("{aliases}:3"),
    );
    // Outputs that cannot be written.
    add(
        "export",
        &[
            "--store",
            "good.store",
            "-f",
            "svg",
            "-o",
            "no-such-dir/x.svg",
        ],
        b"",
        "no-such-dir/x.svg",
    );
    add(
        "export",
        &["--store", "good.store", "-f", "dot", "-o", "a-folder"],
        b"",
        "a-folder",
    );
    add(
        "export",
        &["--store", "good.store", "-f", "csv", "-o", &binary],
        b"",
        &binary,
    );
    add(
        "build",
        &["--out", &format!("{binary}/sub"), &article],
        b"",
        &format!("{binary}/sub"),
    );
    add(
        "build",
        &["--out", "out2", "--store", "a-folder", &article],
        b"",
        "a-folder",
    );
    // A server that is not there, or not a server address: the message names it.
    for url in ["redis://127.0.0.1:1", "ftp://example.org"] {
        add("push", &["--to", url, "--store", "good.store"], b"", url);
    }
    add(
        "gen-corpus",
        &[&format!("{binary}/sub"), "--size", "1KB"],
        b"",
        &format!("{binary}/sub"),
    );

    let before = std::fs::read(d.join("good.store")).unwrap();
    let mut covered = BTreeSet::new();
    for (cmd, args, stdin, file) in &cases {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        fails_naming(d, &a, stdin, file);
        covered.insert(cmd.clone());
    }
    // With Graphviz hidden, SVG falls back on the embedded renderer, whose note
    // is for a drawing written: a failed write says its error alone.
    let no_graphviz = d.join("empty-path");
    std::fs::create_dir(&no_graphviz).unwrap();
    fails_naming_with_path(
        d,
        &[
            "export",
            "--store",
            "good.store",
            "-f",
            "svg",
            "-o",
            "no-such-dir/x.svg",
        ],
        b"",
        "no-such-dir/x.svg",
        Some(&no_graphviz),
    );
    assert_eq!(
        std::fs::read(d.join("good.store")).unwrap(),
        before,
        "failed commands leave the store as it was"
    );
    assert!(
        !d.join("new.store").exists(),
        "a failed first load writes no store"
    );

    // Every subcommand of `newsgraph --help` has cases.
    let help = ok(d, &["--help"]);
    let listed: BTreeSet<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect();
    assert!(listed.len() >= 18, "{listed:?}");
    let uncovered: Vec<_> = listed.difference(&covered).collect();
    assert!(uncovered.is_empty(), "no error cases for {uncovered:?}");
}

#[test]
fn unknown_names_and_bad_options_are_one_line_too() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["load", "--store", "g.store", &s(&examples())]);
    let name = "Nobody\nAt\u{1b}[31mAll";
    for args in [
        vec!["path", name, "NATO"],
        vec!["neighbors", name],
        vec!["timeline", name],
        vec!["contacts", name],
        vec!["merge", "NATO", name],
        vec!["export", "-f", "dot", "--focus", name],
    ] {
        let mut a = args.clone();
        a.extend(["--store", "g.store"]);
        // The message quotes the name as typed, escaped.
        let line = fails_naming(d, &a, b"", "Nobody\\nAt\\u{1b}[31mAll");
        assert!(line.contains("no actor matches"), "{line}");
    }
    for args in [
        vec!["relations", "--type", "hug"],
        vec!["relations", "--since", "yesterday"],
        vec!["export", "-f", "bmp"],
        vec!["top", "--by", "charm"],
    ] {
        let mut a = args.clone();
        a.extend(["--store", "g.store"]);
        let out = run(d, &a);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{a:?}");
        assert!(
            !err.contains("panicked") && !err.contains("backtrace"),
            "{a:?}: {err}"
        );
    }
}
