//! What the words around a mention say about it: after a locative
//! preposition it is a location, after a word of travel a capital is a place
//! rather than its government, a possessive may follow, and an acronym in
//! parentheses ("(CMF)") is an alias of the name before it.

use super::{remove_mention, Mention, MentionForm};
use crate::extract::grammar::LOCATIVE_PREPOSITIONS;
use crate::extract::sentence::SentenceView;
use crate::extract::tokens::TokKind;
use crate::model::ActorKind;

/// Locative and possessive flags, acronyms in parentheses.
pub(super) fn annotate(ctx: &SentenceView, ms: &mut [Mention]) {
    for m in ms.iter_mut() {
        let s = m.span.start;
        if s > ctx.range.start {
            let prev = ctx.norm(s - 1);
            m.locative = LOCATIVE_PREPOSITIONS.contains(&prev);
            if m.form == MentionForm::Metonym {
                // "in Cairo", "travelled to Moscow", "visited Baghdad", "the trip to
                // Beijing": the city, not its government ("criticism from Brussels" is).
                let before = if s >= ctx.range.start + 2 {
                    ctx.norm(s - 2)
                } else {
                    ""
                };
                let motion = &ctx.lx.cues.motion_word;
                m.place_use = m.locative && prev != "from"
                    || prev == "to" && motion.contains(before)
                    || motion.contains(prev) && !ctx.lx.cues.motion_needs_to.contains(prev);
            }
        }
        // "Tbilisi was visited by X": the city, as after "visited".
        if m.form == MentionForm::Metonym
            && ctx
                .tok(m.span.end)
                .is_some_and(|t| matches!(t.norm.as_str(), "was" | "were"))
            && ctx
                .tok(m.span.end + 1)
                .is_some_and(|t| ctx.lx.cues.motion_word.contains(&t.norm))
        {
            m.place_use = true;
        }
        m.possessive = ctx
            .tok(m.span.end)
            .is_some_and(|t| t.kind == TokKind::Possessive);
        // "Comisión para el Mercado Financiero (CMF)"
        if ctx.tok(m.span.end).is_some_and(|t| t.is_punct('('))
            && ctx.tok(m.span.end + 2).is_some_and(|t| t.is_punct(')'))
        {
            if let Some(a) = ctx
                .tok(m.span.end + 1)
                .filter(|t| t.upper && t.kind == TokKind::Word)
            {
                m.acronym = Some(a.text(ctx.doc).to_string());
            }
        }
        capital_by_role(ctx, m);
        // "The Nairobi visit", "the Cairo meeting": a city before an event noun
        // only says where it was; it is no side of it.
        if m.form == MentionForm::Metonym
            && ctx.norm(m.span.start) == "the"
            && !ctx
                .lx
                .gazetteer
                .contains_key(&crate::text::fold(m.text(ctx.doc, ctx.tokens)))
            && ctx.tok(m.span.end).is_some_and(|t| {
                t.kind == TokKind::Word && !t.cap && ctx.lx.cues.event_ref.contains_key(&t.norm)
            })
        {
            m.absorbed = true;
        }
    }
}

/// "the Haitian capital", "Eritrea's capital (city)": a country named by its
/// demonym or possessive before "capital" names its capital city, a place
/// wherever it stands. The mention grows over "capital" and takes the city's
/// name from the lexicon.
fn capital_by_role(ctx: &SentenceView, m: &mut Mention) {
    let Some(g) = m.gaz.as_ref().filter(|g| g.kind == ActorKind::Country) else {
        return;
    };
    let at = match m.form {
        MentionForm::Demonym => m.span.end,
        MentionForm::Name if m.possessive => m.span.end + 1,
        _ => return,
    };
    let word = |k: usize, w: &str| {
        ctx.tok(k)
            .is_some_and(|t| t.kind == TokKind::Word && !t.cap && t.norm == w)
    };
    if !word(at, "capital") {
        return;
    }
    let Some(city) = g.country.as_ref().and_then(|c| ctx.lx.capitals.get(c)) else {
        return;
    };
    let end = if word(at + 1, "city") { at + 2 } else { at + 1 };
    m.place_name = Some(city.clone());
    m.span.end = end;
    m.head = m.span.clone();
    m.form = MentionForm::Metonym;
    m.place_use = true;
    m.possessive = ctx.tok(end).is_some_and(|t| t.kind == TokKind::Possessive);
}

/// "(CMF)" after a name is an alias of that name (see [`annotate`]), not a
/// mention of its own: drops such mentions from `out[base..]`.
pub(super) fn drop_acronym_mentions(out: &mut Vec<Mention>, base: usize) {
    let mut i = base + 1;
    while i < out.len() {
        let prev = &out[i - 1];
        if prev.acronym.is_some()
            && out[i].span.start == prev.span.end + 1
            && out[i].span.len() == 1
        {
            remove_mention(out, i);
        } else {
            i += 1;
        }
    }
}
