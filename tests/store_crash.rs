//! Crash safety: `newsgraph load` is killed (SIGKILL) at random moments, over and
//! over, while it adds documents to a store of tens of thousands of relations.
//! After every kill the store must open and hold exactly the old state or exactly
//! the new one, never a broken or half-merged file; and the next load must go
//! through (the lock dies with its process, stale temporary files are cleaned).
//!
//! `NEWSGRAPH_CRASH_ROUNDS` sets the number of kills (default 120; docs/reliability.md
//! documents a longer run).

mod common;
use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The parts of `stats` that tell one state from another.
fn state(dir: &Path, st: &str) -> Value {
    let out = run(dir, &["stats", "--store", st, "--format", "json"]);
    assert!(
        out.status.success(),
        "store unreadable after a kill: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    serde_json::json!([
        v["documents"],
        v["actors"],
        v["relations"],
        v["relations_by_type"],
        v["merges_logged"]
    ])
}

#[test]
fn killed_loads_leave_the_old_store_or_the_new_one() {
    let rounds: usize = std::env::var("NEWSGRAPH_CRASH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(120);
    let dir = tempfile::tempdir().unwrap();
    // A base store big enough that writing it takes a while: 40,000 relations.
    let mut csv = String::from("source,target,type,date,evidence\n");
    for i in 0..40_000u32 {
        csv.push_str(&format!(
            "Person Number{} Alpha,Person Number{} Beta,meet,2024-01-{:02},Person {} met person {} in the capital on a Tuesday.\n",
            i % 5000,
            (i * 7 + 3) % 5000,
            1 + i % 28,
            i,
            i + 1
        ));
    }
    let base_csv = dir.path().join("base.csv");
    std::fs::write(&base_csv, csv).unwrap();
    let base = dir.path().join("base.store");
    ok(
        dir.path(),
        &["load", "--store", &s(&base), &s(&base_csv), &s(&article())],
    );
    let old = state(dir.path(), &s(&base));
    // The new state: base + the example articles.
    let full = dir.path().join("full.store");
    std::fs::copy(&base, &full).unwrap();
    let t = Instant::now();
    ok(dir.path(), &["load", "--store", &s(&full), &s(&examples())]);
    let span = t.elapsed().max(Duration::from_millis(20));
    let new = state(dir.path(), &s(&full));
    assert_ne!(old, new);

    let store = dir.path().join("g.store");
    let st = s(&store);
    let mut seed_rng = 0x9e37_79b9_7f4a_7c15u64 ^ t.elapsed().as_nanos() as u64;
    let mut rnd = move || {
        seed_rng ^= seed_rng << 13;
        seed_rng ^= seed_rng >> 7;
        seed_rng ^= seed_rng << 17;
        seed_rng
    };
    let (mut saw_old, mut saw_new, mut mid_write) = (0, 0, 0);
    for round in 0..rounds {
        std::fs::copy(&base, &store).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(["load", "--threads", "1", "--store", &st, &s(&examples())])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Anywhere from start-up to just past the end of a typical load.
        let wait = span.as_micros() as u64 * 12 / 10;
        std::thread::sleep(Duration::from_micros(rnd() % wait.max(1)));
        let _ = child.kill();
        let _ = child.wait();
        // A temporary file left behind means the kill landed while writing.
        mid_write += std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(".g.store.tmp"))
            as usize;
        let now = state(dir.path(), &st);
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!("round {round}: store is neither the old nor the new state: {now}");
        }
        // Every few rounds, the next load must finish the job.
        if round % 10 == 9 {
            ok(dir.path(), &["load", "--store", &st, &s(&examples())]);
            assert_eq!(
                state(dir.path(), &st),
                new,
                "round {round}: reload after a kill"
            );
            let litter: Vec<_> = std::fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(".g.store.tmp"))
                .collect();
            assert!(litter.is_empty(), "temporary files left after a clean load");
        }
    }
    eprintln!(
        "{rounds} kills: {saw_old} left the old store, {saw_new} the new one; {mid_write} landed while the new store was being written"
    );
    assert!(
        saw_old > 0,
        "no kill landed before the rename: the test does not test"
    );
}
