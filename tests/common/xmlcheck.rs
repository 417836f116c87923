//! Reading XML outputs (SVG, GraphML, HTML) back with quick-xml: well-formedness,
//! element names, attributes and text, for the export tests.

#![allow(dead_code)]

use quick_xml::events::Event;

/// One element as read back.
#[derive(Debug, Clone)]
pub struct Element {
    /// Qualified name (`svg`, `y:ShapeNode`, ...).
    pub name: String,
    /// Attributes, unescaped.
    pub attrs: Vec<(String, String)>,
    /// Text directly inside it, unescaped (entities and character references resolved).
    pub text: String,
}

/// Parses a document, panicking (with the position) if it is not well-formed
/// XML; returns every element in document order.
pub fn elements(doc: &str) -> Vec<Element> {
    let mut r = quick_xml::Reader::from_str(doc);
    r.config_mut().check_end_names = true;
    let mut out: Vec<Element> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    loop {
        let ev = r
            .read_event()
            .unwrap_or_else(|e| panic!("not well-formed at byte {}: {e}", r.buffer_position()));
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = String::from_utf8(e.name().as_ref().to_vec()).expect("UTF-8 name");
                let mut attrs = Vec::new();
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("bad attribute in <{name}>: {err}"));
                    let k = String::from_utf8(a.key.as_ref().to_vec()).expect("UTF-8 key");
                    let v = a
                        .unescape_value()
                        .unwrap_or_else(|err| panic!("bad attribute value in <{name}>: {err}"))
                        .into_owned();
                    attrs.push((k, v));
                }
                out.push(Element {
                    name,
                    attrs,
                    text: String::new(),
                });
                if !empty {
                    stack.push(out.len() - 1);
                }
            }
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) => {
                if let Some(&i) = stack.last() {
                    out[i].text.push_str(&t.decode().expect("UTF-8 text"));
                }
            }
            Event::CData(t) => {
                if let Some(&i) = stack.last() {
                    out[i]
                        .text
                        .push_str(std::str::from_utf8(&t).expect("UTF-8 CDATA"));
                }
            }
            Event::GeneralRef(g) => {
                let name = g.decode().expect("UTF-8 entity").into_owned();
                let c = match name.as_str() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    _ => g
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                        .unwrap_or_else(|| panic!("undefined entity &{name};")),
                };
                if let Some(&i) = stack.last() {
                    out[i].text.push_str(&c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(stack.is_empty(), "unclosed elements");
    out
}

/// The value of an attribute.
pub fn attr<'a>(e: &'a Element, key: &str) -> Option<&'a str> {
    e.attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// All text of a document, element by element, joined by newlines.
pub fn all_text(els: &[Element]) -> String {
    els.iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// All character data of a document in order, with nothing between the pieces
/// (so text split by inline markup such as `<mark>` reads as one).
pub fn flat_text(doc: &str) -> String {
    let mut r = quick_xml::Reader::from_str(doc);
    let mut out = String::new();
    loop {
        match r.read_event().expect("well-formed") {
            Event::Text(t) => out.push_str(&t.decode().expect("UTF-8 text")),
            Event::GeneralRef(g) => {
                let name = g.decode().expect("UTF-8 entity").into_owned();
                match name.as_str() {
                    "amp" => out.push('&'),
                    "lt" => out.push('<'),
                    "gt" => out.push('>'),
                    "quot" => out.push('"'),
                    "apos" => out.push('\''),
                    _ => out.extend(g.resolve_char_ref().ok().flatten()),
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}
