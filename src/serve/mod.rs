//! `newsgraph serve`: the relationship explorer, a read-only web app over a
//! store. The page (our own HTML, CSS and JavaScript, compiled into the
//! binary) searches actors, shows an actor's network and its relations with
//! their evidence, and finds paths; it asks a JSON API that scripts can call
//! too (see [`api`]), whose answers are the library's report types.
//!
//! The server reads nothing but the store (reopened when it changes, see
//! [`state`]) and its embedded assets; it answers GET only, refuses bodies,
//! URLs over [`MAX_URI`] bytes and Host headers other than its own address
//! (a web page elsewhere cannot reach it through a rebound DNS name), and
//! gives up on an answer after [`ANSWER_TIME`].

pub mod api;
pub mod state;

use crate::export::Format;
use api::{ApiError, Params};
use axum::extract::{DefaultBodyLimit, Path as UrlPath, Query, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use state::{Snapshot, StoreView};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// Longest request URL accepted, in bytes: room for an actor id made of a
/// 10 KB name, percent-encoded.
pub const MAX_URI: usize = 64 * 1024;
/// Longest an answer may take before the request fails (503).
pub const ANSWER_TIME: Duration = Duration::from_secs(20);

/// The page and its assets, served from the binary.
const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const APP_CSS: &str = include_str!("assets/app.css");

/// What the page may load: its own script and style, and nothing else (the
/// drawings are inserted as parsed SVG, never as markup with scripts).
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A bound server, ready to run.
pub struct Server {
    listener: std::net::TcpListener,
    view: Arc<StoreView>,
}

/// Opens the store at `store` (which must exist and be readable) and binds
/// `addr` (e.g. `127.0.0.1:8080`; port 0 picks a free port).
pub fn bind(store: &Path, addr: &str) -> crate::Result<Server> {
    if !store.exists() {
        return Err(crate::Error::Invalid(format!(
            "{}: no store here yet (run `newsgraph load` first)",
            store.display()
        )));
    }
    let view = Arc::new(StoreView::open(store)?);
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| crate::Error::Invalid(format!("cannot listen on {addr}: {e}")))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| crate::Error::Invalid(format!("cannot listen on {addr}: {e}")))?;
    Ok(Server { listener, view })
}

impl Server {
    /// The address the server listens on (with the port chosen when 0 was asked).
    pub fn local_addr(&self) -> crate::Result<SocketAddr> {
        self.listener
            .local_addr()
            .map_err(|e| crate::Error::Invalid(format!("no local address: {e}")))
    }

    /// Serves until the process ends.
    pub fn run(self) -> crate::Result<()> {
        let addr = self.local_addr()?;
        let fail = |e: std::io::Error| crate::Error::Invalid(format!("server on {addr}: {e}"));
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(fail)?;
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(self.listener)?;
            axum::serve(listener, router(self.view, addr)).await
        })
        .map_err(fail)
    }
}

/// The routes: the page, its assets and the API.
fn router(view: Arc<StoreView>, addr: SocketAddr) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { asset(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { asset(APP_CSS, "text/css; charset=utf-8") }),
        )
        .route(
            "/api/search",
            get(|State(v): State<Arc<StoreView>>, Query(p): Query<Params>| {
                answer(v, move |s| api::search(s, &p))
            }),
        )
        .route(
            "/api/actor/{id}",
            get(
                |State(v): State<Arc<StoreView>>,
                 UrlPath(id): UrlPath<String>,
                 Query(p): Query<Params>| {
                    answer(v, move |s| api::actor(s, &id, &p))
                },
            ),
        )
        .route(
            "/api/neighbors/{id}",
            get(
                |State(v): State<Arc<StoreView>>,
                 UrlPath(id): UrlPath<String>,
                 Query(p): Query<Params>| {
                    answer(v, move |s| api::neighbors(s, &id, &p))
                },
            ),
        )
        .route(
            "/api/path",
            get(|State(v): State<Arc<StoreView>>, Query(p): Query<Params>| {
                answer(v, move |s| api::path(s, &p))
            }),
        )
        .route(
            "/api/relations",
            get(|State(v): State<Arc<StoreView>>, Query(p): Query<Params>| {
                answer(v, move |s| api::relations(s, &p))
            }),
        )
        .route(
            "/api/contacts",
            get(|State(v): State<Arc<StoreView>>, Query(p): Query<Params>| {
                answer(v, move |s| api::contacts(s, &p))
            }),
        )
        .route(
            "/api/documents",
            get(|State(v): State<Arc<StoreView>>| answer(v, |s| Ok(api::documents(s)))),
        )
        .route(
            "/api/stats",
            get(|State(v): State<Arc<StoreView>>| answer(v, |s| Ok(api::stats(s)))),
        )
        .route(
            "/api/svg/actor/{id}",
            get(
                |State(v): State<Arc<StoreView>>,
                 UrlPath(id): UrlPath<String>,
                 Query(p): Query<Params>| {
                    drawing(v, move |s| api::svg_actor(s, &id, &p))
                },
            ),
        )
        .route(
            "/api/svg/path",
            get(|State(v): State<Arc<StoreView>>, Query(p): Query<Params>| {
                drawing(v, move |s| api::svg_path(s, &p))
            }),
        )
        .route(
            "/api/export/actor/{id}",
            get(
                |State(v): State<Arc<StoreView>>,
                 UrlPath(id): UrlPath<String>,
                 Query(p): Query<Params>| {
                    download(v, p, move |s, p, f| api::export_actor(s, &id, p, f))
                },
            ),
        )
        .route(
            "/api/export/path",
            get(|State(v): State<Arc<StoreView>>, Query(p): Query<Params>| {
                download(v, p, api::export_path)
            }),
        )
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such page") })
        .layer(DefaultBodyLimit::max(0))
        .layer(axum::middleware::from_fn(move |req, next| {
            guard(req, next, addr)
        }))
        .with_state(view)
}

/// Refuses what the explorer never asks: other methods, bodies, long URLs,
/// and Host headers naming another server.
async fn guard(req: Request, next: Next, addr: SocketAddr) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        return error(StatusCode::METHOD_NOT_ALLOWED, "read-only: GET only");
    }
    if req.uri().to_string().len() > MAX_URI {
        return error(StatusCode::URI_TOO_LONG, "the request URL is too long");
    }
    let has_body = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v != "0")
        || req.headers().contains_key(header::TRANSFER_ENCODING);
    if has_body {
        return error(StatusCode::PAYLOAD_TOO_LARGE, "requests carry no body");
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if !host_allowed(host, addr) {
        return error(StatusCode::MISDIRECTED_REQUEST, "unknown Host");
    }
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// Whether a Host header names this server: its address, or `localhost` on
/// its port when it listens on loopback; anything when it listens on every
/// interface (the user chose to be reachable by any name).
fn host_allowed(host: &str, addr: SocketAddr) -> bool {
    if addr.ip().is_unspecified() {
        return true;
    }
    let port = addr.port();
    let ip = match addr {
        SocketAddr::V4(a) => a.ip().to_string(),
        SocketAddr::V6(a) => format!("[{}]", a.ip()),
    };
    let mut names = vec![ip];
    if addr.ip().is_loopback() {
        names.push("localhost".into());
    }
    names
        .iter()
        .any(|n| host == format!("{n}:{port}") || (port == 80 && host == n))
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// `{"error": "..."}` with a status.
fn error(status: StatusCode, message: &str) -> Response {
    #[derive(Serialize)]
    struct Failure<'a> {
        error: &'a str,
    }
    let body = serde_json::to_string(&Failure { error: message }).unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Runs a question on the current store off the async threads, within
/// [`ANSWER_TIME`].
async fn run_on<T: Send + 'static>(
    view: Arc<StoreView>,
    f: impl FnOnce(&Snapshot) -> api::Answer<T> + Send + 'static,
) -> Result<T, Response> {
    let job = tokio::task::spawn_blocking(move || {
        let snap = view.current().map_err(ApiError::from)?;
        f(&snap)
    });
    match tokio::time::timeout(ANSWER_TIME, job).await {
        Err(_) => Err(error(
            StatusCode::SERVICE_UNAVAILABLE,
            "the answer took too long; narrow the question",
        )),
        Ok(Err(_)) => Err(error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the answer failed",
        )),
        Ok(Ok(Err(e))) => Err(error(
            StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            &e.message,
        )),
        Ok(Ok(Ok(t))) => Ok(t),
    }
}

/// A JSON answer.
async fn answer<T: Serialize + Send + 'static>(
    view: Arc<StoreView>,
    f: impl FnOnce(&Snapshot) -> api::Answer<T> + Send + 'static,
) -> Response {
    match run_on(view, f).await {
        Ok(t) => match serde_json::to_string(&t) {
            Ok(body) => (
                [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
                body,
            )
                .into_response(),
            Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, &e.to_string()),
        },
        Err(r) => r,
    }
}

/// An SVG answer.
async fn drawing(
    view: Arc<StoreView>,
    f: impl FnOnce(&Snapshot) -> api::Answer<String> + Send + 'static,
) -> Response {
    match run_on(view, f).await {
        Ok(svg) => ([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response(),
        Err(r) => r,
    }
}

/// The current view as a file to save (`format=svg|dot|graphml|json`).
async fn download(
    view: Arc<StoreView>,
    p: Params,
    f: impl FnOnce(&Snapshot, &Params, Format) -> api::Answer<Vec<u8>> + Send + 'static,
) -> Response {
    let format = match api::download_format(&p) {
        Ok(f) => f,
        Err(e) => return error(StatusCode::BAD_REQUEST, &e.message),
    };
    let kind = match format {
        Format::Svg => "image/svg+xml",
        Format::Graphml => "application/xml",
        Format::Json => "application/json; charset=utf-8",
        _ => "text/vnd.graphviz; charset=utf-8",
    };
    match run_on(view, move |s| f(s, &p, format)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, kind.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"newsgraph.{}\"", format.extension()),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_server_is_named_in_host() {
        let a: SocketAddr = "127.0.0.1:8080".parse().unwrap();
        assert!(host_allowed("127.0.0.1:8080", a));
        assert!(host_allowed("localhost:8080", a));
        assert!(!host_allowed("evil.example:8080", a));
        assert!(!host_allowed("127.0.0.1:9999", a));
        assert!(!host_allowed("", a));
        assert!(host_allowed("anything", "0.0.0.0:80".parse().unwrap()));
        let v6: SocketAddr = "[::1]:81".parse().unwrap();
        assert!(host_allowed("[::1]:81", v6));
    }
}
