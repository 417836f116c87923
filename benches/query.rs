//! Queries on a graph of 1,000,000 relations among 200,000 actors (sizes:
//! BENCH_ACTORS, BENCH_RELATIONS): shortest paths between random pairs (p50,
//! p90, p99), contacts of random actors, top-k by degree.
//!
//! With NEWSGRAPH_NX_EXPORT=1 it also writes the graph and the pairs to
//! `target/bench/nx/` for `benches/compare_networkx.py`, which builds the same
//! graph in networkx and runs the same queries.

mod common;

use common::*;
use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::corpus::Rng;
use newsgraph::query::{
    contacts, top, Centrality, Index, PathFinder, PathOptions, TopOptions, TypeSet,
};
use newsgraph::RelationType;
use petgraph::stable_graph::NodeIndex;
use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: Counting = Counting;

const B: &str = "query";

fn main() {
    let actors = env_size("BENCH_ACTORS", 200_000);
    let relations = env_size("BENCH_RELATIONS", 1_000_000);
    let queries = env_size("BENCH_QUERIES", 2_000);
    header(&format!(
        "queries: {actors} actors, {relations} relations (synthetic, seed 42)"
    ));
    let g = synthetic_graph(actors, relations, 42);
    let (idx, ti) = timed(|| Index::new(&g));
    record(
        B,
        "index build (once per loaded graph): seconds",
        secs(ti),
        "s",
        None,
    );

    let mut rng = Rng::new(7);
    let nodes: Vec<NodeIndex> = g.graph.node_indices().collect();
    let n = nodes.len();
    let pairs: Vec<(NodeIndex, NodeIndex)> = (0..queries)
        .map(|_| (nodes[rng.below(n)], nodes[rng.below(n)]))
        .collect();
    let mut finder = PathFinder::new(&idx);
    let opts = PathOptions::default();
    // Warm-up: page in the index.
    for &(a, b) in pairs.iter().take(50) {
        let _ = finder.shortest(a, b, &opts);
    }
    let mut times: Vec<Duration> = Vec::with_capacity(queries);
    let mut hops: Vec<Option<usize>> = Vec::with_capacity(queries);
    let cpu0 = cpu_time();
    let mut cpu_times: Vec<Duration> = Vec::with_capacity(queries);
    for &(a, b) in &pairs {
        let c = thread_cpu();
        let t = Instant::now();
        let p = finder.shortest(a, b, &opts);
        times.push(t.elapsed());
        cpu_times.push(thread_cpu().saturating_sub(c));
        hops.push(p.map(|p| p.len()));
    }
    cpu_times.sort();
    let cpu = cpu_time().saturating_sub(cpu0);
    let found = hops.iter().filter(|h| h.is_some()).count();
    let mean_hops = hops.iter().flatten().sum::<usize>() as f64 / found.max(1) as f64;
    let mut sorted = times.clone();
    sorted.sort();
    let total: Duration = times.iter().sum();
    println!("  {queries} random pairs, {found} connected, {mean_hops:.2} hops on average");
    record(
        B,
        "shortest path: p50 µs",
        percentile_us(&sorted, 50.0),
        "µs",
        Some("<= 30"),
    );
    record(
        B,
        "shortest path: p50 CPU µs (thread clock)",
        percentile_us(&cpu_times, 50.0),
        "µs",
        Some("<= 30"),
    );
    record(
        B,
        "shortest path: p90 CPU µs (thread clock)",
        percentile_us(&cpu_times, 90.0),
        "µs",
        None,
    );
    record(
        B,
        "shortest path: p90 µs",
        percentile_us(&sorted, 90.0),
        "µs",
        None,
    );
    record(
        B,
        "shortest path: p99 µs",
        percentile_us(&sorted, 99.0),
        "µs",
        None,
    );
    record(
        B,
        "shortest path: mean µs",
        total.as_secs_f64() * 1e6 / queries as f64,
        "µs",
        None,
    );
    record(
        B,
        "shortest path: mean CPU µs",
        cpu.as_secs_f64() * 1e6 / queries as f64,
        "µs",
        None,
    );

    let all = TypeSet::of(&[]);
    let contact_types = TypeSet::of(&[RelationType::Call, RelationType::Meet, RelationType::Visit]);
    let mut ct: Vec<Duration> = Vec::with_capacity(queries);
    let mut found_contacts = 0usize;
    for _ in 0..queries {
        let a = nodes[rng.below(n)];
        let t = Instant::now();
        let c = contacts(&g, &idx, a, contact_types);
        ct.push(t.elapsed());
        let c = std::hint::black_box(c);
        found_contacts += c.contacted.len() + c.contacted_by.len();
    }
    ct.sort();
    println!(
        "  contacts (call, meet, visit): {:.1} per actor on average",
        found_contacts as f64 / queries as f64
    );
    record(
        B,
        "contacts of a random actor: p50 µs",
        percentile_us(&ct, 50.0),
        "µs",
        None,
    );
    record(
        B,
        "contacts of a random actor: p99 µs",
        percentile_us(&ct, 99.0),
        "µs",
        None,
    );

    let topts = TopOptions {
        by: Centrality::Degree,
        kind: None,
        types: all,
        limit: 10,
        samples: None,
    };
    let mut tt = Vec::new();
    let mut first = String::new();
    for _ in 0..5 {
        let (r, t) = timed(|| top(&g, &idx, &topts));
        tt.push(t);
        first = g.actor(r.entries[0].node).name.clone();
    }
    tt.sort();
    println!("  top 10 by degree: first is {first}");
    record(
        B,
        "top 10 by degree (whole graph): ms",
        tt[2].as_secs_f64() * 1e3,
        "ms",
        None,
    );

    if std::env::var_os("NEWSGRAPH_NX_EXPORT").is_some() {
        let ((), tw) = timed(|| write_for_networkx(&g, &pairs, &hops, &times));
        println!(
            "  wrote target/bench/nx/ for compare_networkx.py in {:.1} s",
            secs(tw)
        );
    }
}

/// The graph as TSV (nodes, and edges with every attribute the store keeps), the
/// query pairs with our hop counts and times, for `compare_networkx.py`.
fn write_for_networkx(
    g: &newsgraph::NewsGraph,
    pairs: &[(NodeIndex, NodeIndex)],
    hops: &[Option<usize>],
    times: &[Duration],
) {
    let dir = out_dir().join("nx");
    std::fs::create_dir_all(&dir).expect("create target/bench/nx");
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut w = BufWriter::new(std::fs::File::create(dir.join("nodes.tsv")).expect("nodes.tsv"));
    for n in g.graph.node_indices() {
        let a = g.actor(n);
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{}",
            n.index(),
            a.id,
            clean(&a.name),
            a.kind,
            a.country.as_deref().unwrap_or(""),
            clean(&a.aliases.join("|"))
        )
        .expect("write");
    }
    drop(w);
    let mut w = BufWriter::new(std::fs::File::create(dir.join("edges.tsv")).expect("edges.tsv"));
    for e in g.graph.edge_indices() {
        let (s, t) = g.graph.edge_endpoints(e).expect("edge");
        let r = g.relation(e);
        let ev = &r.evidence;
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            s.index(),
            t.index(),
            r.kind,
            r.cameo.as_deref().unwrap_or(""),
            r.date.as_deref().unwrap_or(""),
            ev.doc,
            ev.sentence,
            ev.start,
            ev.end,
            clean(&ev.trigger),
            clean(&ev.text),
            clean(ev.rule.as_deref().unwrap_or(""))
        )
        .expect("write");
    }
    drop(w);
    let mut w = BufWriter::new(std::fs::File::create(dir.join("pairs.tsv")).expect("pairs.tsv"));
    for ((&(a, b), h), t) in pairs.iter().zip(hops).zip(times) {
        let h = h.map_or("-".to_string(), |h| h.to_string());
        writeln!(
            w,
            "{}\t{}\t{h}\t{:.3}",
            a.index(),
            b.index(),
            t.as_secs_f64() * 1e6
        )
        .expect("write");
    }
}
