//! How query answers serialize: the JSON that `newsgraph <query> --format json`
//! prints is the answer types of this module's siblings ([`PathReport`],
//! [`ContactsReport`], [`EgoReport`], ...) serialized with `serde_json`, so a
//! library user gets exactly what the command line prints.
//!
//! Every object of those answers lists its keys in alphabetical order, nested
//! actors and relations included (unlike `extract --format json`, which keeps
//! the model's field order): the answers were first assembled as
//! `serde_json::Value` maps, which sort their keys, and scripts already read
//! that output. So the answer types declare their fields alphabetically, and
//! the model objects inside them (actors, relations, documents, maps keyed by
//! relation type) serialize through `sorted_keys`.
//!
//! [`PathReport`]: super::path::PathReport
//! [`ContactsReport`]: super::contacts::ContactsReport
//! [`EgoReport`]: super::neighbors::EgoReport

use serde::ser::Error as _;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// Serializes `value` as `serde_json` would hold it: every object's keys in
/// alphabetical order, at every depth (used with `#[serde(serialize_with)]`).
pub(crate) fn sorted_keys<T, S>(value: &T, s: S) -> Result<S::Ok, S::Error>
where
    T: Serialize + ?Sized,
    S: Serializer,
{
    serde_json::to_value(value)
        .map_err(S::Error::custom)?
        .serialize(s)
}

/// Serializes `object` (a model struct) with `extra` keys added beside its own
/// fields, all keys in alphabetical order: how the listings add a count or a
/// hash to the model's object.
pub(crate) fn with_keys<T, S>(
    object: &T,
    extra: impl IntoIterator<Item = (&'static str, Value)>,
    s: S,
) -> Result<S::Ok, S::Error>
where
    T: Serialize + ?Sized,
    S: Serializer,
{
    let mut v = serde_json::to_value(object).map_err(S::Error::custom)?;
    if let Some(o) = v.as_object_mut() {
        for (k, x) in extra {
            o.insert(k.to_string(), x);
        }
    }
    v.serialize(s)
}

/// Test helpers: the JSON of an answer, and the check that its keys are in
/// alphabetical order at every depth.
#[cfg(test)]
pub(crate) mod testing {
    use serde::Serialize;

    /// The pretty JSON of `answer`, as the command line prints it (without the
    /// final newline), after checking that every object lists its keys in
    /// alphabetical order: serializing through a `serde_json::Value`, whose
    /// maps are sorted, must not change a byte.
    pub fn json<T: Serialize>(answer: &T) -> String {
        let direct = serde_json::to_string_pretty(answer).unwrap();
        let via_value =
            serde_json::to_string_pretty(&serde_json::to_value(answer).unwrap()).unwrap();
        assert_eq!(direct, via_value, "keys out of alphabetical order");
        direct
    }
}
