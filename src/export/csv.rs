//! CSV files in neo4j-admin import format: `actors.csv` (nodes, labelled
//! `Actor` plus the kind) and `relations.csv` (relationships typed by relation
//! type), headers with neo4j field types, every field quoted.
//!
//! ```sh
//! neo4j-admin database import full --nodes=actors.csv --relationships=relations.csv neo4j
//! ```

use crate::graph::NewsGraph;

/// File name of the nodes file.
pub const ACTORS_FILE: &str = "actors.csv";
/// File name of the relationships file.
pub const RELATIONS_FILE: &str = "relations.csv";

/// Header of [`ACTORS_FILE`].
pub const ACTORS_HEADER: &str = "id:ID,name,kind,country,aliases:string[],:LABEL";
/// Header of [`RELATIONS_FILE`].
pub const RELATIONS_HEADER: &str = ":START_ID,:END_ID,:TYPE,cameo,date,planned:boolean,doc,sentence:int,start:int,end:int,trigger,text,rule";

/// One quoted CSV field: quotes doubled, line breaks turned into spaces (one
/// record per line, which neo4j-admin reads without `--multiline-fields`),
/// other control characters dropped.
pub fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\"\""),
            '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The neo4j label of an actor kind (the same labels as the Cypher script's).
pub use crate::cypher::kind_label;

/// The two CSV files: (actors, relations).
pub fn to_csv(g: &NewsGraph) -> (String, String) {
    let mut actors = String::from(ACTORS_HEADER);
    actors.push('\n');
    for a in g.actors() {
        // neo4j-admin splits arrays on ';': a ';' inside one alias would split it.
        let aliases: Vec<String> = a.aliases.iter().map(|x| x.replace(';', ",")).collect();
        let row = [
            field(&a.id),
            field(&a.name),
            field(a.kind.as_str()),
            field(a.country.as_deref().unwrap_or("")),
            field(&aliases.join(";")),
            field(&format!("Actor;{}", kind_label(a.kind))),
        ];
        actors.push_str(&row.join(","));
        actors.push('\n');
    }
    let mut rels = String::from(RELATIONS_HEADER);
    rels.push('\n');
    for r in g.relations() {
        let ev = &r.evidence;
        let row = [
            field(&r.source),
            field(&r.target),
            field(&r.kind.as_str().to_ascii_uppercase()),
            field(r.cameo.as_deref().unwrap_or("")),
            field(r.date.as_deref().unwrap_or("")),
            r.planned.to_string(),
            field(&ev.doc),
            ev.sentence.to_string(),
            ev.start.to_string(),
            ev.end.to_string(),
            field(&ev.trigger),
            field(&ev.text),
            field(ev.rule.as_deref().unwrap_or("")),
        ];
        rels.push_str(&row.join(","));
        rels.push('\n');
    }
    (actors, rels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_with_doubled_quotes_on_one_line() {
        assert_eq!(field("a\"b,c\nd"), "\"a\"\"b,c d\"");
        assert_eq!(field(""), "\"\"");
    }
}
