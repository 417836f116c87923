//! The explorer's name index gives the search box the same suggestions as the
//! full scan of every actor it replaces, on a synthetic archive: whole names,
//! last names, typos, prefixes, one letter, nonsense and nothing.

use newsgraph::corpus::graph::synthetic_graph;
use newsgraph::query::names::NameIndex;
use newsgraph::query::resolve::suggest;

#[test]
fn the_index_suggests_what_the_full_scan_does() {
    let g = synthetic_graph(3_000, 6_000, 5);
    let ix = NameIndex::new(&g);
    let mut asked = 0;
    for n in g.graph.node_indices().step_by(97) {
        let name = g.actor(n).name.clone();
        let last = name.split_whitespace().last().unwrap_or("").to_string();
        let typo: String = name
            .chars()
            .enumerate()
            .filter(|&(i, _)| i != 2)
            .map(|(_, c)| c)
            .collect();
        let short: String = name.chars().take(3).collect();
        for q in [name.as_str(), &last, &typo, &short, "a", "zzzz qqqq", ""] {
            assert_eq!(ix.suggest(&g, q, 10), suggest(&g, q, 10), "{q:?}");
            asked += 1;
        }
    }
    assert!(asked > 100);
    let some = g.graph.node_indices().nth(40).unwrap();
    assert_eq!(ix.exact(&g, &g.actor(some).id), Some(some));
    assert_eq!(ix.exact(&g, &g.actor(some).name.to_uppercase()), Some(some));
    assert_eq!(ix.exact(&g, "nobody at all"), None);
}
