//! Records as the UI sends them, shared by the IPC tests (through
//! `tests/common`) and the shell's own unit tests (`src/lib.rs` includes this
//! file).

use serde_json::{json, Value};

/// A person to add.
pub fn person(name: &str) -> Value {
    json!({
        "name": name,
        "title": "Senior Product Manager, Plan",
        "job_family": "senior_product_manager",
        "level": "ic",
        "scope": { "kind": "group", "section": "Dev", "stages": ["Plan"], "groups": ["Project Management"] },
        "since": "2025-06-01",
        "cadence_days": null,
        "tracked": true
    })
}
