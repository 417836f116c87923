//! Pushing a large graph to a FalkorDB server (`newsgraph push`): a synthetic
//! archive of BENCH_PUSH_RELATIONS relations (default 1,000,000) among a fifth
//! as many actors, with full evidence, pushed into an empty graph, then pushed
//! again: once as `push` does by default (the server already holds this store,
//! so a few counting scans find nothing to send), once with every statement
//! sent as `--keep-stale` does (every MERGE matches, nothing changes).
//!
//! Needs a server: set NEWSGRAPH_TEST_FALKORDB=redis://127.0.0.1:PORT (as
//! `.ci/run` does; see docs/scaling-out.md). Without it the benchmark
//! prints a note and skips. BENCH_PUSH_BATCH sets the rows per statement.

mod common;

use common::*;
use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::remote::{self, Address, PushOptions, Server};
use std::io::{BufRead, BufReader, Read, Write};

/// CPU seconds (user + system, every thread) the server process has used, from
/// `INFO cpu`: on a machine shared with other work, the wall time of a push
/// mostly measures the queue for the cores, this what the server spent. None
/// when the server does not say (no password-protected servers here).
fn server_cpu(url: &str) -> Option<f64> {
    let Ok(Address::Redis { host, port, .. }) = Address::parse(url) else {
        return None;
    };
    let mut s = std::net::TcpStream::connect((host.as_str(), port)).ok()?;
    s.write_all(b"*2\r\n$4\r\nINFO\r\n$3\r\ncpu\r\n").ok()?;
    let mut r = BufReader::new(s);
    let mut head = String::new();
    r.read_line(&mut head).ok()?;
    let n: usize = head.trim().strip_prefix('$')?.parse().ok()?;
    let mut body = vec![0; n];
    r.read_exact(&mut body).ok()?;
    let body = String::from_utf8_lossy(&body);
    let field = |k: &str| -> Option<f64> {
        body.lines()
            .find_map(|l| l.strip_prefix(k)?.strip_prefix(':'))
            .and_then(|v| v.trim().parse().ok())
    };
    Some(field("used_cpu_user")? + field("used_cpu_sys")?)
}

const B: &str = "push";

fn main() {
    let Ok(url) = std::env::var("NEWSGRAPH_TEST_FALKORDB") else {
        println!("push benchmark skipped: set NEWSGRAPH_TEST_FALKORDB=redis://127.0.0.1:PORT to a FalkorDB server");
        return;
    };
    header("push to FalkorDB");
    let relations = env_size("BENCH_PUSH_RELATIONS", 1_000_000);
    let actors = (relations / 5).max(10);
    let batch = env_size("BENCH_PUSH_BATCH", remote::DEFAULT_BATCH);
    let (g, t) = timed(|| synthetic_graph(actors, relations, 7));
    println!(
        "  graph: {} actors, {} relations, {} documents (synthetic, seed 7, built in {:.1} s); {batch} rows per statement",
        g.actor_count(),
        g.relation_count(),
        g.documents.len(),
        secs(t)
    );
    let graph = format!("bench-push-{}", std::process::id());
    let mut server = Server::connect(&url, Some(&graph)).unwrap_or_else(|e| panic!("{e}"));
    server.delete_graph().unwrap_or_else(|e| panic!("{e}"));
    for (what, first, prune) in [
        ("first push (empty graph)", true, true),
        ("second push (same store, mirror check)", false, true),
        (
            "second push, every statement sent (--keep-stale)",
            false,
            false,
        ),
    ] {
        let opts = PushOptions { batch, prune };
        let cpu0 = (cpu_time(), server_cpu(&url));
        let t0 = std::time::Instant::now();
        let mut last: Option<newsgraph::cypher::Part> = None;
        let mut phases: Vec<(String, f64)> = Vec::new();
        let mut prev = 0.0;
        let report = remote::push(&g, &mut server, &opts, &mut |part, n| {
            if std::env::var("BENCH_PUSH_TRACE").is_ok() {
                let now = t0.elapsed().as_secs_f64();
                println!("    {part:?} {n} rows: {:.3} s", now - prev);
                prev = now;
            }
            if last != Some(part) {
                phases.push((format!("{part:?}"), t0.elapsed().as_secs_f64()));
                last = Some(part);
            }
        })
        .unwrap_or_else(|e| panic!("{e}"));
        println!("  phases (first statement done at): {phases:?}");
        record(B, &format!("{what}: seconds"), report.seconds, "s", None);
        record(
            B,
            &format!("{what}: client CPU seconds"),
            secs(cpu_time().saturating_sub(cpu0.0)),
            "s",
            None,
        );
        if let (Some(a), Some(b)) = (cpu0.1, server_cpu(&url)) {
            record(B, &format!("{what}: server CPU seconds"), b - a, "s", None);
        }
        record(
            B,
            &format!("{what}: relations per second"),
            g.relation_count() as f64 / report.seconds,
            "rel/s",
            None,
        );
        if first {
            assert_eq!(
                report.stats.relationships_created as usize,
                g.relation_count()
            );
        } else if prune {
            assert!(report.up_to_date);
        } else {
            assert!(report.stats.is_empty(), "{:?}", report.stats);
        }
    }
    let (a, r, _) = remote::counts(&mut server).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (a as usize, r as usize),
        (g.actor_count(), g.relation_count())
    );
    println!("  server holds {a} actors and {r} relations, as the store");
    let _ = server.delete_graph();
}
