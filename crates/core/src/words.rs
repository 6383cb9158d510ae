//! English wording shared by every front end.

/// `n` things: "1 request", "3 requests".
pub fn count<N>(n: N, one: &str, many: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    let word = if n == N::from(1) { one } else { many };
    format!("{n} {word}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_pick_the_singular_for_one_only() {
        assert_eq!(super::count(0u32, "win", "wins"), "0 wins");
        assert_eq!(super::count(1u32, "win", "wins"), "1 win");
        assert_eq!(super::count(2u32, "person", "people"), "2 people");
    }
}
