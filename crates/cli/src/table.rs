//! A small renderer for aligned, plain-text tables.
//!
//! Widths are counted in Unicode scalar values (`char`s), which is right for
//! the Latin, Greek and Cyrillic names a team usually has; wide CJK glyphs
//! and emoji may still misalign by a column. Cells are one line: control
//! characters (line breaks, tabs) become spaces, and a cell longer than its
//! column's maximum is cut with `…`. No colours, no borders; columns are
//! separated by two spaces and lines carry no trailing spaces.

/// One column: its header, its maximum width and its alignment.
#[derive(Debug, Clone)]
pub struct Column {
    title: &'static str,
    max: usize,
    right: bool,
}

/// The default maximum width of a column, in characters.
pub const DEFAULT_MAX: usize = 40;

/// A left-aligned column with the default maximum width.
pub fn col(title: &'static str) -> Column {
    Column {
        title,
        max: DEFAULT_MAX,
        right: false,
    }
}

impl Column {
    /// Sets the maximum width (at least 1).
    pub fn max(mut self, width: usize) -> Column {
        self.max = width.max(1);
        self
    }

    /// Aligns the column to the right (numbers).
    pub fn right(mut self) -> Column {
        self.right = true;
        self
    }
}

/// A table being filled row by row.
#[derive(Debug, Clone)]
pub struct Table {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns and no rows.
    pub fn new(columns: Vec<Column>) -> Table {
        Table {
            columns,
            rows: Vec::new(),
        }
    }

    /// A table with one row of `cells(item)` for each of `items`.
    pub fn of<T, R, S>(
        columns: Vec<Column>,
        items: impl IntoIterator<Item = T>,
        mut cells: impl FnMut(T) -> R,
    ) -> Table
    where
        R: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut t = Table::new(columns);
        for item in items {
            t.row(cells(item));
        }
        t
    }

    /// Adds a row; missing cells are blank and extra cells are ignored.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut cells: Vec<String> = cells
            .into_iter()
            .take(self.columns.len())
            .map(|c| one_line(&c.into()))
            .collect();
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    /// The table as a part of a detail page: a blank line, `title`, then the
    /// table. Without rows: `none` indented under the title, or, when
    /// `none` is `None`, nothing at all (the part is left out).
    pub fn section(&self, title: &str, none: Option<&str>) -> String {
        match (self.rows.is_empty(), none) {
            (false, _) => format!("\n{title}\n{}", self.render()),
            (true, Some(none)) => format!("\n{title}\n  {none}\n"),
            (true, None) => String::new(),
        }
    }

    /// The table as text: a header line, then one line per row, each ending
    /// with a line break.
    pub fn render(&self) -> String {
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&self.columns)
                    .map(|(cell, c)| truncate(cell, c.max))
                    .collect()
            })
            .collect();
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                cells
                    .iter()
                    .map(|row| width(&row[i]))
                    .chain([width(c.title)])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        let header: Vec<String> = self.columns.iter().map(|c| c.title.to_string()).collect();
        for row in std::iter::once(&header).chain(&cells) {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = " ".repeat(widths[i] - width(cell));
                if self.columns[i].right {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// The width of a cell, in characters.
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// Replaces control characters (line breaks, tabs…) by spaces and trims.
pub fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Cuts `s` to at most `max` characters, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(columns: Vec<Column>, rows: &[&[&str]]) -> String {
        let mut t = Table::new(columns);
        for r in rows {
            t.row(r.iter().copied());
        }
        t.render()
    }

    #[test]
    fn aligns_columns_by_character_count() {
        let out = table(
            vec![col("ID").right(), col("NAME"), col("LEVEL")],
            &[&["1", "Zoë Ørsted", "IC"], &["12", "Al", "Manager"]],
        );
        assert_eq!(
            out,
            "ID  NAME        LEVEL\n 1  Zoë Ørsted  IC\n12  Al          Manager\n"
        );
    }

    #[test]
    fn cuts_long_cells_and_flattens_lines() {
        let out = table(
            vec![col("TEXT").max(8), col("X")],
            &[&["first line\nsecond", "y"], &["short", ""]],
        );
        assert_eq!(out, "TEXT      X\nfirst l…  y\nshort\n");
    }

    #[test]
    fn pads_missing_cells_and_keeps_header_width() {
        let out = table(vec![col("PERSON"), col("DUE")], &[&["Ann"]]);
        assert_eq!(out, "PERSON  DUE\nAnn\n");
    }

    #[test]
    fn sections_with_and_without_rows() {
        let rows = Table::of(vec![col("ID").right()], [7, 12], |n| [n.to_string()]);
        assert_eq!(
            rows.section("Items", Some("None.")),
            "\nItems\nID\n 7\n12\n"
        );
        let empty = Table::of(vec![col("ID")], Vec::<i64>::new(), |n| [n.to_string()]);
        assert_eq!(empty.section("Items", Some("None.")), "\nItems\n  None.\n");
        assert_eq!(empty.section("Items", None), "");
    }

    #[test]
    fn truncate_edges() {
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 1), "…");
        assert_eq!(truncate("ab  cd", 4), "ab…");
    }
}
