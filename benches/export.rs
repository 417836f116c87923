//! Exports: DOT of a graph of 1,000,000 relations (BENCH_RELATIONS, among
//! BENCH_ACTORS actors), and SVG of a 2,000-actor / 4,000-relation graph
//! (BENCH_SVG_ACTORS, BENCH_SVG_RELATIONS) with the engine `auto` picks, as
//! `newsgraph export --format svg` does.

mod common;

use common::*;
use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::export::dot::diagram_to_dot;
use newsgraph::export::dot::{to_dot, DotOptions};
use newsgraph::export::graphviz::Engine;
use newsgraph::export::svg::{graphviz_available, prepare, render, Renderer};
use std::sync::mpsc;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: Counting = Counting;

const B: &str = "export";

fn main() {
    let actors = env_size("BENCH_ACTORS", 200_000);
    let relations = env_size("BENCH_RELATIONS", 1_000_000);
    header(&format!(
        "export DOT: {actors} actors, {relations} relations (synthetic, seed 42)"
    ));
    let g = synthetic_graph(actors, relations, 42);
    let opts = DotOptions::default();
    let (dot, td, cd) = timed_cpu(|| to_dot(&g, &opts));
    record(
        B,
        "DOT of the whole graph: seconds",
        secs(td),
        "s",
        Some("< 2"),
    );
    record(
        B,
        "DOT of the whole graph: CPU seconds",
        secs(cd),
        "s",
        None,
    );
    record(B, "DOT size: MiB", mib(dot.len()), "MiB", None);
    drop(dot);
    drop(g);

    let sa = env_size("BENCH_SVG_ACTORS", 2_000);
    let sr = env_size("BENCH_SVG_RELATIONS", 4_000);
    header(&format!(
        "export SVG: {sa} actors, {sr} relations (synthetic, seed 43)"
    ));
    let g = synthetic_graph(sa, sr, 43);
    // The DOT source handed to Graphviz, for looking into a slow layout.
    let (d, engine) = prepare(&g, &opts, Engine::Auto, graphviz_available());
    let dot = diagram_to_dot(&d, &opts);
    let _ = std::fs::write(out_dir().join("svg-input.dot"), &dot);
    println!(
        "  drawing: {} actors, {} edges, engine {:?} (DOT source in target/bench/svg-input.dot)",
        d.nodes.len(),
        d.edges.len(),
        engine
    );
    drop(d);
    // Graphviz gets BENCH_SVG_TIMEOUT seconds (default 240), so `cargo bench` ends
    // in bounded time even when a layout does not; then its process is ended.
    let limit = Duration::from_secs(env_size("BENCH_SVG_TIMEOUT", 240) as u64);
    let (tx, rx) = mpsc::channel();
    let t0 = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(render(&g, &DotOptions::default(), Engine::Auto));
    });
    match rx.recv_timeout(limit) {
        Ok(Ok((svg, renderer))) => {
            let ts = t0.elapsed();
            let by = match renderer {
                Renderer::Graphviz(e) => format!("Graphviz {}", e.graphviz_layout().unwrap_or("?")),
                Renderer::Builtin => "the embedded renderer".to_string(),
            };
            println!("  rendered by {by}");
            record(B, "SVG (engine auto): seconds", secs(ts), "s", Some("< 5"));
            record(B, "SVG size: KiB", svg.len() as f64 / 1024.0, "KiB", None);
        }
        Ok(Err(e)) => println!("  SVG failed after {:.1} s: {e}", secs(t0.elapsed())),
        Err(_) => {
            println!(
                "  SVG did not finish in {} s; ending the renderer",
                limit.as_secs()
            );
            record(
                B,
                "SVG (engine auto): did not finish within seconds",
                limit.as_secs_f64(),
                "s",
                Some("< 5"),
            );
            end_children();
        }
    }
}

/// Ends the processes this benchmark started (a Graphviz layout past its time),
/// by their process ids, read from /proc/self/task/*/children.
fn end_children() {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return;
    };
    for t in tasks.flatten() {
        let Ok(kids) = std::fs::read_to_string(t.path().join("children")) else {
            continue;
        };
        for pid in kids.split_whitespace() {
            let _ = std::process::Command::new("kill").arg(pid).status();
        }
    }
}
