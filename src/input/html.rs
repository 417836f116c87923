//! HTML pages: the article's main text, read with an HTML5 parser (scraper).
//!
//! The main text is the page's `<article>`, else `<main>` or `[role=main]`,
//! else `<body>`, without scripts, styles, navigation, headers, footers, asides,
//! forms and figures' captions; block elements (paragraphs, headings, list items,
//! ...) end lines, so each becomes at least one sentence. The title comes from
//! `og:title` or `<title>`, the date from `article:published_time`, a
//! `<time datetime>` or `<meta name="date">`, the URL from the canonical link or
//! `og:url`. Evidence offsets refer to the extracted text.

use super::structured::iso_date;
use scraper::{ElementRef, Html, Node, Selector};

/// What a page holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Main text, one block per line.
    pub text: String,
    /// Title, if any.
    pub title: Option<String>,
    /// Publication date (ISO 8601), if any.
    pub date: Option<String>,
    /// Canonical URL, if any.
    pub url: Option<String>,
}

const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "iframe",
    "figcaption",
    "select",
    "head",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "tr",
    "table",
    "br",
    "hr",
    "dd",
    "dt",
    "figure",
    "address",
];

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn first_attr(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let s = sel(selector)?;
    doc.select(&s)
        .find_map(|e| e.value().attr(attr))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// Extracts a page's main text and metadata.
pub fn parse(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .filter_map(|s| sel(s))
        .find_map(|s| doc.select(&s).next());
    let mut text = String::new();
    match root {
        Some(r) => walk(r, &mut text),
        None => {
            for n in doc.root_element().descendants() {
                if let Node::Text(t) = n.value() {
                    text.push_str(t);
                }
            }
        }
    }
    // Tidy: trim each line, collapse runs of blank lines and spaces.
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !l.is_empty() {
            out.push_str(&l);
            out.push('\n');
        }
    }
    let title = first_attr(&doc, "meta[property='og:title']", "content").or_else(|| {
        sel("title").and_then(|s| {
            doc.select(&s)
                .next()
                .map(|t| t.text().collect::<String>().trim().to_string())
                .filter(|t| !t.is_empty())
        })
    });
    let date = [
        ("meta[property='article:published_time']", "content"),
        ("meta[name='date']", "content"),
        ("meta[itemprop='datePublished']", "content"),
        ("time[datetime]", "datetime"),
    ]
    .iter()
    .find_map(|(s, a)| first_attr(&doc, s, a).and_then(|d| iso_date(&d)));
    let url = first_attr(&doc, "link[rel='canonical']", "href")
        .or_else(|| first_attr(&doc, "meta[property='og:url']", "content"));
    Page {
        text: out,
        title,
        date,
        url,
    }
}

fn walk(e: ElementRef, out: &mut String) {
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(el) => {
                let name = el.name();
                if SKIP.contains(&name)
                    || el.attr("hidden").is_some()
                    || el.attr("aria-hidden") == Some("true")
                {
                    continue;
                }
                let block = BLOCK.contains(&name);
                if block {
                    out.push('\n');
                }
                if let Some(c) = ElementRef::wrap(child) {
                    walk(c, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn main_text_without_chrome() {
        let p = parse(
            "<html><head><title>T</title><script>var x='Blinken met';</script></head><body>\
             <nav>Home | World</nav><article><h1>Talks</h1><p>Blinken <b>met</b> Kadhimi.</p>\
             <aside>Related: ads</aside><p>They spoke.</p></article><footer>(c)</footer></body></html>",
        );
        assert_eq!(p.text, "Talks\nBlinken met Kadhimi.\nThey spoke.\n");
        assert_eq!(p.title.as_deref(), Some("T"));
    }
}
