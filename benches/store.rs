//! Store: save and reload of a graph of 1,000,000 relations among 200,000 actors
//! (sizes: BENCH_ACTORS, BENCH_RELATIONS), with time, file size and memory:
//! heap bytes per relation of the loaded graph (counted by the allocator), peak
//! heap while opening, and the resident-set high-water mark.

mod common;

use common::*;
use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::graph::store::{open, save};

#[global_allocator]
static ALLOC: Counting = Counting;

const B: &str = "store";

fn main() {
    let actors = env_size("BENCH_ACTORS", 200_000);
    let relations = env_size("BENCH_RELATIONS", 1_000_000);
    header(&format!(
        "store: {actors} actors, {relations} relations (synthetic, seed 42)"
    ));
    let base = heap_live();
    let (g, tb) = timed(|| synthetic_graph(actors, relations, 42));
    let built = heap_live() - base;
    record(
        B,
        "build in memory (generator + interning): seconds",
        secs(tb),
        "s",
        None,
    );
    record(
        B,
        "heap of the built graph per relation",
        built as f64 / relations as f64,
        "B",
        Some("<= 300"),
    );
    let path = out_dir().join(format!("store-{actors}-{relations}.store"));
    let _ = std::fs::remove_file(&path);
    let ((), ts, cs) = timed_cpu(|| save(&g, &path).expect("save"));
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    record(B, "save: seconds", secs(ts), "s", Some("< 1"));
    record(B, "save: CPU seconds", secs(cs), "s", None);
    record(B, "store file: MiB", mib(size as usize), "MiB", None);
    record(
        B,
        "store file: bytes per relation",
        size as f64 / relations as f64,
        "B",
        None,
    );
    let (na, nr) = (g.actor_count(), g.relation_count());
    drop(g);

    let base = heap_live();
    reset_peak();
    reset_rss_peak();
    let rss_before = rss_now();
    let (h, to, co) = timed_cpu(|| open(&path).expect("open"));
    let live = heap_live() - base;
    let peak = heap_peak() - base;
    assert_eq!((h.actor_count(), h.relation_count()), (na, nr));
    record(B, "open (reload): seconds", secs(to), "s", Some("< 1"));
    record(B, "open (reload): CPU seconds", secs(co), "s", None);
    record(
        B,
        "open: heap of the loaded graph per relation",
        live as f64 / nr as f64,
        "B",
        Some("<= 300"),
    );
    record(
        B,
        "open: peak heap while opening, MiB",
        mib(peak),
        "MiB",
        None,
    );
    record(
        B,
        "open: peak heap per relation",
        peak as f64 / nr as f64,
        "B",
        None,
    );
    record(
        B,
        "open: resident-set growth to its high-water mark, MiB",
        mib(rss_peak().saturating_sub(rss_before)),
        "MiB",
        None,
    );
    record(
        B,
        "graph's own estimate (memory_bytes) per relation",
        h.memory_bytes() as f64 / nr as f64,
        "B",
        None,
    );
    // Save again from the reloaded graph: the steady-state save of `load`.
    let ((), ts2, cs2) = timed_cpu(|| save(&h, &path).expect("save"));
    record(
        B,
        "save of the reloaded graph: seconds",
        secs(ts2),
        "s",
        Some("< 1"),
    );
    record(
        B,
        "save of the reloaded graph: CPU seconds",
        secs(cs2),
        "s",
        None,
    );
    let _ = std::fs::remove_file(&path);
}
