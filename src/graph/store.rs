//! The embedded store: the graph persisted to one file, guarded by a lock file.
//!
//! # Format, version 3 (written by this program)
//!
//! A binary file, all integers little-endian:
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `NGSTORE\0` |
//! | 4 | format version (`3`) |
//! | 4 | flags (`0`) |
//! | 8 | payload length in bytes |
//! | 4 | CRC-32 (IEEE) of the payload |
//! | 4 | reserved (`0`) |
//!
//! The payload is a sequence of sections, each a `u64` count then its records:
//!
//! 1. **graph strings**: count n, then n `u64` end offsets, then the UTF-8 text
//!    (string i spans from end i−1 to end i). Evidence sentences, triggers, rules,
//!    dates, CAMEO codes and the forms of sightings live here, each once.
//! 2. **other strings**: the same layout, for document, actor, log and alias-entry
//!    fields.
//! 3. **documents**: id, path, date, title, url, content hash, source: seven
//!    `u32` indices into the other strings (1-based; 0 = absent). The source is
//!    what identifies the document on a reload (see
//!    [`NewsGraph::doc_source`]). Version 2 has the first six fields only; it is
//!    still read (its documents have no source) and written as version 3.
//! 4. **actors** (sorted by id): id, name (`u32` other-string indices), kind (`u8`:
//!    0 person, 1 organization, 2 country, 3 place), country (`u32`, 0 = none),
//!    alias count (`u32`), aliases (`u32` each).
//! 5. **relations** (in the graph's edge order): 46 bytes each: source and target (`u32` positions in the actor
//!    section), type (`u8`, in the order of docs/commands.md from 0 = call), planned (`u8`),
//!    sentence, start, end (`u32`), then document, trigger, text, CAMEO code, date,
//!    rule (`u32` graph-string indices, 1-based, 0 = absent).
//! 6. **sightings** (which document named which actor how): document (`u32` graph
//!    string), actor (`u32` position), form count (`u32`), forms (`u32` each).
//! 7. **merge log**: one `u32` other-string index per line.
//! 8. **alias entries**: name (`u32`), kind (`u8`, 255 = unset), country (`u32`),
//!    alias count (`u32`), aliases (`u32` each).
//!
//! # Version 1
//!
//! One JSON object `{"format": "newsgraph-store", "version": 1, "documents",
//! "actors", "relations", "merges"}` in the shapes of `extract --format json`.
//! It is still read; the next write turns it into version 3.
//!
//! # Safety
//!
//! Writes are atomic: the new store goes to a temporary file beside the old one
//! (`.NAME.tmpXXXXXX`), is flushed to disk, renamed over the old one, and the
//! folder is flushed, so a crash at any moment leaves the old store or the new
//! one. Writers take an exclusive lock on `NAME.lock` ([`lock`]) for the whole
//! read-modify-write, so concurrent loads run one after the other and none is lost.
//! Readers need no lock: they see the old file or the new one.

use super::aliases::AliasEntry;
use super::{Edge, NewsGraph, Sighting};
use crate::error::{Error, Result};
use crate::fsio;
use crate::model::{Actor, ActorKind, Document, Relation, RelationType};
use crate::strings::{Strings, Sym};
use petgraph::stable_graph::NodeIndex;
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::Deserialize;
use std::collections::HashSet;
use std::fs::File;
use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Name of the format, written in version 1 (JSON) store files.
pub const FORMAT: &str = "newsgraph-store";
/// Current version of the store format.
pub const VERSION: u32 = 3;
/// The first bytes of a binary (version 2 or later) store.
pub const MAGIC: &[u8; 8] = b"NGSTORE\0";
/// Store path used when none is given (`--store` or `NEWSGRAPH_STORE`).
pub const DEFAULT_PATH: &str = "newsgraph.store";

const HEADER: usize = 32;
const EDGE_BYTES: usize = 46;

/// The store path to use: the explicit one, else `$NEWSGRAPH_STORE`, else the default.
pub fn resolve_path(explicit: Option<&Path>) -> PathBuf {
    explicit
        .map(Path::to_path_buf)
        .or_else(|| std::env::var_os("NEWSGRAPH_STORE").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from(DEFAULT_PATH))
}

/// An exclusive lock on a store, held until dropped.
#[derive(Debug)]
pub struct StoreLock {
    _file: File,
    /// The lock file.
    pub path: PathBuf,
}

/// The lock file of a store: `NAME.lock` beside the real file (links followed,
/// so every path that reaches one store shares its lock). It is never deleted
/// (deleting would let a waiting writer lock a file nobody else sees).
pub fn lock_path(store: &Path) -> PathBuf {
    let store = fsio::real_path(store).unwrap_or_else(|_| store.to_path_buf());
    let mut name = store.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    store.with_file_name(name)
}

/// Takes the store's exclusive lock, waiting for another writer to finish;
/// `waiting` is called once if the lock is busy (to tell the user). Stale
/// temporary files of crashed writers are removed once the lock is held.
///
/// A store the caller may not write is refused before anything else
/// ([`fsio::check_writable`]). The lock file is created with the store's
/// permissions and owner, and opened read-only when it cannot be opened for
/// writing: `flock` needs no write access, so a lock file created by one user
/// never keeps another user of a shared store out.
pub fn lock(store: &Path, waiting: impl FnOnce()) -> Result<StoreLock> {
    fsio::check_writable(store)?;
    let real = fsio::real_path(store)?;
    let path = lock_path(&real);
    let dir = fsio::parent(&real);
    std::fs::create_dir_all(&dir).map_err(|e| fsio::folder_error(store, &dir, e))?;
    let file = open_lock_file(&real, &path)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            waiting();
            file.lock().map_err(|e| Error::io(&path, e))?;
        }
        Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
    }
    remove_stale_temps(&real);
    Ok(StoreLock { _file: file, path })
}

/// Opens (creating if needed) the lock file of the store `real`.
fn open_lock_file(real: &Path, path: &Path) -> Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
        // Whoever may write the store may take its lock: the lock file gets the
        // store's read and write bits (the umask may still narrow them, so they
        // are set again below) and, where allowed, its owner and group.
        let store_meta = std::fs::metadata(real).ok();
        let mode = store_meta.as_ref().map_or(0o644, |m| m.mode() & 0o666);
        o.mode(mode);
        match o.open(path) {
            Ok(f) => {
                if let Some(m) = &store_meta {
                    if let Ok(lm) = f.metadata() {
                        if lm.uid() != m.uid() || lm.gid() != m.gid() {
                            let _ = std::os::unix::fs::fchown(&f, Some(m.uid()), Some(m.gid()));
                        }
                        if lm.mode() & 0o666 != mode {
                            use std::os::unix::fs::PermissionsExt;
                            let _ = f.set_permissions(std::fs::Permissions::from_mode(mode));
                        }
                    }
                }
                Ok(f)
            }
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                File::open(path).map_err(|_| Error::io(path, e))
            }
            Err(e) => Err(Error::io(path, e)),
        }
    }
    #[cfg(not(unix))]
    {
        o.open(path).map_err(|e| Error::io(path, e))
    }
}

/// Temporary files left by a writer that was killed (only called under the lock).
fn remove_stale_temps(store: &Path) {
    let (dir, prefix) = (fsio::parent(store), fsio::temp_prefix(store));
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// Whether `build` may write a fresh store at `path`: yes when nothing is
/// there; with `force` when a readable store is there (it is replaced); never
/// when the file is not a store this program can read (a typo in `--store`
/// must not overwrite a report, and a damaged store may still be repaired).
pub fn check_replace(path: &Path, force: bool) -> Result<()> {
    let real = fsio::real_path(path)?;
    if std::fs::symlink_metadata(&real).is_err() {
        return Ok(());
    }
    fsio::check_writable(path)?;
    let refuse = |why: String| {
        Err(Error::io(
            path,
            std::io::Error::new(std::io::ErrorKind::AlreadyExists, why),
        ))
    };
    match open(&real) {
        Ok(_) if force => Ok(()),
        Ok(g) => refuse(format!(
            "a store with {} documents is already there; give --force to replace it, or `newsgraph load` to add to it",
            g.documents.len()
        )),
        Err(e) => refuse(format!(
            "already exists and is not a readable store, so it is not replaced even with --force ({})",
            crate::error::one_line(&e.to_string())
        )),
    }
}

/// Opens a store (either version); a missing file is an empty graph.
pub fn open(path: &Path) -> Result<NewsGraph> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(NewsGraph::new()),
        Err(e) => return Err(Error::io(path, e)),
    };
    from_bytes(path, bytes)
}

/// Reads a store from its bytes (either version); `path` names it in errors.
/// A damaged file is an error, never a panic (the fuzz targets feed bytes here).
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<NewsGraph> {
    let bad = |reason: String| Error::BadStore {
        path: path.to_path_buf(),
        reason: crate::error::one_line(&reason),
    };
    if bytes.starts_with(MAGIC) {
        return decode(bytes).map_err(bad);
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        return open_v1(&bytes).map_err(bad);
    }
    if bytes.is_empty() {
        return Err(bad("the file is empty".into()));
    }
    Err(bad(
        "unknown format (neither a binary store nor a version 1 JSON store)".into(),
    ))
}

#[derive(Deserialize)]
struct StoreFileV1 {
    format: String,
    version: u32,
    documents: Vec<Document>,
    actors: Vec<Actor>,
    relations: Vec<Relation>,
    #[serde(default)]
    merges: Vec<String>,
}

fn open_v1(bytes: &[u8]) -> std::result::Result<NewsGraph, String> {
    let file: StoreFileV1 = serde_json::from_slice(bytes)
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    if file.format != FORMAT {
        return Err(format!("format is {:?}, expected {FORMAT:?}", file.format));
    }
    if file.version != 1 {
        return Err(format!(
            "JSON store version {} is not 1 (this program reads version 1 JSON and version {VERSION} binary stores)",
            file.version
        ));
    }
    let mut g = NewsGraph::new();
    for d in file.documents {
        g.put_document(d, None);
    }
    g.merges = file.merges;
    for a in file.actors {
        if g.node(&a.id).is_some() {
            return Err(format!("actor id {:?} appears twice", a.id));
        }
        g.add_actor(a);
    }
    // Version 1 kept no sightings: each document that relates an actor is taken
    // to have named it by all its names.
    let mut seen: HashSet<(String, NodeIndex)> = HashSet::new();
    for r in file.relations {
        let (s, t) = (r.source.clone(), r.target.clone());
        let doc = r.evidence.doc.clone();
        if g.add_relation(r).is_none() {
            return Err(format!("relation {s} -> {t} names an unknown actor"));
        }
        for id in [s, t] {
            if let Some(n) = g.node(&id) {
                if seen.insert((doc.clone(), n)) {
                    let a = g.actor(n);
                    let forms: Vec<String> = std::iter::once(&a.name)
                        .chain(&a.aliases)
                        .cloned()
                        .collect();
                    g.add_sighting(&doc, n, &forms);
                }
            }
        }
    }
    Ok(g)
}

// ---------------------------------------------------------------- writing

/// A string table for the fields that are not graph strings.
struct Extras {
    strings: Strings,
}

impl Extras {
    fn put(&mut self, s: &str) -> u32 {
        self.strings.intern(s).to_u32()
    }
    fn opt(&mut self, s: Option<&str>) -> u32 {
        s.map_or(0, |s| self.put(s))
    }
}

fn kind_code(k: ActorKind) -> u8 {
    match k {
        ActorKind::Person => 0,
        ActorKind::Organization => 1,
        ActorKind::Country => 2,
        ActorKind::Place => 3,
    }
}

fn kind_of(c: u8) -> Option<ActorKind> {
    ActorKind::ALL.get(c as usize).copied()
}

fn put_u32(v: &mut Vec<u8>, x: u32) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn put_u64(v: &mut Vec<u8>, x: u64) {
    v.extend_from_slice(&x.to_le_bytes());
}

fn sym(s: Option<Sym>) -> u32 {
    s.map_or(0, Sym::to_u32)
}

/// A writer that computes the CRC of what passes through.
struct Crc<W: Write> {
    inner: W,
    crc: crc32fast::Hasher,
    len: u64,
}

impl<W: Write> Write for Crc<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.crc.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

fn write_table<W: Write>(w: &mut W, s: &Strings) -> std::io::Result<()> {
    let (text, ends) = s.parts();
    w.write_all(&(ends.len() as u64).to_le_bytes())?;
    let mut buf = Vec::with_capacity(ends.len().min(1 << 16) * 8);
    for chunk in ends.chunks(1 << 16) {
        buf.clear();
        for e in chunk {
            buf.extend_from_slice(&e.to_le_bytes());
        }
        w.write_all(&buf)?;
    }
    w.write_all(text.as_bytes())
}

/// Writes the graph's store bytes (header and payload) to `out`.
pub fn encode<W: Write + Seek>(g: &NewsGraph, out: W) -> std::io::Result<W> {
    // Actors in id order; their positions name them in the file.
    let pos = g.node_ranks();
    let mut nodes: Vec<NodeIndex> = g.graph.node_indices().collect();
    nodes.sort_unstable_by_key(|n| pos[n.index()]);
    // Everything but the relations goes into a small body first, to collect the
    // other strings.
    let actor_strings: usize = g.graph.node_weights().map(|a| 3 + a.aliases.len()).sum();
    let mut x = Extras {
        strings: Strings::with_capacity(actor_strings + 6 * g.documents.len() + g.merges.len()),
    };
    let mut body = Vec::new();
    put_u64(&mut body, g.documents.len() as u64);
    for d in &g.documents {
        for f in [
            Some(d.id.as_str()),
            Some(d.path.as_str()),
            d.date.as_deref(),
            d.title.as_deref(),
            d.url.as_deref(),
            g.doc_hash(&d.id),
            g.doc_source(&d.id),
        ] {
            let v = x.opt(f);
            put_u32(&mut body, v);
        }
    }
    put_u64(&mut body, nodes.len() as u64);
    for &n in &nodes {
        let a = &g.graph[n];
        let (id, name) = (x.put(&a.id), x.put(&a.name));
        put_u32(&mut body, id);
        put_u32(&mut body, name);
        body.push(kind_code(a.kind));
        let c = x.opt(a.country.as_deref());
        put_u32(&mut body, c);
        put_u32(&mut body, a.aliases.len() as u32);
        for al in &a.aliases {
            let v = x.put(al);
            put_u32(&mut body, v);
        }
    }
    let mut tail = Vec::new();
    let sightings: Vec<&Sighting> = g
        .sightings
        .iter()
        .filter(|s| g.graph.contains_node(s.node))
        .collect();
    put_u64(&mut tail, sightings.len() as u64);
    for s in sightings {
        put_u32(&mut tail, s.doc.to_u32());
        put_u32(&mut tail, pos[s.node.index()]);
        put_u32(&mut tail, s.forms.len() as u32);
        for f in &s.forms {
            put_u32(&mut tail, f.to_u32());
        }
    }
    put_u64(&mut tail, g.merges.len() as u64);
    for m in &g.merges {
        let v = x.put(m);
        put_u32(&mut tail, v);
    }
    put_u64(&mut tail, g.alias_entries.len() as u64);
    for e in &g.alias_entries {
        let v = x.put(&e.name);
        put_u32(&mut tail, v);
        tail.push(e.kind.map_or(255, kind_code));
        let c = x.opt(e.country.as_deref());
        put_u32(&mut tail, c);
        put_u32(&mut tail, e.aliases.len() as u32);
        for al in &e.aliases {
            let v = x.put(al);
            put_u32(&mut tail, v);
        }
    }

    let mut out = out;
    out.write_all(&[0u8; HEADER])?;
    let mut w = Crc {
        inner: std::io::BufWriter::with_capacity(1 << 20, out),
        crc: crc32fast::Hasher::new(),
        len: 0,
    };
    write_table(&mut w, &g.strings)?;
    write_table(&mut w, &x.strings)?;
    w.write_all(&body)?;
    // Relations in edge order (insertion order, which a reload keeps): walking
    // the edge array in order is several times faster than a sorted walk, and
    // readers sort with `relations()` when they need to.
    w.write_all(&(g.graph.edge_count() as u64).to_le_bytes())?;
    let mut buf = Vec::with_capacity(EDGE_BYTES * 4096);
    let mut edges = (&g.graph).edge_references().peekable();
    while edges.peek().is_some() {
        buf.clear();
        for e in edges.by_ref().take(4096) {
            let (s, t, r) = (e.source(), e.target(), e.weight());
            put_u32(&mut buf, pos[s.index()]);
            put_u32(&mut buf, pos[t.index()]);
            buf.push(r.kind as u8);
            buf.push(u8::from(r.planned));
            for v in [
                r.sentence,
                r.start,
                r.end,
                r.doc.to_u32(),
                r.trigger.to_u32(),
                r.text.to_u32(),
                sym(r.cameo),
                sym(r.date),
                sym(r.rule),
            ] {
                put_u32(&mut buf, v);
            }
        }
        w.write_all(&buf)?;
    }
    w.write_all(&tail)?;
    w.flush()?;
    let (crc, len) = (w.crc.finalize(), w.len);
    let mut out = w.inner.into_inner().map_err(|e| e.into_error())?;
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    put_u32(&mut header, VERSION);
    put_u32(&mut header, 0);
    put_u64(&mut header, len);
    put_u32(&mut header, crc);
    put_u32(&mut header, 0);
    out.seek(SeekFrom::Start(0))?;
    out.write_all(&header)?;
    out.flush()?;
    Ok(out)
}

/// Saves a graph atomically (temporary file, fsync, rename, fsync of the
/// folder; see [`fsio::write_atomic`]): a symbolic link is followed and the file
/// it points to replaced, and the store keeps its permissions and owner.
/// Callers that read, change and save should hold the store's [`lock`].
pub fn save(g: &NewsGraph, path: &Path) -> Result<()> {
    let dir = fsio::parent(&fsio::real_path(path)?);
    std::fs::create_dir_all(&dir).map_err(|e| fsio::folder_error(path, &dir, e))?;
    fsio::write_atomic(path, |f| encode(g, f).map(|_| ()))
}

// ---------------------------------------------------------------- reading

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> std::result::Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| format!("truncated in {what} (byte {})", HEADER + self.at))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self, what: &str) -> std::result::Result<u8, String> {
        Ok(self.take(1, what)?[0])
    }
    fn u32(&mut self, what: &str) -> std::result::Result<u32, String> {
        let s = self.take(4, what)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn u64(&mut self, what: &str) -> std::result::Result<u64, String> {
        let s = self.take(8, what)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(s);
        Ok(u64::from_le_bytes(a))
    }
    /// A count, checked against the bytes left (each record takes at least `min` bytes).
    fn count(&mut self, min: usize, what: &str) -> std::result::Result<usize, String> {
        let n = self.u64(what)?;
        let left = (self.b.len() - self.at) as u64;
        if n.saturating_mul(min as u64) > left {
            return Err(format!("{what}: count {n} exceeds the file"));
        }
        Ok(n as usize)
    }
    /// A string table's end offsets and where its text lies in the payload
    /// (checked for UTF-8 by the caller, who decides whether to copy it).
    fn table_parts(
        &mut self,
        what: &str,
    ) -> std::result::Result<(Vec<u64>, std::ops::Range<usize>), String> {
        let n = self.count(8, what)?;
        let raw = self.take(n * 8, what)?;
        let ends: Vec<u64> = raw
            .chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                u64::from_le_bytes(a)
            })
            .collect();
        let len = ends.last().copied().unwrap_or(0);
        let len = usize::try_from(len).map_err(|_| format!("{what}: too large"))?;
        let start = self.at;
        self.take(len, what)?;
        Ok((ends, start..start + len))
    }

    fn table(&mut self, what: &str) -> std::result::Result<Strings, String> {
        let (ends, range) = self.table_parts(what)?;
        let text = std::str::from_utf8(&self.b[range])
            .map_err(|e| format!("{what}: invalid UTF-8 at byte {}", e.valid_up_to()))?;
        Strings::from_parts(text.to_string(), ends).map_err(|e| format!("{what}: {e}"))
    }
}

/// The string tables of a store being decoded, by which its records name
/// their strings (1-based indices; 0 for an absent optional string).
struct Tables {
    /// Number of graph strings (their text becomes the graph's string table
    /// once everything else is read).
    n_graph: u32,
    /// The other strings (documents, actors, log, alias entries).
    extras: Strings,
}

impl Tables {
    fn gsym(&self, v: u32, what: &str) -> std::result::Result<Sym, String> {
        Sym::from_u32(v)
            .filter(|_| v <= self.n_graph)
            .ok_or_else(|| format!("{what}: bad string index {v}"))
    }

    fn gopt(&self, v: u32, what: &str) -> std::result::Result<Option<Sym>, String> {
        if v == 0 {
            Ok(None)
        } else {
            self.gsym(v, what).map(Some)
        }
    }

    fn xs(&self, v: u32, what: &str) -> std::result::Result<String, String> {
        Sym::from_u32(v)
            .filter(|_| v as usize <= self.extras.len())
            .map(|s| self.extras.get(s).to_string())
            .ok_or_else(|| format!("{what}: bad string index {v}"))
    }

    fn xopt(&self, v: u32, what: &str) -> std::result::Result<Option<String>, String> {
        if v == 0 {
            Ok(None)
        } else {
            self.xs(v, what).map(Some)
        }
    }
}

/// The actor at position `v` of the actor section.
fn node_at(nodes: &[NodeIndex], v: u32) -> std::result::Result<NodeIndex, String> {
    nodes
        .get(v as usize)
        .copied()
        .ok_or_else(|| format!("relation names actor {v} of {}", nodes.len()))
}

/// Checks a version 2 store's header: version, payload length and checksum.
fn check_header(bytes: &[u8]) -> std::result::Result<(), String> {
    if bytes.len() < HEADER {
        return Err("truncated header".into());
    }
    let h = |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
    let version = h(8);
    if version != VERSION && version != 2 {
        return Err(format!(
            "version {version} is not understood by this program (it reads versions 2 to {VERSION} and version 1 JSON)"
        ));
    }
    let mut l = [0u8; 8];
    l.copy_from_slice(&bytes[16..24]);
    let len = u64::from_le_bytes(l);
    let payload = &bytes[HEADER..];
    if payload.len() as u64 != len {
        return Err(format!(
            "truncated or padded: payload is {} bytes, header says {len}",
            payload.len()
        ));
    }
    if crc32fast::hash(payload) != h(24) {
        return Err("checksum mismatch: the file is damaged".into());
    }
    Ok(())
}

fn decode(mut bytes: Vec<u8>) -> std::result::Result<NewsGraph, String> {
    check_header(&bytes)?;
    let mut r = Reader {
        b: &bytes[HEADER..],
        at: 0,
    };
    // The graph strings (most of the file) are not copied: once everything else
    // is read, the file's own buffer becomes the string table.
    let (graph_ends, graph_text) = r.table_parts("graph strings")?;
    let t = Tables {
        n_graph: graph_ends.len() as u32,
        extras: r.table("other strings")?,
    };
    let mut g = NewsGraph::new();
    // Version 2 documents have no source field (check_header let only 2 or 3 in).
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    r.documents(&t, &mut g, version)?;
    let nodes = r.actors(&t, &mut g)?;
    r.relations(&t, &mut g, &nodes)?;
    r.sightings(&t, &mut g, &nodes)?;
    let n_m = r.count(4, "merge log")?;
    for _ in 0..n_m {
        let v = r.u32("merge log")?;
        g.merges.push(t.xs(v, "merge log")?);
    }
    r.alias_entries(&t, &mut g)?;
    if r.at != r.b.len() {
        return Err(format!("{} unexpected bytes at the end", r.b.len() - r.at));
    }
    bytes.truncate(HEADER + graph_text.end);
    bytes.drain(..HEADER + graph_text.start);
    bytes.shrink_to_fit();
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "graph strings: invalid UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        )
    })?;
    g.strings = Strings::from_parts(text, graph_ends).map_err(|e| format!("graph strings: {e}"))?;
    g.changed();
    Ok(g)
}

/// The sections of the payload after the string tables, in file order.
impl Reader<'_> {
    /// A `u32` count then that many `u32` items; `too_many` is the error when
    /// the count cannot fit in the bytes left.
    fn u32_list<T>(
        &mut self,
        w: &str,
        too_many: &str,
        mut item: impl FnMut(u32) -> std::result::Result<T, String>,
    ) -> std::result::Result<Vec<T>, String> {
        let n = self.u32(w)? as usize;
        if n * 4 > self.b.len() - self.at {
            return Err(too_many.into());
        }
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(item(self.u32(w)?)?);
        }
        Ok(v)
    }

    fn documents(
        &mut self,
        t: &Tables,
        g: &mut NewsGraph,
        version: u32,
    ) -> std::result::Result<(), String> {
        let doc_fields = if version == 2 { 6 } else { 7 };
        let n_docs = self.count(4 * doc_fields, "documents")?;
        for _ in 0..n_docs {
            let w = "documents";
            let id = t.xs(self.u32(w)?, w)?;
            let path = t.xs(self.u32(w)?, w)?;
            let date = t.xopt(self.u32(w)?, w)?;
            let title = t.xopt(self.u32(w)?, w)?;
            let url = t.xopt(self.u32(w)?, w)?;
            let hash = t.xopt(self.u32(w)?, w)?;
            let source = if version == 2 {
                None
            } else {
                t.xopt(self.u32(w)?, w)?
            };
            if let Some(src) = &source {
                g.set_doc_source(&id, src);
            }
            g.put_document(
                Document {
                    id,
                    path,
                    date,
                    title,
                    url,
                },
                hash,
            );
        }
        Ok(())
    }

    /// The actors, returned in section order (relations and sightings name
    /// them by position).
    fn actors(
        &mut self,
        t: &Tables,
        g: &mut NewsGraph,
    ) -> std::result::Result<Vec<NodeIndex>, String> {
        let n_actors = self.count(17, "actors")?;
        g.graph = petgraph::stable_graph::StableDiGraph::with_capacity(n_actors, 0);
        let mut nodes: Vec<NodeIndex> = Vec::with_capacity(n_actors);
        g.by_id.reserve(n_actors);
        for _ in 0..n_actors {
            let w = "actors";
            let id = t.xs(self.u32(w)?, w)?;
            let name = t.xs(self.u32(w)?, w)?;
            let kind = kind_of(self.u8(w)?).ok_or("actors: bad kind")?;
            let country = t.xopt(self.u32(w)?, w)?;
            let aliases =
                self.u32_list(w, "actors: alias count exceeds the file", |v| t.xs(v, w))?;
            if g.node(&id).is_some() {
                return Err(format!("actor id {id:?} appears twice"));
            }
            nodes.push(g.add_actor(Actor {
                id,
                name,
                kind,
                country,
                aliases,
            }));
        }
        Ok(nodes)
    }

    fn relations(
        &mut self,
        t: &Tables,
        g: &mut NewsGraph,
        nodes: &[NodeIndex],
    ) -> std::result::Result<(), String> {
        let n_edges = self.count(EDGE_BYTES, "relations")?;
        g.graph.reserve_exact_edges(n_edges);
        let raw = self.take(n_edges * EDGE_BYTES, "relations")?;
        for rec in raw.chunks_exact(EDGE_BYTES) {
            let u = |i: usize| u32::from_le_bytes([rec[i], rec[i + 1], rec[i + 2], rec[i + 3]]);
            let w = "relations";
            let kind = RelationType::ALL
                .get(rec[8] as usize)
                .copied()
                .ok_or("relations: bad type")?;
            let e = Edge {
                kind,
                planned: rec[9] != 0,
                sentence: u(10),
                start: u(14),
                end: u(18),
                doc: t.gsym(u(22), w)?,
                trigger: t.gsym(u(26), w)?,
                text: t.gsym(u(30), w)?,
                cameo: t.gopt(u(34), w)?,
                date: t.gopt(u(38), w)?,
                rule: t.gopt(u(42), w)?,
            };
            g.graph
                .add_edge(node_at(nodes, u(0))?, node_at(nodes, u(4))?, e);
        }
        Ok(())
    }

    fn sightings(
        &mut self,
        t: &Tables,
        g: &mut NewsGraph,
        nodes: &[NodeIndex],
    ) -> std::result::Result<(), String> {
        let n_s = self.count(12, "sightings")?;
        g.sightings.reserve_exact(n_s);
        for _ in 0..n_s {
            let w = "sightings";
            let doc = t.gsym(self.u32(w)?, w)?;
            let n = node_at(nodes, self.u32(w)?)?;
            let forms = self.u32_list(w, "sightings: form count exceeds the file", |v| {
                t.gsym(v, w)
            })?;
            g.sightings.push(Sighting {
                doc,
                node: n,
                forms,
            });
        }
        Ok(())
    }

    fn alias_entries(&mut self, t: &Tables, g: &mut NewsGraph) -> std::result::Result<(), String> {
        let n_a = self.count(13, "alias entries")?;
        for _ in 0..n_a {
            let w = "alias entries";
            let name = t.xs(self.u32(w)?, w)?;
            let k = self.u8(w)?;
            let kind = if k == 255 {
                None
            } else {
                Some(kind_of(k).ok_or("alias entries: bad kind")?)
            };
            let country = t.xopt(self.u32(w)?, w)?;
            let aliases = self.u32_list(w, "alias entries: alias count exceeds the file", |v| {
                t.xs(v, w)
            })?;
            g.alias_entries.push(AliasEntry {
                name,
                kind,
                country,
                aliases,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, Evidence, RelationType};

    fn sample() -> NewsGraph {
        let mut g = NewsGraph::new();
        for (id, name) in [("a", "Ann Lee"), ("b", "Bo Chan")] {
            g.add_actor(Actor {
                id: id.into(),
                name: name.into(),
                kind: ActorKind::Person,
                country: Some("IRQ".into()),
                aliases: vec!["Lee".into()],
            });
        }
        g.add_relation(Relation {
            source: "a".into(),
            target: "b".into(),
            kind: RelationType::Call,
            cameo: Some("041".into()),
            date: Some("2024-05-01".into()),
            planned: true,
            evidence: Evidence {
                doc: "d".into(),
                sentence: 7,
                start: 100,
                end: 150,
                trigger: "called".into(),
                text: "Ann Lee called Bo Chan.".into(),
                rule: Some("data/triggers.tsv:1".into()),
            },
        });
        g.put_document(
            Document {
                id: "d".into(),
                path: "d.txt".into(),
                date: Some("2024-05-01".into()),
                title: None,
                url: Some("https://example.org/d".into()),
            },
            Some("abc".into()),
        );
        let a = g.node("a").unwrap();
        g.add_sighting("d", a, &["Ann Lee".to_string()]);
        g.merges.push("merged x".into());
        g.alias_entries.push(AliasEntry {
            name: "Ann Lee".into(),
            kind: Some(ActorKind::Person),
            country: None,
            aliases: vec!["A. Lee".into()],
        });
        g
    }

    /// The version 2 bytes of a graph: its version 3 encoding without the
    /// documents' source field.
    fn as_version_2(v3: &[u8]) -> Vec<u8> {
        let u64_at = |b: &[u8], i: usize| u64::from_le_bytes(b[i..i + 8].try_into().unwrap());
        let payload = &v3[HEADER..];
        let mut at = 0;
        for _ in 0..2 {
            let n = u64_at(payload, at) as usize;
            let text = if n == 0 {
                0
            } else {
                u64_at(payload, at + 8 * n) as usize
            };
            at += 8 + 8 * n + text;
        }
        let docs = u64_at(payload, at) as usize;
        let mut out = payload[..at + 8].to_vec();
        let mut p = at + 8;
        for _ in 0..docs {
            out.extend_from_slice(&payload[p..p + 24]);
            p += 28;
        }
        out.extend_from_slice(&payload[p..]);
        let mut file = v3[..HEADER].to_vec();
        file[8..12].copy_from_slice(&2u32.to_le_bytes());
        file[16..24].copy_from_slice(&(out.len() as u64).to_le_bytes());
        file[24..28].copy_from_slice(&crc32fast::hash(&out).to_le_bytes());
        file.extend_from_slice(&out);
        file
    }

    #[test]
    fn version_2_stores_are_read_without_sources() {
        let mut g = sample();
        g.set_doc_source("d", "folder/d.txt");
        let v3 = encode(&g, std::io::Cursor::new(Vec::new()))
            .unwrap()
            .into_inner();
        let back = from_bytes(Path::new("x"), v3.clone()).unwrap();
        assert_eq!(back.doc_source("d"), Some("folder/d.txt"));
        assert_eq!(back.doc_with_source("folder/d.txt"), Some("d"));
        let v2 = from_bytes(Path::new("x"), as_version_2(&v3)).unwrap();
        assert_eq!(v2.doc_source("d"), None);
        assert_eq!(v2.documents, g.documents);
        assert_eq!(v2.doc_hash("d"), Some("abc"));
        assert_eq!(v2.relations(), g.relations());
    }

    #[test]
    fn save_then_open_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        let g = sample();
        save(&g, &path).unwrap();
        let h = open(&path).unwrap();
        assert_eq!(h.to_extraction(), g.to_extraction());
        assert_eq!(h.doc_hash("d"), Some("abc"));
        assert_eq!(h.merges, g.merges);
        assert_eq!(h.alias_entries, g.alias_entries);
        assert_eq!(h.sightings().len(), 1);
        // Saving what was read gives the same bytes.
        let path2 = dir.path().join("t.store");
        save(&h, &path2).unwrap();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&path2).unwrap()
        );
    }

    #[test]
    fn damage_is_detected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        save(&sample(), &path).unwrap();
        let good = std::fs::read(&path).unwrap();
        let mut flipped = good.clone();
        let i = flipped.len() - 20;
        flipped[i] ^= 0x40;
        std::fs::write(&path, &flipped).unwrap();
        let e = open(&path).unwrap_err().to_string();
        assert!(e.contains("checksum"), "{e}");
        std::fs::write(&path, &good[..good.len() / 2]).unwrap();
        let e = open(&path).unwrap_err().to_string();
        assert!(e.contains("truncated"), "{e}");
    }

    /// Hostile files whose checksum was recomputed after the damage, so that the
    /// structural checks (counts, offsets, indices, UTF-8) are what stands between
    /// them and a panic: every one-byte change and every truncation must give an
    /// error or a graph, never a crash.
    #[test]
    fn forged_checksums_never_panic() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        save(&sample(), &path).unwrap();
        let good = std::fs::read(&path).unwrap();
        let forge = |mut b: Vec<u8>| {
            if b.len() >= HEADER {
                let len = (b.len() - HEADER) as u64;
                b[16..24].copy_from_slice(&len.to_le_bytes());
                let crc = crc32fast::hash(&b[HEADER..]);
                b[24..28].copy_from_slice(&crc.to_le_bytes());
            }
            b
        };
        let mut errors = 0;
        for i in HEADER..good.len() {
            for v in [0x00, 0xff, good[i] ^ 0x01, good[i].wrapping_add(0x80)] {
                let mut b = good.clone();
                b[i] = v;
                errors += usize::from(decode(forge(b)).is_err());
            }
        }
        for n in HEADER..good.len() {
            assert!(
                decode(forge(good[..n].to_vec())).is_err(),
                "truncated at {n}"
            );
        }
        assert!(errors > 0);
    }

    #[test]
    fn reads_version_1_json() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.store");
        let g = sample();
        let x = g.to_extraction();
        let v1 = serde_json::json!({"format": FORMAT, "version": 1, "documents": x.documents,
            "actors": x.actors, "relations": x.relations, "merges": ["m"]});
        std::fs::write(&path, v1.to_string()).unwrap();
        let h = open(&path).unwrap();
        assert_eq!(h.to_extraction(), x);
        assert_eq!(h.sightings().len(), 2);
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.store");
        std::fs::write(&path, b"{not json").unwrap();
        let e = open(&path).unwrap_err().to_string();
        assert!(
            e.contains("s.store") && e.contains("not a readable newsgraph store"),
            "{e}"
        );
        std::fs::write(&path, b"\x00\x01binary").unwrap();
        let e = open(&path).unwrap_err().to_string();
        assert!(e.contains("unknown format"), "{e}");
    }
}
