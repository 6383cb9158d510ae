// The app's IPC commands, written once. Shared by build.rs (each gets an
// `allow-<name>` permission), lib.rs (each is registered) and the tests
// (each must be granted by capabilities/main.json, registered, and called
// by ui/src/lib/api.ts).
//
// How to add a command: write it in src/commands.rs, add its path below and
// `"allow-<name-with-dashes>"` to capabilities/main.json, add its function to
// ui/src/lib/api.ts, and give it a test in tests/ipc.rs.

/// Calls the macro `$then` with the path of every command the UI may invoke.
macro_rules! for_each_command {
    ($then:ident) => {
        $then!(
            commands::app_info,
            commands::settings_list,
            commands::settings_set,
            commands::tray_at_login,
            commands::tray_at_login_set,
            commands::demo_fill,
            commands::names,
            commands::people_list,
            commands::person_get,
            commands::person_add,
            commands::person_update,
            commands::person_archive,
            commands::person_unarchive,
            commands::one_on_ones_list,
            commands::one_on_one_months,
            commands::one_on_one_get,
            commands::one_on_one_log,
            commands::one_on_one_update,
            commands::draft_get,
            commands::draft_save,
            commands::draft_discard,
            commands::agenda_list,
            commands::agenda_add,
            commands::agenda_update,
            commands::agenda_close,
            commands::agenda_reopen,
            commands::updates_list,
            commands::update_add,
            commands::update_update,
            commands::update_done,
            commands::customer_links_list,
            commands::customer_link_add,
            commands::customer_link_update,
            commands::customer_link_archive,
            commands::customer_link_unarchive,
            commands::check_ins_list,
            commands::check_in_add,
            commands::requisitions_list,
            commands::requisition_open,
            commands::requisition_update,
            commands::requisition_close,
            commands::requisition_reopen,
            commands::loop_list,
            commands::loop_add,
            commands::interviews_list,
            commands::interview_add,
            commands::walkthroughs_list,
            commands::walkthrough_add,
            commands::walkthrough_update,
            commands::wins_list,
            commands::win_add,
            commands::win_update,
            commands::win_share,
            commands::win_unshare,
            commands::search,
            commands::overview,
            commands::overdue,
            commands::nudge_snooze,
            commands::nudge_dismiss,
            commands::nudge_undo,
            commands::coverage,
            commands::releases,
            commands::summary_preview,
            commands::summary_save,
            commands::history_preview,
            commands::history_save,
            commands::backups_list,
            commands::backup_now,
            commands::backup_restore,
            commands::import_preview,
            commands::import_apply,
            commands::import_cancel,
            commands::database_export,
            commands::database_import,
            commands::encryption_status,
            commands::unlock,
            commands::encryption_enable,
            commands::encryption_disable,
            commands::record_delete,
            commands::record_delete_preview,
            commands::trash_list,
            commands::trash_restore,
            commands::trash_empty,
            commands::check_in_update,
            commands::interview_update,
            commands::data_version,
            commands::cdf_reviews_list,
            commands::cdf_review_add,
            commands::cdf_review_update,
            commands::template_get,
            commands::template_set,
            commands::template_reset,
            commands::person_page,
            commands::brief,
            commands::brief_markdown,
            commands::agenda_balance,
            commands::milestones_list,
            commands::milestone_add,
            commands::milestone_update,
            commands::calendar_save,
            probe::startup_painted,
        )
    };
}

/// The names of the commands of `for_each_command!`.
macro_rules! command_names {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

/// Every command the UI may invoke.
pub const COMMANDS: &[&str] = for_each_command!(command_names);
