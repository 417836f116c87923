//! Running Graphviz: the layout engines (`dot`, `neato`, `sfdp`) and the output
//! formats it renders (SVG, PNG, PDF). The DOT text goes in on stdin, the
//! rendering comes back on stdout; Graphviz's own complaint becomes the error.

use crate::error::{Error, Result};
use std::io::Write;
use std::process::{Command, Stdio};

/// Layout engine for rendered diagrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// Chosen by size: Graphviz `dot` for small graphs, `neato` for page-sized
    /// ones too dense for `dot`, `sfdp` for large ones, the embedded renderer
    /// when Graphviz is not installed.
    Auto,
    /// Graphviz `dot` (layered: the most readable, slow beyond a few hundred edges).
    Dot,
    /// Graphviz `neato` (spring model).
    Neato,
    /// Graphviz `sfdp` (scalable force-directed: thousands of nodes in a second).
    Sfdp,
    /// The embedded pure-Rust renderer (no Graphviz needed; SVG, and PNG and
    /// PDF converted from its SVG).
    Builtin,
}

impl std::str::FromStr for Engine {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "auto" => Engine::Auto,
            "dot" => Engine::Dot,
            "neato" => Engine::Neato,
            "sfdp" => Engine::Sfdp,
            "builtin" | "embedded" | "rust" => Engine::Builtin,
            other => {
                return Err(Error::Invalid(format!(
                    "unknown engine {other:?} (expected auto, dot, neato, sfdp or builtin)"
                )))
            }
        })
    }
}

impl Engine {
    /// The Graphviz layout name (`-K`), none for the embedded renderer.
    pub fn graphviz_layout(self) -> Option<&'static str> {
        match self {
            Engine::Dot => Some("dot"),
            Engine::Neato => Some("neato"),
            Engine::Sfdp => Some("sfdp"),
            Engine::Auto | Engine::Builtin => None,
        }
    }
}

/// Largest diagram (drawn actors) that `auto` gives to `dot`.
pub const AUTO_DOT_MAX_NODES: usize = super::diagram::LAYERED_MAX_NODES;
/// Largest number of drawn edges that `auto` gives to `dot`.
pub const AUTO_DOT_MAX_EDGES: usize = super::diagram::LAYERED_MAX_EDGES;

/// Largest diagram (drawn actors) that `auto` gives to `neato` when it is too
/// dense for `dot`: the `--top 100` or default 150-actor view of an archive.
/// `neato` with overlaps removed packs it about a third narrower than `sfdp`,
/// so names stay legible at page width (under a second on 150 actors / 1,000
/// edges); beyond this `sfdp` is the only engine that stays fast.
pub const AUTO_NEATO_MAX_NODES: usize = super::diagram::PAGE_MAX_NODES;

/// The engine `auto` stands for, given the drawing's size and whether Graphviz
/// is installed; other engines stand for themselves.
pub fn resolve(engine: Engine, nodes: usize, edges: usize, graphviz: bool) -> Engine {
    match engine {
        Engine::Auto if !graphviz => Engine::Builtin,
        Engine::Auto if nodes <= AUTO_DOT_MAX_NODES && edges <= AUTO_DOT_MAX_EDGES => Engine::Dot,
        Engine::Auto if nodes <= AUTO_NEATO_MAX_NODES => Engine::Neato,
        Engine::Auto => Engine::Sfdp,
        e => e,
    }
}

/// Whether Graphviz's `dot` program can be run.
pub fn available() -> bool {
    Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// What to tell a user who needs Graphviz for `what` and does not have it.
pub fn install_hint(what: &str) -> String {
    format!(
        "{what} needs Graphviz, which is not installed (the `dot` program was not found): \
         install it (Debian/Ubuntu: apt-get install graphviz; Fedora: dnf install graphviz; \
         macOS: brew install graphviz; Windows: winget install graphviz), \
         or use --engine builtin (the embedded renderer draws SVG, PNG and PDF)"
    )
}

/// Renders DOT text with a Graphviz layout into an output format (`svg`, `png`,
/// `pdf`, ...). `dpi` applies to bitmap formats.
pub fn render(dot: &str, engine: Engine, format: &str, dpi: Option<u32>) -> Result<Vec<u8>> {
    let layout = engine.graphviz_layout().unwrap_or("dot");
    let mut cmd = Command::new("dot");
    cmd.arg(format!("-K{layout}")).arg(format!("-T{format}"));
    if let Some(d) = dpi {
        cmd.arg(format!("-Gdpi={d}"));
    }
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                Error::Render(install_hint(&format!("{} output", format.to_uppercase())))
            } else {
                Error::Render(format!("could not run Graphviz: {e}"))
            }
        })?;
    // Feed stdin from a thread so a large rendering cannot fill the stdout pipe
    // while we are still writing.
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| Error::Render("could not write to Graphviz".into()))?;
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Render(format!("Graphviz did not finish: {e}")))?;
    let _ = writer.join();
    if !out.status.success() || out.stdout.is_empty() {
        let msg = String::from_utf8_lossy(&out.stderr);
        let msg = msg
            .lines()
            .find(|l| l.contains("Error") || l.contains("error"))
            .or_else(|| msg.lines().next())
            .unwrap_or("no output");
        return Err(Error::Render(format!(
            "Graphviz ({layout} -T{format}) failed: {}",
            msg.trim()
        )));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_picks_by_size_and_availability() {
        assert_eq!(resolve(Engine::Auto, 50, 80, true), Engine::Dot);
        assert_eq!(resolve(Engine::Auto, 300, 600, true), Engine::Sfdp);
        assert_eq!(resolve(Engine::Auto, 90, 900, true), Engine::Neato);
        assert_eq!(resolve(Engine::Auto, 150, 1000, true), Engine::Neato);
        assert_eq!(resolve(Engine::Auto, 50, 80, false), Engine::Builtin);
        assert_eq!(resolve(Engine::Neato, 5000, 9000, true), Engine::Neato);
    }

    #[test]
    fn the_install_hint_says_what_to_install() {
        let h = install_hint("PNG output");
        assert!(h.contains("apt-get install graphviz") && h.contains("--engine builtin"));
    }
}
