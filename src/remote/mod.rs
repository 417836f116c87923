//! Graph database servers: push the graph to one ([`push`]) and ask it the
//! questions the embedded store answers ([`query`]).
//!
//! Two wire protocols: the Redis protocol for FalkorDB (`redis://`, always
//! built in: [`falkordb`]) and Bolt for Neo4j and Memgraph (`bolt://`,
//! `neo4j://`, built with the `bolt` cargo feature). Both send the statements
//! of one generator, [`crate::cypher`], with the data as parameters.

pub mod falkordb;
pub mod query;
mod resp;

#[cfg(feature = "bolt")]
pub mod bolt;

use crate::cypher::{self, Dialect, Part, Statement};
use crate::error::{Error, Result};
use crate::graph::NewsGraph;
use serde_json::Value as Json;
use std::time::Instant;

/// Where a server is, parsed from a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A Redis-protocol server with the FalkorDB module:
    /// `redis://[[USER]:PASSWORD@]HOST[:PORT][/DB]`.
    Redis {
        /// Host name or address.
        host: String,
        /// Port (default 6379).
        port: u16,
        /// User for `AUTH` (Redis 6 ACLs), if any.
        user: Option<String>,
        /// Password for `AUTH`, if any.
        password: Option<String>,
        /// Database number for `SELECT`, if any.
        db: Option<u32>,
    },
    /// A Bolt server (Neo4j, Memgraph): `bolt://[USER[:PASSWORD]@]HOST[:PORT]`
    /// (also `neo4j://`, `bolt+s://`, `neo4j+s://`).
    Bolt {
        /// The URL without user and password.
        url: String,
        /// User (default `neo4j`, or `$NEO4J_USERNAME`).
        user: Option<String>,
        /// Password (or `$NEO4J_PASSWORD`).
        password: Option<String>,
    },
}

/// Decodes `%XX` escapes (user names and passwords in URLs).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl Address {
    /// Parses a server URL.
    pub fn parse(url: &str) -> Result<Address> {
        let invalid = |why: &str| Error::Invalid(format!("{}: {why}", redact(url)));
        let (scheme, rest) = url.split_once("://").ok_or_else(|| {
            invalid("not a server URL (expected redis://HOST:PORT or bolt://HOST:PORT)")
        })?;
        let scheme = scheme.to_ascii_lowercase();
        let (userinfo, hostpart) = match rest.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, rest),
        };
        let (user, password) = match userinfo {
            None => (None, None),
            Some(u) => match u.split_once(':') {
                Some((user, pass)) => (
                    (!user.is_empty()).then(|| percent_decode(user)),
                    Some(percent_decode(pass)),
                ),
                None => ((!u.is_empty()).then(|| percent_decode(u)), None),
            },
        };
        let (hostport, path) = match hostpart.split_once('/') {
            Some((h, p)) => (h, p),
            None => (hostpart, ""),
        };
        let (host, port) = split_host_port(hostport).map_err(|e| invalid(&e))?;
        match scheme.as_str() {
            "redis" | "falkordb" | "falkor" => {
                let db = match path.trim_end_matches('/') {
                    "" => None,
                    p => Some(p.parse::<u32>().map_err(|_| {
                        invalid(&format!("{p:?} is not a database number"))
                    })?),
                };
                Ok(Address::Redis {
                    host,
                    port: port.unwrap_or(6379),
                    user,
                    password,
                    db,
                })
            }
            "rediss" => Err(invalid(
                "TLS (rediss://) is not supported; reach the server through a TLS tunnel (e.g. stunnel) on a local redis:// port",
            )),
            "bolt" | "neo4j" | "bolt+s" | "neo4j+s" | "bolt+ssc" | "neo4j+ssc" => {
                let url = format!(
                    "{scheme}://{}:{}",
                    if host.contains(':') { format!("[{host}]") } else { host.clone() },
                    port.unwrap_or(7687)
                );
                Ok(Address::Bolt {
                    url,
                    user,
                    password,
                })
            }
            other => Err(invalid(&format!(
                "unknown scheme {other:?} (expected redis:// for FalkorDB or bolt:// for Neo4j and Memgraph)"
            ))),
        }
    }

    /// The address as shown in messages (never with a password).
    pub fn display(&self) -> String {
        match self {
            Address::Redis { host, port, db, .. } => {
                let host = if host.contains(':') {
                    format!("[{host}]")
                } else {
                    host.clone()
                };
                match db {
                    Some(d) => format!("redis://{host}:{port}/{d}"),
                    None => format!("redis://{host}:{port}"),
                }
            }
            Address::Bolt { url, .. } => url.clone(),
        }
    }
}

/// "host:port", "[::1]:port", "host" → host and port.
fn split_host_port(s: &str) -> std::result::Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(rest) = s.strip_prefix('[') {
        let (h, after) = rest
            .split_once(']')
            .ok_or_else(|| "unclosed [ in the host".to_string())?;
        (h.to_string(), after.strip_prefix(':'))
    } else {
        match s.rsplit_once(':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (s.to_string(), None),
        }
    };
    if host.is_empty() {
        return Err("no host".into());
    }
    let port = match port {
        None | Some("") => None,
        Some(p) => Some(
            p.parse::<u16>()
                .map_err(|_| format!("{p:?} is not a port number"))?,
        ),
    };
    Ok((host, port))
}

/// A URL with any password replaced by `***` (for error messages).
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(a)) if a > s => {
            let userinfo = &url[s + 3..a];
            match userinfo.split_once(':') {
                Some((u, _)) => format!("{}{u}:***{}", &url[..s + 3], &url[a..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// What write statements changed on the server.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Nodes created.
    pub nodes_created: u64,
    /// Nodes deleted.
    pub nodes_deleted: u64,
    /// Relationships created.
    pub relationships_created: u64,
    /// Relationships deleted.
    pub relationships_deleted: u64,
    /// Properties set to a new value.
    pub properties_set: u64,
    /// Labels added.
    pub labels_added: u64,
    /// Labels removed.
    pub labels_removed: u64,
    /// Whether the server reported these counts (Bolt through neo4rs does not).
    pub counted: bool,
}

impl Stats {
    /// Adds another statement's counts.
    pub fn add(&mut self, o: &Stats) {
        self.nodes_created += o.nodes_created;
        self.nodes_deleted += o.nodes_deleted;
        self.relationships_created += o.relationships_created;
        self.relationships_deleted += o.relationships_deleted;
        self.properties_set += o.properties_set;
        self.labels_added += o.labels_added;
        self.labels_removed += o.labels_removed;
        self.counted |= o.counted;
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        Stats {
            counted: false,
            ..*self
        } == Stats::default()
    }
}

/// The result of a query: column names, rows of values, and what it changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rows {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows; values as JSON (null, booleans, numbers, strings, lists, maps).
    pub rows: Vec<Vec<Json>>,
    /// What the statement changed.
    pub stats: Stats,
}

/// An open connection to one graph on a server.
pub enum Server {
    /// FalkorDB over the Redis protocol.
    FalkorDb(falkordb::Client),
    /// Neo4j or Memgraph over Bolt.
    #[cfg(feature = "bolt")]
    Bolt(bolt::Client),
}

impl Server {
    /// Connects to a server URL; `graph` names the graph (FalkorDB key) or the
    /// database (Neo4j; `None`: the server's default).
    pub fn connect(url: &str, graph: Option<&str>) -> Result<Server> {
        match Address::parse(url)? {
            a @ Address::Redis { .. } => Ok(Server::FalkorDb(falkordb::Client::connect(
                &a,
                graph.unwrap_or(DEFAULT_GRAPH),
            )?)),
            #[cfg(feature = "bolt")]
            a @ Address::Bolt { .. } => Ok(Server::Bolt(bolt::Client::connect(&a, graph)?)),
            #[cfg(not(feature = "bolt"))]
            a @ Address::Bolt { .. } => Err(Error::Invalid(format!(
                "{}: this newsgraph was built without Bolt support (Neo4j, Memgraph); rebuild with `cargo install --features bolt` or `cargo build --release --features bolt`",
                a.display()
            ))),
        }
    }

    /// The server's address, for messages.
    pub fn display(&self) -> String {
        match self {
            Server::FalkorDb(c) => c.display(),
            #[cfg(feature = "bolt")]
            Server::Bolt(c) => c.display(),
        }
    }

    /// The Cypher dialect the server speaks.
    pub fn dialect(&self) -> Dialect {
        match self {
            Server::FalkorDb(_) => Dialect::FalkorDb,
            #[cfg(feature = "bolt")]
            Server::Bolt(_) => Dialect::Neo4j,
        }
    }

    /// Whether the graph exists (FalkorDB: a key of that name; a Bolt database
    /// always exists once connected).
    pub fn exists(&mut self) -> Result<bool> {
        match self {
            Server::FalkorDb(c) => c.exists(),
            #[cfg(feature = "bolt")]
            Server::Bolt(_) => Ok(true),
        }
    }

    /// Deletes the whole graph: FalkorDB drops the key; on Bolt servers every
    /// node newsgraph writes (actors, documents) goes, with its relationships.
    pub fn delete_graph(&mut self) -> Result<()> {
        match self {
            Server::FalkorDb(c) => c.delete_graph(),
            #[cfg(feature = "bolt")]
            Server::Bolt(c) => c.delete_all(),
        }
    }

    /// Runs one statement (read or write) and returns its rows.
    pub fn run(&mut self, st: &Statement) -> Result<Rows> {
        match self {
            Server::FalkorDb(c) => c.run(st, false),
            #[cfg(feature = "bolt")]
            Server::Bolt(c) => c.run(st),
        }
    }

    /// Runs a read-only query (FalkorDB: `GRAPH.RO_QUERY`, which replicas serve).
    pub fn read(&mut self, st: &Statement) -> Result<Rows> {
        match self {
            Server::FalkorDb(c) => c.run(st, true),
            #[cfg(feature = "bolt")]
            Server::Bolt(c) => c.run(st),
        }
    }

    /// Runs write statements in order, reporting each one done; FalkorDB
    /// pipelines them (the next batch is encoded and sent while the server
    /// runs the previous one).
    pub fn run_all(
        &mut self,
        statements: &mut dyn Iterator<Item = Statement>,
        done: &mut dyn FnMut(&Statement),
    ) -> Result<Stats> {
        match self {
            Server::FalkorDb(c) => c.run_all(statements, done),
            #[cfg(feature = "bolt")]
            Server::Bolt(c) => {
                let mut total = Stats::default();
                for st in statements {
                    total.add(&c.run(&st)?.stats);
                    done(&st);
                }
                Ok(total)
            }
        }
    }
}

/// The graph name used when none is given.
pub const DEFAULT_GRAPH: &str = "newsgraph";

/// Options of [`push`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PushOptions {
    /// Rows per statement.
    pub batch: usize,
    /// Delete what the graph holds from another store (elements with another
    /// snapshot): the server's graph becomes a mirror of the store.
    pub prune: bool,
}

impl Default for PushOptions {
    fn default() -> Self {
        PushOptions {
            batch: DEFAULT_BATCH,
            prune: true,
        }
    }
}

/// Rows per statement of a push: measured on FalkorDB, 2,000 to 10,000 rows per
/// statement load a million relations at the same speed; fewer make more round
/// trips, more make the server parse one long parameter string.
pub const DEFAULT_BATCH: usize = 5000;

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PushReport {
    /// Documents sent.
    pub documents: usize,
    /// Actors sent.
    pub actors: usize,
    /// Relations sent.
    pub relations: usize,
    /// Statements run.
    pub statements: usize,
    /// What changed on the server (nothing on a second push of the same store).
    pub stats: Stats,
    /// The store's fingerprint, on every element written.
    pub snapshot: String,
    /// Seconds the push took.
    pub seconds: f64,
    /// The server already held exactly this store (every actor, relation and
    /// document, each carrying this snapshot): nothing was sent.
    pub up_to_date: bool,
}

/// Sends a graph to a server: the indexes first (actor ids, document ids), then
/// documents, actors and relations in batched, parameterized `UNWIND ... MERGE`
/// statements, then (with `prune`) deletes what an older store left. `progress`
/// is called with each part and the number of items it just wrote.
pub fn push(
    g: &NewsGraph,
    server: &mut Server,
    opts: &PushOptions,
    progress: &mut dyn FnMut(Part, usize),
) -> Result<PushReport> {
    let t0 = Instant::now();
    let snapshot = cypher::fingerprint(g);
    let mut report = PushReport {
        snapshot: snapshot.clone(),
        ..Default::default()
    };
    if opts.prune && holds(server, g, &snapshot)? {
        report.up_to_date = true;
        report.stats.counted = true;
        report.seconds = t0.elapsed().as_secs_f64();
        return Ok(report);
    }
    match server {
        Server::FalkorDb(c) => c.ensure_indexes()?,
        #[cfg(feature = "bolt")]
        Server::Bolt(_) => {
            for st in cypher::schema(server.dialect()) {
                server.run(&st)?;
            }
        }
    }
    let batch = opts.batch.max(1);
    let mut statements = cypher::document_statements(g, batch, &snapshot)
        .into_iter()
        .chain(cypher::actor_statements(g, batch, &snapshot))
        .chain(cypher::relation_statements(g, batch, &snapshot));
    let mut count = |st: &Statement| {
        match st.part {
            Part::Documents => report.documents += st.items,
            Part::Actors => report.actors += st.items,
            Part::Relations => report.relations += st.items,
            _ => {}
        }
        report.statements += 1;
        progress(st.part, st.items);
    };
    let stats = server.run_all(&mut statements, &mut count)?;
    report.stats = stats;
    if opts.prune {
        for st in cypher::prune_statements(&snapshot) {
            let r = server.run(&st)?;
            report.stats.add(&r.stats);
            report.statements += 1;
            progress(Part::Prune, 0);
        }
    }
    report.seconds = t0.elapsed().as_secs_f64();
    Ok(report)
}

/// Whether the server holds exactly this store already: as many actors,
/// relations and documents as the store, every one carrying its snapshot (a
/// second push of an unchanged store then costs a few counting scans instead
/// of a million MERGEs).
fn holds(server: &mut Server, g: &NewsGraph, snapshot: &str) -> Result<bool> {
    if !server.exists()? {
        return Ok(false);
    }
    let want = (
        g.actor_count() as u64,
        g.relation_count() as u64,
        g.documents.len() as u64,
    );
    if counts(server)? != want {
        return Ok(false);
    }
    Ok(counts_where(server, Some(snapshot))? == want)
}

/// Counts on the server: actors, relations and documents of the graph (none
/// when the graph does not exist).
pub fn counts(server: &mut Server) -> Result<(u64, u64, u64)> {
    if !server.exists()? {
        return Ok((0, 0, 0));
    }
    counts_where(server, None)
}

/// Counts of the elements carrying a snapshot (all of them when `None`).
fn counts_where(server: &mut Server, snapshot: Option<&str>) -> Result<(u64, u64, u64)> {
    let (filter, params) = match snapshot {
        Some(s) => (
            " WHERE x.snapshot = $snapshot",
            vec![("snapshot", cypher::Value::Str(s.to_string()))],
        ),
        None => ("", Vec::new()),
    };
    let one = |server: &mut Server, q: String| -> Result<u64> {
        let r = server.read(&Statement {
            query: q,
            params: params.clone(),
            part: Part::Schema,
            items: 0,
        })?;
        // `RETURN [count(x)] AS row`: one list column, read alike on every server.
        Ok(r.rows
            .first()
            .and_then(|row| row.first())
            .and_then(|l| l.get(0))
            .and_then(Json::as_u64)
            .unwrap_or(0))
    };
    let a = cypher::ACTOR_LABEL;
    let d = cypher::DOCUMENT_LABEL;
    Ok((
        one(
            server,
            format!("MATCH (x:{a}){filter} RETURN [count(x)] AS row"),
        )?,
        one(
            server,
            format!("MATCH (:{a})-[x]->(:{a}){filter} RETURN [count(x)] AS row"),
        )?,
        one(
            server,
            format!("MATCH (x:{d}){filter} RETURN [count(x)] AS row"),
        )?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_with_defaults_and_never_show_passwords() {
        assert_eq!(
            Address::parse("redis://127.0.0.1:6380").unwrap(),
            Address::Redis {
                host: "127.0.0.1".into(),
                port: 6380,
                user: None,
                password: None,
                db: None
            }
        );
        let a = Address::parse("redis://bob:p%40ss:w@localhost/2").unwrap();
        assert_eq!(
            a,
            Address::Redis {
                host: "localhost".into(),
                port: 6379,
                user: Some("bob".into()),
                password: Some("p@ss:w".into()),
                db: Some(2)
            }
        );
        assert_eq!(a.display(), "redis://localhost:6379/2");
        let a = Address::parse("redis://:secret@[::1]:7000").unwrap();
        assert!(
            matches!(&a, Address::Redis { host, port: 7000, password: Some(p), .. } if host == "::1" && p == "secret")
        );
        assert_eq!(a.display(), "redis://[::1]:7000");
        assert!(matches!(
            Address::parse("bolt://neo4j:pw@db.example:7688").unwrap(),
            Address::Bolt { url, user: Some(u), password: Some(p) } if url == "bolt://db.example:7688" && u == "neo4j" && p == "pw"
        ));
        for bad in [
            "localhost:6379",
            "http://x",
            "redis://:1/x",
            "redis://h:99999",
            "rediss://h",
        ] {
            let e = Address::parse(bad).unwrap_err().to_string();
            assert!(!e.is_empty());
        }
        let e = Address::parse("ftp://u:hunter2@h").unwrap_err().to_string();
        assert!(!e.contains("hunter2"), "{e}");
        assert_eq!(redact("redis://u:hunter2@h:1"), "redis://u:***@h:1");
    }
}
