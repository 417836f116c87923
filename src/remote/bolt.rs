//! Neo4j and Memgraph over Bolt, with the neo4rs driver (built with the `bolt`
//! cargo feature: the driver brings an async runtime, which the default build
//! does without). The same statements as for FalkorDB, in the Neo4j dialect,
//! with the data as Bolt parameters.
//!
//! Tested against FalkorDB's own Bolt endpoint only; not against a live Neo4j
//! or Memgraph (none was at hand): see docs/scaling-out.md.

use super::{Address, Rows, Stats};
use crate::cypher::{Statement, Value};
use crate::error::{Error, Result};
use neo4rs::{BoltList, BoltMap, BoltNull, BoltString, BoltType, ConfigBuilder, Graph};
use std::collections::HashMap;

/// A connection to a Bolt server (one database).
pub struct Client {
    rt: tokio::runtime::Runtime,
    graph: Graph,
    display: String,
}

/// A parameter value as Bolt sends it.
fn bolt(v: &Value) -> BoltType {
    match v {
        Value::Null => BoltType::Null(BoltNull),
        Value::Bool(b) => BoltType::from(*b),
        Value::Int(i) => BoltType::from(*i),
        Value::Str(s) => BoltType::from(s.as_str()),
        Value::List(items) => BoltType::List(BoltList {
            value: items.iter().map(bolt).collect(),
        }),
        Value::Map(fields) => BoltType::Map(BoltMap {
            value: fields
                .iter()
                .map(|(k, x)| (BoltString::from(*k), bolt(x)))
                .collect::<HashMap<_, _>>(),
        }),
    }
}

impl Client {
    /// Connects and logs in (user and password from the URL, else
    /// `$NEO4J_USERNAME` / `$NEO4J_PASSWORD`, else `neo4j` and no password).
    pub fn connect(addr: &Address, db: Option<&str>) -> Result<Client> {
        let Address::Bolt {
            url,
            user,
            password,
        } = addr
        else {
            return Err(Error::Invalid(format!(
                "{}: not a bolt:// address",
                addr.display()
            )));
        };
        let fail = |reason: String| Error::Server {
            url: url.clone(),
            reason,
        };
        let user = user
            .clone()
            .or_else(|| std::env::var("NEO4J_USERNAME").ok())
            .unwrap_or_else(|| "neo4j".into());
        let password = password
            .clone()
            .or_else(|| std::env::var("NEO4J_PASSWORD").ok())
            .unwrap_or_default();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| fail(format!("cannot start the Bolt client: {e}")))?;
        let mut cfg = ConfigBuilder::default()
            .uri(url.as_str())
            .user(user)
            .password(password)
            .max_connections(1)
            .fetch_size(2000);
        if let Some(d) = db {
            cfg = cfg.db(d);
        }
        let config = cfg.build().map_err(|e| fail(e.to_string()))?;
        let graph = rt
            .block_on(Graph::connect(config))
            .map_err(|e| fail(format!("cannot connect: {e}")))?;
        let display = match db {
            Some(d) => format!("{url} database {d}"),
            None => url.clone(),
        };
        Ok(Client { rt, graph, display })
    }

    /// The address, for messages.
    pub fn display(&self) -> String {
        self.display.clone()
    }

    /// Runs a statement; reads the rows of its `row` column (every read query
    /// of ours returns one list per row as `row`). Bolt's result summary
    /// (counters) is not exposed by the driver: the stats stay uncounted.
    pub fn run(&mut self, st: &Statement) -> Result<Rows> {
        let mut q = neo4rs::query(&st.query);
        for (k, v) in &st.params {
            q = q.param(k, bolt(v));
        }
        let graph = &self.graph;
        let display = &self.display;
        let fail = |e: String| Error::Server {
            url: display.clone(),
            reason: e,
        };
        self.rt.block_on(async {
            let mut stream = graph.execute(q).await.map_err(|e| fail(e.to_string()))?;
            let mut rows = Rows {
                columns: vec!["row".into()],
                rows: Vec::new(),
                stats: Stats::default(),
            };
            while let Some(row) = stream.next().await.map_err(|e| fail(e.to_string()))? {
                if let Ok(v) = row.get::<serde_json::Value>("row") {
                    rows.rows.push(vec![v]);
                }
            }
            Ok(rows)
        })
    }

    /// Deletes every node newsgraph writes (actors, documents) with their
    /// relationships, in batches (one transaction per batch).
    pub fn delete_all(&mut self) -> Result<()> {
        for label in [crate::cypher::ACTOR_LABEL, crate::cypher::DOCUMENT_LABEL] {
            loop {
                let st = Statement {
                    query: format!(
                        "MATCH (n:{label}) WITH n LIMIT 10000 DETACH DELETE n RETURN [count(n)] AS row"
                    ),
                    params: Vec::new(),
                    part: crate::cypher::Part::Prune,
                    items: 0,
                };
                let r = self.run(&st)?;
                let n = r
                    .rows
                    .first()
                    .and_then(|r| r.first())
                    .and_then(|l| l.get(0))
                    .and_then(serde_json::Value::as_u64)
                    .unwrap_or(0);
                if n == 0 {
                    break;
                }
            }
        }
        Ok(())
    }
}
