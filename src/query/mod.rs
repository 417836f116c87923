//! Questions on the graph, answered from the loaded graph with the evidence
//! behind every answer: how two actors are connected ([`path`]), who contacted
//! whom ([`contacts`](mod@contacts)), an actor's ego network ([`neighbors`]), the most central
//! actors ([`centrality`]), an actor's relations in date order ([`timeline`](mod@timeline)),
//! what the store holds ([`stats`], [`listing`]), and the sub-graphs that
//! diagrams of these answers draw ([`select`]).
//!
//! Build an [`Index`] once per loaded graph and pass it to every query; names
//! typed by users are resolved with [`resolve::find_actor`].
//!
//! Each question's answer also comes as a report type ([`PathReport`],
//! [`ContactsReport`], [`MatrixReport`], [`EgoReport`], [`TopReport`],
//! [`TimelineReport`], [`Stats`](stats::Stats), and the entries of the
//! listings) whose JSON is exactly what the command line prints with
//! `--format json` (see [`report`]):
//!
//! ```no_run
//! # fn main() -> newsgraph::Result<()> {
//! use newsgraph::query::{find_actor, Index, PathFinder, PathOptions, PathReport};
//! let g = newsgraph::graph::store::open("newsgraph.store".as_ref())?;
//! let (a, b) = (find_actor(&g, "Blinken")?, find_actor(&g, "Barzani")?);
//! let idx = Index::new(&g);
//! let opts = PathOptions::default();
//! if let Some(p) = PathFinder::new(&idx).shortest(a, b, &opts) {
//!     let answer = PathReport::shortest(&g, &idx, a, b, &p, &opts);
//!     println!("{}", serde_json::to_string_pretty(&answer).unwrap_or_default());
//! }
//! # Ok(())
//! # }
//! ```

pub mod centrality;
pub mod contacts;
pub mod index;
pub mod listing;
pub mod names;
pub mod narrow;
pub mod neighbors;
pub mod path;
pub mod report;
pub mod resolve;
pub mod select;
pub mod stats;
pub mod timeline;
pub mod trim;

pub use centrality::{top, Centrality, Ranking, TopOptions, TopReport};
pub use contacts::{
    contact_matrix, contacts, most_contacted, ContactMatrix, Contacts, ContactsReport, MatrixReport,
};
pub use index::{Index, TypeSet};
pub use narrow::{narrow, ViewFilter};
pub use neighbors::{ego, top_neighbours, Ego, EgoReport};
pub use path::{
    shortest_path, walk_types, AllPaths, Hop, Path, PathFinder, PathOptions, PathReport,
};
pub use resolve::find_actor;
pub use select::{Highlight, RelationKey};
pub use timeline::{timeline, TimelineOptions, TimelineReport};
pub use trim::{trim, TrimOptions, Trimmed};

/// Whether a date filter (`--since`, `--until`, `since=`) has the shape of a
/// possibly partial ISO date: YYYY, YYYY-MM or YYYY-MM-DD.
pub fn is_date_filter(d: &str) -> bool {
    matches!(d.len(), 4 | 7 | 10)
        && d.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Small graphs for the unit tests of this module.
#[cfg(test)]
pub(crate) mod testing {
    use crate::graph::NewsGraph;
    use crate::model::{Actor, ActorKind, Evidence, Relation, RelationType};

    /// A relation with placeholder evidence (document "d", the given sentence).
    pub fn relation(s: &str, t: &str, kind: RelationType, doc: &str, sentence: usize) -> Relation {
        Relation {
            source: s.to_string(),
            target: t.to_string(),
            kind,
            cameo: kind.default_cameo().map(str::to_string),
            date: None,
            planned: false,
            evidence: Evidence {
                doc: doc.to_string(),
                sentence,
                start: 0,
                end: 0,
                trigger: String::new(),
                text: format!("{s} {kind} {t}."),
                rule: None,
            },
        }
    }

    /// A graph of persons named by their ids, with the given relations.
    pub fn graph(edges: &[(&str, &str, RelationType)]) -> NewsGraph {
        let rels: Vec<Relation> = edges
            .iter()
            .enumerate()
            .map(|(i, (s, t, k))| relation(s, t, *k, "d", i))
            .collect();
        graph_of(&rels)
    }

    /// A graph of persons named by their ids, with the given relations.
    pub fn graph_of(rels: &[Relation]) -> NewsGraph {
        let mut g = NewsGraph::new();
        for r in rels {
            for id in [&r.source, &r.target] {
                if g.node(id).is_none() {
                    g.add_actor(Actor {
                        id: id.to_string(),
                        name: id.to_uppercase(),
                        kind: ActorKind::Person,
                        country: None,
                        aliases: vec![],
                    });
                }
            }
        }
        for r in rels {
            g.add_relation(r.clone());
        }
        g
    }
}
