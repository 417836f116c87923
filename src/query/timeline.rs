//! An actor's relations in date order, and the date conventions every query shares.
//!
//! A relation's date is its own (the event's date, or the date its input carried)
//! or else its document's publication date. Dated relations come first, oldest
//! first; undated ones follow in the order their documents were loaded, then in
//! sentence order — the order a reader of the archive met them. Dates are ISO 8601
//! strings, possibly partial ("2022", "2022-03"), which sort correctly as text.

use super::index::{Index, TypeSet};
use super::report::sorted_keys;
use crate::graph::{Edge, NewsGraph};
use crate::model::{Actor, Relation, RelationType};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use petgraph::Direction;
use serde::Serialize;

/// The date of a relation: its own, else its document's; `None` when neither is known.
pub fn relation_date<'g>(g: &'g NewsGraph, idx: &Index, r: &Edge) -> Option<&'g str> {
    r.date.map(|d| g.str(d)).or_else(|| {
        g.documents
            .get(idx.doc_order(g.str(r.doc)))
            .and_then(|d| d.date.as_deref())
    })
}

/// Sort key putting relations in timeline order (see the module docs).
pub fn chrono_key<'g>(
    g: &'g NewsGraph,
    idx: &Index,
    e: EdgeIndex,
) -> (bool, &'g str, usize, usize, usize, usize) {
    let r = &g.graph[e];
    let date = relation_date(g, idx, r);
    (
        date.is_none(),
        date.unwrap_or(""),
        idx.doc_order(g.str(r.doc)),
        r.sentence as usize,
        r.start as usize,
        e.index(),
    )
}

/// Whether a date falls in a range given as possibly partial ISO dates, both ends
/// included ("2022-03" as `until` includes "2022-03-31").
pub fn in_range(date: &str, since: Option<&str>, until: Option<&str>) -> bool {
    since.is_none_or(|s| date >= s)
        && until.is_none_or(|u| date.get(..u.len().min(date.len())).unwrap_or(date) <= u)
}

/// Why a date range kept none of some relations, in one line: none of them is
/// dated ("no relation is dated; 0 of 290 have a date"), or the dated ones lie
/// elsewhere ("no relation between 2022-10 and 2022-12; dated relations span
/// 2021-01-04..2021-03-02 (12 of 290 have a date)"). `dates` holds the date of
/// every relation the other filters kept.
pub fn empty_range_reason<'a>(
    dates: impl IntoIterator<Item = Option<&'a str>>,
    since: Option<&str>,
    until: Option<&str>,
) -> String {
    let (mut total, mut dated) = (0usize, 0usize);
    let (mut lo, mut hi): (Option<&str>, Option<&str>) = (None, None);
    for d in dates {
        total += 1;
        if let Some(d) = d {
            dated += 1;
            lo = Some(lo.map_or(d, |l| l.min(d)));
            hi = Some(hi.map_or(d, |h| h.max(d)));
        }
    }
    if total == 0 {
        return "no relation to filter by date".into();
    }
    let range = match (since, until) {
        (Some(s), Some(u)) => format!("between {s} and {u}"),
        (Some(s), None) => format!("on or after {s}"),
        (None, Some(u)) => format!("on or before {u}"),
        (None, None) => "in range".into(),
    };
    match (lo, hi) {
        (Some(lo), Some(hi)) => format!(
            "no relation {range}; dated relations span {lo}..{hi} ({dated} of {total} have a date)"
        ),
        _ => format!("no relation is dated; 0 of {total} have a date"),
    }
}

/// Which relations a timeline shows.
#[derive(Debug, Clone, Default)]
pub struct TimelineOptions {
    /// Relation types (every type when empty).
    pub types: Vec<RelationType>,
    /// Only relations dated on or after this (possibly partial) ISO date.
    pub since: Option<String>,
    /// Only relations dated on or before this (possibly partial) ISO date.
    pub until: Option<String>,
}

/// Every relation of actor `a` (as source or target) in timeline order. With a
/// date range, undated relations are left out (nothing says they fall inside it).
pub fn timeline(
    g: &NewsGraph,
    idx: &Index,
    a: NodeIndex,
    opts: &TimelineOptions,
) -> Vec<EdgeIndex> {
    let types = TypeSet::of(&opts.types);
    let ranged = opts.since.is_some() || opts.until.is_some();
    let mut edges: Vec<EdgeIndex> = g
        .graph
        .edges_directed(a, Direction::Outgoing)
        .chain(
            g.graph
                .edges_directed(a, Direction::Incoming)
                .filter(|e| e.source() != a),
        )
        .filter(|e| types.contains(e.weight().kind))
        .filter(|e| {
            !ranged
                || relation_date(g, idx, e.weight())
                    .is_some_and(|d| in_range(d, opts.since.as_deref(), opts.until.as_deref()))
        })
        .map(|e| e.id())
        .collect();
    edges.sort_by_cached_key(|&e| chrono_key(g, idx, e));
    edges
}

/// A relation of a [`TimelineReport`], with the date it is placed by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedRelation {
    /// See [`relation_date`].
    pub date: Option<String>,
    /// The relation with its evidence.
    #[serde(serialize_with = "sorted_keys")]
    pub relation: Relation,
}

/// An actor's timeline as `newsgraph timeline --format json` prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineReport {
    /// The actor.
    #[serde(serialize_with = "sorted_keys")]
    pub actor: Actor,
    /// Its relations in timeline order.
    pub relations: Vec<DatedRelation>,
}

impl TimelineReport {
    /// The report of actor `a`'s relations `edges` (as [`timeline`] returns them).
    pub fn new(g: &NewsGraph, idx: &Index, a: NodeIndex, edges: &[EdgeIndex]) -> TimelineReport {
        TimelineReport {
            actor: g.actor(a).clone(),
            relations: edges
                .iter()
                .map(|&e| DatedRelation {
                    date: relation_date(g, idx, &g.graph[e]).map(str::to_string),
                    relation: g.relation(e),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod reason_tests {
    use super::empty_range_reason;

    #[test]
    fn an_empty_range_says_why() {
        assert_eq!(
            empty_range_reason([None, None], Some("2022-10"), None),
            "no relation is dated; 0 of 2 have a date"
        );
        assert_eq!(
            empty_range_reason(
                [Some("2021-03-02"), None, Some("2021-01-04")],
                Some("2022-10"),
                Some("2022-12")
            ),
            "no relation between 2022-10 and 2022-12; dated relations span 2021-01-04..2021-03-02 (2 of 3 have a date)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Document;
    use crate::query::testing::{graph_of, relation};

    #[test]
    fn dated_first_then_document_and_sentence_order() {
        let mut rels = vec![
            relation("a", "b", RelationType::Call, "d2", 5),
            relation("c", "a", RelationType::Meet, "d1", 9),
            relation("a", "c", RelationType::Visit, "d1", 2),
            relation("a", "d", RelationType::Support, "d3", 0),
            relation("b", "c", RelationType::Meet, "d1", 0),
            relation("a", "a", RelationType::Meet, "d3", 1),
        ];
        rels[0].date = Some("2021-05-02".into());
        let mut g = graph_of(&rels);
        g.documents = ["d1", "d2", "d3"]
            .iter()
            .map(|id| Document {
                id: id.to_string(),
                path: String::new(),
                date: (*id == "d3").then(|| "2020-01-01".to_string()),
                title: None,
                url: None,
            })
            .collect();
        let idx = Index::new(&g);
        let a = g.node("a").unwrap();
        let t = timeline(&g, &idx, a, &TimelineOptions::default());
        let seen: Vec<(String, usize)> = t
            .iter()
            .map(|&e| {
                (
                    g.str(g.graph[e].doc).to_string(),
                    g.graph[e].sentence as usize,
                )
            })
            .collect();
        // d3 is dated 2020 (its document's date), d2's relation 2021; d1 is undated.
        assert_eq!(
            seen,
            [
                ("d3".to_string(), 0),
                ("d3".to_string(), 1),
                ("d2".to_string(), 5),
                ("d1".to_string(), 2),
                ("d1".to_string(), 9)
            ]
        );
        let since = TimelineOptions {
            since: Some("2021".into()),
            ..Default::default()
        };
        assert_eq!(timeline(&g, &idx, a, &since).len(), 1);
        let until = TimelineOptions {
            until: Some("2020-01".into()),
            types: vec![RelationType::Support],
            ..Default::default()
        };
        assert_eq!(timeline(&g, &idx, a, &until).len(), 1);
    }

    #[test]
    fn ranges_include_partial_ends() {
        assert!(in_range("2022-03-31", Some("2022-03"), Some("2022-03")));
        assert!(!in_range("2022-04-01", None, Some("2022-03")));
        assert!(!in_range("2022-02-28", Some("2022-03"), None));
        assert!(in_range("2022", None, Some("2022-03")));
    }

    #[test]
    fn timeline_report_serializes_as_the_cli_prints_it() {
        use crate::query::report::testing::json;
        use serde_json::json;
        let mut rels = vec![
            relation("a", "b", RelationType::Call, "d1", 0),
            relation("c", "a", RelationType::Meet, "d1", 1),
        ];
        rels[1].date = Some("2021-05".into());
        let g = graph_of(&rels);
        let idx = Index::new(&g);
        let a = g.node("a").unwrap();
        let t = timeline(&g, &idx, a, &TimelineOptions::default());
        let v: serde_json::Value =
            serde_json::from_str(&json(&TimelineReport::new(&g, &idx, a, &t))).unwrap();
        let rel = |i: usize| serde_json::to_value(g.relation(EdgeIndex::new(i))).unwrap();
        assert_eq!(
            v,
            json!({
                "actor": serde_json::to_value(g.actor(a)).unwrap(),
                "relations": [
                    {"date": "2021-05", "relation": rel(1)},
                    {"date": null, "relation": rel(0)},
                ],
            })
        );
    }
}
