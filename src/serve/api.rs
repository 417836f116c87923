//! The explorer's questions, answered from one [`Snapshot`]: plain functions
//! from the request's parameters to the library's report types, whose JSON is
//! what the command line prints with `--format json` (the same types, not
//! copies), and the SVG drawings of an ego network and of a path.

use super::state::{Narrowed, Snapshot};
use crate::error::Error;
use crate::export::{export, ExportOptions, Format};
use crate::graph::NewsGraph;
use crate::model::{ActorKind, Relation, RelationType};
use crate::query::listing::{
    documents as list_documents, relations as list_relations, ActorEntry, DocumentEntry,
    RelationFilter,
};
use crate::query::select::{select, subgraph, SelectOptions};
use crate::query::stats::Stats;
use crate::query::{
    contact_matrix, ego, find_actor, most_contacted, narrow, timeline, top_neighbours, trim,
    walk_types, EgoReport, Index, MatrixReport, PathFinder, PathOptions, PathReport,
    TimelineOptions, TimelineReport, TrimOptions, TypeSet, ViewFilter,
};
use petgraph::stable_graph::NodeIndex;
use serde::Deserialize;
use std::collections::HashSet;
use std::sync::Arc;

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
/// Neighbours an expanded actor adds to a drawing (the closest first).
pub const EXPANDED_NEIGHBOURS: usize = 10;
/// Most actors expanded in one drawing, and most actors in a contact matrix.
pub const MAX_LISTED: usize = 30;
/// Actors a contact matrix shows when none are named: the most contacted.
const MATRIX_TOP: usize = 10;

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
    /// Actor kinds, comma-separated: only relations between actors of these
    /// kinds (the actors asked about excepted).
    pub kinds: Option<String>,
    /// Actors (ids or names) expanded in an actor's drawing, comma-separated:
    /// each adds its closest neighbours.
    pub expand: Option<String>,
    /// The actors of a contact matrix (ids or names), comma-separated.
    pub ids: Option<String>,
    /// With `actor`: only relations between it and this actor.
    pub with: Option<String>,
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

/// The actor kinds of a `kinds` parameter (empty: every kind).
fn kinds_of(p: &Params) -> Answer<Vec<ActorKind>> {
    p.kinds
        .as_deref()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| k.parse().map_err(ApiError::bad))
        .collect()
}

/// The view's filters beyond relation types: dates, document, actor kinds.
fn view_filter(p: &Params) -> Answer<ViewFilter> {
    Ok(ViewFilter {
        since: date("since", &p.since)?,
        until: date("until", &p.until)?,
        doc: p.doc.clone().filter(|d| !d.is_empty()),
        kinds: kinds_of(p)?,
    })
}

/// Actors named in a comma-separated list (ids or names), each once, at most
/// [`MAX_LISTED`].
fn actors_of(s: &Snapshot, list: Option<&str>, what: &str) -> Answer<Vec<NodeIndex>> {
    let mut out = Vec::new();
    for name in list.unwrap_or("").split(',').map(str::trim) {
        if name.is_empty() {
            continue;
        }
        let n = actor_of(s, name)?;
        if !out.contains(&n) {
            out.push(n);
        }
    }
    if out.len() > MAX_LISTED {
        return Err(ApiError::bad(format!(
            "{what}: at most {MAX_LISTED} actors"
        )));
    }
    Ok(out)
}

/// The graph a question runs on: the store, or the store narrowed by the
/// view's filters (dates, document, actor kinds).
enum Scope<'s> {
    Full(&'s Snapshot),
    Narrow(Arc<Narrowed>),
}

impl Scope<'_> {
    fn graph(&self) -> &NewsGraph {
        match self {
            Scope::Full(s) => &s.graph,
            Scope::Narrow(n) => &n.graph,
        }
    }

    fn index(&self) -> &Index {
        match self {
            Scope::Full(s) => &s.index,
            Scope::Narrow(n) => &n.index,
        }
    }

    /// The scope's node of an actor of the store (every actor is in both).
    fn node(&self, s: &Snapshot, n: NodeIndex) -> Answer<NodeIndex> {
        match self {
            Scope::Full(_) => Ok(n),
            Scope::Narrow(x) => x.graph.node(&s.graph.actor(n).id).ok_or_else(|| ApiError {
                status: 500,
                message: "an actor went missing from the filtered view".into(),
            }),
        }
    }
}

/// The store narrowed by `p`'s filters, `asked` exempt from the kind filter;
/// the last narrowed graph is kept for the next question with the same filters.
fn scope<'s>(s: &'s Snapshot, p: &Params, asked: &[NodeIndex]) -> Answer<Scope<'s>> {
    let f = view_filter(p)?;
    if !f.is_some() {
        return Ok(Scope::Full(s));
    }
    // Only the actors asked about that the kind filter would leave out change
    // the narrowed store: when the ends are of the kinds asked for (the usual
    // case), every question with these filters shares one narrowed store.
    let none = HashSet::new();
    let exempt: Vec<NodeIndex> = asked
        .iter()
        .copied()
        .filter(|&n| !f.keeps_actor(&s.graph, n, &none))
        .collect();
    let mut key = format!("{f:?}");
    for &n in &exempt {
        key.push('\u{0}');
        key.push_str(&s.graph.actor(n).id);
    }
    let mut cache = s.narrowed.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((k, n)) = cache.as_ref() {
        if *k == key {
            return Ok(Scope::Narrow(n.clone()));
        }
    }
    let graph = narrow(&s.graph, &s.index, &f, &exempt);
    let index = Index::new(&graph);
    let n = Arc::new(Narrowed { graph, index });
    *cache = Some((key, n.clone()));
    Ok(Scope::Narrow(n))
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

/// `/api/actor/{id}?types=&since=&until=&doc=&kinds=`: the actor's relations
/// with their evidence, in date order (`newsgraph timeline --format json`).
///
/// The filters are answered over the actor's own relations, not by narrowing
/// the store first: on a store of a million relations narrowing takes seconds,
/// and with `kinds` (the actor exempt) it could not be reused for the next actor.
pub fn actor(s: &Snapshot, id: &str, p: &Params) -> Answer<TimelineReport> {
    let a = actor_of(s, id)?;
    let opts = TimelineOptions {
        types: types_of(p)?,
        since: date("since", &p.since)?,
        until: date("until", &p.until)?,
    };
    let f = view_filter(p)?;
    let mut edges = timeline(&s.graph, &s.index, a, &opts);
    if f.is_some() {
        let asked = HashSet::from([a]);
        edges.retain(|&e| f.keeps(&s.graph, &s.index, e, &asked));
    }
    Ok(TimelineReport::new(&s.graph, &s.index, a, &edges))
}

/// `/api/neighbors/{id}?depth=&types=&since=&until=&doc=&kinds=`: the ego
/// network (`newsgraph neighbors --format json`).
pub fn neighbors(s: &Snapshot, id: &str, p: &Params) -> Answer<EgoReport> {
    let full = actor_of(s, id)?;
    let sc = scope(s, p, &[full])?;
    let a = sc.node(s, full)?;
    let types = types_of(p)?;
    let depth = p.depth.unwrap_or(1).min(MAX_DEPTH);
    let e = ego(sc.graph(), sc.index(), a, depth, TypeSet::of(&types));
    Ok(EgoReport::new(sc.graph(), &e, &types))
}

/// `/api/path?from=&to=&k=&types=&via=&max_hops=&since=&until=&doc=&kinds=`:
/// the shortest path, or the k shortest (`newsgraph path --format json`);
/// over events unless `via=affiliation`.
pub fn path(s: &Snapshot, p: &Params) -> Answer<PathReport> {
    let fa = actor_of(s, required("from", &p.from)?)?;
    let fb = actor_of(s, required("to", &p.to)?)?;
    let sc = scope(s, p, &[fa, fb])?;
    let (g, idx) = (sc.graph(), sc.index());
    let (a, b) = (sc.node(s, fa)?, sc.node(s, fb)?);
    let opts = PathOptions {
        types: walk_types(&types_of(p)?, via_affiliation(p)?),
        directed: false,
        max_hops: p.max_hops,
    };
    let mut finder = PathFinder::new(idx);
    let filtered = p.types.is_some() || view_filter(p)?.is_some();
    let no_path = || {
        ApiError::not_found(format!(
            "no path between {} and {}{}",
            g.actor(a).name,
            g.actor(b).name,
            if filtered {
                " with these filters"
            } else if p.via.is_none() {
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
            Ok(PathReport::several(g, idx, a, b, &paths, true, &opts))
        }
        _ => {
            let path = finder.shortest(a, b, &opts).ok_or_else(no_path)?;
            Ok(PathReport::shortest(g, idx, a, b, &path, &opts))
        }
    }
}

/// `/api/relations?types=&actor=&with=&since=&until=&doc=&kinds=&limit=`:
/// stored relations (`newsgraph relations --format json`, with its filters'
/// meaning), the first `limit` (default 500). `with` keeps those between
/// `actor` and it; `kinds` those between actors of these kinds (`actor` and
/// `with` excepted).
pub fn relations(s: &Snapshot, p: &Params) -> Answer<Vec<Relation>> {
    let named = |v: &Option<String>| -> Answer<Option<NodeIndex>> {
        match v.as_deref().filter(|a| !a.is_empty()) {
            Some(a) => Ok(Some(actor_of(s, a)?)),
            None => Ok(None),
        }
    };
    let filter = RelationFilter {
        types: types_of(p)?,
        actor: named(&p.actor)?,
        since: date("since", &p.since)?,
        until: date("until", &p.until)?,
        doc: p.doc.clone().filter(|d| !d.is_empty()),
    };
    let with = named(&p.with)?;
    if with.is_some() && filter.actor.is_none() {
        return Err(ApiError::bad("with needs actor"));
    }
    let kinds = ViewFilter {
        kinds: kinds_of(p)?,
        ..Default::default()
    };
    let asked: HashSet<NodeIndex> = filter.actor.iter().chain(with.iter()).copied().collect();
    let g = &s.graph;
    let limit = p.limit.unwrap_or(RELATIONS_LIMIT).min(10_000);
    Ok(list_relations(g, &filter)
        .into_iter()
        .filter(|&e| {
            let Some((a, b)) = g.graph.edge_endpoints(e) else {
                return false;
            };
            kinds.keeps_actor(g, a, &asked)
                && kinds.keeps_actor(g, b, &asked)
                && with.is_none_or(|w| w == a || w == b)
        })
        .take(limit)
        .map(|e| g.relation(e))
        .collect())
}

/// `/api/contacts?ids=&types=&via=&since=&until=&doc=&kinds=&limit=`: who
/// contacted whom among the actors named (or the `limit` most contacted,
/// default 10), over calls, meetings and visits unless `types` says otherwise
/// (`newsgraph contacts --matrix --format json`).
pub fn contacts(s: &Snapshot, p: &Params) -> Answer<MatrixReport> {
    let mut types = types_of(p)?;
    if types.is_empty() {
        types = vec![RelationType::Call, RelationType::Meet, RelationType::Visit];
    }
    if via_affiliation(p)? && !types.contains(&RelationType::Affiliation) {
        types.push(RelationType::Affiliation);
    }
    let set = TypeSet::of(&types);
    let named = actors_of(s, p.ids.as_deref(), "ids")?;
    let sc = scope(s, p, &named)?;
    let actors = if named.is_empty() {
        let n = p.limit.unwrap_or(MATRIX_TOP).clamp(1, MAX_LISTED);
        most_contacted(sc.graph(), sc.index(), n, set)
    } else {
        named
            .iter()
            .map(|&n| sc.node(s, n))
            .collect::<Answer<Vec<_>>>()?
    };
    let m = contact_matrix(sc.index(), &actors, set);
    Ok(MatrixReport::new(sc.graph(), &m, &types))
}

/// `/api/documents`: the documents loaded (`newsgraph documents --format json`).
pub fn documents(s: &Snapshot) -> Vec<DocumentEntry> {
    list_documents(&s.graph)
}

/// `/api/stats`: what the store holds (`newsgraph stats --format json`).
pub fn stats(s: &Snapshot) -> Stats {
    Stats::new(&s.graph, &s.path)
}

/// `/api/svg/actor/{id}?depth=&types=&expand=&since=&until=&doc=&kinds=`: the
/// actor's ego network drawn, at most [`DRAWN_ACTORS`] actors (the best
/// connected) besides the expanded ones and their closest neighbours, the
/// centre highlighted.
pub fn svg_actor(s: &Snapshot, id: &str, p: &Params) -> Answer<String> {
    svg_text(export_actor(s, id, p, Format::Svg)?)
}

/// The actor's drawn view (as [`svg_actor`] draws it) in `format`.
pub fn export_actor(s: &Snapshot, id: &str, p: &Params, format: Format) -> Answer<Vec<u8>> {
    let full = actor_of(s, id)?;
    let expand = actors_of(s, p.expand.as_deref(), "expand")?;
    let mut asked = vec![full];
    asked.extend(&expand);
    let sc = scope(s, p, &asked)?;
    let g = sc.graph();
    let a = sc.node(s, full)?;
    let types = types_of(p)?;
    let sel = SelectOptions {
        types: types.clone(),
        focus: vec![a],
        depth: Some(p.depth.unwrap_or(1).clamp(1, MAX_DEPTH)),
        ..Default::default()
    };
    let mut selected = select(g, &sel)?;
    let mut keep = vec![g.actor(a).id.clone()];
    if !expand.is_empty() {
        // Each expanded actor and its closest neighbours join the drawing.
        let set = TypeSet::of(&types);
        let mut members: HashSet<NodeIndex> = selected
            .graph
            .actors()
            .iter()
            .filter_map(|x| g.node(&x.id))
            .collect();
        for &x in &expand {
            // Neighbours not drawn yet: expanding adds to the view.
            let x = sc.node(s, x)?;
            members.insert(x);
            let new = top_neighbours(g, sc.index(), x, EXPANDED_NEIGHBOURS, set, &members);
            keep.push(g.actor(x).id.clone());
            keep.extend(new.iter().map(|&n| g.actor(n).id.clone()));
            members.extend(new);
        }
        selected.graph = subgraph(g, &members, set);
    }
    view(selected, keep, format)
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

/// `/api/svg/path?from=&to=&types=&via=&since=&until=&doc=&kinds=`: the
/// shortest path highlighted among the actors around it (at most [`DRAWN_ACTORS`]).
pub fn svg_path(s: &Snapshot, p: &Params) -> Answer<String> {
    svg_text(export_path(s, p, Format::Svg)?)
}

/// The path's drawn view (as [`svg_path`] draws it) in `format`.
pub fn export_path(s: &Snapshot, p: &Params, format: Format) -> Answer<Vec<u8>> {
    let fa = actor_of(s, required("from", &p.from)?)?;
    let fb = actor_of(s, required("to", &p.to)?)?;
    let sc = scope(s, p, &[fa, fb])?;
    let sel = SelectOptions {
        types: types_of(p)?,
        depth: Some(1),
        path: Some((sc.node(s, fa)?, sc.node(s, fb)?)),
        via_affiliation: via_affiliation(p)?,
        ..Default::default()
    };
    view(select(sc.graph(), &sel)?, Vec::new(), format)
}

/// A selection trimmed to [`DRAWN_ACTORS`] (`keep` and the highlight kept)
/// in `format`: SVG drawn with Graphviz when installed, else the embedded
/// renderer; DOT, GraphML or node-link JSON of the same actors and relations.
fn view(
    selected: crate::query::select::Selected,
    mut keep: Vec<String>,
    format: Format,
) -> Answer<Vec<u8>> {
    keep.extend(selected.highlight.actors.iter().cloned());
    let t = trim(
        &selected.graph,
        &TrimOptions {
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
            narrowed: Default::default(),
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

    #[test]
    fn filters_narrow_every_question() {
        let s = snap();
        // land is a person in the test graph: "country" leaves nothing to walk.
        let e = path(
            &s,
            &params(&[("from", "ann"), ("to", "cy"), ("kinds", "country")]),
        )
        .unwrap_err();
        assert_eq!(e.status, 404);
        assert!(e.message.contains("with these filters"), "{}", e.message);
        let p = path(
            &s,
            &params(&[("from", "ann"), ("to", "cy"), ("kinds", "person")]),
        )
        .unwrap();
        match p {
            PathReport::Shortest { hops, .. } => assert_eq!(hops.len(), 3),
            other => panic!("one path: {other:?}"),
        }
        let t = actor(&s, "bob", &params(&[("doc", "elsewhere")])).unwrap();
        assert!(t.relations.is_empty());
        let t = actor(&s, "bob", &params(&[("doc", "d")])).unwrap();
        assert_eq!(t.relations.len(), 2);
        assert_eq!(
            actor(&s, "bob", &params(&[("kinds", "ship")]))
                .unwrap_err()
                .status,
            400
        );
        let r = relations(&s, &params(&[("actor", "bob"), ("with", "dee")])).unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].source.as_str(), r[0].target.as_str()), ("bob", "dee"));
        assert_eq!(
            relations(&s, &params(&[("with", "dee")]))
                .unwrap_err()
                .status,
            400
        );
    }

    #[test]
    fn contact_matrix_of_named_or_most_contacted_actors() {
        let s = snap();
        let m = contacts(&s, &params(&[("ids", "ann,bob,dee")])).unwrap();
        assert_eq!(m.matrix, [[0, 1, 0], [0, 0, 1], [0, 0, 0]]);
        let m = contacts(&s, &params(&[("ids", "ann,land"), ("via", "affiliation")])).unwrap();
        assert_eq!(m.matrix, [[0, 1], [0, 0]]);
        let top = contacts(&s, &params(&[("limit", "2")])).unwrap();
        assert_eq!(top.actors.len(), 2);
        let e = contacts(&s, &params(&[("ids", "ann,nobody")])).unwrap_err();
        assert_eq!(e.status, 404);
    }

    #[test]
    fn expanding_an_actor_draws_its_neighbours() {
        let s = snap();
        let plain =
            String::from_utf8(export_actor(&s, "ann", &Params::default(), Format::Json).unwrap())
                .unwrap();
        assert!(!plain.contains("\"dee\""), "{plain}");
        let grown = String::from_utf8(
            export_actor(&s, "ann", &params(&[("expand", "bob")]), Format::Json).unwrap(),
        )
        .unwrap();
        assert!(grown.contains("\"dee\""), "{grown}");
    }
}
