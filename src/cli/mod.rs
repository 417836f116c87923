//! Command-line interface: one file per subcommand, each only wiring library calls.

/// `println!` that never panics: a closed or full stdout ends the command with
/// one line (or quietly, for a reader that went away) instead of a backtrace.
/// Defined before the subcommand modules so they all see it.
macro_rules! outln {
    ($($t:tt)*) => {
        super::print_out(&format!("{}\n", format_args!($($t)*)))?
    };
}

mod actors;
mod aliases;
mod build;
mod contacts;
mod documents;
mod export;
mod extract;
mod gen_corpus;
mod help;
mod lexicon_args;
mod load;
mod merge;
mod neighbors;
mod path;
mod progress;
mod push;
mod query_common;
mod read_args;
mod relations;
mod remove;
mod selection;
mod serve;
mod split;
mod stats;
mod store;
mod table;
mod timeline;
mod top;

use clap::{Parser, Subcommand};

/// Extract who-did-what-to-whom graphs from English news; store, query and draw them.
#[derive(Parser)]
#[command(name = "newsgraph", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the actors and relations found in documents (no store involved).
    #[command(after_help = help::EXTRACT)]
    Extract(extract::Args),
    /// Extract documents and merge them into the graph store.
    #[command(after_help = help::LOAD)]
    Load(load::Args),
    /// How two actors are connected: shortest, k shortest or all paths, with the evidence of every hop.
    #[command(after_help = help::PATH)]
    Path(path::Args),
    /// Who an actor contacted and who contacted it; or the who-contacted-whom matrix.
    #[command(after_help = help::CONTACTS)]
    Contacts(contacts::Args),
    /// An actor's ego network, grouped by relation type.
    #[command(after_help = help::NEIGHBORS)]
    Neighbors(neighbors::Args),
    /// The most central actors (degree, PageRank, betweenness).
    #[command(after_help = help::TOP)]
    Top(top::Args),
    /// An actor's relations in date order.
    #[command(after_help = help::TIMELINE)]
    Timeline(timeline::Args),
    /// What the store holds: documents, actors by kind, relations by type.
    #[command(after_help = help::STATS)]
    Stats(stats::Args),
    /// List the stored documents (ids for `remove --doc`, dates, relation counts).
    #[command(after_help = help::DOCUMENTS)]
    Documents(documents::Args),
    /// List the stored actors.
    #[command(after_help = help::ACTORS)]
    Actors(actors::Args),
    /// List the stored relations, filtered by type, actor, date or document.
    #[command(after_help = help::RELATIONS)]
    Relations(relations::Args),
    /// Apply an alias file to the store (and keep it for later loads), or show the kept entries.
    #[command(after_help = help::ALIASES)]
    Aliases(aliases::Args),
    /// Merge actor B into actor A (logged; undo with split).
    #[command(after_help = help::MERGE)]
    Merge(merge::Args),
    /// Split documents or names off an actor into a new actor (undoes a wrong merge).
    #[command(after_help = help::SPLIT)]
    Split(split::Args),
    /// Remove documents (and what only they brought) from the store.
    #[command(after_help = help::REMOVE)]
    Remove(remove::Args),
    /// Write the stored graph as a diagram or interchange file.
    #[command(after_help = help::EXPORT)]
    Export(Box<export::Args>),
    /// The main job: load inputs into a fresh store and write its diagrams and graph files into a folder.
    #[command(after_help = help::build())]
    Build(Box<build::Args>),
    /// Load the stored graph into a graph database server (FalkorDB; Neo4j and Memgraph with the bolt feature).
    #[command(after_help = help::PUSH)]
    Push(push::Args),
    /// The relationship explorer: a read-only local web app over the store.
    #[command(after_help = help::SERVE)]
    Serve(serve::Args),
    /// Write synthetic news articles of any total size (for benchmarks and load tests).
    #[command(after_help = help::GEN_CORPUS)]
    GenCorpus(gen_corpus::Args),
}

/// Runs the command line; returns the process exit code. Errors are printed as one
/// line on stderr ("newsgraph: <file>: <what went wrong>").
pub fn main() -> i32 {
    restore_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Load(a) => load::run(a),
        Command::Path(a) => path::run(a),
        Command::Contacts(a) => contacts::run(a),
        Command::Neighbors(a) => neighbors::run(a),
        Command::Top(a) => top::run(a),
        Command::Timeline(a) => timeline::run(a),
        Command::Export(a) => export::run(*a),
        Command::Serve(a) => serve::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Documents(a) => documents::run(a),
        Command::Actors(a) => actors::run(a),
        Command::Relations(a) => relations::run(a),
        Command::Aliases(a) => aliases::run(a),
        Command::Merge(a) => merge::run(a),
        Command::Split(a) => split::run(a),
        Command::Remove(a) => remove::run(a),
        Command::Build(a) => build::run(*a),
        Command::GenCorpus(a) => gen_corpus::run(a),
        Command::Push(a) => push::run(a),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            // One line: the chain of causes joined, never a backtrace. A cause
            // its parent already quotes (the library's I/O errors print
            // "FILE: reason" and keep the reason as their source) is said once.
            let mut msg = String::new();
            for c in e.chain() {
                let c = c.to_string();
                if msg.is_empty() {
                    msg = c;
                } else if !msg.ends_with(&c) {
                    msg.push_str(": ");
                    msg.push_str(&c);
                }
            }
            // Control characters (a file name or value with a line break or an
            // escape sequence) are escaped: one line, and nothing can move the
            // cursor over the file name.
            eprintln!("newsgraph: {}", newsgraph::error::one_line(&msg));
            if e.downcast_ref::<BrokenPipe>().is_some() {
                return 0;
            }
            1
        }
    }
}

/// Text from the store (names, evidence, document ids) as shown in text
/// output: control characters and line breaks escaped (`\n`, `\u{1b}`), so a
/// hostile name keeps its table row and cannot drive the terminal.
fn shown(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars()
        .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'))
    {
        std::borrow::Cow::Owned(newsgraph::error::one_line(s))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Marker error for a closed stdout (e.g. piped into `head`): not a failure.
#[derive(Debug)]
struct BrokenPipe;

impl std::fmt::Display for BrokenPipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("broken pipe")
    }
}

impl std::error::Error for BrokenPipe {}

/// Writes to stdout; a closed pipe ends the program quietly.
fn print_out(s: &str) -> anyhow::Result<()> {
    print_out_bytes(s.as_bytes())
}

/// Prints an answer as pretty JSON with a final newline: the library's answer
/// types serialize to exactly what `--format json` promises.
fn print_json<T: serde::Serialize + ?Sized>(answer: &T) -> anyhow::Result<()> {
    print_out(&(serde_json::to_string_pretty(answer)? + "\n"))
}

/// Writes bytes to stdout; a closed pipe ends the program quietly.
fn print_out_bytes(b: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(b).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(anyhow::anyhow!("stdout: {e}")),
    }
}

/// A reader that stops reading (`newsgraph ... | head`) ends the program the
/// way it ends any Unix tool: SIGPIPE, quietly. Rust ignores SIGPIPE by
/// default, which turns every later write into an error; the default action is
/// restored here. (Stores and outputs are written atomically, so being stopped
/// at any write leaves them whole.)
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; setting the
    // default action of one signal has no other effect on the program.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Parses a size: bytes, or a number with K, M, G (powers of 1024; `MiB`, `MB`
/// and `KB` forms accepted).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size (e.g. 64M, 1G, 500000)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("{s:?}: unknown unit (use K, M or G)")),
    };
    let v = n * mult as f64;
    if !(1.0..=(4u64 << 30) as f64).contains(&v) {
        return Err(format!("{s:?}: the size must be between 1 byte and 4G"));
    }
    // The store's offsets are 32-bit: 4G means "as large as the store allows".
    Ok((v as u64).min(newsgraph::input::text::MAX_DOC_BYTES))
}

/// Parses a comma-separated list of relation types.
fn parse_types(s: &str) -> anyhow::Result<Vec<newsgraph::RelationType>> {
    s.split(',')
        .filter(|x| !x.trim().is_empty())
        .map(|x| x.trim().parse().map_err(anyhow::Error::msg))
        .collect()
}

/// Checks a date filter: digits in the shape YYYY, YYYY-MM or YYYY-MM-DD.
pub(crate) fn check_date(flag: &str, d: &str) -> anyhow::Result<()> {
    let ok = newsgraph::query::is_date_filter(d);
    if !ok {
        anyhow::bail!("{flag} {d:?}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    }
    Ok(())
}
