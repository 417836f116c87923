//! Helpers shared by the end-to-end tests: run the built binary on real files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The 13 relation type names of the JSON contract (SCHEMA.md), written out here
/// rather than read from the library so a renamed type fails the tests.
pub const RELATION_TYPES: [&str; 13] = [
    "call",
    "meet",
    "visit",
    "condemn",
    "claim",
    "attack",
    "deny",
    "demand",
    "support",
    "accuse",
    "threaten",
    "agree",
    "affiliation",
];

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The test article in `tests/data/`, written for these tests: U.S. Secretary of
/// State Antony Blinken calls Iraqi Prime Minister Mustafa al-Kadhimi after a
/// missile strike on Erbil, al-Kadhimi then meets Nechirvan, Masoud and Masrour
/// Barzani there; claims, denials and demands around it. Tests assert what the
/// extractor finds in it (`newsgraph extract --explain tests/data/blinken-call-erbil.txt`).
pub fn article() -> PathBuf {
    root().join("tests/data/blinken-call-erbil.txt")
}

/// The document id of [`article`] in a store.
pub const ARTICLE_ID: &str = "blinken-call-erbil";

/// Whether Graphviz (`dot`) is installed. Tests that draw with it test Graphviz
/// when it is and the embedded renderer when it is not; `test` names the test
/// in the note printed then, so a run without Graphviz says what it checked.
pub fn graphviz(test: &str) -> bool {
    let yes = newsgraph::export::svg::graphviz_available();
    if !yes {
        eprintln!(
            "note: {test}: Graphviz (dot) is not installed: testing without it (the embedded renderer, the install hint) instead"
        );
    }
    yes
}

/// The example articles.
pub fn examples() -> PathBuf {
    root().join("examples")
}

/// Runs `newsgraph` with arguments in a working directory.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run newsgraph")
}

/// Runs `newsgraph` and expects success; returns stdout.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "newsgraph {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A path as a string argument.
pub fn s(p: &Path) -> String {
    p.display().to_string()
}

/// Names that try to break formats and terminals: quotes, backslashes, markup,
/// `&`, colons, braces, line breaks, control characters, right-to-left text,
/// injection attempts for DOT, XML, Mermaid, CSV, Markdown and TOML, and a 10 KB name.
pub fn hostile_names() -> Vec<String> {
    let mut v: Vec<String> = [
        "He said \"hi\" and 'bye'",
        "back\\slash\\",
        "trailing backslash \\",
        "<script>alert(1)</script>",
        "</text><script>alert(2)</script><text>",
        "Tom & Jerry &amp; &lt;b&gt; &#60;",
        "a:b;c,d=e",
        "{braces} [brackets] (parens) |pipes|",
        "line\nbreak\r\nhere\ttab",
        "ctrl\u{1}\u{7}\u{1b}[31mchars",
        "שלום עולם right-to-left",
        "\u{202e}evil override\u{202c} end",
        "Graphviz \\N \\G \\l \\n escapes",
        "n0 --> n1 ; click n0 \"javascript:alert(3)\"",
        "%%{init: {\"theme\": \"dark\"}}%%",
        "]]> <!-- comment --> <![CDATA[x]]>",
        "`code` **bold** [link](javascript:alert(4))",
        "'; MATCH (n) DETACH DELETE n; //",
        "=HYPERLINK(\"http://x\",\"y\")",
        "emoji 🎉 ümlaut",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(format!("long \"{}\"", "x\\y<z>&".repeat(1300)));
    v
}

/// A `newsgraph serve` on a free loopback port (`--bind 127.0.0.1:0`, the
/// address read from its first line of stdout); stopped when dropped.
pub struct Served {
    child: std::process::Child,
    /// "127.0.0.1:PORT".
    pub addr: String,
}

/// Starts `newsgraph serve` on `store`.
pub fn serve(dir: &Path, store: &str) -> Served {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["serve", "--store", store, "--bind", "127.0.0.1:0"])
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::inherit())
        .spawn()
        .expect("start newsgraph serve");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read the address");
    let addr = line
        .trim()
        .strip_prefix("http://")
        .and_then(|a| a.strip_suffix('/'))
        .unwrap_or_else(|| panic!("serve printed {line:?}, not its address"))
        .to_string();
    Served { child, addr }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer: status, content type, body.
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: String,
}

impl Served {
    /// The page's URL.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// `GET path` (path and query already encoded).
    pub fn get(&self, path: &str) -> Reply {
        self.request("GET", path, &[])
    }

    /// A request with extra header lines; the answer read to the end.
    pub fn request(&self, method: &str, path: &str, headers: &[&str]) -> Reply {
        use std::io::{Read, Write};
        let mut c = std::net::TcpStream::connect(&self.addr).expect("connect");
        c.set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .unwrap();
        let host = if headers.iter().any(|h| h.starts_with("Host:")) {
            String::new()
        } else {
            format!("Host: {}\r\n", self.addr)
        };
        let extra: String = headers.iter().map(|h| format!("{h}\r\n")).collect();
        write!(
            c,
            "{method} {path} HTTP/1.1\r\n{host}{extra}Connection: close\r\n\r\n"
        )
        .unwrap();
        let mut raw = Vec::new();
        c.read_to_end(&mut raw).expect("read the answer");
        let text = String::from_utf8_lossy(&raw).to_string();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let content_type = head
            .lines()
            .find_map(|l| {
                l.to_ascii_lowercase()
                    .strip_prefix("content-type:")
                    .map(|v| v.trim().to_string())
            })
            .unwrap_or_default();
        Reply {
            status,
            content_type,
            body: body.to_string(),
        }
    }

    /// `GET path` answered 200 with JSON.
    pub fn json(&self, path: &str) -> serde_json::Value {
        let r = self.get(path);
        let shown: String = path.chars().take(120).collect();
        assert_eq!(r.status, 200, "{shown}: {:.300}", r.body);
        assert!(r.content_type.starts_with("application/json"), "{shown}");
        serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{shown}: {e}: {:.300}", r.body))
    }
}

/// Percent-encodes a query or path component.
pub fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
