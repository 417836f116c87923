//! Interned strings: every evidence sentence, trigger, rule, date and document id
//! is kept once in one buffer and named by a 4-byte [`Sym`]. A million relations
//! repeat the same few rules, codes, dates and document ids, and several relations
//! share each sentence, so interning is what keeps a relation near 100 bytes in
//! memory instead of the ~600 that eight owned `String`s cost.

use hashbrown::HashTable;
use std::hash::BuildHasher;
use std::num::NonZeroU32;

/// A handle to an interned string (index + 1, so `Option<Sym>` is 4 bytes too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(NonZeroU32);

impl Sym {
    /// The handle's number as stored on disk (1-based; 0 means "none").
    pub fn to_u32(self) -> u32 {
        self.0.get()
    }

    /// A handle from its on-disk number (0 is "none").
    pub fn from_u32(n: u32) -> Option<Sym> {
        NonZeroU32::new(n).map(Sym)
    }

    fn index(self) -> usize {
        self.0.get() as usize - 1
    }
}

/// An append-only string table with lookup by content.
#[derive(Default)]
pub struct Strings {
    buf: String,
    /// End offset of each string in `buf` (its start is the previous end).
    ends: Vec<u64>,
    /// Content → handle; built on first use, because reading a store and looking at
    /// it never interns anything new.
    table: Option<HashTable<u32>>,
    hasher: hashbrown::DefaultHashBuilder,
}

impl Clone for Strings {
    fn clone(&self) -> Self {
        Strings {
            buf: self.buf.clone(),
            ends: self.ends.clone(),
            table: None,
            hasher: self.hasher,
        }
    }
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Strings({} strings, {} bytes)",
            self.ends.len(),
            self.buf.len()
        )
    }
}

impl Strings {
    /// An empty table ready for about `n` strings (no rehashing while it fills).
    pub fn with_capacity(n: usize) -> Strings {
        Strings {
            ends: Vec::with_capacity(n),
            table: Some(HashTable::with_capacity(n)),
            ..Strings::default()
        }
    }

    /// Number of strings.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Total bytes of text held.
    pub fn bytes(&self) -> usize {
        self.buf.len()
    }

    /// The string behind a handle. Handles come from this table, so the range is
    /// always valid; a foreign handle gives "" rather than a panic.
    pub fn get(&self, s: Sym) -> &str {
        let i = s.index();
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        self.buf.get(start..end).unwrap_or("")
    }

    /// The handle of a string, adding it when new.
    pub fn intern(&mut self, s: &str) -> Sym {
        if self.table.is_none() {
            self.build_table();
        }
        let h = self.hasher.hash_one(s);
        let (buf, ends) = (&self.buf, &self.ends);
        let slice = |i: u32| -> &str {
            let i = i as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            &buf[start..ends[i] as usize]
        };
        let table = self.table.get_or_insert_with(HashTable::new);
        if let Some(&i) = table.find(h, |&i| slice(i) == s) {
            return Sym(NonZeroU32::MIN.saturating_add(i));
        }
        let i = self.ends.len() as u32;
        self.buf.push_str(s);
        self.ends.push(self.buf.len() as u64);
        let (buf, ends, hasher) = (&self.buf, &self.ends, &self.hasher);
        table.insert_unique(h, i, |&j| {
            let j = j as usize;
            let start = if j == 0 { 0 } else { ends[j - 1] as usize };
            hasher.hash_one(&buf[start..ends[j] as usize])
        });
        Sym(NonZeroU32::MIN.saturating_add(i))
    }

    /// The handle of a string already in the table.
    pub fn lookup(&mut self, s: &str) -> Option<Sym> {
        if self.table.is_none() {
            self.build_table();
        }
        let h = self.hasher.hash_one(s);
        let table = self.table.as_ref()?;
        let (buf, ends) = (&self.buf, &self.ends);
        table
            .find(h, |&i| {
                let i = i as usize;
                let start = if i == 0 { 0 } else { ends[i - 1] as usize };
                &buf[start..ends[i] as usize] == s
            })
            .map(|&i| Sym(NonZeroU32::MIN.saturating_add(i)))
    }

    fn build_table(&mut self) {
        let mut t = HashTable::with_capacity(self.ends.len());
        let mut start = 0usize;
        for (i, &end) in self.ends.iter().enumerate() {
            let s = &self.buf[start..end as usize];
            start = end as usize;
            let h = self.hasher.hash_one(s);
            // Duplicates can only come from a hand-edited store; the first copy wins.
            let (buf, ends) = (&self.buf, &self.ends);
            if t.find(h, |&j: &u32| {
                let j = j as usize;
                let st = if j == 0 { 0 } else { ends[j - 1] as usize };
                &buf[st..ends[j] as usize] == s
            })
            .is_none()
            {
                let hasher = &self.hasher;
                t.insert_unique(h, i as u32, |&j| {
                    let j = j as usize;
                    let st = if j == 0 { 0 } else { ends[j - 1] as usize };
                    hasher.hash_one(&buf[st..ends[j] as usize])
                });
            }
        }
        self.table = Some(t);
    }

    /// Builds a table from a text buffer and the end offset of each string, as read
    /// from a store file. The caller has checked that `buf` is UTF-8; here every
    /// end must be ordered and fall on a character boundary.
    pub fn from_parts(buf: String, ends: Vec<u64>) -> Result<Strings, String> {
        let mut prev = 0u64;
        for (i, &e) in ends.iter().enumerate() {
            if e < prev || e as usize > buf.len() || !buf.is_char_boundary(e as usize) {
                return Err(format!("string {} has a bad end offset {e}", i + 1));
            }
            prev = e;
        }
        if prev as usize != buf.len() {
            return Err("string table has trailing bytes".into());
        }
        Ok(Strings {
            buf,
            ends,
            table: None,
            hasher: Default::default(),
        })
    }

    /// The whole text buffer and the end offsets, for writing to disk.
    pub fn parts(&self) -> (&str, &[u64]) {
        (&self.buf, &self.ends)
    }

    /// Keeps only the strings `keep` marks (indexed by handle number − 1) and
    /// returns the new handle of each old one (`None` for dropped strings).
    pub fn compact(&mut self, keep: &[bool]) -> Vec<Option<Sym>> {
        let mut map = Vec::with_capacity(self.ends.len());
        let mut buf = String::with_capacity(self.buf.len());
        let mut ends = Vec::new();
        let mut start = 0usize;
        for (i, &end) in self.ends.iter().enumerate() {
            let s = &self.buf[start..end as usize];
            start = end as usize;
            if keep.get(i).copied().unwrap_or(false) {
                buf.push_str(s);
                ends.push(buf.len() as u64);
                map.push(NonZeroU32::new(ends.len() as u32).map(Sym));
            } else {
                map.push(None);
            }
        }
        buf.shrink_to_fit();
        ends.shrink_to_fit();
        self.buf = buf;
        self.ends = ends;
        self.table = None;
        map
    }

    /// Heap bytes used (text, offsets, lookup table when built).
    pub fn heap_bytes(&self) -> usize {
        self.buf.capacity()
            + self.ends.capacity() * 8
            + self.table.as_ref().map_or(0, |t| t.capacity() * 5)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_dedups_and_survives_compaction() {
        let mut s = Strings::default();
        let a = s.intern("met");
        let b = s.intern("called");
        assert_eq!(s.intern("met"), a);
        assert_eq!(s.get(b), "called");
        assert_eq!(s.len(), 2);
        let map = s.compact(&[false, true]);
        assert_eq!(map[0], None);
        let b2 = map[1].unwrap();
        assert_eq!(s.get(b2), "called");
        assert_eq!(s.lookup("called"), Some(b2));
        assert_eq!(s.lookup("met"), None);
        let c = s.intern("é");
        assert_eq!(s.get(c), "é");
    }

    #[test]
    fn from_parts_rejects_bad_offsets() {
        assert!(Strings::from_parts("é".into(), vec![1]).is_err());
        assert!(Strings::from_parts("ab".into(), vec![1]).is_err());
        let s = Strings::from_parts("ab".into(), vec![1, 2]).unwrap();
        assert_eq!(s.get(Sym::from_u32(2).unwrap()), "b");
    }
}
