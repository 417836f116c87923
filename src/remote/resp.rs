//! A minimal client of the Redis protocol (RESP2), enough to send commands and
//! read their replies: what FalkorDB's `GRAPH.QUERY` needs.
//!
//! Why not the `redis` crate: we need one request/reply loop (plus pipelining
//! for bulk loads), and the crate, even without default features, brings some
//! forty crates (URL and IDNA parsing with ICU tables, a parser-combinator
//! library) into every build. RESP2 is a small, stable, line-oriented format;
//! this module is its whole client.

use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// A reply from the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// `+OK`.
    Simple(String),
    /// `-ERR ...`: the command failed.
    Error(String),
    /// `:42`.
    Int(i64),
    /// `$n` bulk string (None: the null bulk string).
    Bulk(Option<Vec<u8>>),
    /// `*n` array (None: the null array).
    Array(Option<Vec<Reply>>),
}

/// Longest reply element accepted (a guard against a peer that is not Redis).
const MAX_BULK: usize = 512 * 1024 * 1024;
/// Deepest nesting of arrays accepted.
const MAX_DEPTH: usize = 64;

/// A connection to a Redis-protocol server.
pub struct Connection {
    reader: BufReader<TcpStream>,
    writer: BufWriter<TcpStream>,
}

fn bad(msg: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
}

impl Connection {
    /// Connects (trying each address the host resolves to), with a timeout on
    /// connecting only: queries may legitimately run long.
    pub fn connect(host: &str, port: u16, timeout: Duration) -> io::Result<Connection> {
        let mut last = None;
        for addr in (host, port).to_socket_addrs()? {
            match TcpStream::connect_timeout(&addr, timeout) {
                Ok(s) => {
                    s.set_nodelay(true)?;
                    let w = s.try_clone()?;
                    return Ok(Connection {
                        reader: BufReader::with_capacity(1 << 16, s),
                        writer: BufWriter::with_capacity(1 << 16, w),
                    });
                }
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, "the host resolves to no address")
        }))
    }

    /// Sends a command without waiting for its reply (pipelining: read the
    /// replies in order with [`Connection::read_reply`]).
    pub fn send(&mut self, args: &[&[u8]]) -> io::Result<()> {
        write!(self.writer, "*{}\r\n", args.len())?;
        for a in args {
            write!(self.writer, "${}\r\n", a.len())?;
            self.writer.write_all(a)?;
            self.writer.write_all(b"\r\n")?;
        }
        self.writer.flush()
    }

    /// Sends a command and reads its reply.
    pub fn command(&mut self, args: &[&[u8]]) -> io::Result<Reply> {
        self.send(args)?;
        self.read_reply()
    }

    /// Reads the next reply.
    pub fn read_reply(&mut self) -> io::Result<Reply> {
        self.read_at(0)
    }

    fn line(&mut self) -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        let n = self.reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the server closed the connection",
            ));
        }
        if !buf.ends_with(b"\r\n") {
            return Err(bad("a reply line does not end in CRLF"));
        }
        buf.truncate(buf.len() - 2);
        Ok(buf)
    }

    fn read_at(&mut self, depth: usize) -> io::Result<Reply> {
        if depth > MAX_DEPTH {
            return Err(bad("reply nested too deeply"));
        }
        let line = self.line()?;
        let (&kind, rest) = line.split_first().ok_or_else(|| bad("empty reply line"))?;
        let text = || String::from_utf8_lossy(rest).into_owned();
        let int = || -> io::Result<i64> {
            std::str::from_utf8(rest)
                .ok()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| bad(format!("bad integer in reply: {:?}", text())))
        };
        match kind {
            b'+' => Ok(Reply::Simple(text())),
            b'-' => Ok(Reply::Error(text())),
            b':' => Ok(Reply::Int(int()?)),
            b'$' => {
                let n = int()?;
                if n < 0 {
                    return Ok(Reply::Bulk(None));
                }
                let n = n as usize;
                if n > MAX_BULK {
                    return Err(bad("reply string too long"));
                }
                let mut buf = vec![0; n + 2];
                self.reader.read_exact(&mut buf)?;
                if !buf.ends_with(b"\r\n") {
                    return Err(bad("a reply string does not end in CRLF"));
                }
                buf.truncate(n);
                Ok(Reply::Bulk(Some(buf)))
            }
            b'*' => {
                let n = int()?;
                if n < 0 {
                    return Ok(Reply::Array(None));
                }
                let n = n as usize;
                let mut items = Vec::with_capacity(n.min(1 << 16));
                for _ in 0..n {
                    items.push(self.read_at(depth + 1)?);
                }
                Ok(Reply::Array(Some(items)))
            }
            _ => Err(bad(format!(
                "not a Redis protocol reply (starts with {:?})",
                kind as char
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A one-shot fake server: answers the first request with `reply` bytes and
    /// returns what it received.
    fn serve(reply: &'static [u8]) -> (u16, std::thread::JoinHandle<Vec<u8>>) {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        let h = std::thread::spawn(move || {
            let (mut s, _) = l.accept().unwrap();
            let mut buf = vec![0; 4096];
            let n = s.read(&mut buf).unwrap();
            s.write_all(reply).unwrap();
            buf.truncate(n);
            buf
        });
        (port, h)
    }

    #[test]
    fn commands_are_encoded_and_nested_replies_decoded() {
        let (port, h) = serve(b"*3\r\n$3\r\na\nb\r\n:-7\r\n*2\r\n$-1\r\n+OK\r\n");
        let mut c = Connection::connect("127.0.0.1", port, Duration::from_secs(5)).unwrap();
        let r = c
            .command(&[b"GRAPH.QUERY", b"g", b"RETURN '\r\n'"])
            .unwrap();
        assert_eq!(
            r,
            Reply::Array(Some(vec![
                Reply::Bulk(Some(b"a\nb".to_vec())),
                Reply::Int(-7),
                Reply::Array(Some(vec![Reply::Bulk(None), Reply::Simple("OK".into())])),
            ]))
        );
        assert_eq!(
            h.join().unwrap(),
            b"*3\r\n$11\r\nGRAPH.QUERY\r\n$1\r\ng\r\n$11\r\nRETURN '\r\n'\r\n"
        );
    }

    #[test]
    fn garbage_and_closed_connections_are_errors_not_panics() {
        let (port, _h) = serve(b"HTTP/1.1 400 Bad Request\r\n");
        let mut c = Connection::connect("127.0.0.1", port, Duration::from_secs(5)).unwrap();
        assert!(c.command(&[b"PING"]).is_err());
        let (port, _h) = serve(b"$5\r\nab");
        let mut c = Connection::connect("127.0.0.1", port, Duration::from_secs(5)).unwrap();
        assert!(c.command(&[b"PING"]).is_err());
    }
}
