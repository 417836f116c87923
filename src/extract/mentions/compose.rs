//! Step two of mention finding: units composed into mentions. A qualifier
//! before a title ("Iraqi Prime Minister X", "the agency's spokesman") or a
//! name ("Iran's Revolutionary Guards") is absorbed into the mention it
//! qualifies; every other unit is a mention of its own.

use super::gazetteer::compose_qualified;
use super::titles::compose_titled;
use super::units::{push_unit, Unit, UnitKind};
use super::Mention;
use crate::extract::sentence::SentenceView;

/// Composes the units of one sentence into mentions, appended to `out`.
pub(super) fn compose(s: &SentenceView, units: &[Unit], out: &mut Vec<Mention>) {
    let mut k = 0;
    while k < units.len() {
        let u = &units[k];
        let next = units.get(k + 1);
        match &u.kind {
            UnitKind::Gaz(_) | UnitKind::Name | UnitKind::OrgRole(_) => {
                // Qualifier followed by a title: "Iraqi Prime Minister ...", "Iran's Prime
                // Minister ...", "Kremlin spokesman ...", "the agency's spokesman".
                if (u.adjacent(next) || u.possessive_then(s, next))
                    && matches!(next.map(|n| &n.kind), Some(UnitKind::Title { .. }))
                {
                    let q = push_unit(s, u, out);
                    out[q].absorbed = true;
                    k = compose_titled(s, units, k + 1, Some(q), out);
                    continue;
                }
                if let Some(after) = compose_qualified(s, units, k, out) {
                    k = after;
                    continue;
                }
                push_unit(s, u, out);
                k += 1;
            }
            UnitKind::Title { .. } => {
                k = compose_titled(s, units, k, None, out);
            }
            UnitKind::Pronoun(_) | UnitKind::Group(..) => {
                push_unit(s, u, out);
                k += 1;
            }
        }
    }
}
