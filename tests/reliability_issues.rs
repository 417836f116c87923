//! Issue 16, "Nothing lost, nothing hangs": the eleven reproductions of the
//! red-team run, one test each, named for it. Each failed before the fix (run
//! them against an older binary with `NEWSGRAPH_TEST_BIN=PATH`). None needs
//! Graphviz: diagrams are checked with the embedded renderer, and with Graphviz
//! too when `dot` is installed.

#![cfg(unix)]

mod common;
#[path = "common/xmlcheck.rs"]
mod xmlcheck;

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The binary under test (`NEWSGRAPH_TEST_BIN` runs the tests against another
/// build, to see them fail before the fix).
fn bin() -> PathBuf {
    std::env::var_os("NEWSGRAPH_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_newsgraph")))
}

fn cmd(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(bin());
    c.args(args)
        .current_dir(dir)
        .env_remove("NEWSGRAPH_STORE")
        .env("RUST_BACKTRACE", "1");
    c
}

fn run(dir: &Path, args: &[&str]) -> Output {
    cmd(dir, args).output().expect("run newsgraph")
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs and expects a failure reported as one line (no panic, no backtrace).
fn fails_one_line(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "newsgraph {args:?}: {err}");
    no_panic(&err);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    err
}

fn no_panic(stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("backtrace"),
        "panic: {stderr}"
    );
}

/// Runs with a deadline: a hang fails the test instead of the suite.
fn run_within(mut c: Command, limit: Duration) -> Output {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .expect("spawn");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

const STORY_A: &str = "Antony Blinken met Mustafa al-Kadhimi in Baghdad on Monday.\n";
const STORY_B: &str = "Emmanuel Macron called Olaf Scholz on Tuesday.\n";
const STORY_C: &str = "Recep Tayyip Erdogan condemned Benjamin Netanyahu on Friday.\n";

fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

fn documents(dir: &Path, store: &str) -> Vec<serde_json::Value> {
    let out = ok(dir, &["documents", "--store", store, "--format", "json"]);
    serde_json::from_str(&out).unwrap()
}

fn actors(dir: &Path, store: &str) -> Vec<serde_json::Value> {
    let out = ok(dir, &["actors", "--store", store, "--format", "json"]);
    serde_json::from_str(&out).unwrap()
}

/// 1. `load a/story.txt` then `load b/story.txt` replaced a's document; an
///    archive of `2024-05/report.txt` and `2024-06/report.txt` kept one month.
#[test]
fn same_file_name_in_another_folder_is_another_document() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    write(d, "a/story.txt", STORY_A);
    write(d, "b/story.txt", STORY_B);
    let first = ok(d, &["load", "a/story.txt", "--store", "s.store"]);
    assert!(first.contains("1 new"), "{first}");
    let second = ok(d, &["load", "b/story.txt", "--store", "s.store"]);
    assert!(
        second.contains("1 new, 0 changed"),
        "b/story.txt replaced a/story.txt: {second}"
    );
    let docs = documents(d, "s.store");
    assert_eq!(docs.len(), 2, "{docs:?}");
    let sources: Vec<&str> = docs.iter().filter_map(|x| x["source"].as_str()).collect();
    assert_eq!(sources, ["a/story.txt", "b/story.txt"]);
    // a/story's relation is still there.
    let rels = ok(d, &["relations", "--store", "s.store", "--format", "json"]);
    assert!(
        rels.contains("Blinken") && rels.contains("Macron"),
        "{rels}"
    );
    // The same source again is the same document: unchanged, then changed.
    let again = ok(d, &["load", "b/story.txt", "--store", "s.store"]);
    assert!(again.contains("0 new, 0 changed, 1 unchanged"), "{again}");
    write(d, "a/story.txt", STORY_C);
    let changed = ok(d, &["load", "a/story.txt", "--store", "s.store"]);
    assert!(changed.contains("0 new, 1 changed"), "{changed}");
    assert_eq!(documents(d, "s.store").len(), 2);
    // The table shows where each document came from.
    let table = ok(d, &["documents", "--store", "s.store"]);
    assert!(
        table.contains("source") && table.contains("b/story.txt"),
        "{table}"
    );

    // An archive by month keeps every month, loaded at once or again later.
    write(d, "archive/2024-05/report.txt", STORY_A);
    write(d, "archive/2024-06/report.txt", STORY_B);
    let out = ok(d, &["load", "archive", "--store", "m.store"]);
    assert!(out.contains("2 new"), "{out}");
    write(d, "archive/2024-06/report.txt", STORY_C);
    let out = ok(d, &["load", "archive/", "--store", "m.store"]);
    assert!(out.contains("0 new, 1 changed, 1 unchanged"), "{out}");
    let docs = documents(d, "m.store");
    assert_eq!(docs.len(), 2, "{docs:?}");
    let sources: Vec<&str> = docs.iter().filter_map(|x| x["source"].as_str()).collect();
    assert_eq!(
        sources,
        ["archive/2024-05/report.txt", "archive/2024-06/report.txt"]
    );
}

/// 2. `build --store X` replaced X without a word, valid or damaged.
#[test]
fn build_refuses_to_replace_an_existing_store_without_force() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    write(d, "in/one.txt", STORY_A);
    write(d, "in/two.txt", STORY_B);
    write(d, "other/three.txt", STORY_C);
    ok(d, &["build", "in", "--out", "o", "--store", "x.store"]);
    let before = std::fs::read(d.join("x.store")).unwrap();
    let err = fails_one_line(d, &["build", "other", "--out", "o", "--store", "x.store"]);
    assert!(err.contains("x.store") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read(d.join("x.store")).unwrap(), before);
    // --force replaces a readable store.
    ok(
        d,
        &[
            "build", "other", "--out", "o", "--store", "x.store", "--force",
        ],
    );
    assert_eq!(documents(d, "x.store").len(), 1);
    // A file that is not a store is never replaced, even with --force.
    std::fs::write(d.join("report.pdf"), b"%PDF-1.7 not a store").unwrap();
    for force in [false, true] {
        let mut args = vec!["build", "in", "--out", "o", "--store", "report.pdf"];
        if force {
            args.push("--force");
        }
        let err = fails_one_line(d, &args);
        assert!(err.contains("report.pdf"), "{err}");
        assert_eq!(
            std::fs::read(d.join("report.pdf")).unwrap(),
            b"%PDF-1.7 not a store"
        );
    }
    // The default store of the output folder is protected too.
    ok(d, &["build", "in", "--out", "p"]);
    fails_one_line(d, &["build", "in", "--out", "p"]);
}

/// 3. A symlinked store became a regular file: the target stayed old and the
///    two paths stopped sharing a lock.
#[test]
fn symlinked_store_is_updated_through_the_link() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    write(d, "one.txt", STORY_A);
    write(d, "two.txt", STORY_B);
    std::fs::create_dir(d.join("data")).unwrap();
    ok(d, &["load", "one.txt", "--store", "data/news.store"]);
    std::os::unix::fs::symlink("data/news.store", d.join("link.store")).unwrap();
    ok(d, &["load", "two.txt", "--store", "link.store"]);
    let meta = std::fs::symlink_metadata(d.join("link.store")).unwrap();
    assert!(meta.file_type().is_symlink(), "the link became a file");
    assert_eq!(
        documents(d, "data/news.store").len(),
        2,
        "target not updated"
    );
    // One lock, beside the real file.
    assert!(d.join("data/news.store.lock").exists());
    assert!(!d.join("link.store.lock").exists());
    // A link to a store not made yet: the store appears where it points.
    std::os::unix::fs::symlink("data/later.store", d.join("later.store")).unwrap();
    ok(d, &["load", "one.txt", "--store", "later.store"]);
    assert!(std::fs::symlink_metadata(d.join("later.store"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(d.join("data/later.store").is_file());
}

/// 4. Write permission was never checked: a 0444 store was changed by `load`
///    and `merge`; a writer took over another user's store; a lock file made by
///    one user kept the others out.
#[test]
fn store_permissions_and_owner_are_checked_and_kept() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    write(d, "one.txt", STORY_A);
    write(d, "two.txt", STORY_B);
    ok(d, &["load", "one.txt", "--store", "s.store"]);
    let store = d.join("s.store");
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&store).unwrap();
    let err = fails_one_line(d, &["load", "two.txt", "--store", "s.store"]);
    assert!(
        err.contains("s.store") && err.contains("read-only"),
        "{err}"
    );
    let err = fails_one_line(
        d,
        &[
            "merge",
            "Antony Blinken",
            "Mustafa al-Kadhimi",
            "--store",
            "s.store",
        ],
    );
    assert!(err.contains("s.store"), "{err}");
    assert_eq!(std::fs::read(&store).unwrap(), before);
    assert_eq!(std::fs::metadata(&store).unwrap().mode() & 0o777, 0o444);

    // A group-shared store stays shared: mode kept, and the lock file any
    // writer of the store can take.
    std::fs::set_permissions(&store, std::fs::Permissions::from_mode(0o664)).unwrap();
    std::fs::remove_file(d.join("s.store.lock")).ok();
    ok(d, &["load", "two.txt", "--store", "s.store"]);
    assert_eq!(std::fs::metadata(&store).unwrap().mode() & 0o777, 0o664);
    let lock = std::fs::metadata(d.join("s.store.lock")).unwrap();
    assert_eq!(lock.mode() & 0o666, 0o664, "lock file not group-writable");
    // A lock file that cannot be opened for writing still gives the lock.
    std::fs::set_permissions(
        d.join("s.store.lock"),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    write(d, "three.txt", STORY_C);
    ok(d, &["load", "three.txt", "--store", "s.store"]);

    // Owner and group kept when someone allowed to (root here) writes another
    // user's store.
    let is_root = std::fs::metadata("/proc/self")
        .map(|m| m.uid() == 0)
        .unwrap_or(false);
    if is_root {
        std::os::unix::fs::chown(&store, Some(65534), Some(65534)).unwrap();
        write(
            d,
            "four.txt",
            "Olaf Scholz met Emmanuel Macron in Paris on Sunday.\n",
        );
        ok(d, &["load", "four.txt", "--store", "s.store"]);
        let m = std::fs::metadata(&store).unwrap();
        assert_eq!((m.uid(), m.gid()), (65534, 65534), "owner changed");
        assert_eq!(m.mode() & 0o777, 0o664);
    }
}

/// 5. `export -o FILE` was not atomic: on a full disk a valid file became a
///    truncated one; `build` left a truncated `graph.svg`.
#[test]
fn export_and_build_outputs_are_atomic() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let examples = common::s(&common::examples());
    ok(
        d,
        &["build", &examples, "--out", "o", "--engine", "builtin"],
    );
    let svg = std::fs::read(d.join("o/graph.svg")).unwrap();
    assert!(
        svg.len() > 4096,
        "the diagram should outgrow the limit below"
    );
    std::fs::copy(d.join("o/graph.svg"), d.join("keep.svg")).unwrap();
    // A file size limit of 4 KiB stands in for a full disk: every write past it
    // fails (EFBIG; the signal is ignored so the program sees the error).
    let limited = |args: &[&str]| {
        let mut c = Command::new("sh");
        c.arg("-c")
            .arg("trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\"")
            .arg(bin())
            .args(args)
            .current_dir(d);
        c.output().unwrap()
    };
    let out = limited(&[
        "export",
        "--store",
        "o/newsgraph.store",
        "--format",
        "svg",
        "--engine",
        "builtin",
        "-o",
        "keep.svg",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    no_panic(&err);
    assert!(err.contains("keep.svg"), "{err}");
    assert_eq!(
        std::fs::read(d.join("keep.svg")).unwrap(),
        svg,
        "file damaged"
    );
    // `build` on a full disk: every file it had written before stays whole.
    let before: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(d.join("o"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".lock"))
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect();
    let out = limited(&[
        "build", &examples, "--out", "o", "--engine", "builtin", "--force",
    ]);
    assert_ne!(out.status.code(), Some(0));
    no_panic(&String::from_utf8_lossy(&out.stderr));
    for (p, bytes) in before {
        let now = std::fs::read(&p).unwrap();
        assert!(
            now == bytes || now.len() >= bytes.len().min(4096),
            "{} truncated",
            p.display()
        );
    }
    assert_eq!(std::fs::read(d.join("o/graph.svg")).unwrap(), svg);
    // No temporary files left behind.
    let temps: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .chain(std::fs::read_dir(d.join("o")).unwrap())
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

/// 6. Merge then split did not restore the split actor's country (JPN came
///    back as EGY); alias cycles got in through two `aliases apply` runs;
///    `remove --doc X --doc X` counted two.
#[test]
fn merge_then_split_restores_the_actor_and_alias_cycles_are_refused() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let header = "source,target,type,source_kind,target_kind,source_country,target_country\n";
    write(
        d,
        "edges.csv",
        &format!("{header}Fumio Kishida,Joe Biden,meet,person,person,JPN,USA\n"),
    );
    write(
        d,
        "cairo.csv",
        &format!("{header}Abdel Fattah el-Sisi,Joe Biden,call,person,person,EGY,USA\n"),
    );
    ok(d, &["load", "edges.csv", "cairo.csv", "--store", "s.store"]);
    let before = actors(d, "s.store");
    ok(
        d,
        &[
            "merge",
            "Abdel Fattah el-Sisi",
            "Fumio Kishida",
            "--store",
            "s.store",
        ],
    );
    ok(
        d,
        &[
            "split",
            "Abdel Fattah el-Sisi",
            "--alias",
            "Fumio Kishida",
            "--store",
            "s.store",
        ],
    );
    let after = actors(d, "s.store");
    assert_eq!(after, before, "merge then split changed the actors");

    // Alias cycles across applies are refused like within one file.
    write(
        d,
        "one.toml",
        "[[actor]]\nname = \"Fumio Kishida\"\naliases = [\"PM Kishida\"]\n",
    );
    write(
        d,
        "two.toml",
        "[[actor]]\nname = \"PM Kishida\"\naliases = [\"Fumio Kishida\"]\n",
    );
    ok(d, &["aliases", "apply", "one.toml", "--store", "s.store"]);
    let err = fails_one_line(d, &["aliases", "apply", "two.toml", "--store", "s.store"]);
    assert!(err.contains("two.toml") && err.contains("both"), "{err}");
    // What `aliases show` prints, `aliases apply` takes.
    let shown = ok(d, &["aliases", "show", "--store", "s.store"]);
    write(d, "shown.toml", &shown);
    ok(d, &["aliases", "apply", "shown.toml", "--store", "s.store"]);

    // A document given twice is removed once and counted once.
    let out = ok(
        d,
        &[
            "remove", "--doc", "edges", "--doc", "edges", "--store", "s.store",
        ],
    );
    assert!(out.starts_with("removed 1 document(s)"), "{out}");
}

/// 7. A closed or full stdout panicked ("failed printing to stdout", exit 101,
///    backtrace) after the store was saved.
#[test]
fn closed_or_full_stdout_never_panics() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    write(d, "one.txt", STORY_A);
    write(d, "two.txt", STORY_B);
    write(d, "three.txt", STORY_C);
    // stdout on a full disk: one line, exit 1, and the store saved.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = cmd(d, &["load", "one.txt", "--store", "s.store"])
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    no_panic(&err);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("stdout"), "{err}");
    assert_eq!(documents(d, "s.store").len(), 1);
    // stdout closed: quiet or one line, never a panic.
    let out = Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" \"$@\" >&-")
        .arg(bin())
        .args(["load", "two.txt", "--store", "s.store"])
        .current_dir(d)
        .env("RUST_BACKTRACE", "1")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    no_panic(&err);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{:?} {err}",
        out.status
    );
    assert!(err.trim_end().lines().count() <= 1, "{err}");
    assert_eq!(documents(d, "s.store").len(), 2);
    // A reader that goes away (`| head`): ended as Unix tools are, by SIGPIPE
    // or quietly, never with a panic.
    let mut child = cmd(d, &["load", "three.txt", "--store", "s.store"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    no_panic(&err);
    use std::os::unix::process::ExitStatusExt;
    assert!(
        out.status.code() == Some(0) || out.status.signal() == Some(13),
        "{:?} {err}",
        out.status
    );
    assert_eq!(documents(d, "s.store").len(), 3);
    // The same for a query and an export.
    for args in [
        &["actors", "--store", "s.store"][..],
        &["export", "--store", "s.store", "--format", "dot"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = cmd(d, args).stdout(full).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        no_panic(&err);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    }
}

/// 8. Unbounded memory on endless input: `load /dev/zero` reached 8.7 GB in
///    20 s (JSON Lines 15.6 GB); stdin read up to 4 GiB before looking at bytes.
#[test]
fn endless_input_is_bounded_by_the_document_size_limit() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    for extra in [
        &[][..],
        &["--format", "jsonl"][..],
        &["--format", "html"][..],
    ] {
        let mut args = vec!["load", "/dev/zero", "--store", "s.store"];
        args.extend_from_slice(extra);
        let out = run_within(cmd(d, &args), Duration::from_secs(30));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        no_panic(&err);
        assert!(err.contains("/dev/zero"), "{err}");
    }
    assert!(!d.join("s.store").exists());
    // Endless text on stdin stops at the limit (here 1 MiB), not at 4 GiB.
    for format in ["text", "jsonl"] {
        let mut child = cmd(
            d,
            &[
                "load",
                "-",
                "--format",
                format,
                "--max-doc-size",
                "1M",
                "--store",
                "s.store",
            ],
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            let line = "Antony Blinken met Mustafa al-Kadhimi in Baghdad ".repeat(100);
            let start = Instant::now();
            // Stops when the reader gives up (broken pipe), or after 40 s.
            while start.elapsed() < Duration::from_secs(40) {
                if stdin.write_all(line.as_bytes()).is_err() {
                    return true;
                }
            }
            false
        });
        let out = child.wait_with_output().unwrap();
        assert!(feeder.join().unwrap(), "load kept reading endless stdin");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        no_panic(&err);
        assert!(err.contains("limit"), "{err}");
    }
    // A document over the limit is refused; within it, loaded.
    write(d, "big.txt", &STORY_A.repeat(40_000));
    let err = fails_one_line(
        d,
        &[
            "load",
            "big.txt",
            "--max-doc-size",
            "1M",
            "--store",
            "s.store",
        ],
    );
    assert!(
        err.contains("big.txt") && err.contains("--max-doc-size"),
        "{err}"
    );
    ok(
        d,
        &[
            "load",
            "big.txt",
            "--max-doc-size",
            "8M",
            "--store",
            "s.store",
        ],
    );
}

/// 9. A FIFO inside a folder hung `load` forever, holding the store lock.
#[test]
fn fifo_in_a_folder_is_skipped_with_a_note() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    write(d, "in/one.txt", STORY_A);
    let fifo = d.join("in/pipe.txt");
    let c = std::ffi::CString::new(fifo.to_string_lossy().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    std::os::unix::fs::symlink("pipe.txt", d.join("in/link-to-pipe.txt")).unwrap();
    for args in [
        &["load", "in", "--store", "s.store"][..],
        &["build", "in", "--out", "o", "--engine", "builtin"][..],
    ] {
        let out = run_within(cmd(d, args), Duration::from_secs(30));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(err.contains("pipe.txt") && err.contains("FIFO"), "{err}");
    }
    assert_eq!(documents(d, "s.store").len(), 1);
    // Named on its own, a FIFO is read (a writer feeds it, then closes it).
    let writer = std::thread::spawn({
        let fifo = fifo.clone();
        move || std::fs::write(&fifo, STORY_B).unwrap()
    });
    let out = run_within(
        cmd(d, &["load", "in/pipe.txt", "--store", "s.store"]),
        Duration::from_secs(30),
    );
    writer.join().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(documents(d, "s.store").len(), 2);
}

/// Names with entities and markup, as in issue 16 and the hostile corpus.
const ENTITY_NAMES: [&str; 3] = ["AT&#x1b;T", "AT&lt;T Corp", "Tom &amp;amp; Jerry"];

/// 10. Entities went through the DOT export: `AT&#x1b;T` put a raw ESC byte
///     into the SVG (not well-formed XML) and the HTML; `AT&lt;T Corp` was drawn
///     as "AT<T Corp".
#[test]
fn entities_in_names_reach_every_format_as_text() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let mut csv = String::from("source,target,type,source_kind,target_kind\n");
    for w in ENTITY_NAMES.windows(2) {
        csv.push_str(&format!(
            "{},{},meet,organization,organization\n",
            w[0], w[1]
        ));
    }
    write(d, "edges.csv", &csv);
    ok(d, &["load", "edges.csv", "--store", "s.store"]);
    let export = |format: &str, engine: &str| -> Vec<u8> {
        let out = run(
            d,
            &[
                "export", "--store", "s.store", "--format", format, "--engine", engine,
            ],
        );
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let has_dot = Command::new("dot").arg("-V").output().is_ok();
    let mut engines = vec!["builtin"];
    if has_dot {
        engines.push("dot");
    }
    for engine in engines {
        for format in ["svg", "html"] {
            let bytes = export(format, engine);
            assert!(!bytes.contains(&0x1b), "{format}/{engine}: raw ESC byte");
            let text = String::from_utf8(bytes).unwrap();
            if format == "svg" {
                let flat = xmlcheck::flat_text(&text);
                for name in ENTITY_NAMES {
                    assert!(flat.contains(name), "{engine} svg lacks {name:?} as text");
                }
                assert!(!flat.contains("AT<T"), "{engine}: &lt; decoded");
            } else {
                assert!(text.contains("AT&amp;lt;T Corp"), "{engine} html");
                assert!(!text.contains("AT<T") && !text.contains("AT&lt;T Corp"));
            }
        }
    }
    let dot = String::from_utf8(export("dot", "builtin")).unwrap();
    assert!(
        dot.contains("AT&amp;#x1b;T") && dot.contains("AT&amp;lt;T Corp"),
        "{dot}"
    );
    let graphml = String::from_utf8(export("graphml", "builtin")).unwrap();
    assert!(graphml.contains("AT&amp;#x1b;T") && graphml.contains("Tom &amp;amp;amp; Jerry"));
    let mermaid = String::from_utf8(export("mermaid", "builtin")).unwrap();
    assert!(
        !mermaid.contains("&#x1b;") && !mermaid.contains("&lt;"),
        "{mermaid}"
    );
    for format in ["cypher", "json"] {
        let text = String::from_utf8(export(format, "builtin")).unwrap();
        for name in ENTITY_NAMES {
            assert!(text.contains(name), "{format} lacks {name:?} as it is");
        }
    }
    ok(
        d,
        &[
            "export", "--store", "s.store", "--format", "csv", "-o", "csv",
        ],
    );
    let actors_csv = std::fs::read_to_string(d.join("csv/actors.csv")).unwrap();
    for name in ENTITY_NAMES {
        assert!(actors_csv.contains(name), "csv lacks {name:?}");
    }
}

/// 11. One junk article stopped every diagram: 2,500 capitalised words became
///     one actor with a 616,189-character name, over Graphviz's 16 KiB label
///     limit, so `build` wrote only the store and the DOT.
#[test]
fn junk_article_with_a_huge_name_still_gets_every_diagram() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    let mut seed = 7u64;
    let mut words = Vec::new();
    for _ in 0..2500 {
        let mut w = String::new();
        for i in 0..6 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let set: &[u8] = if i % 2 == 0 {
                b"bcdfgklmnprstvz"
            } else {
                b"aeiou"
            };
            let c = set[(seed >> 33) as usize % set.len()] as char;
            w.push(if i == 0 { c.to_ascii_uppercase() } else { c });
        }
        words.push(w);
    }
    let text = format!(
        "Antony Blinken met {} in Baghdad on Monday.\n",
        words.join(" ")
    );
    write(d, "in/junk.txt", &text);
    write(d, "in/ok.txt", STORY_B);
    let out = ok(d, &["build", "in", "--out", "o"]);
    for f in [
        "graph.dot",
        "graph.svg",
        "graph.html",
        "graph.json",
        "graph.graphml",
        "graph.mmd",
    ] {
        let p = d.join("o").join(f);
        assert!(p.is_file(), "{f} missing: {out}");
    }
    let names: Vec<String> = actors(d, "o/newsgraph.store")
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.iter().all(|n| n.chars().count() <= 200), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with('…')), "{names:?}");
    // The full form is still in the evidence.
    let rels = ok(
        d,
        &[
            "relations",
            "--store",
            "o/newsgraph.store",
            "--format",
            "json",
        ],
    );
    assert!(rels.contains(&words[2499]), "evidence lost the full name");
    // A store holding a huge name from before is still drawn: DOT strings are
    // shortened to Graphviz's limit.
    let dot = std::fs::read_to_string(d.join("o/graph.dot")).unwrap();
    assert!(dot.lines().all(|l| l.len() < 17_000));
    let svg = std::fs::read_to_string(d.join("o/graph.svg")).unwrap();
    xmlcheck::elements(&svg);
}
