//! Extraction of many documents at once, in parallel across documents (rayon).
//!
//! Documents are independent until they are merged, so each is extracted on
//! whichever core is free (work stealing: a long article does not hold up a
//! whole chunk of short ones); results come back in input order, so merging them
//! one by one gives exactly the graph a sequential run gives.

use super::extract_document;
use crate::extract::{DocResult, Options};
use crate::input::{Payload, Record, SourceDoc};
use crate::model::Extraction;
use rayon::prelude::*;

/// Extracts every document, in parallel across documents; the results are in
/// the order of `docs`.
pub fn extract_many(docs: &[SourceDoc], opts: Options) -> Vec<DocResult> {
    docs.par_iter()
        .map(|d| extract_document(&d.doc, &d.text, opts))
        .collect()
}

/// Extracts the articles among a batch of records (those with a text payload;
/// the others give `None`), in parallel across documents on `threads` threads,
/// the results in the order of `records`: what `newsgraph load` runs on each
/// batch it reads (the batches keep its memory bounded on any input size).
/// With one thread nothing is spawned; a count other than rayon's global pool
/// gets a pool of its own for the call.
pub fn extract_records(
    records: &[Record],
    threads: usize,
    opts: Options,
) -> Vec<Option<Extraction>> {
    let one = |r: &Record| match &r.payload {
        Payload::Text(t) => Some(extract_document(&r.doc, t, opts).extraction),
        _ => None,
    };
    if threads <= 1 || records.len() <= 1 {
        return records.iter().map(one).collect();
    }
    let run = || records.par_iter().map(one).collect();
    if threads == rayon::current_num_threads() {
        return run();
    }
    match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool.install(run),
        // No threads to be had: the global pool still gives the same results.
        Err(_) => run(),
    }
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

    #[test]
    fn records_give_the_same_extractions_on_any_number_of_threads() {
        let mut records: Vec<Record> = articles(CorpusOptions::default())
            .take(30)
            .map(|a| {
                let d = a.into_source();
                Record {
                    doc: d.doc,
                    source: String::new(),
                    hash: String::new(),
                    payload: Payload::Text(d.text),
                    bytes: 0,
                }
            })
            .collect();
        // A record that is no article is passed over, in place.
        records.insert(
            7,
            Record {
                doc: records[0].doc.clone(),
                source: String::new(),
                hash: String::new(),
                payload: Payload::Graph(Extraction::default()),
                bytes: 0,
            },
        );
        let one = extract_records(&records, 1, Options::default());
        assert_eq!(one.len(), records.len());
        assert!(one[7].is_none());
        assert_eq!(one.iter().filter(|x| x.is_some()).count(), 30);
        for threads in [2, 3, rayon::current_num_threads()] {
            assert_eq!(extract_records(&records, threads, Options::default()), one);
        }
        let Payload::Text(t0) = &records[0].payload else {
            panic!("the first record is an article")
        };
        let seq = extract_document(&records[0].doc, t0, Options::default());
        assert_eq!(one[0].as_ref(), Some(&seq.extraction));
    }
}
