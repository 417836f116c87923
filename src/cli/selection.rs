//! Selections for `newsgraph export`: draw the answer to a question instead of
//! the whole store — an ego network (`--focus A --depth N`), a path highlighted
//! (`--path A B`), relation types (`--type`). The selection itself is
//! [`newsgraph::query::select`]; this only reads the options and names.

use anyhow::Result;
use newsgraph::query::find_actor;
use newsgraph::query::select::{select, SelectOptions, Selected};
use newsgraph::NewsGraph;

/// What part of the store a diagram draws.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SelectionArgs {
    /// Draw only this actor's ego network (any name or alias; repeat for several).
    #[arg(long, value_name = "ACTOR")]
    pub focus: Vec<String>,
    /// Hops around the focus actors (default 1), or, with --path and no --focus,
    /// around the path's actors (0: the path alone).
    #[arg(long, value_name = "N")]
    pub depth: Option<usize>,
    /// Highlight the shortest path between two actors (in the whole diagram, or
    /// in the focused one, which then always includes the path).
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub path: Option<Vec<String>>,
    /// Only relations of these types (comma-separated, e.g. call,meet,visit);
    /// a path walks only these too.
    #[arg(long = "type", value_name = "TYPES")]
    pub types: Option<String>,
    /// With --path: let the path walk affiliations too (it goes over events
    /// only by default).
    #[arg(long, value_enum, requires = "path")]
    pub via: Option<super::query_common::Via>,
}

impl SelectionArgs {
    /// Whether anything narrower than the whole store was asked for.
    pub fn is_some(&self) -> bool {
        !self.focus.is_empty()
            || self.depth.is_some()
            || self.path.is_some()
            || self.types.is_some()
    }

    /// Ids of the focus actors (kept by any trimming).
    pub fn focus_ids(&self, g: &NewsGraph) -> Result<Vec<String>> {
        self.focus
            .iter()
            .map(|n| Ok(g.actor(find_actor(g, n)?).id.clone()))
            .collect()
    }

    /// Resolves the names and selects; also returns a title describing the
    /// selection, for diagrams without one.
    pub fn apply(&self, g: &NewsGraph) -> Result<(Selected, Option<String>)> {
        let types = match &self.types {
            Some(t) => super::parse_types(t)?,
            None => Vec::new(),
        };
        let focus = self
            .focus
            .iter()
            .map(|n| find_actor(g, n))
            .collect::<Result<Vec<_>, _>>()?;
        let path = match self.path.as_deref() {
            Some([a, b]) => Some((find_actor(g, a)?, find_actor(g, b)?)),
            Some(_) => anyhow::bail!("--path takes two actors"),
            None => None,
        };
        let selected = select(
            g,
            &SelectOptions {
                types: types.clone(),
                focus: focus.clone(),
                depth: self.depth,
                path,
                via_affiliation: self.via.is_some(),
            },
        )?;
        let name = |n| g.actor(n).name.clone();
        let mut title = match (path, focus.is_empty()) {
            (Some((a, b)), _) => Some(format!("How {} is connected to {}", name(a), name(b))),
            (None, false) => Some(format!(
                "{}: relations within {} hop(s)",
                focus
                    .iter()
                    .map(|&n| name(n))
                    .collect::<Vec<_>>()
                    .join(", "),
                self.depth.unwrap_or(1)
            )),
            (None, true) => None,
        };
        if let (Some(t), false) = (&mut title, types.is_empty()) {
            let list: Vec<&str> = types.iter().map(|t| t.as_str()).collect();
            t.push_str(&format!(" ({})", list.join(", ")));
        }
        Ok((selected, title))
    }
}

/// Diagrams keep at most this many actors unless `--max-nodes` or `--all`
/// says otherwise: about what a page-wide drawing can label legibly.
pub const DEFAULT_MAX_NODES: usize = 150;
/// Mermaid's own limit (its `maxEdges` setting): past it, it draws nothing.
pub const MERMAID_MAX_EDGES: usize = 500;

/// How `export` keeps a big graph readable: filters and caps, applied after
/// the selection (see [`newsgraph::query::trim`]).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct TrimArgs {
    /// Only the N highest ranked actors (see --by).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// How actors are ranked for --top and --max-nodes: degree or pagerank.
    #[arg(long, default_value = "degree", value_name = "MEASURE")]
    pub by: String,
    /// Leave out actors with fewer distinct neighbours.
    #[arg(long, value_name = "N")]
    pub min_degree: Option<usize>,
    /// Only relations dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD;
    /// a relation without its own date takes its document's).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only relations dated on or before DATE.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Leave out relations of these types (comma-separated, e.g. affiliation).
    #[arg(long, value_name = "TYPES")]
    pub exclude_type: Option<String>,
    /// Most actors a diagram draws (default 150), the highest ranked; the rest
    /// is counted in a note.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub max_nodes: Option<u64>,
    /// Draw everything: no --max-nodes default and no Mermaid edge limit.
    #[arg(long)]
    pub all: bool,
}

impl TrimArgs {
    /// The trim options for a format: diagrams get the default cap (Mermaid
    /// also its edge limit) unless `--all`; interchange files are cut only
    /// when asked.
    pub fn options(
        &self,
        format: newsgraph::export::Format,
        keep: Vec<String>,
    ) -> Result<newsgraph::query::TrimOptions> {
        use newsgraph::export::Format;
        let diagram = matches!(
            format,
            Format::Dot | Format::Svg | Format::Png | Format::Pdf | Format::Html | Format::Mermaid
        );
        let rank: newsgraph::query::Centrality = self.by.parse().map_err(anyhow::Error::msg)?;
        if rank == newsgraph::query::Centrality::Betweenness {
            anyhow::bail!("--by takes degree or pagerank");
        }
        for (flag, d) in [("--since", &self.since), ("--until", &self.until)] {
            if let Some(d) = d {
                super::check_date(flag, d)?;
            }
        }
        let max_nodes = match (self.max_nodes, self.all, diagram) {
            (Some(m), _, _) => Some(m as usize),
            (None, false, true) => Some(DEFAULT_MAX_NODES),
            _ => None,
        };
        Ok(newsgraph::query::TrimOptions {
            exclude_types: match &self.exclude_type {
                Some(t) => super::parse_types(t)?,
                None => Vec::new(),
            },
            since: self.since.clone(),
            until: self.until.clone(),
            min_degree: self.min_degree,
            top: self.top,
            rank,
            max_nodes,
            max_relations: (format == Format::Mermaid && !self.all).then_some(MERMAID_MAX_EDGES),
            keep,
        })
    }
}

impl TrimArgs {
    /// Trims `g` for `format` (see [`TrimArgs::options`]; `keep`: ids kept
    /// whatever their rank) and returns what to draw (`None`: all of `g`)
    /// and, when anything was left out, the note saying what and how to get
    /// the rest. A diagram without a title gets one saying a cap cut it.
    pub fn apply(
        &self,
        g: &NewsGraph,
        format: newsgraph::export::Format,
        keep: Vec<String>,
        title: &mut Option<String>,
    ) -> Result<(Option<NewsGraph>, Option<String>)> {
        let opts = self.options(format, keep)?;
        if !opts.is_some() {
            return Ok((None, None));
        }
        let t = newsgraph::query::trim(g, &opts);
        if !t.dropped_any() {
            return Ok((None, None));
        }
        if t.capped() && title.is_none() {
            *title = Some(format!(
                "The {} highest ranked of {} actors (by {})",
                t.graph.actor_count(),
                t.actors_before,
                t.rank
            ));
        }
        let note = trim_note_of(&t, &opts);
        Ok((Some(t.graph), Some(note)))
    }
}

/// The note of a trim: what is left, and how to get the rest when a cap (not
/// a filter the user asked for) did the cutting.
fn trim_note_of(t: &newsgraph::query::Trimmed, o: &newsgraph::query::TrimOptions) -> String {
    let mut note = format!("drew {}", t.summary());
    if t.capped_relations {
        note.push_str(&format!(
            "; Mermaid draws at most {} edges: --top N or --min-degree N choose another part, --all writes them all (then raise the reader's maxEdges)",
            o.max_relations.unwrap_or_default()
        ));
    } else if t.capped_nodes {
        note.push_str(
            "; --max-nodes N draws more, --all draws everything, --top N, --min-degree N, --since/--until or --exclude-type choose another part",
        );
    }
    note
}
