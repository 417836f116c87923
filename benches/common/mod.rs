//! Shared helpers of the benchmark binaries (`cargo bench`): a counting allocator
//! for exact heap figures, timing, machine description, and result files.
//!
//! Each benchmark prints a human-readable table and appends its figures as JSON
//! lines to `target/bench/results.jsonl`, which `benches/compare_networkx.py`
//! and the figures of docs/performance.md are taken from.

#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting live and peak heap bytes.
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(l) };
        if !p.is_null() {
            grow(l.size());
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) };
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(l) };
        if !p.is_null() {
            grow(l.size());
        }
        p
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = unsafe { System.realloc(p, l, new) };
        if !q.is_null() {
            if new >= l.size() {
                grow(new - l.size());
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

fn grow(n: usize) {
    let now = LIVE.fetch_add(n, Relaxed) + n;
    // A plain load first: the peak rarely moves, and an atomic maximum on every
    // allocation is a locked read-modify-write.
    if now > PEAK.load(Relaxed) {
        PEAK.fetch_max(now, Relaxed);
    }
}

/// Heap bytes in use now.
pub fn heap_live() -> usize {
    LIVE.load(Relaxed)
}

/// Highest heap use since the last [`reset_peak`].
pub fn heap_peak() -> usize {
    PEAK.load(Relaxed)
}

/// Starts a new peak measurement from the current heap use.
pub fn reset_peak() {
    PEAK.store(LIVE.load(Relaxed), Relaxed);
}

/// Runs `f` once; returns its value and the time it took.
pub fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let v = f();
    (v, t.elapsed())
}

/// A size for this run: the environment variable `name` when set (so a run can be
/// made bigger or smaller without recompiling), else `default`.
pub fn env_size(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// `target/bench`, created if needed.
pub fn out_dir() -> PathBuf {
    let root = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let d = root.join("bench");
    std::fs::create_dir_all(&d).expect("create target/bench");
    d
}

/// Cores rayon uses.
pub fn threads() -> usize {
    rayon::current_num_threads()
}

/// Prints the benchmark's header: what runs, on what machine.
pub fn header(name: &str) {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    println!(
        "\n== {name}  ({cpu}, {} cores, {} rayon threads, load average {:.2})",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        threads(),
        load_average()
    );
}

/// One figure: printed as a table row and appended to `target/bench/results.jsonl`.
pub fn record(bench: &str, what: &str, value: f64, unit: &str, target: Option<&str>) {
    let t = target
        .map(|t| format!("   (target {t})"))
        .unwrap_or_default();
    println!("  {what:<52} {:>14} {unit}{t}", fmt_num(value));
    let line = serde_json::json!({
        "bench": bench, "what": what, "value": value, "unit": unit, "target": target,
    });
    let path = out_dir().join("results.jsonl");
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
    {
        let _ = writeln!(f, "{line}");
    }
}

fn fmt_num(v: f64) -> String {
    if v.abs() >= 1000.0 {
        let s = format!("{:.0}", v);
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i) % 3 == 0 && c.is_ascii_digit() {
                out.push(',');
            }
            out.push(c);
        }
        out
    } else if v.abs() >= 10.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.3}")
    }
}

/// Seconds as f64.
pub fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

/// Mebibytes as f64.
pub fn mib(b: usize) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

/// Resident-set high-water mark of the process (VmHWM), in bytes.
pub fn rss_peak() -> usize {
    status_kb("VmHWM:") * 1024
}

/// Resident set now (VmRSS), in bytes.
pub fn rss_now() -> usize {
    status_kb("VmRSS:") * 1024
}

/// Resets the resident-set high-water mark (Linux: writing 5 to clear_refs).
pub fn reset_rss_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn status_kb(key: &str) -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}

/// The p-th percentile (0..=100) of sorted durations, in microseconds.
pub fn percentile_us(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[i].as_secs_f64() * 1e6
}

/// CPU time (user + system) the process has used so far, all threads, from
/// /proc/self/stat (10 ms resolution). On a machine shared with other work, CPU
/// time gives the per-core cost of a run that wall time hides.
pub fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|s| {
            // Fields after the command name, which is in parentheses and may hold spaces.
            let rest = s.rsplit_once(')')?.1.to_string();
            let f: Vec<&str> = rest.split_whitespace().collect();
            // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
            Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
        })
        .unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Runs `f` once; returns its value, the wall time and the CPU time it took.
pub fn timed_cpu<T>(f: impl FnOnce() -> T) -> (T, Duration, Duration) {
    let c = cpu_time();
    let t = Instant::now();
    let v = f();
    (v, t.elapsed(), cpu_time().saturating_sub(c))
}

/// Whether the section `name` runs: all run unless BENCH_ONLY lists some
/// (comma-separated).
pub fn enabled(name: &str) -> bool {
    match std::env::var("BENCH_ONLY") {
        Ok(v) if !v.trim().is_empty() => v.split(',').any(|x| x.trim() == name),
        _ => true,
    }
}

/// The machine's load average over the last minute: other work on a shared
/// machine slows wall-clock figures, so each benchmark prints it.
pub fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(f64::NAN)
}

/// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID, nanosecond clock):
/// what one query cost, whatever else the machine was running.
pub fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid pointer given.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
