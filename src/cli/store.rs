//! The store a command works on: the `--store` option every store command
//! shares, opening a store to read it, and the one way commands edit it
//! (lock, open, change, save).

use anyhow::Result;
use newsgraph::graph::store::{self, StoreLock};
use newsgraph::NewsGraph;
use std::path::{Path, PathBuf};

/// `--store PATH`, flattened into every command that reads or edits a store.
#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// Store file (default: $NEWSGRAPH_STORE or ./newsgraph.store).
    #[arg(long)]
    store: Option<PathBuf>,
}

impl StoreArgs {
    /// The store's path: `--store`, else `$NEWSGRAPH_STORE`, else the default.
    pub fn path(&self) -> PathBuf {
        store::resolve_path(self.store.as_deref())
    }

    /// The path of a store that must exist already: a query or an edit of
    /// nothing is a mistake, answered with how to make a store rather than
    /// with an empty listing.
    pub fn existing(&self) -> Result<PathBuf> {
        let path = self.path();
        if !path.exists() {
            anyhow::bail!(
                "{}: no store here yet (run `newsgraph load` first)",
                path.display()
            );
        }
        Ok(path)
    }

    /// Opens the existing store to read it. No lock: saves replace the file
    /// in one rename, so a reader sees the store before or after a write,
    /// never half of one.
    pub fn open(&self) -> Result<NewsGraph> {
        Ok(store::open(&self.existing()?)?)
    }

    /// Opens the existing store to edit it (see [`StoreEdit`]).
    pub fn edit(&self) -> Result<StoreEdit> {
        StoreEdit::open(self.existing()?)
    }
}

/// A store open for editing: its graph, with the store's write lock held
/// until this is dropped, so that two edits never read the same store and
/// one of them overwrite the other.
pub struct StoreEdit {
    /// The store file.
    pub path: PathBuf,
    /// The graph, to change and then [`save`](StoreEdit::save).
    pub graph: NewsGraph,
    _lock: StoreLock,
}

impl StoreEdit {
    /// Takes the lock of the store at `path` (saying so on stderr while
    /// another process holds it), then opens the store: a missing one opens
    /// as an empty graph, which a load fills.
    pub fn open(path: PathBuf) -> Result<StoreEdit> {
        let lock = lock(&path)?;
        let graph = store::open(&path)?;
        Ok(StoreEdit {
            path,
            graph,
            _lock: lock,
        })
    }

    /// Takes the lock of the store at `path` to replace its content with
    /// `graph`, without reading what it held (a build writes a fresh store).
    pub fn replace(path: PathBuf, graph: NewsGraph) -> Result<StoreEdit> {
        let lock = lock(&path)?;
        Ok(StoreEdit {
            path,
            graph,
            _lock: lock,
        })
    }

    /// Writes the graph to the store, first dropping the strings nothing
    /// refers to any more: merges, splits and removals leave some behind.
    pub fn save(&mut self) -> Result<()> {
        self.graph.compact();
        self.save_as_is()
    }

    /// Writes the graph to the store as it is (what a load or a build made).
    pub fn save_as_is(&self) -> Result<()> {
        Ok(store::save(&self.graph, &self.path)?)
    }
}

/// Takes a store's write lock, saying so when another process holds it.
fn lock(path: &Path) -> Result<StoreLock> {
    Ok(store::lock(path, || {
        eprintln!(
            "newsgraph: waiting for another process to finish writing {}",
            path.display()
        )
    })?)
}
