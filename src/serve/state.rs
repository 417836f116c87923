//! The store as the server sees it: one loaded graph and its index, shared by
//! every request, replaced when `load` (or any edit) has written a new store.
//!
//! The indexes (paths, names) are built once per loaded version.
//!
//! Each request compares the file's stamp (size, modification time and, on
//! Unix, inode) with the loaded one and reopens the store when it differs.
//! Saves replace the store in one rename, so an open reads the store before
//! or after a write, never half of one; the lock edits take is not needed.

use crate::error::{Error, Result};
use crate::graph::{store, NewsGraph};
use crate::query::names::NameIndex;
use crate::query::Index;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// A loaded store: what one request answers from.
pub struct Snapshot {
    /// The graph.
    pub graph: NewsGraph,
    /// Its query index.
    pub index: Index,
    /// Its actors by name, for the search box.
    pub names: NameIndex,
    /// The store file, as given.
    pub path: PathBuf,
    /// The last graph narrowed by a view's filters, with its key: a user
    /// clicking around one filtered view asks for the same one again.
    pub narrowed: Mutex<Option<(String, Arc<Narrowed>)>>,
}

/// The store narrowed by a view's filters (see [`crate::query::narrow`]).
pub struct Narrowed {
    /// The narrowed graph (every actor, fewer relations).
    pub graph: NewsGraph,
    /// Its query index.
    pub index: Index,
}

/// What tells one version of the store file from the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Result<Stamp> {
        let m = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Ok(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
        })
    }
}

/// The store file and its latest loaded version.
pub struct StoreView {
    path: PathBuf,
    current: Mutex<(Stamp, Arc<Snapshot>)>,
}

impl StoreView {
    /// Opens the store at `path` (it must exist: serving nothing is a mistake).
    pub fn open(path: &Path) -> Result<StoreView> {
        let stamp = Stamp::of(path)?;
        let snap = load(path)?;
        Ok(StoreView {
            path: path.to_path_buf(),
            current: Mutex::new((stamp, Arc::new(snap))),
        })
    }

    /// The store as it is now: the loaded version, or the file reopened when
    /// it changed since.
    pub fn current(&self) -> Result<Arc<Snapshot>> {
        let stamp = Stamp::of(&self.path)?;
        // One reload at a time; a poisoned lock only means another request
        // panicked, and the snapshot it guards is still whole.
        let mut cur = self.current.lock().unwrap_or_else(|p| p.into_inner());
        if cur.0 != stamp {
            let snap = load(&self.path)?;
            *cur = (stamp, Arc::new(snap));
        }
        Ok(cur.1.clone())
    }
}

fn load(path: &Path) -> Result<Snapshot> {
    let graph = store::open(path)?;
    let index = Index::new(&graph);
    let names = NameIndex::new(&graph);
    Ok(Snapshot {
        graph,
        index,
        names,
        path: path.to_path_buf(),
        narrowed: Mutex::new(None),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::testing::graph;
    use crate::RelationType;

    #[test]
    fn a_rewritten_store_is_picked_up() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("g.store");
        store::save(&graph(&[("a", "b", RelationType::Meet)]), &p).unwrap();
        let v = StoreView::open(&p).unwrap();
        assert_eq!(v.current().unwrap().graph.actor_count(), 2);
        let first = v.current().unwrap();
        assert!(
            Arc::ptr_eq(&first, &v.current().unwrap()),
            "no reload without a change"
        );
        store::save(
            &graph(&[
                ("a", "b", RelationType::Meet),
                ("b", "c", RelationType::Call),
            ]),
            &p,
        )
        .unwrap();
        assert_eq!(v.current().unwrap().graph.actor_count(), 3);
        std::fs::remove_file(&p).unwrap();
        assert!(v.current().is_err());
    }
}
