//! Speakers: "I" and "we" inside a quote are the quote's speaker, the subject
//! of its attribution ("Blinken said", "said Ned Price").

use super::DocCtx;
use crate::extract::mentions::{Mention, Pronoun};

/// Pass 3: "I" and "we" inside quotes are the quote's speaker.
pub(super) fn resolve_speakers(ctx: &DocCtx, mentions: &mut [Mention]) {
    // Token → quote and token → sentence, so each lookup is direct.
    let mut quote_of: Vec<Option<usize>> = vec![None; ctx.tokens.len()];
    for (qi, q) in ctx.quotes.iter().enumerate() {
        for t in q.inner.clone() {
            if let Some(x) = quote_of.get_mut(t) {
                *x = Some(qi);
            }
        }
    }
    let mut sentence_of: Vec<usize> = vec![0; ctx.tokens.len()];
    for s in ctx.sentences {
        for t in s.tokens.clone() {
            sentence_of[t] = s.index;
        }
    }
    // Mentions are in token order: the ones near a verb are found by binary search.
    let starts: Vec<usize> = mentions.iter().map(|m| m.span.start).collect();
    let speaker_of = |verb: usize, mentions: &[Mention]| -> Option<usize> {
        // The attribution's subject: a mention right before the verb ("Blinken
        // said"), or right after it ("said Ned Price").
        let usable = |m: &Mention| {
            !m.absorbed
                && m.actor.is_some()
                && quote_of.get(m.span.start).is_none_or(|q| q.is_none())
                && m.pronoun != Some(Pronoun::Speaker)
        };
        let sentence = ctx.sentences.get(*sentence_of.get(verb)?)?;
        let lo = starts.partition_point(|&x| x < sentence.tokens.start);
        let at = starts.partition_point(|&x| x <= verb);
        let hi = starts.partition_point(|&x| x <= verb + 3);
        let before = mentions[lo..at]
            .iter()
            .rev()
            .find(|m| m.span.end <= verb && m.span.end + 4 >= verb && usable(m));
        let after = mentions[at..hi]
            .iter()
            .find(|m| m.span.start > verb && usable(m));
        let main_start = crate::extract::clauses::leading_adverbial_end(
            ctx.tokens,
            ctx.lx,
            sentence.tokens.clone(),
        )
        .map(|c| c + 1)
        .unwrap_or(sentence.tokens.start);
        let subject = mentions[lo..at]
            .iter()
            .find(|m| m.span.start >= main_start && m.span.end <= verb && usable(m));
        before.or(after).or(subject).and_then(|m| m.actor)
    };
    let speakers: Vec<Option<usize>> = ctx
        .quotes
        .iter()
        .map(|q| q.verb.and_then(|v| speaker_of(v, mentions)))
        .collect();
    for m in mentions.iter_mut() {
        if m.pronoun == Some(Pronoun::Speaker) {
            if let Some(s) = quote_of
                .get(m.span.start)
                .copied()
                .flatten()
                .and_then(|q| speakers[q])
            {
                m.actor = Some(s);
            }
        }
    }
}
