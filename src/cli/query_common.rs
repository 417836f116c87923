//! What the query subcommands (path, contacts, neighbors, top, timeline) share:
//! the output format and server options, and how a relation and its evidence
//! are written in tables (their JSON is the library's answer types).

use anyhow::Result;
use newsgraph::query::timeline::relation_date;
use newsgraph::query::Index;
use newsgraph::{NewsGraph, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

/// Output format of a query.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// A readable table.
    Table,
    /// JSON for scripts (shapes documented in docs/commands.md).
    Json,
}

/// What a path or a contact may go through besides events (`--via`).
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// Roles in countries and institutions: two people of one country are
    /// then two hops apart.
    Affiliation,
}

/// Where a query runs: on a graph database server (`--on URL`) instead of the
/// embedded store.
#[derive(clap::Args, Debug, Clone)]
pub struct ServerArgs {
    /// Ask a graph database server the store was pushed to (`newsgraph push`)
    /// instead of the store: redis://HOST:PORT (FalkorDB) or bolt://HOST:PORT.
    #[arg(long, value_name = "URL")]
    pub on: Option<String>,
    /// With --on: the graph on the server (default: newsgraph, as for push).
    #[arg(long, value_name = "NAME", requires = "on")]
    pub graph: Option<String>,
}

impl ServerArgs {
    /// The server connection, when `--on` was given.
    pub fn connect(&self) -> Result<Option<newsgraph::remote::Server>> {
        match &self.on {
            None => Ok(None),
            Some(url) => Ok(Some(newsgraph::remote::Server::connect(
                url,
                self.graph.as_deref(),
            )?)),
        }
    }
}

/// Parses an optional `--type` list; `default` when absent.
pub fn types_or(s: Option<&str>, default: &[RelationType]) -> Result<Vec<RelationType>> {
    match s {
        Some(s) => {
            let t = super::parse_types(s)?;
            if t.is_empty() {
                anyhow::bail!("--type needs at least one relation type");
            }
            Ok(t)
        }
        None => Ok(default.to_vec()),
    }
}

/// Names of relation types, comma-separated ("call, meet, visit").
pub fn type_list(types: &[RelationType]) -> String {
    if types.len() == RelationType::ALL.len() || types.is_empty() {
        return "all types".to_string();
    }
    if types.len() + 1 == RelationType::ALL.len() && !types.contains(&RelationType::Affiliation) {
        return "all events".to_string();
    }
    types
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An actor's name, as shown in text output (control characters escaped).
pub fn name(g: &NewsGraph, n: NodeIndex) -> std::borrow::Cow<'_, str> {
    super::shown(&g.actor(n).name)
}

/// "Anthony Blinken -call-> Mustafa al-Kadhimi (2021-09-10)": a relation on one line.
pub fn relation_line(g: &NewsGraph, idx: &Index, e: EdgeIndex) -> String {
    let r = &g.graph[e];
    match g.graph.edge_endpoints(e) {
        Some((s, t)) => format!(
            "{} -{}-> {}{}",
            name(g, s),
            r.kind,
            name(g, t),
            relation_suffix(g, idx, e)
        ),
        None => String::new(),
    }
}

/// What follows a relation on its line: " (date)" when known, " [planned]" for
/// announced events.
pub fn relation_suffix(g: &NewsGraph, idx: &Index, e: EdgeIndex) -> String {
    let r = &g.graph[e];
    let mut s = String::new();
    if let Some(d) = relation_date(g, idx, r) {
        s.push_str(&format!(" ({d})"));
    }
    if r.planned {
        s.push_str(" [planned]");
    }
    s
}

/// `"<sentence>" [doc sentence n]`: the evidence of a relation.
pub fn evidence_line(g: &NewsGraph, e: EdgeIndex) -> String {
    let r = &g.graph[e];
    format!(
        "\"{}\" [{} sentence {}]",
        super::shown(g.str(r.text).trim()),
        super::shown(g.str(r.doc)),
        r.sentence
    )
}

/// "[doc sentence n]": where a relation was read.
pub fn source_ref(g: &NewsGraph, e: EdgeIndex) -> String {
    let r = &g.graph[e];
    format!("[{} sentence {}]", super::shown(g.str(r.doc)), r.sentence)
}
