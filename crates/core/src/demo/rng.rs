//! Randomness: SplitMix64 with one independent stream per kind of record.

/// The independent random streams, one per kind of record.
#[derive(Debug, Clone, Copy)]
pub(super) enum Stream {
    Team = 1,
    OneOnOnes,
    Updates,
    Customers,
    Wins,
    Portfolio,
    Walkthroughs,
    Hiring,
    // Added later, at the end, so that the streams above keep their values.
    CdfReviews,
    Careers,
    Okrs,
    SkipLevels,
}

/// SplitMix64 (Steele, Lea & Flood): tiny, fast, and good enough for
/// plausible data. Not for anything secret.
#[derive(Debug, Clone)]
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64, stream: Stream, index: usize) -> Rng {
        let mut r = Rng(seed);
        let a = r.next_u64();
        r.0 = a ^ (stream as u64).wrapping_mul(0xD1B5_4A32_D192_ED03);
        let b = r.next_u64();
        r.0 = b ^ (index as u64).wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
        r.next_u64();
        r
    }

    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`; `lo` when `hi < lo`.
    pub(super) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// True `p` times in a hundred.
    pub(super) fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `lines`.
    pub(super) fn line(&mut self, lines: &[&'static str]) -> &'static str {
        lines[self.below(lines.len())]
    }

    /// One of `items`, chosen in proportion to its weight.
    pub(super) fn weighted<T: Copy>(&mut self, items: &[(T, usize)]) -> T {
        let total: usize = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total);
        for (item, weight) in items {
            if roll < *weight {
                return *item;
            }
            roll -= weight;
        }
        items[items.len() - 1].0
    }
}
