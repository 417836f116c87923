//! The explorer's API on a store of 1,000,000 relations among 200,000 actors
//! (sizes: BENCH_ACTORS, BENCH_RELATIONS): what a user of `newsgraph serve`
//! waits for, measured over HTTP against the real server in this process on a
//! loopback port. p50 and p95 of `/api/search` (partial and misspelled names),
//! `/api/actor/{id}` (the actor's relations with evidence) and `/api/path`
//! (BENCH_SERVE_QUERIES of each, default 40), and the first request after the
//! store changed (reload and index build).

mod common;

use common::*;
use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::corpus::Rng;
use newsgraph::graph::store::save;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: Counting = Counting;

const B: &str = "serve";

/// One GET over a fresh connection, as a browser's fetch of one answer: the
/// status and the body's length.
fn get(addr: SocketAddr, path: &str) -> (u16, usize) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).expect("read");
    let head_end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(buf.len(), |i| i + 4);
    let status = std::str::from_utf8(&buf[..head_end.min(buf.len())])
        .ok()
        .and_then(|h| h.split_whitespace().nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (status, buf.len() - head_end)
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Times each request; prints and records p50 and p95 in milliseconds.
fn measure(what: &str, addr: SocketAddr, paths: &[String], target: Option<&str>) {
    let mut times: Vec<Duration> = Vec::with_capacity(paths.len());
    let mut ok = 0;
    let mut bytes = 0;
    for p in paths {
        let t = Instant::now();
        let (status, len) = get(addr, p);
        times.push(t.elapsed());
        if status == 200 {
            ok += 1;
        }
        bytes += len;
    }
    times.sort();
    println!(
        "  {what}: {} requests, {ok} answered 200, {:.1} KiB per answer on average",
        paths.len(),
        bytes as f64 / 1024.0 / paths.len().max(1) as f64
    );
    record(
        B,
        &format!("{what}: p50 ms"),
        percentile_us(&times, 50.0) / 1000.0,
        "ms",
        None,
    );
    record(
        B,
        &format!("{what}: p95 ms"),
        percentile_us(&times, 95.0) / 1000.0,
        "ms",
        target,
    );
    record(
        B,
        &format!("{what}: max ms"),
        times.last().map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0),
        "ms",
        None,
    );
}

/// A typed fragment of a name: the last word, the first word cut short, or
/// the whole name with one letter dropped (a typo).
fn typed(name: &str, rng: &mut Rng) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match rng.below(3) {
        0 => words.last().copied().unwrap_or(name).to_string(),
        1 => words[0].chars().take(4.max(words[0].len() / 2)).collect(),
        _ => {
            let chars: Vec<char> = name.chars().collect();
            let i = 1 + rng.below(chars.len().saturating_sub(2).max(1));
            chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, c)| *c)
                .collect()
        }
    }
}

fn main() {
    let actors = env_size("BENCH_ACTORS", 200_000);
    let relations = env_size("BENCH_RELATIONS", 1_000_000);
    let queries = env_size("BENCH_SERVE_QUERIES", 40);
    header(&format!(
        "serve: {actors} actors, {relations} relations (synthetic, seed 42), {queries} requests each"
    ));
    let g = synthetic_graph(actors, relations, 42);
    let path = out_dir().join(format!("serve-{actors}-{relations}.store"));
    save(&g, &path).expect("save");

    // Questions picked before the graph is dropped: actors at the ends of
    // random relations (busy actors come up as often as users click them).
    let mut rng = Rng::new(11);
    let edges: Vec<_> = g.graph.edge_indices().collect();
    let end = |rng: &mut Rng| {
        let e = edges[rng.below(edges.len())];
        let (a, b) = g.graph.edge_endpoints(e).expect("edge");
        if rng.below(2) == 0 {
            a
        } else {
            b
        }
    };
    let mut search = Vec::new();
    let mut actor = Vec::new();
    let mut path_q = Vec::new();
    // The same questions under the explorer's filters: a document (each
    // request a different one, the document of one of the actor's relations),
    // actor kinds (each request new ends, so no narrowed store is reused),
    // and a date range.
    let mut actor_doc = Vec::new();
    let mut actor_kinds = Vec::new();
    let mut path_kinds = Vec::new();
    let mut path_since = Vec::new();
    for _ in 0..queries {
        let n = end(&mut rng);
        search.push(format!(
            "/api/search?q={}",
            enc(&typed(&g.actor(n).name, &mut rng))
        ));
        let n = end(&mut rng);
        actor.push(format!("/api/actor/{}", enc(&g.actor(n).id)));
        let (a, b) = (end(&mut rng), end(&mut rng));
        path_q.push(format!(
            "/api/path?from={}&to={}",
            enc(&g.actor(a).id),
            enc(&g.actor(b).id)
        ));
        let e = edges[rng.below(edges.len())];
        let (a, _) = g.graph.edge_endpoints(e).expect("edge");
        actor_doc.push(format!(
            "/api/actor/{}?doc={}",
            enc(&g.actor(a).id),
            enc(g.str(g.graph[e].doc))
        ));
        let n = end(&mut rng);
        actor_kinds.push(format!("/api/actor/{}?kinds=person", enc(&g.actor(n).id)));
        let (a, b) = (end(&mut rng), end(&mut rng));
        path_kinds.push(format!(
            "/api/path?from={}&to={}&kinds=person,organization",
            enc(&g.actor(a).id),
            enc(&g.actor(b).id)
        ));
        let (a, b) = (end(&mut rng), end(&mut rng));
        path_since.push(format!(
            "/api/path?from={}&to={}&since=2021-06",
            enc(&g.actor(a).id),
            enc(&g.actor(b).id)
        ));
    }
    drop(g);

    let (server, tb) = timed(|| newsgraph::serve::bind(&path, "127.0.0.1:0").expect("bind"));
    record(
        B,
        "server start (store open + indexes): seconds",
        secs(tb),
        "s",
        None,
    );
    let addr = server.local_addr().expect("address");
    std::thread::spawn(move || server.run());
    // Warm-up: the first answers page in the store.
    for p in search.iter().chain(&actor).chain(&path_q).take(10) {
        get(addr, p);
    }
    measure("search", addr, &search, Some("< 100"));
    measure("actor", addr, &actor, Some("< 100"));
    measure("path", addr, &path_q, Some("< 100"));
    measure(
        "actor, doc= (a new document each)",
        addr,
        &actor_doc,
        Some("< 100"),
    );
    measure("actor, kinds=person", addr, &actor_kinds, Some("< 100"));
    measure(
        "path, kinds=person,organization",
        addr,
        &path_kinds,
        Some("< 100"),
    );
    measure("path, since= (one range)", addr, &path_since, Some("< 100"));
    let drawn: Vec<String> = actor
        .iter()
        .take(10)
        .map(|p| p.replace("/api/actor/", "/api/svg/actor/"))
        .collect();
    measure("actor drawing (svg, 10 requests)", addr, &drawn, None);

    // A store rewritten while serving: the next request reopens it.
    let g = synthetic_graph(actors, relations, 43);
    save(&g, &path).expect("save");
    drop(g);
    let (_, tr) = timed(|| get(addr, "/api/stats"));
    record(
        B,
        "first request after the store changed: seconds",
        secs(tr),
        "s",
        None,
    );
    let _ = std::fs::remove_file(&path);
}
