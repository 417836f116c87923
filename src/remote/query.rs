//! Questions asked of a server: the server finds the actors, paths and
//! contacts; the answer comes back as a small [`NewsGraph`] holding just what
//! the answer needs (the actors, their relations, the documents those cite), on
//! which the embedded query code runs. So `path` and `contacts` with `--on`
//! print exactly what they print on the embedded store, from the same code.
//!
//! Paths: FalkorDB's `shortestPath` walks one direction only, so undirected
//! shortest paths come from its `algo.SPpaths` procedure (`relDirection:
//! 'both'`); every shortest path it returns (up to [`MAX_PATHS`]) goes into the
//! answer graph, where the embedded path finder picks among them by the same
//! preference (contacts before other events before affiliations).

use super::Server;
use crate::cypher::{self, Dialect, Part, Statement, Value};
use crate::error::{Error, Result};
use crate::graph::NewsGraph;
use crate::model::{Actor, ActorKind, Document, Evidence, Extraction, Relation, RelationType};
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet};

/// Most shortest paths fetched for one question.
pub const MAX_PATHS: usize = 64;
/// Most paths a `--k` or `--all` question enumerates on the server.
pub const MAX_ENUMERATED: usize = 10_000;
/// Most actors a name lookup fetches.
const MAX_CANDIDATES: usize = 200;

const ACTOR_COLUMNS: &str = "a.id, a.name, a.kind, a.country, a.aliases";
const RELATION_COLUMNS: &str = "s.id, t.id, r.type, r.cameo, r.date, r.planned, r.doc, r.sentence, r.start, r.`end`, r.trigger, r.text, r.rule, r.ord";

fn statement(query: String, params: Vec<(&'static str, Value)>) -> Statement {
    Statement {
        query,
        params,
        part: Part::Schema,
        items: 0,
    }
}

/// Runs a read query whose RETURN is one list per row (`RETURN [x, y] AS row`:
/// every server returns that alike, where column names and order differ) and
/// returns the lists.
fn read_rows(
    server: &mut Server,
    query: String,
    params: Vec<(&'static str, Value)>,
) -> Result<Vec<Vec<Json>>> {
    let rows = server.read(&statement(query, params))?;
    Ok(rows
        .rows
        .into_iter()
        .filter_map(|mut r| match r.pop() {
            Some(Json::Array(items)) if r.is_empty() => Some(items),
            _ => None,
        })
        .collect())
}

/// The node keys of ids (see [`cypher::node_key`]).
fn keys(ids: &[String]) -> Value {
    Value::List(
        ids.iter()
            .map(|id| Value::Str(cypher::node_key(id)))
            .collect(),
    )
}

/// The node key of an id.
fn key(id: &str) -> Value {
    Value::Str(cypher::node_key(id))
}

fn s(j: &Json) -> String {
    j.as_str().unwrap_or_default().to_string()
}

fn opt(j: &Json) -> Option<String> {
    j.as_str().map(str::to_string)
}

/// A document from a `[id, path, date, title, url, ...]` row of the server.
fn document_of_row(r: &[Json]) -> Option<Document> {
    (r.len() >= 5).then(|| Document {
        id: s(&r[0]),
        path: s(&r[1]),
        date: opt(&r[2]),
        title: opt(&r[3]),
        url: opt(&r[4]),
    })
}

fn num(j: &Json) -> usize {
    j.as_u64().unwrap_or(0) as usize
}

fn actor_of(row: &[Json]) -> Option<Actor> {
    let kind: ActorKind = row.get(2)?.as_str()?.parse().ok()?;
    Some(Actor {
        id: s(row.first()?),
        name: s(row.get(1)?),
        kind,
        country: opt(row.get(3)?),
        aliases: row
            .get(4)?
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
    })
}

fn relation_of(row: &[Json]) -> Option<Relation> {
    let kind: RelationType = row.get(2)?.as_str()?.parse().ok()?;
    Some(Relation {
        source: s(row.first()?),
        target: s(row.get(1)?),
        kind,
        cameo: opt(row.get(3)?),
        date: opt(row.get(4)?),
        planned: row.get(5)?.as_bool().unwrap_or(false),
        evidence: Evidence {
            doc: s(row.get(6)?),
            sentence: num(row.get(7)?),
            start: num(row.get(8)?),
            end: num(row.get(9)?),
            trigger: s(row.get(10)?),
            text: s(row.get(11)?),
            rule: opt(row.get(12)?),
        },
    })
}

/// What an answer graph is built from.
#[derive(Default)]
struct Answer {
    actors: BTreeMap<String, Actor>,
    /// Relations with their position in the store's edge order.
    relations: Vec<(u64, Relation)>,
    seen_keys: BTreeSet<String>,
}

impl Answer {
    fn add_relation_rows(&mut self, rows: Vec<Vec<Json>>) {
        for row in rows {
            // The key (last column) says whether a relation came twice.
            let key = row.last().map(s).unwrap_or_default();
            if !key.is_empty() && !self.seen_keys.insert(key) {
                continue;
            }
            let ord = row.get(13).and_then(Json::as_u64).unwrap_or(u64::MAX);
            if let Some(r) = relation_of(&row) {
                self.relations.push((ord, r));
            }
        }
    }

    /// Fetches the actors named by the relations (and `extra`), and the
    /// documents the relations cite, and builds the graph.
    fn build(mut self, server: &mut Server, extra: &[String]) -> Result<NewsGraph> {
        let mut ids: BTreeSet<String> = extra.iter().cloned().collect();
        for (_, r) in &self.relations {
            ids.insert(r.source.clone());
            ids.insert(r.target.clone());
        }
        let missing: Vec<String> = ids
            .into_iter()
            .filter(|id| !self.actors.contains_key(id))
            .collect();
        for a in actors_by_id(server, &missing)? {
            self.actors.insert(a.id.clone(), a);
        }
        let docs: BTreeSet<String> = self
            .relations
            .iter()
            .map(|(_, r)| r.evidence.doc.clone())
            .collect();
        let documents = documents_by_id(server, &docs.into_iter().collect::<Vec<_>>())?;
        // Edges in the store's order, so that ties break as they do there.
        self.relations.sort_by_key(|(ord, _)| *ord);
        Ok(NewsGraph::from_extraction(Extraction {
            documents,
            actors: self.actors.into_values().collect(),
            relations: self.relations.into_iter().map(|(_, r)| r).collect(),
        }))
    }
}

/// The actors with these ids.
pub fn actors_by_id(server: &mut Server, ids: &[String]) -> Result<Vec<Actor>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let a = cypher::ACTOR_LABEL;
    let rows = read_rows(
        server,
        format!("UNWIND $keys AS k MATCH (a:{a} {{key: k}}) RETURN [{ACTOR_COLUMNS}] AS row"),
        vec![("keys", keys(ids))],
    )?;
    Ok(rows.iter().filter_map(|r| actor_of(r)).collect())
}

/// The documents with these ids, in load order.
fn documents_by_id(server: &mut Server, ids: &[String]) -> Result<Vec<Document>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let d = cypher::DOCUMENT_LABEL;
    let rows = read_rows(
        server,
        format!("UNWIND $keys AS k MATCH (d:{d} {{key: k}}) WITH d ORDER BY d.seq RETURN [d.id, d.path, d.date, d.title, d.url, d.seq] AS row"),
        vec![("keys", keys(ids))],
    )?;
    let mut docs: Vec<Document> = rows.iter().filter_map(|r| document_of_row(r)).collect();
    // A relation citing a document the server lacks still needs it listed.
    for id in ids {
        if !docs.iter().any(|d| &d.id == id) {
            docs.push(Document {
                id: id.clone(),
                path: String::new(),
                date: None,
                title: None,
                url: None,
            });
        }
    }
    Ok(docs)
}

/// Checks that the graph exists (a question on a missing graph is a mistake,
/// not an empty answer).
pub fn check_graph(server: &mut Server) -> Result<()> {
    match server {
        Server::FalkorDb(c) => {
            if !c.exists()? {
                return Err(Error::Server {
                    url: c.display(),
                    reason: "no such graph on the server (run `newsgraph push` first)".into(),
                });
            }
            Ok(())
        }
        #[cfg(feature = "bolt")]
        Server::Bolt(_) => Ok(()),
    }
}

/// The actor a user means by `name`, looked up on the server the way the
/// embedded store looks names up: an exact id, else the actors whose name or
/// alias contains the typed words, among which the embedded rules choose (an
/// exact name or alias first; several matches are ambiguous).
pub fn resolve(server: &mut Server, name: &str) -> Result<Actor> {
    let a = cypher::ACTOR_LABEL;
    let by_id = actors_by_id(server, &[name.to_string()])?;
    if let Some(x) = by_id.into_iter().next() {
        return Ok(x);
    }
    let form = cypher::search_form(name);
    let mut candidates = Vec::new();
    if !form.trim().is_empty() {
        let rows = read_rows(
        server,
            format!("MATCH (a:{a}) WHERE any(f IN a.search WHERE f = $form) RETURN [{ACTOR_COLUMNS}] AS row LIMIT {MAX_CANDIDATES}"),
            vec![("form", Value::Str(form.clone()))],
        )?;
        candidates.extend(rows.iter().filter_map(|r| actor_of(r)));
        let rows = read_rows(
        server,
            format!("MATCH (a:{a}) WHERE any(f IN a.search WHERE f CONTAINS $form) RETURN [{ACTOR_COLUMNS}] AS row LIMIT {MAX_CANDIDATES}"),
            vec![("form", Value::Str(form))],
        )?;
        for x in rows.iter().filter_map(|r| actor_of(r)) {
            if !candidates.iter().any(|c: &Actor| c.id == x.id) {
                candidates.push(x);
            }
        }
    }
    if candidates.is_empty() {
        // Nothing contains the typed words: fetch names sharing a word's first
        // three letters, among which the embedded rules find "did you mean"s.
        let mut prefixes: Vec<String> = Vec::new();
        for w in cypher::search_form(name)
            .split(' ')
            .filter(|w| w.chars().count() >= 3)
        {
            let p: String = w.chars().take(3).collect();
            if !prefixes.contains(&p) {
                prefixes.push(format!(" {p}"));
            }
        }
        for p in prefixes {
            let rows = read_rows(
        server,
                format!("MATCH (a:{a}) WHERE any(f IN a.search WHERE f CONTAINS $p) RETURN [{ACTOR_COLUMNS}] AS row LIMIT {MAX_CANDIDATES}"),
                vec![("p", Value::Str(p))],
            )?;
            for x in rows.iter().filter_map(|r| actor_of(r)) {
                if !candidates.iter().any(|c: &Actor| c.id == x.id) {
                    candidates.push(x);
                }
            }
        }
    }
    candidates.sort_by(|a, b| a.id.cmp(&b.id));
    let g = NewsGraph::from_extraction(Extraction {
        documents: Vec::new(),
        actors: candidates,
        relations: Vec::new(),
    });
    let n = crate::query::find_actor(&g, name)?;
    Ok(g.actor(n).clone())
}

/// The relationship pattern of some relation types (`:CALL|MEET`), empty for all.
fn type_pattern(types: &[RelationType]) -> String {
    if types.is_empty() || types.len() == RelationType::ALL.len() {
        return String::new();
    }
    let names: Vec<&str> = types.iter().map(|&t| cypher::rel_type(t)).collect();
    format!(":{}", names.join("|"))
}

/// Fetches every relation between consecutive actors of the paths (both
/// directions, every type: the answer's "also" lists need them).
fn relations_along(server: &mut Server, paths: &[Vec<String>]) -> Result<Answer> {
    let mut pairs: BTreeSet<(String, String)> = BTreeSet::new();
    for p in paths {
        for w in p.windows(2) {
            pairs.insert((w[0].clone(), w[1].clone()));
            pairs.insert((w[1].clone(), w[0].clone()));
        }
    }
    let mut answer = Answer::default();
    let a = cypher::ACTOR_LABEL;
    let pairs: Vec<(String, String)> = pairs.into_iter().collect();
    for chunk in pairs.chunks(2000) {
        let list = Value::List(
            chunk
                .iter()
                .map(|(x, y)| Value::List(vec![key(x), key(y)]))
                .collect(),
        );
        let rows = read_rows(
        server,
            format!("UNWIND $pairs AS p MATCH (s:{a} {{key: p[0]}})-[r]->(t:{a} {{key: p[1]}}) RETURN [{RELATION_COLUMNS}, r.key] AS row"),
            vec![("pairs", list)],
        )?;
        answer.add_relation_rows(rows);
    }
    Ok(answer)
}

/// How many paths a path question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathMode {
    /// The shortest path.
    Shortest,
    /// Every path up to a number of hops (for `--k` and `--all`).
    UpTo(usize),
}

/// The answer graph of a path question between actor ids `a` and `b`: the
/// actors on the server's shortest paths (or on every path up to a length)
/// and every relation between consecutive ones. Empty of relations when no
/// path exists.
pub fn path_graph(
    server: &mut Server,
    a: &str,
    b: &str,
    types: &[RelationType],
    directed: bool,
    max_hops: Option<usize>,
    mode: PathMode,
) -> Result<NewsGraph> {
    let label = cypher::ACTOR_LABEL;
    let params = || vec![("a", key(a)), ("b", key(b))];
    let paths: Vec<Vec<String>> = if a == b {
        Vec::new()
    } else {
        let query = match (mode, server.dialect()) {
            (PathMode::Shortest, Dialect::FalkorDb) => {
                let mut cfg = format!(
                    "sourceNode: a, targetNode: b, relDirection: '{}', pathCount: {MAX_PATHS}",
                    if directed { "outgoing" } else { "both" }
                );
                if !types.is_empty() {
                    let names: Vec<String> = types
                        .iter()
                        .map(|&t| format!("'{}'", cypher::rel_type(t)))
                        .collect();
                    cfg.push_str(&format!(", relTypes: [{}]", names.join(", ")));
                }
                if let Some(m) = max_hops {
                    cfg.push_str(&format!(", maxLen: {m}"));
                }
                format!("MATCH (a:{label} {{key: $a}}), (b:{label} {{key: $b}}) CALL algo.SPpaths({{{cfg}}}) YIELD path RETURN [[n IN nodes(path) | n.id]] AS row")
            }
            (PathMode::Shortest, _) => {
                let arrow = if directed { "->" } else { "-" };
                let hops = max_hops.map_or(String::new(), |m| format!("..{m}"));
                format!("MATCH (a:{label} {{key: $a}}), (b:{label} {{key: $b}}) MATCH p = allShortestPaths((a)-[{}*{hops}]{arrow}(b)) RETURN [[n IN nodes(p) | n.id]] AS row LIMIT {MAX_PATHS}", type_pattern(types))
            }
            (PathMode::UpTo(h), _) => {
                let arrow = if directed { "->" } else { "-" };
                format!("MATCH (a:{label} {{key: $a}}), (b:{label} {{key: $b}}) MATCH p = (a)-[{}*1..{h}]{arrow}(b) RETURN [[n IN nodes(p) | n.id]] AS row LIMIT {MAX_ENUMERATED}", type_pattern(types))
            }
        };
        let rows = read_rows(server, query, params())?;
        rows.iter()
            .filter_map(|r| r.first()?.as_array().map(|ns| ns.iter().map(s).collect()))
            .collect()
    };
    let answer = relations_along(server, &paths)?;
    answer.build(server, &[a.to_string(), b.to_string()])
}

/// The answer graph of a contacts question: the actor, every relation of the
/// given types it is an end of, and the actors at their other ends.
pub fn contacts_graph(server: &mut Server, id: &str, types: &[RelationType]) -> Result<NewsGraph> {
    let a = cypher::ACTOR_LABEL;
    let mut answer = Answer::default();
    for q in [
        format!(
            "MATCH (s:{a} {{key: $k}})-[r{}]->(t:{a}) RETURN [{RELATION_COLUMNS}, r.key] AS row",
            type_pattern(types)
        ),
        format!(
            "MATCH (s:{a})-[r{}]->(t:{a} {{key: $k}}) RETURN [{RELATION_COLUMNS}, r.key] AS row",
            type_pattern(types)
        ),
    ] {
        let rows = read_rows(server, q, vec![("k", key(id))])?;
        answer.add_relation_rows(rows);
    }
    answer.build(server, &[id.to_string()])
}

/// The answer graph of a contact matrix: the actors (by id) and the relations
/// of the given types among them.
pub fn matrix_graph(
    server: &mut Server,
    ids: &[String],
    types: &[RelationType],
) -> Result<NewsGraph> {
    let a = cypher::ACTOR_LABEL;
    let mut answer = Answer::default();
    let rows = read_rows(
        server,
        format!("UNWIND $keys AS k MATCH (s:{a} {{key: k}})-[r{}]->(t:{a}) WHERE t.key IN $keys RETURN [{RELATION_COLUMNS}, r.key] AS row", type_pattern(types)),
        vec![("keys", keys(ids))],
    )?;
    answer.add_relation_rows(rows);
    answer.build(server, ids)
}

/// The ids of the `n` actors with the most relations of the given types
/// (either direction), most first, ties by name then id.
pub fn most_contacted(
    server: &mut Server,
    n: usize,
    types: &[RelationType],
) -> Result<Vec<String>> {
    let a = cypher::ACTOR_LABEL;
    let rows = read_rows(
        server,
        format!("MATCH (a:{a})-[r{}]-(:{a}) WITH a, count(r) AS k ORDER BY k DESC, a.name, a.id LIMIT {n} RETURN [a.id, k] AS row", type_pattern(types)),
        Vec::new(),
    )?;
    Ok(rows.iter().filter_map(|r| r.first().map(s)).collect())
}

/// The whole graph on the server, read back: documents in load order, actors,
/// relations in the store's edge order. (What `push` wrote, for checking a
/// push or taking a graph back into an embedded store.)
pub fn read_graph(server: &mut Server) -> Result<NewsGraph> {
    let (a, d) = (cypher::ACTOR_LABEL, cypher::DOCUMENT_LABEL);
    let docs = read_rows(
        server,
        format!("MATCH (d:{d}) WITH d ORDER BY d.seq RETURN [d.id, d.path, d.date, d.title, d.url, d.seq] AS row"),
        Vec::new(),
    )?;
    let documents = docs.iter().filter_map(|r| document_of_row(r)).collect();
    let mut answer = Answer::default();
    for row in read_rows(
        server,
        format!("MATCH (a:{a}) RETURN [{ACTOR_COLUMNS}] AS row"),
        Vec::new(),
    )? {
        if let Some(x) = actor_of(&row) {
            answer.actors.insert(x.id.clone(), x);
        }
    }
    let rows = read_rows(
        server,
        format!("MATCH (s:{a})-[r]->(t:{a}) RETURN [{RELATION_COLUMNS}, r.key] AS row"),
        Vec::new(),
    )?;
    answer.add_relation_rows(rows);
    answer.relations.sort_by_key(|(ord, _)| *ord);
    Ok(NewsGraph::from_extraction(Extraction {
        documents,
        actors: answer.actors.into_values().collect(),
        relations: answer.relations.into_iter().map(|(_, r)| r).collect(),
    }))
}
