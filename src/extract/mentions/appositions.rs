//! Appositions: a role and a name side by side, between commas, describe one
//! person. "the Prime Minister, Masrour Barzani" and "Tom Perriello, the U.S.
//! special envoy for Sudan," each become one titled name.

use super::{remove_mention, Mention, MentionForm};
use crate::extract::sentence::SentenceView;
use crate::model::ActorKind;

/// "the Prime Minister, Masrour Barzani": a role followed by a name in apposition
/// describes the same person; the role mention is dropped into the name.
pub(super) fn link_appositions(ctx: &SentenceView, out: &mut Vec<Mention>, base: usize) {
    let mut i = base;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let comma_between =
            b.span.start == a.span.end + 1 && ctx.tok(a.span.end).is_some_and(|t| t.is_punct(','));
        if a.form == MentionForm::Role
            && a.kind == Some(ActorKind::Person)
            && !a.plural
            && comma_between
            && b.form == MentionForm::Name
            // "The court's president, Judge Nawaf Salam,": a titled name too.
            && (b.title.is_none() || b.qualifier.is_none())
            && b.kind.is_none_or(|k| k == ActorKind::Person)
        {
            let end_ok = ctx
                .tok(b.span.end)
                .is_none_or(|t| !t.is_word() || t.norm == "and");
            if end_ok {
                let role = remove_mention(out, i);
                let m = &mut out[i];
                m.span.start = role.span.start;
                if m.title.is_none() {
                    m.title = role.title;
                }
                m.kind = Some(ActorKind::Person);
                if m.qualifier.is_none() {
                    m.qualifier = role.qualifier;
                }
                continue;
            }
        }
        // "Tom Perriello, the U.S. special envoy for Sudan, said": the role after the
        // name gives the person's title (and its qualifier, the person's country).
        if a.form == MentionForm::Name
            && a.title.is_none()
            && a.kind.is_none_or(|k| k == ActorKind::Person)
            && ctx.tok(a.span.end).is_some_and(|t| t.is_punct(','))
        {
            let j = (i + 1..out.len()).find(|&j| !out[j].absorbed);
            let role_at = j.filter(|&j| {
                let b = &out[j];
                let start = b.span.start;
                b.form == MentionForm::Role
                    && b.kind == Some(ActorKind::Person)
                    && !b.plural
                    && b.title.is_some()
                    && b.group_size.is_none()
                    && (start == a.span.end + 1
                        || start == a.span.end + 2
                            && matches!(ctx.norm(a.span.end + 1), "a" | "an"))
                    && ctx.tok(b.span.end).is_none_or(|t| {
                        !t.is_word() || matches!(t.norm.as_str(), "for" | "of" | "at" | "to" | "in")
                    })
            });
            if let Some(j) = role_at {
                let role = remove_mention(out, j);
                let m = &mut out[i];
                m.title = role.title;
                m.kind = Some(ActorKind::Person);
                if m.qualifier.is_none() {
                    m.qualifier = role.qualifier;
                }
            }
        }
        i += 1;
    }
}
