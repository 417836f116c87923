//! Every subcommand's `--help` ends with real examples: each names a real
//! subcommand and only flags its help lists, and each runs as written (in a
//! folder holding copies of `examples/` and `tests/data/`, on the store
//! `load examples --store news.store` makes, in the order `newsgraph --help`
//! lists the commands). `push` examples run against a closed port instead of
//! their server and must fail with one line, not a usage error. `build --help`
//! lists exactly the files `build` writes.

mod common;
use common::*;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `newsgraph args` in `dir` with no store from the environment.
fn newsgraph(dir: &Path, args: &[String]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .env_remove("NEWSGRAPH_STORE")
        .output()
        .expect("run newsgraph")
}

/// Runs a `serve` example on a free port (no browser opened) until it prints
/// the address it listens on.
fn serves(dir: &Path, args: &[String], line: &str) {
    use std::io::BufRead;
    let mut args: Vec<String> = args.iter().filter(|a| *a != "--open").cloned().collect();
    match args.iter().position(|a| a == "--bind") {
        Some(i) => args[i + 1] = "127.0.0.1:0".into(),
        None => args.extend(["--bind".to_string(), "127.0.0.1:0".to_string()]),
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(&args)
        .current_dir(dir)
        .env_remove("NEWSGRAPH_STORE")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run newsgraph serve");
    let mut first = String::new();
    let stdout = child.stdout.take().unwrap();
    std::io::BufReader::new(stdout)
        .read_line(&mut first)
        .unwrap();
    let _ = child.kill();
    let out = child.wait_with_output().unwrap();
    assert!(
        first.contains("127.0.0.1:"),
        "{line}: no address printed: {first:?} {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The subcommands `newsgraph --help` lists (`help` aside).
fn subcommands(dir: &Path) -> Vec<String> {
    let help = String::from_utf8(newsgraph(dir, &["--help".into()]).stdout).unwrap();
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// Splits an example line as a shell would: words, double quotes grouping.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quotes in {line:?}");
    if any {
        out.push(cur);
    }
    out
}

/// The example command lines at the end of a help text (comments aside), and
/// the text before them.
fn help_examples(help: &str) -> (String, Vec<String>) {
    let at = help
        .rfind("\nExamples:\n")
        .unwrap_or_else(|| panic!("no Examples section in:\n{help}"));
    let lines: Vec<String> = help[at..]
        .lines()
        .skip(2)
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect();
    (help[..at].to_string(), lines)
}

#[test]
fn every_help_ends_with_examples_that_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_dir(&examples(), &d.join("examples"));
    copy_dir(&root().join("tests/data"), &d.join("tests/data"));
    let commands = subcommands(d);
    assert!(commands.len() >= 19, "{commands:?}");
    let load = ["load", "examples", "--store", "news.store"].map(String::from);
    assert!(newsgraph(d, &load).status.success());
    for cmd in &commands {
        let out = newsgraph(d, &[cmd.clone(), "--help".into()]);
        assert!(out.status.success(), "{cmd} --help");
        let help = String::from_utf8(out.stdout).unwrap();
        let (options, lines) = help_examples(&help);
        assert!(
            (2..=3).contains(&lines.len()),
            "{cmd}: two or three examples, got {lines:?}"
        );
        assert!(
            lines.iter().any(|l| words(l).get(1) == Some(cmd)),
            "{cmd}: no example of {cmd}: {lines:?}"
        );
        for line in &lines {
            let mut w = words(line);
            assert_eq!(w[0], "newsgraph", "{cmd}: {line}");
            assert!(
                commands.contains(&w[1]),
                "{cmd}: no subcommand {}: {line}",
                w[1]
            );
            assert!(
                !line.contains(['|', '>', '<', ';', '&', '$']),
                "{line}: no shell"
            );
            // Flags must be on the help page of the command they are given to
            // (for `aliases apply`, its own page).
            let mut page = options.clone();
            if w[1] != *cmd || w[1] == "aliases" {
                let sub: Vec<String> = w[1..]
                    .iter()
                    .take_while(|a| !a.starts_with('-'))
                    .take(if w[1] == "aliases" { 2 } else { 1 })
                    .cloned()
                    .chain(["--help".to_string()])
                    .collect();
                page = String::from_utf8(newsgraph(d, &sub).stdout).unwrap();
            }
            for flag in w.iter().filter(|a| a.starts_with("--")) {
                assert!(
                    page.contains(flag.as_str()),
                    "{line}: {flag} is not in the help"
                );
            }
            let push = w[1] == "push";
            if push {
                // No server here: a closed port, so the example must fail
                // cleanly, with one line naming the server, not a usage error.
                let i = w.iter().position(|a| a == "--to").unwrap() + 1;
                let scheme = w[i].split("://").next().unwrap().to_string();
                w[i] = format!("{scheme}://127.0.0.1:1");
            }
            if w[1] == "serve" {
                serves(d, &w[1..], line);
                continue;
            }
            let out = newsgraph(d, &w[1..]);
            let err = String::from_utf8_lossy(&out.stderr);
            if push {
                assert_eq!(out.status.code(), Some(1), "{line}: {err}");
                assert_eq!(err.trim_end().lines().count(), 1, "{line}: {err}");
                assert!(err.contains("127.0.0.1:1"), "{line}: {err}");
            } else {
                assert!(out.status.success(), "{line} failed: {err}");
            }
        }
    }
}

#[test]
fn build_help_lists_exactly_what_build_writes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let help = String::from_utf8(newsgraph(d, &["build".into(), "--help".into()]).stdout).unwrap();
    let listed: BTreeSet<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Writes into the --out folder:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    assert!(listed.len() >= 7, "{help}");
    let args = [
        "build".to_string(),
        s(&examples()),
        "--out".into(),
        "out".into(),
    ];
    assert!(newsgraph(d, &args).status.success());
    let written: BTreeSet<String> = std::fs::read_dir(d.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(listed, written);
}

/// Copies a folder's files (one level of subfolders and more).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
