//! The daily digest notification: at most one desktop notification a day,
//! from the time set in Settings (`notify_at`, local time, default 09:00) —
//! "5 items need you: 2 1:1s, 1 request, 2 updates." — never one per item;
//! a start after that time shows the day's digest at once unless it was
//! already shown. Nothing is shown when `notifications` is off or nothing is
//! overdue.
//!
//! - What is shown is the core's `dashboard::todays_digest`: the digest
//!   (`dashboard::digest`) of what the leader sees on Today
//!   (`nudges::overdue(conn, today, false)`: snoozed and dismissed items
//!   left out).
//! - When it is shown is [`decide`], a pure function of the local time, the
//!   settings and the last day shown (tested without a clock). That day is
//!   kept in the database (`store::app_state`), not in memory: the digest
//!   comes at most once a day across restarts.
//! - [`start`] spawns the task that checks every [`CHECK_EVERY`] on Tauri's
//!   async runtime. The clock is read in [`crate::clock::now`] only.
//! - How it is shown is a [`Notifier`]: the notification plugin in the app
//!   ([`PluginNotifier`]), a recorder in tests.

use std::time::Duration;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use coachlog_core::store::app_state;
use coachlog_core::{dashboard, settings};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::clock;
use crate::error::IpcError;
use crate::state::AppState;

/// The notification's title.
pub const TITLE: &str = "Coachlog";

/// How often the task looks at the clock.
pub const CHECK_EVERY: Duration = Duration::from_secs(30);

/// Shows a desktop notification.
pub trait Notifier: Send + Sync + 'static {
    /// Shows one notification with `title` and `body`.
    fn show(&self, title: &str, body: &str) -> Result<(), String>;
}

/// The notification plugin (`tauri-plugin-notification`), called from Rust:
/// it needs no webview permission.
pub struct PluginNotifier<R: Runtime>(pub AppHandle<R>);

impl<R: Runtime> Notifier for PluginNotifier<R> {
    fn show(&self, title: &str, body: &str) -> Result<(), String> {
        self.0
            .notification()
            .builder()
            .title(title)
            .body(body)
            .show()
            .map_err(|e| e.to_string())
    }
}

/// `notify_at` as a time of day (the settings only hold valid times; 09:00
/// otherwise).
pub fn notify_time((hour, minute): (u32, u32)) -> NaiveTime {
    NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::from_hms_opt(9, 0, 0).unwrap())
}

/// Whether the daily digest is due at `now`: its day has come (it was not
/// shown today — `dashboard::next_digest_day`) and so has its time.
pub fn due_now(now: NaiveDateTime, notify_at: (u32, u32), last_shown: Option<NaiveDate>) -> bool {
    let today = now.date();
    dashboard::next_digest_day(today, last_shown) == today && now.time() >= notify_time(notify_at)
}

/// What to do at `now`: whether to show the digest, and the day to remember
/// as the last one it was shown.
///
/// - It is shown when [`due_now`]: the day's `notify_at` has come and it was
///   not shown that day — at start-up as on every later check, so a start
///   at 10:00 shows the day's digest at once, a start at 08:00 at 09:00, and
///   a second start the same day none.
/// - With notifications off nothing is shown and nothing remembered, so
///   turning them on after the day's time shows that day's digest.
pub fn decide(
    now: NaiveDateTime,
    enabled: bool,
    notify_at: (u32, u32),
    last_shown: Option<NaiveDate>,
) -> (bool, Option<NaiveDate>) {
    if enabled && due_now(now, notify_at, last_shown) {
        (true, Some(now.date()))
    } else {
        (false, last_shown)
    }
}

/// The schedule's notifier. Its memory — the last day the digest counted as
/// shown — is in the database (`store::app_state`), so that it holds across
/// restarts: the app started at login, quit, and opened again the same day
/// shows one digest, not two.
pub struct Scheduler<N: Notifier> {
    notifier: N,
}

impl<N: Notifier> Scheduler<N> {
    /// A schedule that shows its digests through `notifier`.
    pub fn new(notifier: N) -> Scheduler<N> {
        Scheduler { notifier }
    }

    /// Looks at the schedule at `now` and, when the digest is due and there
    /// is one, shows it. Returns what was shown.
    ///
    /// The day is remembered before the digest is shown: if it cannot be
    /// written, nothing is shown (rather than the same digest every
    /// [`CHECK_EVERY`]).
    pub async fn check(
        &mut self,
        state: &AppState,
        now: NaiveDateTime,
    ) -> Result<Option<String>, IpcError> {
        let (s, last_shown) = state
            .read(|db| {
                let s = settings::load(db.conn())?;
                Ok((s, app_state::digest_shown_on(db.conn())?))
            })
            .await?;
        let (show, remembered) = decide(now, s.notifications, s.notify_at, last_shown);
        if let Some(day) = remembered.filter(|_| remembered != last_shown) {
            state
                .write(move |db| db.write(|tx| app_state::set_digest_shown_on(tx, day)))
                .await?;
        }
        if !show {
            return Ok(None);
        }
        let today = now.date();
        let digest = state
            .read(move |db| dashboard::todays_digest(db.conn(), today))
            .await?;
        if let Some(body) = &digest {
            self.notifier
                .show(TITLE, body)
                .map_err(IpcError::internal)?;
        }
        Ok(digest)
    }
}

/// Starts the digest task: once at start-up, then every [`CHECK_EVERY`].
/// Waits while the database is not open (the window says why).
pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let state = app.state::<AppState>();
        let mut scheduler = Scheduler::new(PluginNotifier(app.clone()));
        loop {
            // A database restored or unlocked later starts the schedule then.
            if state.startup_error().is_none() {
                if let Err(e) = scheduler.check(&state, clock::now()).await {
                    eprintln!("coachlog: the daily digest could not be shown: {e}");
                }
            }
            tokio::time::sleep(CHECK_EVERY).await;
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use coachlog_core::model::{AgendaItemInput, PersonInput};
    use coachlog_core::store::{agenda, nudge_state, people};
    use coachlog_core::Db;
    use serde_json::json;

    use super::*;
    use crate::fixtures::person;

    fn day(s: &str) -> NaiveDate {
        coachlog_core::calendar::parse_date(s).unwrap()
    }

    fn at(date: &str, time: &str) -> NaiveDateTime {
        day(date).and_time(NaiveTime::parse_from_str(time, "%H:%M").unwrap())
    }

    #[test]
    fn the_digest_is_due_once_a_day_from_its_time() {
        let nine = (9, 0);
        let cases = [
            (at("2026-01-20", "08:59"), nine, None, false),
            (at("2026-01-20", "09:00"), nine, None, true),
            (at("2026-01-20", "23:59"), nine, None, true),
            (
                at("2026-01-20", "09:30"),
                nine,
                Some(day("2026-01-19")),
                true,
            ),
            (
                at("2026-01-20", "09:30"),
                nine,
                Some(day("2026-01-20")),
                false,
            ),
            (
                at("2026-01-21", "00:00"),
                nine,
                Some(day("2026-01-20")),
                false,
            ),
            (
                at("2026-01-21", "09:00"),
                nine,
                Some(day("2026-01-20")),
                true,
            ),
            (at("2026-01-20", "17:44"), (17, 45), None, false),
            (at("2026-01-20", "17:45"), (17, 45), None, true),
            (at("2026-01-20", "00:00"), (0, 0), None, true),
        ];
        for (now, notify_at, last, want) in cases {
            assert_eq!(
                due_now(now, notify_at, last),
                want,
                "{now} {notify_at:?} {last:?}"
            );
        }
    }

    #[test]
    fn it_is_shown_and_remembered_once_its_time_has_come() {
        let nine = (9, 0);
        let d = day("2026-01-20");
        let cases = [
            // (now, enabled, last_shown) → (show, remembered)
            (at("2026-01-20", "08:00"), true, None, (false, None)),
            (at("2026-01-20", "10:00"), true, None, (true, Some(d))),
            (at("2026-01-20", "10:00"), true, Some(d), (false, Some(d))),
            (
                at("2026-01-20", "10:00"),
                true,
                Some(day("2026-01-19")),
                (true, Some(d)),
            ),
            (at("2026-01-20", "10:00"), false, None, (false, None)),
            (at("2026-01-20", "09:00"), true, None, (true, Some(d))),
            (at("2026-01-20", "09:00"), false, None, (false, None)),
        ];
        for (now, enabled, last, want) in cases {
            assert_eq!(
                decide(now, enabled, nine, last),
                want,
                "{now} {enabled} {last:?}"
            );
        }
    }

    #[test]
    fn a_bad_time_falls_back_to_nine() {
        assert_eq!(
            notify_time((25, 0)),
            NaiveTime::from_hms_opt(9, 0, 0).unwrap()
        );
        assert_eq!(
            notify_time((7, 5)),
            NaiveTime::from_hms_opt(7, 5, 0).unwrap()
        );
    }

    /// Keeps what it was asked to show.
    #[derive(Default)]
    struct Recorder(Mutex<Vec<(String, String)>>);

    impl Notifier for Arc<Recorder> {
        fn show(&self, title: &str, body: &str) -> Result<(), String> {
            self.0.lock().unwrap().push((title.into(), body.into()));
            Ok(())
        }
    }

    impl Recorder {
        fn take(&self) -> Vec<(String, String)> {
            std::mem::take(&mut self.0.lock().unwrap())
        }
    }

    /// A database created on 2026-01-05 with Ada (no 1:1 yet) and one HELP
    /// request of hers opened on Monday 12 January.
    fn database(dir: &tempfile::TempDir) -> AppState {
        let mut db = Db::open(&dir.path().join("digest.sqlite"), day("2026-01-05")).unwrap();
        db.write(|tx| {
            let input: PersonInput = serde_json::from_value(person("Ada")).unwrap();
            let ada = people::insert(tx, &input)?;
            let item: AgendaItemInput = serde_json::from_value(json!({
                "person_id": ada.id,
                "text": "Context on pricing",
                "open_tag": "help",
                "timing": null,
                "raised_by": "person",
                "opened_on": "2026-01-12"
            }))
            .unwrap();
            agenda::insert(tx, &item)?;
            Ok(())
        })
        .unwrap();
        AppState::new(db)
    }

    #[test]
    fn the_digest_sent_is_what_today_shows_in_one_notification() {
        let dir = tempfile::tempdir().unwrap();
        let state = database(&dir);
        let recorder = Arc::new(Recorder::default());
        let mut scheduler = Scheduler::new(recorder.clone());
        tauri::async_runtime::block_on(async {
            // 20 January: the 1:1 (due the 12th), the request (due the 14th)
            // and January's next-release, 3-month vision and portfolio
            // direction updates (due on the 15th, the third Thursday) are overdue.
            let text = "5 items need you: 1 1:1, 1 request, 3 updates.";
            // Before 09:00 nothing, at start-up or later; at 09:00 the day's
            // digest, once, and the day is remembered in the database.
            for time in ["07:30", "08:59"] {
                let early = scheduler.check(&state, at("2026-01-20", time));
                assert_eq!(early.await.unwrap(), None, "{time}");
            }
            let nine = scheduler.check(&state, at("2026-01-20", "09:00"));
            assert_eq!(nine.await.unwrap().as_deref(), Some(text));
            let later = scheduler.check(&state, at("2026-01-20", "15:00"));
            assert_eq!(later.await.unwrap(), None);
            assert_eq!(
                recorder.take(),
                vec![("Coachlog".to_string(), text.to_string())]
            );
            assert_eq!(shown_on(&state).await, Some(day("2026-01-20")));

            // Snoozed and dismissed items leave the digest, as they leave Today.
            state
                .write(|db| {
                    db.write(|tx| {
                        nudge_state::snooze(tx, "request:1", day("2026-01-25"))?;
                        nudge_state::dismiss(tx, "update:leader:portfolio_direction:2026-01")
                    })
                })
                .await
                .unwrap();
            let next_day = scheduler.check(&state, at("2026-01-21", "09:00"));
            let text = "3 items need you: 1 1:1, 2 updates.";
            assert_eq!(next_day.await.unwrap().as_deref(), Some(text));
            assert_eq!(
                recorder.take(),
                vec![("Coachlog".to_string(), text.to_string())]
            );

            // Notifications off: nothing, and nothing remembered.
            state
                .write(|db| db.write(|tx| settings::set(tx, "notifications", "off").map(|_| ())))
                .await
                .unwrap();
            let off = scheduler.check(&state, at("2026-01-22", "09:00"));
            assert_eq!(off.await.unwrap(), None);
            assert!(recorder.take().is_empty());
            assert_eq!(shown_on(&state).await, Some(day("2026-01-21")));

            // On again, at another time of day.
            state
                .write(|db| {
                    db.write(|tx| {
                        settings::set(tx, "notifications", "on")?;
                        settings::set(tx, "notify_at", "17:45").map(|_| ())
                    })
                })
                .await
                .unwrap();
            let before = scheduler.check(&state, at("2026-01-22", "17:44"));
            assert_eq!(before.await.unwrap(), None);
            let then = scheduler.check(&state, at("2026-01-22", "17:45"));
            assert!(then.await.unwrap().is_some());
            assert_eq!(recorder.take().len(), 1);
        });
    }

    /// The day the database remembers as the digest's.
    async fn shown_on(state: &AppState) -> Option<NaiveDate> {
        state
            .read(|db| app_state::digest_shown_on(db.conn()))
            .await
            .unwrap()
    }

    /// The app started again on the database of [`database`]: a new state
    /// and a new schedule, nothing kept in memory.
    fn restart(dir: &tempfile::TempDir, today: &str) -> AppState {
        AppState::new(Db::open(&dir.path().join("digest.sqlite"), day(today)).unwrap())
    }

    #[test]
    fn two_starts_on_one_day_show_one_digest_and_a_new_day_one_more() {
        let dir = tempfile::tempdir().unwrap();
        let recorder = Arc::new(Recorder::default());
        tauri::async_runtime::block_on(async {
            // First start at 10:00: the day's digest at once.
            let first = database(&dir);
            let mut scheduler = Scheduler::new(recorder.clone());
            let shown = scheduler.check(&first, at("2026-01-20", "10:00")).await;
            assert!(shown.unwrap().is_some());
            drop((first, scheduler));

            // Quit and started again (at login, from the tray's Quit, …) the
            // same day: nothing at start-up nor on any later check.
            let second = restart(&dir, "2026-01-20");
            let mut scheduler = Scheduler::new(recorder.clone());
            for time in ["10:05", "15:00", "23:59"] {
                let again = scheduler.check(&second, at("2026-01-20", time));
                assert_eq!(again.await.unwrap(), None, "{time}");
            }
            drop((second, scheduler));
            assert_eq!(recorder.take().len(), 1);

            // Started the next day before its time: one more at 09:00.
            let third = restart(&dir, "2026-01-21");
            let mut scheduler = Scheduler::new(recorder.clone());
            for (time, shows) in [("08:00", false), ("09:00", true), ("09:30", false)] {
                let next = scheduler.check(&third, at("2026-01-21", time));
                assert_eq!(next.await.unwrap().is_some(), shows, "{time}");
            }
            assert_eq!(recorder.take().len(), 1);
            assert_eq!(shown_on(&third).await, Some(day("2026-01-21")));
        });
    }

    #[test]
    fn nothing_overdue_means_no_notification() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("empty.sqlite"), day("2026-01-05")).unwrap();
        let state = AppState::new(db);
        let recorder = Arc::new(Recorder::default());
        let mut scheduler = Scheduler::new(recorder.clone());
        let shown =
            tauri::async_runtime::block_on(scheduler.check(&state, at("2026-01-06", "09:00")));
        assert_eq!(shown.unwrap(), None);
        assert!(recorder.take().is_empty());
    }
}
