//! Typed errors of the library. Every variant names the file (and where known the
//! line or byte offset) so the CLI can print one self-explanatory line.

use std::path::PathBuf;

/// Errors the library reports to its callers.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file the operation was about.
        path: PathBuf,
        /// The underlying operating-system error.
        source: std::io::Error,
    },
    /// A file's bytes are not valid UTF-8 text.
    #[error("{path}: not UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 {
        /// The offending file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A store file exists but cannot be understood.
    #[error("{path}: not a readable newsgraph store: {reason}")]
    BadStore {
        /// The store file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// An input file (or one record of it) is malformed: bad JSON, CSV or TSV,
    /// binary data, an empty file. `line` is 1-based where known. `reason` is
    /// one line (see [`one_line`]).
    #[error("{path}{}: {reason}", line.map(|l| format!(":{l}")).unwrap_or_default())]
    BadInput {
        /// The offending file.
        path: PathBuf,
        /// Line of the bad record, where known.
        line: Option<usize>,
        /// What is wrong.
        reason: String,
    },
    /// A name given by the user matched no actor (with the closest candidates).
    #[error("no actor matches {name:?}{}", suggest(.candidates))]
    UnknownActor {
        /// The name as the user typed it.
        name: String,
        /// Closest actor names, best first.
        candidates: Vec<String>,
    },
    /// A name given by the user matched several actors.
    #[error("{name:?} is ambiguous: it matches {}", .candidates.join(", "))]
    AmbiguousActor {
        /// The name as the user typed it.
        name: String,
        /// Every actor name it matched.
        candidates: Vec<String>,
    },
    /// A diagram could not be rendered.
    #[error("rendering failed: {0}")]
    Render(String),
    /// A graph database server could not be reached or refused a request.
    #[error("{url}: {reason}")]
    Server {
        /// The server's address (without its password).
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// A request that cannot be carried out as asked (bad option value, ...).
    #[error("{0}")]
    Invalid(String),
}

fn suggest(candidates: &[String]) -> String {
    if candidates.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", candidates.join(", "))
    }
}

/// Text from outside the program (a value quoted in a message, a parser's
/// reason) made safe for a one-line message: line breaks and other control
/// characters are escaped as in Rust strings (`\n`, `\r`, `\u{1b}`), so a
/// message stays one line and cannot move the terminal's cursor over the
/// file name before it.
pub fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// Result type of the library.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// Wraps an I/O error with the path it happened on.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
