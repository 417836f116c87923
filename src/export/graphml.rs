//! GraphML, written with quick-xml: typed attribute keys for every actor and
//! relation field (evidence included), one edge per relation, and yFiles
//! graphics (shape, colour, label) so yEd shows a styled graph on opening.
//! networkx (`read_graphml`), Gephi and Cytoscape read the typed keys and ignore
//! or use the yFiles data.

use super::style::{kind_style, relation_color, relation_line, OUTLINE};
use super::xml;
use crate::error::{Error, Result};
use crate::graph::NewsGraph;
use crate::model::{Actor, ActorKind, Relation};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;
use quick_xml::Writer;
use std::borrow::Cow;

/// GraphML attribute keys: (id, for, name, type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("n_label", "node", "label", "string"),
    ("n_name", "node", "name", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_country", "node", "country", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_type", "edge", "type", "string"),
    ("e_cameo", "edge", "cameo", "string"),
    ("e_date", "edge", "date", "string"),
    ("e_planned", "edge", "planned", "boolean"),
    ("e_doc", "edge", "doc", "string"),
    ("e_sentence", "edge", "sentence", "int"),
    ("e_start", "edge", "start", "int"),
    ("e_end", "edge", "end", "int"),
    ("e_trigger", "edge", "trigger", "string"),
    ("e_text", "edge", "text", "string"),
    ("e_rule", "edge", "rule", "string"),
];

/// Separator of the aliases in the `aliases` string attribute.
pub const ALIAS_SEPARATOR: &str = "; ";

/// An attribute whose value is escaped here: markup characters as entities,
/// and tab, line feed and carriage return as character references, which XML
/// attribute normalisation would otherwise turn into spaces.
fn attr<'a>(key: &'a str, value: &str) -> Attribute<'a> {
    let mut v = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\t' => v.push_str("&#9;"),
            '\n' => v.push_str("&#10;"),
            '\r' => v.push_str("&#13;"),
            c => xml::push_escaped(&mut v, c.encode_utf8(&mut [0; 4])),
        }
    }
    Attribute {
        key: QName(key.as_bytes()),
        value: Cow::Owned(v.into_bytes()),
    }
}

type W = Writer<Vec<u8>>;

fn io(e: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("GraphML export failed: {e}"))
}

fn data(w: &mut W, key: &str, value: &str) -> Result<()> {
    w.create_element("data")
        .with_attribute(attr("key", key))
        .write_text_content(BytesText::new(&xml::clean(value)))
        .map(|_| ())
        .map_err(io)
}

fn yfiles_shape(k: ActorKind) -> &'static str {
    match k {
        ActorKind::Person => "ellipse",
        ActorKind::Organization => "rectangle",
        ActorKind::Country => "hexagon",
        ActorKind::Place => "trapezoid2",
    }
}

/// The graph as GraphML.
pub fn to_graphml(g: &NewsGraph) -> Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
    let mut root = BytesStart::new("graphml");
    root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
    root.push_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"));
    root.push_attribute(("xmlns:y", "http://www.yworks.com/xml/graphml"));
    root.push_attribute((
        "xsi:schemaLocation",
        "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd",
    ));
    w.write_event(Event::Start(root)).map_err(io)?;
    write_keys(&mut w)?;
    let mut graph = BytesStart::new("graph");
    graph.push_attribute(("id", "newsgraph"));
    graph.push_attribute(("edgedefault", "directed"));
    w.write_event(Event::Start(graph)).map_err(io)?;
    for a in g.actors() {
        write_node(&mut w, a)?;
    }
    for (i, r) in g.relations().into_iter().enumerate() {
        write_edge(&mut w, i, r)?;
    }
    w.write_event(Event::End(BytesEnd::new("graph")))
        .map_err(io)?;
    w.write_event(Event::End(BytesEnd::new("graphml")))
        .map_err(io)?;
    let mut out = String::from_utf8(w.into_inner()).map_err(io)?;
    out.push('\n');
    Ok(out)
}

/// The attribute keys: ours, then yFiles' graphics.
fn write_keys(w: &mut W) -> Result<()> {
    for (id, for_, name, ty) in KEYS {
        w.create_element("key")
            .with_attributes([
                ("id", *id),
                ("for", *for_),
                ("attr.name", *name),
                ("attr.type", *ty),
            ])
            .write_empty()
            .map_err(io)?;
    }
    w.create_element("key")
        .with_attributes([
            ("id", "n_yfiles"),
            ("for", "node"),
            ("yfiles.type", "nodegraphics"),
        ])
        .write_empty()
        .map_err(io)?;
    w.create_element("key")
        .with_attributes([
            ("id", "e_yfiles"),
            ("for", "edge"),
            ("yfiles.type", "edgegraphics"),
        ])
        .write_empty()
        .map_err(io)?;
    Ok(())
}

/// An actor: its attributes, and how yEd draws it.
fn write_node(w: &mut W, a: &Actor) -> Result<()> {
    let mut node = BytesStart::new("node");
    node.push_attribute(attr("id", &a.id));
    w.write_event(Event::Start(node)).map_err(io)?;
    data(w, "n_label", &a.name)?;
    data(w, "n_name", &a.name)?;
    data(w, "n_kind", a.kind.as_str())?;
    if let Some(c) = &a.country {
        data(w, "n_country", c)?;
    }
    if !a.aliases.is_empty() {
        data(w, "n_aliases", &a.aliases.join(ALIAS_SEPARATOR))?;
    }
    let (_, fill) = kind_style(a.kind);
    let label = super::diagram::node_label(a);
    let width = (label.chars().count() as f64 * 7.0 + 24.0).max(40.0);
    w.create_element("data")
        .with_attribute(("key", "n_yfiles"))
        .write_inner_content(|w| {
            w.create_element("y:ShapeNode").write_inner_content(|w| {
                w.create_element("y:Geometry")
                    .with_attributes([("height", "30.0"), ("width", &*format!("{width:.1}"))])
                    .write_empty()?;
                w.create_element("y:Fill")
                    .with_attributes([("color", fill), ("transparent", "false")])
                    .write_empty()?;
                w.create_element("y:BorderStyle")
                    .with_attributes([("color", OUTLINE), ("type", "line"), ("width", "1.0")])
                    .write_empty()?;
                w.create_element("y:NodeLabel")
                    .write_text_content(BytesText::new(&xml::clean(&label)))?;
                w.create_element("y:Shape")
                    .with_attribute(("type", yfiles_shape(a.kind)))
                    .write_empty()?;
                Ok(())
            })?;
            Ok(())
        })
        .map_err(io)?;
    w.write_event(Event::End(BytesEnd::new("node")))
        .map_err(io)?;
    Ok(())
}

/// Relation number `i`: its attributes with the evidence, and how yEd draws it.
fn write_edge(w: &mut W, i: usize, r: &Relation) -> Result<()> {
    let mut edge = BytesStart::new("edge");
    edge.push_attribute(("id", format!("e{i}").as_str()));
    edge.push_attribute(attr("source", &r.source));
    edge.push_attribute(attr("target", &r.target));
    w.write_event(Event::Start(edge)).map_err(io)?;
    let ev = &r.evidence;
    data(w, "e_label", r.kind.as_str())?;
    data(w, "e_type", r.kind.as_str())?;
    if let Some(c) = &r.cameo {
        data(w, "e_cameo", c)?;
    }
    if let Some(d) = &r.date {
        data(w, "e_date", d)?;
    }
    data(w, "e_planned", if r.planned { "true" } else { "false" })?;
    data(w, "e_doc", &ev.doc)?;
    data(w, "e_sentence", &ev.sentence.to_string())?;
    data(w, "e_start", &ev.start.to_string())?;
    data(w, "e_end", &ev.end.to_string())?;
    data(w, "e_trigger", &ev.trigger)?;
    data(w, "e_text", &ev.text)?;
    if let Some(rule) = &ev.rule {
        data(w, "e_rule", rule)?;
    }
    let line = if relation_line(r.kind) == "dashed" {
        "dashed"
    } else {
        "line"
    };
    w.create_element("data")
        .with_attribute(("key", "e_yfiles"))
        .write_inner_content(|w| {
            w.create_element("y:PolyLineEdge")
                .write_inner_content(|w| {
                    w.create_element("y:LineStyle")
                        .with_attributes([
                            ("color", relation_color(r.kind)),
                            ("type", line),
                            ("width", "1.5"),
                        ])
                        .write_empty()?;
                    w.create_element("y:Arrows")
                        .with_attributes([("source", "none"), ("target", "standard")])
                        .write_empty()?;
                    w.create_element("y:EdgeLabel")
                        .with_attribute(("textColor", relation_color(r.kind)))
                        .write_text_content(BytesText::new(r.kind.as_str()))?;
                    Ok(())
                })?;
            Ok(())
        })
        .map_err(io)?;
    w.write_event(Event::End(BytesEnd::new("edge")))
        .map_err(io)?;
    Ok(())
}
