//! Files written so that nothing is lost: every output (the store, `export -o`,
//! `build`'s diagrams) goes through [`write_atomic`], which writes a temporary
//! file beside the target, flushes it, gives it the old file's permissions and
//! owner, renames it over the target and flushes the folder. A full disk or a
//! crash leaves the old file or the new one, never a truncated mix. Symbolic
//! links are followed ([`real_path`]) so the file they point to is replaced and
//! the link stays a link.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How many links [`real_path`] follows before calling it a loop (as the kernel).
const MAX_LINKS: usize = 40;

/// The file a path stands for: symbolic links followed, even when the final
/// target does not exist yet (a link to a store not created yet). Writing to the
/// result instead of the link keeps the link a link, and two links to one store
/// share one lock file beside the real path.
pub fn real_path(path: &Path) -> Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let target = std::fs::read_link(&p).map_err(|e| Error::io(&p, e))?;
                p = if target.is_absolute() {
                    target
                } else {
                    parent(&p).join(target)
                };
            }
            _ => return Ok(p),
        }
    }
    Err(Error::io(
        path,
        std::io::Error::other("too many levels of symbolic links"),
    ))
}

/// The folder a file lives in (`.` for a bare name).
pub fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The prefix of the temporary files written beside `path` (`.NAME.tmp`): one
/// name pattern, so a later writer can find and remove what a killed one left.
pub fn temp_prefix(path: &Path) -> String {
    format!(
        ".{}.tmp",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// A failure in the target's folder, reported against the file the user named
/// ("x/g.store: folder x: File exists") rather than against the folder alone.
pub fn folder_error(file: &Path, dir: &Path, e: std::io::Error) -> Error {
    let why = format!("folder {}: {e}", dir.display());
    Error::io(file, std::io::Error::new(e.kind(), why))
}

/// Refuses to replace a file the user may not write. Replacing goes through a
/// rename in the folder, which the kernel allows whenever the folder is
/// writable, so without this check a read-only (0444) file, or another user's
/// file in a shared folder, would be silently replaced (and change owner).
/// Opening for writing (without truncating) asks the kernel the real question;
/// a file without any write bit is refused even for root, who passes every
/// permission check.
pub fn check_writable(path: &Path) -> Result<()> {
    let real = real_path(path)?;
    let meta = match std::fs::metadata(&real) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(path, e)),
    };
    if meta.permissions().readonly() {
        return Err(Error::io(
            path,
            std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only (no write permission); it was left unchanged",
            ),
        ));
    }
    if meta.is_file() {
        if let Err(e) = std::fs::OpenOptions::new().write(true).open(&real) {
            let why = format!("{e}; it was left unchanged");
            return Err(Error::io(path, std::io::Error::new(e.kind(), why)));
        }
    }
    Ok(())
}

/// Writes a file atomically: `write` fills a temporary file beside the target
/// (`.NAME.tmpXXXXXX`), which is flushed to disk, given the old file's
/// permissions and owner (0644 for a new file), renamed over the target (the
/// real file when the target is a symbolic link) and the folder flushed. If
/// anything fails the temporary file is removed and the old file is untouched.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<()> {
    let real = real_path(path)?;
    // A missing folder is an error (a typo in `-o` should not create folders);
    // the store's writer creates its folder itself.
    let dir = parent(&real);
    let old = std::fs::metadata(&real).ok();
    if old.as_ref().is_some_and(|m| m.is_dir()) {
        return Err(Error::io(
            path,
            std::io::Error::other("is a folder, not a file"),
        ));
    }
    let tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(&real))
        .tempfile_in(&dir)
        .map_err(|e| folder_error(path, &dir, e))?;
    let (mut file, tmp_path) = tmp.into_parts();
    keep_mode_and_owner(&file, old.as_ref());
    write(&mut file).map_err(|e| Error::io(path, e))?;
    file.flush().map_err(|e| Error::io(path, e))?;
    file.sync_all().map_err(|e| Error::io(path, e))?;
    drop(file);
    tmp_path
        .persist(&real)
        .map_err(|e| Error::io(path, e.error))?;
    // The rename itself must reach the disk before we report success.
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Writes bytes atomically (see [`write_atomic`]).
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_atomic(path, |f| f.write_all(bytes))
}

/// The temporary file is private (0600, owned by whoever runs this); the
/// replacement keeps the old file's mode and, where the system allows, its
/// owner and group, so a shared store stays shared.
#[cfg(unix)]
fn keep_mode_and_owner(file: &File, old: Option<&std::fs::Metadata>) {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    match old {
        Some(m) => {
            let _ = file.set_permissions(std::fs::Permissions::from_mode(m.mode() & 0o7777));
            if std::os::unix::fs::fchown(file, Some(m.uid()), Some(m.gid())).is_err() {
                // Not root: keep at least the group (allowed when we are in it).
                let _ = std::os::unix::fs::fchown(file, None, Some(m.gid()));
            }
        }
        None => {
            let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
        }
    }
}

#[cfg(not(unix))]
fn keep_mode_and_owner(file: &File, old: Option<&std::fs::Metadata>) {
    if let Some(m) = old {
        let _ = file.set_permissions(m.permissions());
    }
}

/// What kind of file system entry a path is, for readers that must not block
/// on a FIFO or read a device forever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// A regular file (or a link to one).
    File,
    /// A folder (or a link to one).
    Dir,
    /// A FIFO, device, socket or anything else that is not a regular file.
    Special(&'static str),
}

/// The kind of entry at `path`, links followed.
pub fn entry_kind(path: &Path) -> std::io::Result<EntryKind> {
    let m = std::fs::metadata(path)?;
    let ft = m.file_type();
    if ft.is_file() {
        return Ok(EntryKind::File);
    }
    if ft.is_dir() {
        return Ok(EntryKind::Dir);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Ok(EntryKind::Special("a FIFO"));
        }
        if ft.is_socket() {
            return Ok(EntryKind::Special("a socket"));
        }
        if ft.is_char_device() || ft.is_block_device() {
            return Ok(EntryKind::Special("a device"));
        }
    }
    Ok(EntryKind::Special("not a regular file"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_keeps_the_old_file_when_writing_fails() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        std::fs::write(&p, "old").unwrap();
        let e = write_atomic(&p, |f| {
            f.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert!(e.to_string().contains("out.txt"), "{e}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temporary file left behind");
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_stay_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.txt");
        let link = dir.path().join("link.txt");
        std::fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink("real.txt", &link).unwrap();
        write_bytes_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    }
}
