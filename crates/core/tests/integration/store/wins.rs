//! `store::wins`.

use coachlog_core::model::*;
use coachlog_core::store::wins::{self, Filter};

use crate::support::{add_person, d, db, refused};

#[test]
fn note_share_and_unshare() {
    let mut db = db();
    let p = add_person(&mut db, "Ada");
    let input = WinInput {
        person_id: p.id,
        noted_on: d("2026-02-02"),
        text: "Shipped merge trains GA".into(),
    };
    let w = db.write(|tx| wins::insert(tx, &input)).unwrap();
    assert_eq!(
        wins::list(
            db.conn(),
            Filter {
                person: None,
                unshared_only: true
            }
        )
        .unwrap()
        .len(),
        1
    );
    refused(&mut db, "is before the day the win was noted", |tx| {
        wins::share(tx, w.id, d("2026-02-01"), None)
    });
    let shared = db
        .write(|tx| wins::share(tx, w.id, d("2026-02-05"), Some("#product-leadership")))
        .unwrap();
    assert_eq!(shared.shared_where.as_deref(), Some("#product-leadership"));
    refused(&mut db, "was already shared on 2026-02-05", |tx| {
        wins::share(tx, w.id, d("2026-02-06"), None)
    });
    assert!(wins::list(
        db.conn(),
        Filter {
            person: None,
            unshared_only: true
        }
    )
    .unwrap()
    .is_empty());
    db.write(|tx| wins::unshare(tx, w.id)).unwrap();
    refused(&mut db, "The win is empty", |tx| {
        wins::insert(
            tx,
            &WinInput {
                text: "".into(),
                ..input.clone()
            },
        )
    });
}
