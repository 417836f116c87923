//! Exports: DOT of a graph of 1,000,000 relations (BENCH_RELATIONS, among
//! BENCH_ACTORS actors), and SVG of a 2,000-actor / 4,000-relation graph
//! (BENCH_SVG_ACTORS, BENCH_SVG_RELATIONS) with the engine `auto` picks, as
//! `newsgraph export --format svg` does.

mod common;

use common::*;
use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::export::dot::{to_dot, DotOptions};
use newsgraph::export::graphviz::Engine;
use newsgraph::export::dot::diagram_to_dot;
use newsgraph::export::svg::{graphviz_available, prepare, render, Renderer};

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
    let (dot, td) = timed(|| to_dot(&g, &opts));
    record(
        B,
        "DOT of the whole graph: seconds",
        secs(td),
        "s",
        Some("< 2"),
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
    let (res, ts) = timed(|| render(&g, &opts, Engine::Auto));
    match res {
        Ok((svg, renderer)) => {
            let by = match renderer {
                Renderer::Graphviz(e) => format!("Graphviz {}", e.graphviz_layout().unwrap_or("?")),
                Renderer::Builtin => "the embedded renderer".to_string(),
            };
            println!("  rendered by {by}");
            record(B, "SVG (engine auto): seconds", secs(ts), "s", Some("< 5"));
            record(B, "SVG size: KiB", svg.len() as f64 / 1024.0, "KiB", None);
        }
        Err(e) => println!("  SVG failed after {:.1} s: {e}", secs(ts)),
    }
}
