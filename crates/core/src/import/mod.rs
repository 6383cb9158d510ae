//! Imports from other tools into the current database (new or not), beside
//! Coachlog's own interchange (`crate::interchange`, which fills an empty
//! database): `oikio` reads oikio's data file or export.
//!
//! **Adding a source:** a module here with a `parse` (the file's text to
//! checked records, refusing bad input with the record's place named) and
//! an `import` that writes through the store's functions in one
//! transaction — or rehearses them for a dry run — and returns a report.

pub mod html;
pub mod oikio;
