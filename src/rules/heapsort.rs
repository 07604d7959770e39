//! An in-place heapsort for the strict reader's duplicate-key check.
//!
//! Why not `slice::sort_unstable`: it brings some 5 KB of wasm (pattern-defeating quicksort,
//! small-sort networks, a heapsort fallback) for one sort of a file's keys. This needs no
//! allocation and keeps the O(n log n) bound a hostile file of 200,000 keys needs.

/// Sorts `items` ascending.
pub(super) fn heapsort<T: Ord>(items: &mut [T]) {
    let len = items.len();
    for root in (0..len / 2).rev() {
        sift_down(items, root, len);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

/// Moves the item at `root` down the max-heap in `items[..end]` until no child is larger.
/// Every index is below `end <= items.len()`, so `swap` cannot go out of bounds.
fn sift_down<T: Ord>(items: &mut [T], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && items.get(child) < items.get(child + 1) {
            child += 1;
        }
        if items.get(root) >= items.get(child) {
            return;
        }
        items.swap(root, child);
        root = child;
    }
}

// Native only: proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::heapsort;
    use proptest::prelude::*;

    proptest! {
        /// Same result as the standard sort, duplicates and all.
        #[test]
        fn sorts_like_the_standard_library(mut items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort();
            heapsort(&mut items);
            prop_assert_eq!(items, expected);
        }
    }

    #[test]
    fn sorts_the_edge_cases() {
        for mut items in [vec![], vec![1], vec![2, 1], vec![1, 1, 1], vec![3, 2, 1, 0]] {
            let mut expected = items.clone();
            expected.sort();
            heapsort(&mut items);
            assert_eq!(items, expected);
        }
    }
}
