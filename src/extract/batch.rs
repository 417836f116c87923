//! Extraction of many documents at once, in parallel across documents (rayon).
//!
//! Documents are independent until they are merged, so each is extracted on
//! whichever core is free (work stealing: a long article does not hold up a
//! whole chunk of short ones); results come back in input order, so merging them
//! one by one gives exactly the graph a sequential run gives.

use super::{extract_document, DocResult, Options};
use crate::input::SourceDoc;
use rayon::prelude::*;

/// Extracts every document, in parallel across documents; the results are in
/// the order of `docs`.
pub fn extract_many(docs: &[SourceDoc], opts: Options) -> Vec<DocResult> {
    docs.par_iter()
        .map(|d| extract_document(&d.doc, &d.text, opts))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{articles, CorpusOptions};

    #[test]
    fn parallel_results_equal_sequential_results_in_order() {
        let docs: Vec<SourceDoc> = articles(CorpusOptions::default())
            .take(24)
            .map(|a| a.into_source())
            .collect();
        let par = extract_many(&docs, Options::default());
        assert_eq!(par.len(), docs.len());
        for (d, r) in docs.iter().zip(&par) {
            let seq = extract_document(&d.doc, &d.text, Options::default());
            assert_eq!(r.extraction, seq.extraction);
        }
        assert!(par.iter().any(|r| !r.extraction.relations.is_empty()));
    }
}
