#!/usr/bin/env python3
"""newsgraph against networkx, same machine, same run, same graph, same queries.

    python3 benches/compare_networkx.py

1. Runs the Rust store and query benchmarks (`cargo bench --bench store --bench
   query`), the query benchmark writing its graph (200,000 actors, 1,000,000
   relations with full evidence) and its random pairs to target/bench/nx/.
2. Installs networkx with pip into a virtual environment (target/bench/venv).
3. In a fresh Python process, builds the same graph as a networkx MultiDiGraph
   (every node and edge attribute the store keeps) and runs the same
   shortest-path queries, undirected like `newsgraph path`: on an undirected view
   of the MultiDiGraph, and on a plain undirected Graph built for the purpose
   (networkx's best case). Hop counts must agree with newsgraph's.
4. Prints both sets of figures and the ratios, and writes target/bench/compare.json.

Sizes follow the benchmarks' environment variables (BENCH_ACTORS, BENCH_RELATIONS,
BENCH_QUERIES). --skip-rust reuses the files of an earlier run.
"""

import json
import os
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BENCH = TARGET / "bench"
NX = BENCH / "nx"
VENV = BENCH / "venv"
RESULTS = BENCH / "results.jsonl"


def run_rust():
    """Runs the Rust benchmarks; returns the figures they recorded in this run."""
    start = RESULTS.stat().st_size if RESULTS.exists() else 0
    env = dict(os.environ, NEWSGRAPH_NX_EXPORT="1")
    subprocess.run(
        ["cargo", "bench", "--bench", "store", "--bench", "query"],
        cwd=ROOT, env=env, check=True,
    )
    figures = {}
    with open(RESULTS, "rb") as f:
        f.seek(start)
        for line in f.read().decode().splitlines():
            r = json.loads(line)
            figures[(r["bench"], r["what"])] = r["value"]
    return figures


def ensure_networkx():
    py = VENV / "bin" / "python"
    if not py.exists():
        print(f"creating a virtual environment in {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    ok = subprocess.run([py, "-c", "import networkx"], capture_output=True).returncode == 0
    if not ok:
        print("installing networkx with pip", flush=True)
        subprocess.run([py, "-m", "pip", "install", "--quiet", "networkx"], check=True)
    return py


# The networkx side, run in its own process so its memory is measured alone.
CHILD = r'''
import json, sys, time, statistics
import networkx as nx
nxdir = sys.argv[1]

def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0

t = time.perf_counter()
nodes = []
with open(f"{nxdir}/nodes.tsv", encoding="utf-8") as f:
    for line in f:
        i, ident, name, kind, country, aliases = line.rstrip("\n").split("\t")
        nodes.append((int(i), {"id": ident, "name": name, "kind": kind,
                               "country": country or None,
                               "aliases": aliases.split("|") if aliases else []}))
edges = []
with open(f"{nxdir}/edges.tsv", encoding="utf-8") as f:
    for line in f:
        (s, d, kind, cameo, date, doc, sent, start, end, trig, text, rule) = \
            line.rstrip("\n").split("\t")
        edges.append((int(s), int(d), {
            "type": kind, "cameo": cameo or None, "date": date or None,
            "doc": doc, "sentence": int(sent), "start": int(start), "end": int(end),
            "trigger": trig, "text": text, "rule": rule or None}))
parse_s = time.perf_counter() - t

before = rss()
t = time.perf_counter()
G = nx.MultiDiGraph()
G.add_nodes_from(nodes)
G.add_edges_from(edges)
build_s = time.perf_counter() - t
build_bytes = rss() - before
del nodes, edges

pairs = []
with open(f"{nxdir}/pairs.tsv") as f:
    for line in f:
        a, b, hops, us = line.split("\t")
        pairs.append((int(a), int(b), None if hops == "-" else int(hops), float(us)))

def timed_queries(H):
    times, mismatches = [], 0
    for a, b, hops, _ in pairs:
        t = time.perf_counter()
        try:
            n = len(nx.shortest_path(H, a, b)) - 1
        except nx.NetworkXNoPath:
            n = None
        times.append((time.perf_counter() - t) * 1e6)
        if n != hops:
            mismatches += 1
    return times, mismatches

view = G.to_undirected(as_view=True)
view_times, view_mis = timed_queries(view)
t = time.perf_counter()
U = nx.Graph(view)
simple_s = time.perf_counter() - t
simple_times, simple_mis = timed_queries(U)

def pct(xs, p):
    xs = sorted(xs)
    return xs[round(p / 100 * (len(xs) - 1))]

print(json.dumps({
    "networkx": nx.__version__, "python": sys.version.split()[0],
    "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
    "parse_s": parse_s, "build_s": build_s, "build_bytes": build_bytes,
    "rss_bytes": rss(),
    "view": {"p50": pct(view_times, 50), "p90": pct(view_times, 90), "p99": pct(view_times, 99),
             "mean": statistics.fmean(view_times), "mismatches": view_mis},
    "simple_build_s": simple_s,
    "simple": {"p50": pct(simple_times, 50), "p90": pct(simple_times, 90), "p99": pct(simple_times, 99),
               "mean": statistics.fmean(simple_times), "mismatches": simple_mis},
    "queries": len(pairs),
}))
'''


def pct(xs, p):
    xs = sorted(xs)
    return xs[round(p / 100 * (len(xs) - 1))]


def main():
    skip = "--skip-rust" in sys.argv
    rust = {} if skip else run_rust()
    py = ensure_networkx()
    print("building the same graph in networkx and running the same queries ...", flush=True)
    out = subprocess.run([py, "-c", CHILD, str(NX)], check=True, capture_output=True, text=True)
    nxr = json.loads(out.stdout.strip().splitlines()[-1])

    rust_us = []
    with open(NX / "pairs.tsv") as f:
        for line in f:
            rust_us.append(float(line.split("\t")[3]))
    r = {"p50": pct(rust_us, 50), "p90": pct(rust_us, 90), "p99": pct(rust_us, 99),
         "mean": statistics.fmean(rust_us)}
    open_s = rust.get(("store", "open (reload): seconds"))
    heap_rel = rust.get(("store", "open: heap of the loaded graph per relation"))
    rel = nxr["edges"]
    heap_mib = heap_rel * rel / 2**20 if heap_rel else None

    with open("/proc/cpuinfo") as f:
        cpu = next((l.split(":", 1)[1].strip() for l in f if l.startswith("model name")), "?")
    load = open("/proc/loadavg").read().split()[0]
    print()
    print(f"newsgraph vs networkx {nxr['networkx']} (Python {nxr['python']}), {cpu}, "
          f"{os.cpu_count()} cores, load average {load}")
    print(f"graph: {nxr['nodes']:,} actors, {rel:,} relations; {nxr['queries']:,} random "
          f"pairs, undirected shortest paths; hop counts differ on "
          f"{nxr['view']['mismatches']} (view) / {nxr['simple']['mismatches']} (Graph) pairs")
    rows = []

    def row(what, ours, theirs, unit, fmt="{:,.1f}"):
        ratio = theirs / ours if ours and theirs else None
        rows.append({"what": what, "newsgraph": ours, "networkx": theirs, "unit": unit,
                     "networkx_over_newsgraph": ratio})
        o = fmt.format(ours) if ours is not None else "-"
        t = fmt.format(theirs) if theirs is not None else "-"
        x = f"{ratio:,.1f}x" if ratio else "-"
        print(f"  {what:<46} {o:>12} {t:>12} {unit:<4} {x:>9}")

    print(f"  {'':<46} {'newsgraph':>12} {'networkx':>12} {'':<4} {'nx/ours':>9}")
    row("graph in memory: build (nx) / open store (ours)", open_s, nxr["build_s"], "s", "{:,.2f}")
    row("memory of the graph", heap_mib, nxr["build_bytes"] / 2**20, "MiB", "{:,.0f}")
    for p in ("p50", "p90", "p99", "mean"):
        row(f"shortest path {p}, MultiDiGraph undirected view", r[p], nxr["view"][p], "µs")
    for p in ("p50", "mean"):
        row(f"shortest path {p}, prebuilt undirected Graph", r[p], nxr["simple"][p], "µs")
    print(f"  (networkx parsed the TSV in {nxr['parse_s']:.1f} s and built the undirected "
          f"Graph in {nxr['simple_build_s']:.1f} s; neither is counted above)")
    (BENCH / "compare.json").write_text(json.dumps({"networkx": nxr, "newsgraph": r, "rows": rows},
                                                   indent=1))
    if nxr["view"]["mismatches"] or nxr["simple"]["mismatches"]:
        sys.exit("hop counts differ between newsgraph and networkx")


if __name__ == "__main__":
    main()
