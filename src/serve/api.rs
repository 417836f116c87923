//! The explorer's questions, answered from one [`Snapshot`]: plain functions
//! from the request's parameters to the library's report types, whose JSON is
//! what the command line prints with `--format json` (the same types, not
//! copies), and the SVG drawings of an ego network and of a path.

use super::state::Snapshot;
use crate::error::Error;
use crate::export::{export, ExportOptions, Format};
use crate::model::{Relation, RelationType};
use crate::query::listing::{relations as list_relations, ActorEntry, RelationFilter};
use crate::query::select::{select, SelectOptions};
use crate::query::stats::Stats;
use crate::query::{
    ego, find_actor, timeline, trim, walk_types, EgoReport, PathFinder, PathOptions, PathReport,
    TimelineOptions, TimelineReport, TrimOptions, TypeSet,
};
use petgraph::stable_graph::NodeIndex;
use serde::Deserialize;

/// Suggestions a search returns unless `limit` says otherwise (at most 50).
const SEARCH_LIMIT: usize = 10;
/// Relations `/api/relations` returns unless `limit` says otherwise (at most 10,000).
const RELATIONS_LIMIT: usize = 500;
/// Deepest ego network asked for (two hops of a hub is already most of an archive).
const MAX_DEPTH: usize = 3;
/// Most paths `k` asks for.
const MAX_K: usize = 20;
/// Actors drawn around an actor or along a path: what a screen-wide drawing
/// labels legibly; the highest ranked stay, the centre and the path always.
pub const DRAWN_ACTORS: usize = 40;

/// Every parameter an API call may take (each call reads the ones it needs).
#[derive(Debug, Default, Deserialize)]
pub struct Params {
    /// Search text.
    pub q: Option<String>,
    /// Most results.
    pub limit: Option<usize>,
    /// Hops of an ego network.
    pub depth: Option<usize>,
    /// Relation types, comma-separated.
    pub types: Option<String>,
    /// `affiliation`: paths walk affiliations too.
    pub via: Option<String>,
    /// Path ends (ids or names).
    pub from: Option<String>,
    /// Path ends (ids or names).
    pub to: Option<String>,
    /// The k shortest paths.
    pub k: Option<usize>,
    /// Longest path, in hops.
    pub max_hops: Option<usize>,
    /// Dates, YYYY[-MM[-DD]].
    pub since: Option<String>,
    /// Dates, YYYY[-MM[-DD]].
    pub until: Option<String>,
    /// A document id.
    pub doc: Option<String>,
    /// An actor (id or name) on either side.
    pub actor: Option<String>,
    /// A download's format: svg, dot, graphml or json.
    pub format: Option<String>,
}

/// A request that cannot be answered, with the HTTP status it deserves.
#[derive(Debug)]
pub struct ApiError {
    /// 400 for a bad question, 404 for an unknown actor or path, 500 otherwise.
    pub status: u16,
    /// One line saying why.
    pub message: String,
}

impl ApiError {
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 400,
            message: message.into(),
        }
    }

    fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: 404,
            message: message.into(),
        }
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        let status = match e {
            Error::UnknownActor { .. } | Error::AmbiguousActor { .. } => 404,
            Error::Invalid(_) => 400,
            _ => 500,
        };
        ApiError {
            status,
            message: crate::error::one_line(&e.to_string()),
        }
    }
}

/// An API answer.
pub type Answer<T> = std::result::Result<T, ApiError>;

/// The relation types of a `types` parameter (empty: every type).
fn types_of(p: &Params) -> Answer<Vec<RelationType>> {
    p.types
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| t.parse().map_err(ApiError::bad))
        .collect()
}

/// Whether paths walk affiliations (`via=affiliation`).
fn via_affiliation(p: &Params) -> Answer<bool> {
    match p.via.as_deref() {
        None | Some("") | Some("events") => Ok(false),
        Some("affiliation") => Ok(true),
        Some(v) => Err(ApiError::bad(format!(
            "via {v:?}: expected affiliation or events"
        ))),
    }
}

/// A date parameter, checked: YYYY, YYYY-MM or YYYY-MM-DD.
fn date(name: &str, d: &Option<String>) -> Answer<Option<String>> {
    let Some(d) = d.as_deref().filter(|d| !d.is_empty()) else {
        return Ok(None);
    };
    let ok = crate::query::is_date_filter(d);
    if !ok {
        return Err(ApiError::bad(format!(
            "{name} {d:?}: expected a date as YYYY, YYYY-MM or YYYY-MM-DD"
        )));
    }
    Ok(Some(d.to_string()))
}

/// The actor an id or a name (exactly, from the name index) or a partial
/// name (as `path` resolves names) stands for.
pub fn actor_of(s: &Snapshot, id_or_name: &str) -> Answer<NodeIndex> {
    if let Some(n) = s.names.exact(&s.graph, id_or_name) {
        return Ok(n);
    }
    Ok(find_actor(&s.graph, id_or_name)?)
}

fn required<'a>(name: &str, v: &'a Option<String>) -> Answer<&'a str> {
    v.as_deref()
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ApiError::bad(format!("{name} is required")))
}

/// `/api/search?q=&limit=`: the actors a search box suggests (see
/// [`crate::query::resolve::suggest`], answered from the name index), as `newsgraph actors --format json` lists actors.
pub fn search(s: &Snapshot, p: &Params) -> Answer<Vec<ActorEntry>> {
    let q = p.q.as_deref().unwrap_or("");
    let limit = p.limit.unwrap_or(SEARCH_LIMIT).clamp(1, 50);
    Ok(s.names
        .suggest(&s.graph, q, limit)
        .into_iter()
        .map(|n| ActorEntry {
            actor: s.graph.actor(n).clone(),
            relations: s
                .graph
                .graph
                .edges_directed(n, petgraph::Direction::Outgoing)
                .count()
                + s.graph
                    .graph
                    .edges_directed(n, petgraph::Direction::Incoming)
                    .count(),
        })
        .collect())
}

/// `/api/actor/{id}?types=&since=&until=`: the actor's relations with their
/// evidence, in date order (`newsgraph timeline --format json`).
pub fn actor(s: &Snapshot, id: &str, p: &Params) -> Answer<TimelineReport> {
    let a = actor_of(s, id)?;
    let opts = TimelineOptions {
        types: types_of(p)?,
        since: date("since", &p.since)?,
        until: date("until", &p.until)?,
    };
    let edges = timeline(&s.graph, &s.index, a, &opts);
    Ok(TimelineReport::new(&s.graph, &s.index, a, &edges))
}

/// `/api/neighbors/{id}?depth=&types=`: the ego network (`newsgraph neighbors --format json`).
pub fn neighbors(s: &Snapshot, id: &str, p: &Params) -> Answer<EgoReport> {
    let a = actor_of(s, id)?;
    let types = types_of(p)?;
    let depth = p.depth.unwrap_or(1).min(MAX_DEPTH);
    let e = ego(&s.graph, &s.index, a, depth, TypeSet::of(&types));
    Ok(EgoReport::new(&s.graph, &e, &types))
}

/// `/api/path?from=&to=&k=&types=&via=&max_hops=`: the shortest path, or the
/// k shortest (`newsgraph path --format json`); over events unless `via=affiliation`.
pub fn path(s: &Snapshot, p: &Params) -> Answer<PathReport> {
    let g = &s.graph;
    let a = actor_of(s, required("from", &p.from)?)?;
    let b = actor_of(s, required("to", &p.to)?)?;
    let opts = PathOptions {
        types: walk_types(&types_of(p)?, via_affiliation(p)?),
        directed: false,
        max_hops: p.max_hops,
    };
    let mut finder = PathFinder::new(&s.index);
    let no_path = || {
        ApiError::not_found(format!(
            "no path between {} and {}{}",
            g.actor(a).name,
            g.actor(b).name,
            if p.types.is_none() && p.via.is_none() {
                " over events only (via=affiliation also walks affiliations)"
            } else {
                ""
            }
        ))
    };
    match p.k {
        Some(k) if k > 1 => {
            let paths = finder.k_shortest(a, b, k.min(MAX_K), &opts);
            if paths.is_empty() {
                return Err(no_path());
            }
            Ok(PathReport::several(g, &s.index, a, b, &paths, true, &opts))
        }
        _ => {
            let path = finder.shortest(a, b, &opts).ok_or_else(no_path)?;
            Ok(PathReport::shortest(g, &s.index, a, b, &path, &opts))
        }
    }
}

/// `/api/relations?types=&actor=&since=&until=&doc=&limit=`: stored relations
/// (`newsgraph relations --format json`), the first `limit` (default 500).
pub fn relations(s: &Snapshot, p: &Params) -> Answer<Vec<Relation>> {
    let filter = RelationFilter {
        types: types_of(p)?,
        actor: match p.actor.as_deref().filter(|a| !a.is_empty()) {
            Some(a) => Some(actor_of(s, a)?),
            None => None,
        },
        since: date("since", &p.since)?,
        until: date("until", &p.until)?,
        doc: p.doc.clone().filter(|d| !d.is_empty()),
    };
    let limit = p.limit.unwrap_or(RELATIONS_LIMIT).min(10_000);
    Ok(list_relations(&s.graph, &filter)
        .into_iter()
        .take(limit)
        .map(|e| s.graph.relation(e))
        .collect())
}

/// `/api/stats`: what the store holds (`newsgraph stats --format json`).
pub fn stats(s: &Snapshot) -> Stats {
    Stats::new(&s.graph, &s.path)
}

/// `/api/svg/actor/{id}?depth=&types=`: the actor's ego network drawn, at most
/// [`DRAWN_ACTORS`] actors (the best connected), the centre highlighted.
pub fn svg_actor(s: &Snapshot, id: &str, p: &Params) -> Answer<String> {
    svg_text(export_actor(s, id, p, Format::Svg)?)
}

/// The actor's drawn view (as [`svg_actor`] draws it) in `format`.
pub fn export_actor(s: &Snapshot, id: &str, p: &Params, format: Format) -> Answer<Vec<u8>> {
    let a = actor_of(s, id)?;
    let sel = SelectOptions {
        types: types_of(p)?,
        focus: vec![a],
        depth: Some(p.depth.unwrap_or(1).clamp(1, MAX_DEPTH)),
        ..Default::default()
    };
    view(s, &sel, p, vec![s.graph.actor(a).id.clone()], format)
}

/// The format of a download (`format=`): what a drawn view can be saved as.
pub fn download_format(p: &Params) -> Answer<Format> {
    match p.format.as_deref().unwrap_or("svg") {
        "svg" => Ok(Format::Svg),
        "dot" => Ok(Format::Dot),
        "graphml" => Ok(Format::Graphml),
        "json" => Ok(Format::Json),
        f => Err(ApiError::bad(format!(
            "format {f:?}: expected svg, dot, graphml or json"
        ))),
    }
}

/// `/api/svg/path?from=&to=&types=&via=`: the shortest path highlighted among
/// the actors around it (at most [`DRAWN_ACTORS`]).
pub fn svg_path(s: &Snapshot, p: &Params) -> Answer<String> {
    svg_text(export_path(s, p, Format::Svg)?)
}

/// The path's drawn view (as [`svg_path`] draws it) in `format`.
pub fn export_path(s: &Snapshot, p: &Params, format: Format) -> Answer<Vec<u8>> {
    let a = actor_of(s, required("from", &p.from)?)?;
    let b = actor_of(s, required("to", &p.to)?)?;
    let sel = SelectOptions {
        types: types_of(p)?,
        depth: Some(1),
        path: Some((a, b)),
        via_affiliation: via_affiliation(p)?,
        ..Default::default()
    };
    view(s, &sel, p, Vec::new(), format)
}

/// A selection trimmed to [`DRAWN_ACTORS`] (`keep` and the highlight kept)
/// in `format`: SVG drawn with Graphviz when installed, else the embedded
/// renderer; DOT, GraphML or node-link JSON of the same actors and relations.
fn view(
    s: &Snapshot,
    sel: &SelectOptions,
    p: &Params,
    mut keep: Vec<String>,
    format: Format,
) -> Answer<Vec<u8>> {
    let selected = select(&s.graph, sel)?;
    keep.extend(selected.highlight.actors.iter().cloned());
    let t = trim(
        &selected.graph,
        &TrimOptions {
            since: date("since", &p.since)?,
            until: date("until", &p.until)?,
            max_nodes: Some(DRAWN_ACTORS),
            keep,
            ..Default::default()
        },
    );
    let mut opts = ExportOptions::default();
    opts.diagram.highlight = selected.highlight;
    if t.capped() {
        opts.diagram.title = Some(format!(
            "{} of {} actors shown (the best connected)",
            t.graph.actor_count(),
            t.actors_before
        ));
    }
    let out = export(&t.graph, format, &opts)?;
    Ok(out
        .files
        .into_iter()
        .next()
        .map(|f| f.1)
        .unwrap_or_default())
}

fn svg_text(bytes: Vec<u8>) -> Answer<String> {
    String::from_utf8(bytes).map_err(|_| ApiError {
        status: 500,
        message: "the drawing is not UTF-8".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;

    fn snap() -> Snapshot {
        let g = graph(&[
            ("ann", "bob", RelationType::Call),
            ("bob", "dee", RelationType::Meet),
            ("dee", "cy", RelationType::Meet),
            ("ann", "land", RelationType::Affiliation),
            ("cy", "land", RelationType::Affiliation),
        ]);
        let index = crate::query::Index::new(&g);
        let names = crate::query::names::NameIndex::new(&g);
        Snapshot {
            graph: g,
            index,
            names,
            path: "t.store".into(),
        }
    }

    fn params(pairs: &[(&str, &str)]) -> Params {
        let q: String = pairs
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&");
        serde_json::from_value(serde_json::Value::Object(
            url_pairs(&q)
                .into_iter()
                .map(|(k, v)| {
                    let v = match v.parse::<u64>() {
                        Ok(n) => serde_json::json!(n),
                        Err(_) => serde_json::json!(v),
                    };
                    (k, v)
                })
                .collect(),
        ))
        .unwrap()
    }

    fn url_pairs(q: &str) -> Vec<(String, String)> {
        q.split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn paths_over_events_unless_via_affiliation() {
        let s = snap();
        let j = |r: &PathReport| serde_json::to_string(r).unwrap();
        let p = path(&s, &params(&[("from", "ann"), ("to", "cy")])).unwrap();
        assert!(j(&p).contains("\"to\":\"bob\""), "{}", j(&p));
        let p = path(
            &s,
            &params(&[("from", "ann"), ("to", "cy"), ("via", "affiliation")]),
        )
        .unwrap();
        assert!(j(&p).contains("\"to\":\"land\""), "{}", j(&p));
        let e = path(&s, &params(&[("from", "ann"), ("to", "nobody")])).unwrap_err();
        assert_eq!(e.status, 404);
        let e = path(
            &s,
            &params(&[("from", "ann"), ("to", "cy"), ("types", "hug")]),
        )
        .unwrap_err();
        assert_eq!(e.status, 400);
        let e = path(&s, &params(&[("from", "ann")])).unwrap_err();
        assert!(e.message.contains("to is required"));
    }

    #[test]
    fn search_actor_neighbors_relations_and_dates() {
        let s = snap();
        let found = search(&s, &params(&[("q", "bo")])).unwrap();
        assert_eq!(found[0].actor.id, "bob");
        assert_eq!(found[0].relations, 2);
        let t = actor(&s, "bob", &params(&[("types", "call")])).unwrap();
        assert_eq!(t.relations.len(), 1);
        let e = neighbors(&s, "ANN", &params(&[("depth", "9")])).unwrap();
        assert_eq!(e.depth, MAX_DEPTH);
        assert_eq!(relations(&s, &params(&[("limit", "1")])).unwrap().len(), 1);
        let bad = relations(&s, &params(&[("since", "May")])).unwrap_err();
        assert_eq!(bad.status, 400);
        assert!(svg_actor(&s, "bob", &Params::default())
            .unwrap()
            .contains("<svg"));
        let dot = export_actor(&s, "bob", &Params::default(), Format::Dot).unwrap();
        assert!(String::from_utf8(dot).unwrap().contains("digraph"));
        let f = download_format(&params(&[("format", "graphml")])).unwrap();
        let gm = String::from_utf8(
            export_path(&s, &params(&[("from", "ann"), ("to", "cy")]), f).unwrap(),
        )
        .unwrap();
        assert!(gm.contains("<graphml") && gm.contains("dee"), "{gm}");
        assert_eq!(
            download_format(&params(&[("format", "exe")]))
                .unwrap_err()
                .status,
            400
        );
    }
}
