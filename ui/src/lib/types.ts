/**
 * The records the UI shows, as they cross IPC.
 *
 * Every record type comes from `./bindings`, generated from the Rust types
 * with ts-rs (field names are the Rust names, enums lower_snake_case strings,
 * dates `YYYY-MM-DD`, ids numbers, `Option<T>` is `T | null`). The UI imports
 * them from here (every binding, re-exported whole, so no list of them is
 * kept by hand), together with a few UI names for the same types.
 */
export type * from './bindings';

import type { Cell, IpcError, ItemClosure, OpenItem, PersonSummary, Row, Status, WinSummary } from './bindings';

/** A calendar date, `YYYY-MM-DD`. */
export type DateStr = string;

/** An error from a command: `kind` to branch on, `message` to show. */
export type CommandError = IpcError;

/** An open agenda item closed while logging a 1:1. */
export type CloseItem = ItemClosure;

/** One person on the Today screen. */
export type OverviewPerson = PersonSummary;

/** An open request or action on the Today screen. */
export type OverviewItem = OpenItem;

/** A win not yet shared, on the Today screen. */
export type OverviewWin = WinSummary;

/** One PM's row of the coverage grid. */
export type CoverageRow = Row;

/** One PM × practice cell of the coverage grid. */
export type CoverageCell = Cell;

/** Where a PM stands on a practice: overdue, due soon, on track, not applicable. */
export type CoverageStatus = Status;
