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
