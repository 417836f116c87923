//! XML text for every XML-based format (GraphML, the embedded SVG renderer,
//! HTML): the one place that turns untrusted text into character data.

/// Whether a character may stand in XML text: what XML 1.0 allows at all (tab,
/// line feed, carriage return, everything from U+0020 but the non-characters)
/// less DEL and the C1 controls, which it allows but asks authors to avoid and
/// which some readers refuse.
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Text as XML character data, safe both between tags and inside a
/// double- or single-quoted attribute: `& < > " '` become entities and
/// characters XML forbids are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s);
    out
}

/// Appends [`escape`]d text.
pub fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
}

/// Text with the characters XML forbids removed (for writers such as quick-xml
/// that escape markup but pass control characters through).
pub fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().all(allowed) {
        std::borrow::Cow::Borrowed(s)
    } else {
        std::borrow::Cow::Owned(s.chars().filter(|&c| allowed(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'\u{0}\u{1b}ok\u{FFFE}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;ok"
        );
        assert_eq!(escape("tab\tnew\nline אבג"), "tab\tnew\nline אבג");
        assert_eq!(clean("a\u{7}b"), "ab");
        // DEL and the C1 controls (found by the names fuzz target).
        assert_eq!(escape("C\u{7f}rt\u{85}\u{9f}\u{a0}"), "Crt\u{a0}");
    }
}
