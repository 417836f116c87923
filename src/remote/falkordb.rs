//! FalkorDB over the Redis protocol: `GRAPH.QUERY graph "CYPHER p=v ... query"
//! --compact`, replies decoded from FalkorDB's compact result format (every
//! value tagged with its type).

use super::resp::{Connection, Reply};
use super::{Address, Rows, Stats};
use crate::cypher::{self, Dialect, Statement};
use crate::error::{Error, Result};
use serde_json::{Map, Value as Json};
use std::time::Duration;

/// How long connecting may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A connection to one graph of a FalkorDB server.
pub struct Client {
    conn: Connection,
    graph: String,
    display: String,
}

// Value types of FalkorDB's compact result format.
const T_NULL: i64 = 1;
const T_STRING: i64 = 2;
const T_INTEGER: i64 = 3;
const T_BOOLEAN: i64 = 4;
const T_DOUBLE: i64 = 5;
const T_ARRAY: i64 = 6;
const T_MAP: i64 = 10;

impl Client {
    /// Connects, authenticates and selects the database the address names,
    /// and checks that the server has the FalkorDB module.
    pub fn connect(addr: &Address, graph: &str) -> Result<Client> {
        let Address::Redis {
            host,
            port,
            user,
            password,
            db,
        } = addr
        else {
            return Err(Error::Invalid(format!(
                "{}: not a redis:// address",
                addr.display()
            )));
        };
        let display = format!("{} graph {graph}", addr.display());
        let fail = |reason: String| Error::Server {
            url: addr.display(),
            reason,
        };
        let conn = Connection::connect(host, *port, CONNECT_TIMEOUT).map_err(|e| {
            fail(format!(
                "cannot connect: {e} (is the FalkorDB server running there?)"
            ))
        })?;
        let mut c = Client {
            conn,
            graph: graph.to_string(),
            display,
        };
        if let Some(p) = password {
            let mut args: Vec<&[u8]> = vec![b"AUTH"];
            if let Some(u) = user {
                args.push(u.as_bytes());
            }
            args.push(p.as_bytes());
            c.simple(&args)
                .map_err(|e| fail(format!("AUTH failed: {e}")))?;
        }
        if let Some(d) = db {
            c.simple(&[b"SELECT", d.to_string().as_bytes()])
                .map_err(|e| fail(format!("SELECT {d} failed: {e}")))?;
        }
        match c.conn.command(&[b"GRAPH.LIST"]) {
            Ok(Reply::Array(_)) => Ok(c),
            Ok(Reply::Error(e)) if e.to_ascii_lowercase().contains("unknown command") => {
                Err(fail(
                    "this Redis server has no FalkorDB module (GRAPH.QUERY is unknown): start it with --loadmodule falkordb.so".into(),
                ))
            }
            Ok(Reply::Error(e)) => Err(fail(e)),
            Ok(other) => Err(fail(format!("unexpected reply to GRAPH.LIST: {other:?}"))),
            Err(e) => Err(fail(format!("{e}"))),
        }
    }

    /// The address and graph, for messages.
    pub fn display(&self) -> String {
        self.display.clone()
    }

    /// The graph's name (its Redis key).
    pub fn graph(&self) -> &str {
        &self.graph
    }

    fn err(&self, reason: impl Into<String>) -> Error {
        Error::Server {
            url: self.display.clone(),
            reason: reason.into(),
        }
    }

    fn simple(&mut self, args: &[&[u8]]) -> std::result::Result<(), String> {
        match self.conn.command(args) {
            Ok(Reply::Error(e)) => Err(e),
            Ok(_) => Ok(()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Whether the graph exists on the server.
    pub fn exists(&mut self) -> Result<bool> {
        match self.conn.command(&[b"GRAPH.LIST"]) {
            Ok(Reply::Array(Some(items))) => Ok(items.iter().any(|r| match r {
                Reply::Bulk(Some(b)) => b == self.graph.as_bytes(),
                Reply::Simple(s) => *s == self.graph,
                _ => false,
            })),
            Ok(Reply::Array(None)) => Ok(false),
            Ok(Reply::Error(e)) => Err(self.err(e)),
            Ok(other) => Err(self.err(format!("unexpected reply to GRAPH.LIST: {other:?}"))),
            Err(e) => Err(self.err(e.to_string())),
        }
    }

    /// Deletes the whole graph (no error when it does not exist).
    pub fn delete_graph(&mut self) -> Result<()> {
        match self.conn.command(&[b"GRAPH.DELETE", self.graph.as_bytes()]) {
            Ok(Reply::Error(e)) if e.to_ascii_lowercase().contains("empty key") => Ok(()),
            Ok(Reply::Error(e)) if e.to_ascii_lowercase().contains("does not exist") => Ok(()),
            Ok(Reply::Error(e)) => Err(self.err(e)),
            Ok(_) => Ok(()),
            Err(e) => Err(self.err(e.to_string())),
        }
    }

    fn send(&mut self, st: &Statement, read_only: bool) -> Result<()> {
        let cmd: &[u8] = if read_only {
            b"GRAPH.RO_QUERY"
        } else {
            b"GRAPH.QUERY"
        };
        let text = st.falkordb();
        self.conn
            .send(&[cmd, self.graph.as_bytes(), text.as_bytes(), b"--compact"])
            .map_err(|e| self.err(format!("sending a query failed: {e}")))
    }

    fn receive(&mut self, st: &Statement) -> Result<Rows> {
        let reply = self
            .conn
            .read_reply()
            .map_err(|e| self.err(format!("reading a reply failed: {e}")))?;
        decode(reply).map_err(|e| self.err(format!("{e} (query: {})", abbreviate(&st.query))))
    }

    /// Runs one statement.
    pub fn run(&mut self, st: &Statement, read_only: bool) -> Result<Rows> {
        self.send(st, read_only)?;
        self.receive(st)
    }

    /// Runs write statements in order, two in flight: while the server runs
    /// one, the next is encoded and sent.
    pub fn run_all(
        &mut self,
        statements: &mut dyn Iterator<Item = Statement>,
        done: &mut dyn FnMut(&Statement),
    ) -> Result<Stats> {
        let mut total = Stats::default();
        let mut in_flight: Option<Statement> = None;
        for st in statements {
            self.send(&st, false)?;
            if let Some(prev) = in_flight.take() {
                total.add(&self.receive(&prev)?.stats);
                done(&prev);
            }
            in_flight = Some(st);
        }
        if let Some(prev) = in_flight {
            total.add(&self.receive(&prev)?.stats);
            done(&prev);
        }
        Ok(total)
    }

    /// Creates the indexes on actor and document ids unless they exist.
    pub fn ensure_indexes(&mut self) -> Result<()> {
        for st in cypher::schema(Dialect::FalkorDb) {
            match self.run(&st, false) {
                Ok(_) => {}
                Err(Error::Server { reason, .. }) if reason.contains("already indexed") => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// The start of a long query, for error messages.
fn abbreviate(q: &str) -> String {
    let mut s: String = q.chars().take(120).collect();
    if s.len() < q.len() {
        s.push('…');
    }
    s
}

/// Decodes a compact `GRAPH.QUERY` reply: `[stats]` for statements that return
/// nothing, `[header, rows, stats]` otherwise.
fn decode(reply: Reply) -> std::result::Result<Rows, String> {
    let items = match reply {
        Reply::Error(e) => return Err(e),
        Reply::Array(Some(items)) => items,
        other => return Err(format!("unexpected reply {other:?}")),
    };
    let mut rows = Rows::default();
    rows.stats.counted = true;
    let stats = match items.len() {
        1 => &items[0],
        3 => {
            if let Reply::Array(Some(header)) = &items[0] {
                for h in header {
                    // [column type, name]
                    if let Reply::Array(Some(pair)) = h {
                        rows.columns.push(text(pair.get(1)).unwrap_or_default());
                    }
                }
            }
            if let Reply::Array(Some(rs)) = &items[1] {
                for r in rs {
                    let Reply::Array(Some(cells)) = r else {
                        return Err("a result row is not an array".into());
                    };
                    rows.rows.push(
                        cells
                            .iter()
                            .map(value)
                            .collect::<std::result::Result<_, _>>()?,
                    );
                }
            }
            &items[2]
        }
        n => return Err(format!("unexpected reply of {n} parts")),
    };
    if let Reply::Array(Some(lines)) = stats {
        for l in lines {
            if let Reply::Error(e) = l {
                return Err(e.clone());
            }
            if let Some(t) = text(Some(l)) {
                add_stat(&mut rows.stats, &t);
            }
        }
    } else if let Reply::Error(e) = stats {
        return Err(e.clone());
    }
    Ok(rows)
}

/// Adds one statistics line ("Nodes created: 3") to the counts.
fn add_stat(s: &mut Stats, line: &str) {
    let Some((what, n)) = line.split_once(':') else {
        return;
    };
    let Ok(n) = n.trim().parse::<u64>() else {
        return;
    };
    match what.trim() {
        "Nodes created" => s.nodes_created += n,
        "Nodes deleted" => s.nodes_deleted += n,
        "Relationships created" => s.relationships_created += n,
        "Relationships deleted" => s.relationships_deleted += n,
        "Properties set" => s.properties_set += n,
        "Labels added" => s.labels_added += n,
        "Labels removed" => s.labels_removed += n,
        _ => {}
    }
}

fn text(r: Option<&Reply>) -> Option<String> {
    match r? {
        Reply::Bulk(Some(b)) => Some(String::from_utf8_lossy(b).into_owned()),
        Reply::Simple(s) => Some(s.clone()),
        Reply::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// Decodes one compact value `[type, value]`.
fn value(r: &Reply) -> std::result::Result<Json, String> {
    let Reply::Array(Some(pair)) = r else {
        return Err(format!("a result value is not [type, value]: {r:?}"));
    };
    let (Some(Reply::Int(t)), v) = (pair.first(), pair.get(1)) else {
        return Err(format!("a result value has no type: {r:?}"));
    };
    Ok(match *t {
        T_NULL => Json::Null,
        T_STRING => Json::String(text(v).unwrap_or_default()),
        T_INTEGER => match v {
            Some(Reply::Int(i)) => Json::from(*i),
            _ => return Err("an integer value is not an integer".into()),
        },
        T_BOOLEAN => Json::Bool(text(v).as_deref() == Some("true")),
        T_DOUBLE => text(v)
            .and_then(|s| s.parse::<f64>().ok())
            .and_then(serde_json::Number::from_f64)
            .map_or(Json::Null, Json::Number),
        T_ARRAY => match v {
            Some(Reply::Array(Some(items))) => {
                Json::Array(items.iter().map(value).collect::<std::result::Result<_, _>>()?)
            }
            _ => Json::Array(Vec::new()),
        },
        T_MAP => {
            let mut m = Map::new();
            if let Some(Reply::Array(Some(items))) = v {
                for kv in items.chunks(2) {
                    if let [k, x] = kv {
                        m.insert(text(Some(k)).unwrap_or_default(), value(x)?);
                    }
                }
            }
            Json::Object(m)
        }
        other => {
            return Err(format!(
                "result values of type {other} (nodes, edges, paths, points) are not read; return their properties"
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bulk(s: &str) -> Reply {
        Reply::Bulk(Some(s.as_bytes().to_vec()))
    }
    fn arr(v: Vec<Reply>) -> Reply {
        Reply::Array(Some(v))
    }
    fn tv(t: i64, v: Reply) -> Reply {
        arr(vec![Reply::Int(t), v])
    }

    #[test]
    fn compact_replies_decode_to_json() {
        let reply = arr(vec![
            arr(vec![arr(vec![Reply::Int(1), bulk("a.id")])]),
            arr(vec![arr(vec![
                tv(2, bulk("x'\n")),
                tv(3, Reply::Int(7)),
                tv(4, bulk("true")),
                tv(5, bulk("2.5")),
                tv(6, arr(vec![tv(2, bulk("a")), tv(1, Reply::Bulk(None))])),
                tv(10, arr(vec![bulk("k"), tv(3, Reply::Int(1))])),
            ])]),
            arr(vec![
                bulk("Nodes created: 2"),
                bulk("Relationships deleted: 5"),
            ]),
        ]);
        let rows = decode(reply).unwrap();
        assert_eq!(rows.columns, ["a.id"]);
        assert_eq!(
            Json::Array(rows.rows[0].clone()),
            serde_json::json!(["x'\n", 7, true, 2.5, ["a", null], {"k": 1}])
        );
        assert_eq!(rows.stats.nodes_created, 2);
        assert_eq!(rows.stats.relationships_deleted, 5);
        assert!(decode(Reply::Error("boom".into())).is_err());
        assert!(decode(arr(vec![
            arr(vec![]),
            arr(vec![arr(vec![tv(8, arr(vec![]))])]),
            arr(vec![])
        ]))
        .is_err());
    }
}
