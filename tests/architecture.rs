//! The pipeline's shape, checked: data flows one way, bottom up, and a module
//! never imports from a layer above it. The order is written once, in
//! [`LAYERS`] (and in the README's Layout section); a file that reaches up,
//! or two files that import each other, fail this test with the path that
//! does it. Test code (`#[cfg(test)]` items) may use anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Top-level modules from the bottom up. Modules on one line form one layer
/// and may not import each other (export and remote both sit on cypher).
const LAYERS: &[&[&str]] = &[
    &["error", "model", "strings", "text"],
    &["fsio"],
    &["lexicon"],
    &["input"],
    &["extract"],
    &["graph"],
    &["query"],
    &["cypher"],
    &["export", "remote"],
    &["pipeline"],
    &["corpus"],
    &["serve"],
    &["cli"],
];

/// One source file: its module path ("graph::merge") and the module paths it
/// names (through `use` or inline `crate::`/`super::` paths), test code left out.
struct SourceFile {
    path: PathBuf,
    module: Vec<String>,
    is_mod_root: bool,
    refs: Vec<Vec<String>>,
}

#[test]
fn no_module_imports_from_a_layer_above_it_and_no_file_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let problems = check_tree(&src);
    assert!(
        problems.is_empty(),
        "the layering of src/ is broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_sees_a_backwards_import_and_a_cycle() {
    let dir = tempfile::tempdir().unwrap();
    let w = |p: &str, s: &str| {
        let p = dir.path().join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    };
    w("lib.rs", "pub mod model;\npub mod graph;\npub mod query;\n");
    w("model.rs", "pub struct Actor;\n");
    w(
        "graph/mod.rs",
        "pub mod a;\npub mod b;\nuse crate::query::top;\n",
    );
    w("graph/a.rs", "use super::b::X;\npub struct Y;\n");
    w(
        "graph/b.rs",
        "use crate::{model::Actor, graph::a::Y};\npub struct X;\n\
         #[cfg(test)]\nmod tests {\n    use crate::query::top;\n    const S: &str = \"}\";\n}\n",
    );
    w(
        "query.rs",
        "use crate::graph::a::Y;\npub fn top() { let c = '{'; }\n",
    );
    let problems = check_tree(dir.path());
    assert!(
        problems.iter().any(|p| p.contains("graph/mod.rs")
            && p.contains("crate::query::top")
            && p.contains("layer above")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("cycle") && p.contains("graph/a.rs") && p.contains("graph/b.rs")),
        "{problems:#?}"
    );
    // Test code and a downward import are no problem.
    assert_eq!(problems.len(), 2, "{problems:#?}");
}

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

/// Every problem in the tree under `src`: an import from a layer above, an
/// import across modules of one layer, a top-level module not in [`LAYERS`],
/// a cycle between files.
fn check_tree(src: &Path) -> Vec<String> {
    let files = read_tree(src);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    let index: BTreeMap<&Vec<String>, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (&f.module, i))
        .collect();
    for (i, f) in files.iter().enumerate() {
        let Some(from_top) = f.module.first() else {
            continue; // the crate root declares the modules
        };
        let Some(from_layer) = layer_of(from_top) else {
            problems.push(format!(
                "{}: module `{from_top}` is in no layer of tests/architecture.rs",
                f.path.display()
            ));
            continue;
        };
        for r in &f.refs {
            let Some(target) = longest_module(&modules, r) else {
                continue;
            };
            let Some(to_top) = target.first() else {
                continue;
            };
            let shown = format!("crate::{}", r.join("::"));
            if let Some(to_layer) = layer_of(to_top) {
                if to_layer > from_layer {
                    problems.push(format!(
                        "{}: imports {shown}: `{to_top}` is a layer above `{from_top}`",
                        f.path.display()
                    ));
                } else if to_layer == from_layer && to_top != from_top {
                    problems.push(format!(
                        "{}: imports {shown}: `{to_top}` and `{from_top}` share a layer and stay apart",
                        f.path.display()
                    ));
                }
            }
            // A module's root file declares and re-exports its children: that
            // is not an import that can close a cycle.
            let into_child = f.is_mod_root && target.starts_with(&f.module);
            if let Some(&j) = index.get(&target) {
                if j != i && !into_child {
                    edges.entry(i).or_default().insert(j);
                }
            }
        }
    }
    for cycle in cycles(files.len(), &edges) {
        let names: Vec<String> = cycle
            .iter()
            .map(|&i| files[i].path.display().to_string())
            .collect();
        problems.push(format!(
            "import cycle between files: {}",
            names.join(" -> ")
        ));
    }
    problems
}

/// The longest known module that is a prefix of a path.
fn longest_module(modules: &BTreeSet<Vec<String>>, path: &[String]) -> Option<Vec<String>> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
}

/// One cycle per strongly connected group of files, found by depth-first search.
fn cycles(n: usize, edges: &BTreeMap<usize, BTreeSet<usize>>) -> Vec<Vec<usize>> {
    let mut state = vec![0u8; n]; // 0 new, 1 on the stack, 2 done
    let mut stack: Vec<usize> = Vec::new();
    let mut found = Vec::new();
    fn visit(
        v: usize,
        edges: &BTreeMap<usize, BTreeSet<usize>>,
        state: &mut [u8],
        stack: &mut Vec<usize>,
        found: &mut Vec<Vec<usize>>,
    ) {
        state[v] = 1;
        stack.push(v);
        for &w in edges.get(&v).into_iter().flatten() {
            if state[w] == 1 {
                let at = stack.iter().position(|&x| x == w).unwrap();
                let mut c = stack[at..].to_vec();
                c.push(w);
                found.push(c);
            } else if state[w] == 0 {
                visit(w, edges, state, stack, found);
            }
        }
        stack.pop();
        state[v] = 2;
    }
    for v in 0..n {
        if state[v] == 0 {
            visit(v, edges, &mut state, &mut stack, &mut found);
        }
    }
    found
}

fn read_tree(src: &Path) -> Vec<SourceFile> {
    let mut paths = Vec::new();
    walk(src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let rel = path.strip_prefix(src).unwrap();
            let mut module: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|c| c.to_string_lossy().into_owned())
                .collect();
            let is_mod_root = matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            );
            if is_mod_root {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code = without_test_items(&code_only(&text));
            // In the binary (main.rs and cli/), the library is `newsgraph::`.
            let in_binary =
                module.first().is_some_and(|m| m == "cli") || rel == Path::new("main.rs");
            let refs = references(&code, &module, in_binary);
            SourceFile {
                path: rel.to_path_buf(),
                module,
                is_mod_root,
                refs,
            }
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text with comments removed and the insides of string and character
/// literals blanked, so braces and paths in them count for nothing.
fn code_only(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        if c[i] == '/' && next == Some('/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if c[i] == '/' && next == Some('*') {
            i += 2;
            while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c[i] == 'r'
            && (next == Some('"') || next == Some('#'))
            && !ident_char(c.get(i.wrapping_sub(1)))
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while c.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if c.get(j) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= c.len() {
                    break;
                }
                if c[j] == '"' && (0..hashes).all(|h| c.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                if c[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c[i] == '\'' {
            // A character literal ('x', '\n', '\u{1b}'), or a lifetime ('a).
            if next == Some('\\') {
                let mut j = i + 2;
                while j < c.len() && c[j] != '\'' {
                    j += 1;
                }
                i = j + 1;
                out.push_str("' '");
            } else if c.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c[i]);
                i += 1;
            }
        } else {
            out.push(c[i]);
            i += 1;
        }
    }
    out
}

fn ident_char(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// The code without the items under `#[cfg(test)]` (a test module's braces,
/// or one item up to its `;`).
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let brace = after.find('{');
        let semi = after.find(';');
        let end = match (brace, semi) {
            (Some(b), Some(s)) if s < b => s + 1,
            (Some(b), _) => {
                let mut depth = 0usize;
                let mut end = after.len();
                for (k, ch) in after[b..].char_indices() {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = b + k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (None, Some(s)) => s + 1,
            (None, None) => after.len(),
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every module path the code names, made absolute: `crate::a::b`,
/// `super::c` (from the file's module), `use crate::{a, b::{c, d}}` trees, and
/// `newsgraph::…` in the binary.
fn references(code: &str, module: &[String], in_binary: bool) -> Vec<Vec<String>> {
    // `super::` of graph/merge.rs and of graph/mod.rs alike is the module
    // one up from the file's own module path.
    let parent: Vec<String> = module[..module.len().saturating_sub(1)].to_vec();
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if ident_char(chars.get(i.wrapping_sub(1))) || (i > 0 && chars[i - 1] == ':') {
            i += 1;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 12)].iter().collect();
        // From the root: `crate::` (in the binary, its own `cli::` modules) or,
        // in the binary, the library as `newsgraph::`.
        let skip = if rest.starts_with("crate::") {
            7
        } else if in_binary && rest.starts_with("newsgraph::") {
            11
        } else if rest.starts_with("self::") {
            out.extend(use_tree(&chars, i + 6, module));
            i += 6;
            continue;
        } else if rest.starts_with("super::") {
            let mut base = parent.clone();
            let mut k = i + 7;
            // super::super::
            while chars[k..].iter().take(7).collect::<String>() == "super::" {
                base.pop();
                k += 7;
            }
            out.extend(use_tree(&chars, k, &base));
            i = k;
            continue;
        } else {
            i += 1;
            continue;
        };
        out.extend(use_tree(&chars, i + skip, &[]));
        i += skip;
    }
    out
}

/// The paths of a use tree starting at `chars[k]` ("a::b", "{a, b::c}", "a::{b, c}").
fn use_tree(chars: &[char], mut k: usize, base: &[String]) -> Vec<Vec<String>> {
    let mut path = base.to_vec();
    loop {
        if chars.get(k) == Some(&'{') {
            let mut out = Vec::new();
            k += 1;
            loop {
                while chars.get(k).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    k += 1;
                }
                if k >= chars.len() || chars[k] == '}' {
                    return out;
                }
                let sub = use_tree(chars, k, &path);
                out.extend(sub);
                // Skip this element (nested braces balanced).
                let mut depth = 0i32;
                while k < chars.len() {
                    match chars[k] {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => break,
                        _ => {}
                    }
                    k += 1;
                }
            }
        }
        let start = k;
        while chars
            .get(k)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            k += 1;
        }
        if k == start {
            return vec![path];
        }
        let word: String = chars[start..k].iter().collect();
        if word != "self" {
            path.push(word);
        }
        if chars.get(k) == Some(&':') && chars.get(k + 1) == Some(&':') {
            k += 2;
        } else {
            return vec![path];
        }
    }
}

/// Longest function allowed in src/, in lines from `fn` to its closing brace:
/// a function a newcomer can read at once.
const MAX_FN_LINES: usize = 150;

#[test]
fn no_function_in_src_is_longer_than_the_limit() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    walk(&src, &mut paths);
    paths.sort();
    let mut long = Vec::new();
    for p in paths {
        let code = code_only(&std::fs::read_to_string(&p).unwrap());
        for (name, line, lines) in functions(&code) {
            if lines > MAX_FN_LINES {
                let rel = p.strip_prefix(&src).unwrap().display().to_string();
                long.push(format!("src/{rel}:{line} fn {name}: {lines} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines (cut them into named steps):\n{}",
        long.join("\n")
    );
}

#[test]
fn function_lengths_are_counted_from_fn_to_the_closing_brace() {
    let code =
        code_only("fn a() {\n    let s = \"}\";\n    if x { y }\n}\nfn b(x: u8) -> u8 { x }\n");
    assert_eq!(
        functions(&code),
        vec![("a".to_string(), 1, 4), ("b".to_string(), 5, 1)]
    );
}

/// Every function with a body: its name, first line and length in lines.
fn functions(code: &str) -> Vec<(String, usize, usize)> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = code[i..].find("fn ") {
        let start = i + at;
        i = start + 3;
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let name: String = code[i..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        // The body opens at the first `{` before any `;` (a declaration in a
        // trait has none).
        let rest = &code[i..];
        let (Some(open), semi) = (rest.find('{'), rest.find(';')) else {
            continue;
        };
        if semi.is_some_and(|s| s < open) {
            continue;
        }
        let mut depth = 0usize;
        let mut end = None;
        for (k, ch) in rest[open..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(i + open + k);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(end) = end else { continue };
        let first = code[..start].matches('\n').count() + 1;
        let last = code[..end].matches('\n').count() + 1;
        out.push((name, first, last - first + 1));
    }
    out
}
