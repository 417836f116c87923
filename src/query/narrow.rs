//! Narrowing a store to what a view asks about: relations in a date range,
//! from one document, between actors of some kinds. The explorer's filters
//! apply to every question (an actor's relations, its network, paths, the
//! contact matrix), so the graph is narrowed first and the usual questions
//! then run on what is left, with the same answers' shapes.
//!
//! Dates are read as the timeline and `export --since` read them: a
//! relation's own date, else its document's. The actors named by the question
//! (the centre of a network, the ends of a path, the rows of a matrix) are
//! exempt from the kind filter: asking about a country's contacts with people
//! keeps the country.

use super::index::Index;
use super::select::subgraph_where;
use super::timeline::{in_range, relation_date};
use crate::graph::NewsGraph;
use crate::model::ActorKind;
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use std::collections::HashSet;

/// What a view keeps; the default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewFilter {
    /// Only relations dated on or after this possibly partial ISO date.
    pub since: Option<String>,
    /// Only relations dated on or before this possibly partial ISO date.
    pub until: Option<String>,
    /// Only relations read in the document with this id.
    pub doc: Option<String>,
    /// Only relations whose both ends are of these kinds (every kind when
    /// empty), the actors asked about excepted.
    pub kinds: Vec<ActorKind>,
}

impl ViewFilter {
    /// Whether the filter can leave anything out.
    pub fn is_some(&self) -> bool {
        self.since.is_some() || self.until.is_some() || self.doc.is_some() || !self.kinds.is_empty()
    }

    /// Whether an actor passes the kind filter (or is one of `asked`).
    pub fn keeps_actor(&self, g: &NewsGraph, n: NodeIndex, asked: &HashSet<NodeIndex>) -> bool {
        self.kinds.is_empty() || asked.contains(&n) || self.kinds.contains(&g.actor(n).kind)
    }

    /// Whether relation `e` passes: its date, its document and its two ends.
    pub fn keeps(
        &self,
        g: &NewsGraph,
        idx: &Index,
        e: EdgeIndex,
        asked: &HashSet<NodeIndex>,
    ) -> bool {
        let w = &g.graph[e];
        if self.doc.as_deref().is_some_and(|d| d != g.str(w.doc)) {
            return false;
        }
        if (self.since.is_some() || self.until.is_some())
            && !relation_date(g, idx, w)
                .is_some_and(|d| in_range(d, self.since.as_deref(), self.until.as_deref()))
        {
            return false;
        }
        match g.graph.edge_endpoints(e) {
            Some((s, t)) => self.keeps_actor(g, s, asked) && self.keeps_actor(g, t, asked),
            None => false,
        }
    }
}

/// The graph with only the relations `f` keeps, every actor still in it (so
/// names and ids resolve as before), `asked` exempt from the kind filter.
pub fn narrow(g: &NewsGraph, idx: &Index, f: &ViewFilter, asked: &[NodeIndex]) -> NewsGraph {
    let asked: HashSet<NodeIndex> = asked.iter().copied().collect();
    let all: HashSet<NodeIndex> = g.graph.node_indices().collect();
    subgraph_where(g, &all, |e| f.keeps(g, idx, e, &asked))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RelationType;
    use crate::query::testing::{graph_of, relation};

    fn g() -> NewsGraph {
        let mut r = vec![
            relation("ann", "bob", RelationType::Call, "d1", 0),
            relation("ann", "land", RelationType::Visit, "d1", 1),
            relation("bob", "cy", RelationType::Meet, "d2", 0),
        ];
        r[0].date = Some("2021-09-10".into());
        r[1].date = Some("2021-10-02".into());
        let mut g = graph_of(&r);
        let land = g.node("land").unwrap();
        g.graph[land].kind = ActorKind::Country;
        g
    }

    fn kept(g: &NewsGraph) -> Vec<(String, String)> {
        g.relations()
            .iter()
            .map(|r| (r.source.clone(), r.target.clone()))
            .collect()
    }

    #[test]
    fn dates_documents_and_kinds() {
        let g = g();
        let idx = Index::new(&g);
        let f = ViewFilter {
            since: Some("2021-10".into()),
            ..Default::default()
        };
        let n = narrow(&g, &idx, &f, &[]);
        assert_eq!(kept(&n), [("ann".into(), "land".into())]);
        assert_eq!(n.actor_count(), g.actor_count(), "every actor stays");
        let f = ViewFilter {
            doc: Some("d2".into()),
            ..Default::default()
        };
        assert_eq!(
            kept(&narrow(&g, &idx, &f, &[])),
            [("bob".into(), "cy".into())]
        );
        let people = ViewFilter {
            kinds: vec![ActorKind::Person],
            ..Default::default()
        };
        assert_eq!(kept(&narrow(&g, &idx, &people, &[])).len(), 2);
        let countries = ViewFilter {
            kinds: vec![ActorKind::Country],
            ..Default::default()
        };
        assert!(kept(&narrow(&g, &idx, &countries, &[])).is_empty());
        let ann = g.node("ann").unwrap();
        assert_eq!(
            kept(&narrow(&g, &idx, &countries, &[ann])),
            [("ann".into(), "land".into())],
            "the actor asked about is exempt"
        );
        assert!(!ViewFilter::default().is_some() && countries.is_some());
    }
}
