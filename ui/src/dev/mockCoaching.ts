/**
 * The mock backend's answers to the coaching views' derived commands —
 * `brief`, `brief_markdown`, `person_page` and `agenda_balance` — hooked into
 * `mockBackend.ts`'s `handle` by one line. Like every derived answer there,
 * they are the core's, from the fixtures as they are (`brief`,
 * `brief_markdown` and `person_page` by person id, the team's
 * `agenda_balance`): nothing is computed here, and a person the fixtures
 * hold none for answers `not_found`. A test that needs another answer overrides the command.
 */
import type * as T from '$lib/types';
import type { MockDb } from './mockBackend';

/** The commands answered here. */
const COMMANDS = ['brief', 'brief_markdown', 'person_page', 'agenda_balance'] as const;
export type CoachingCommand = Extract<T.Command, (typeof COMMANDS)[number]>;

/** The coaching answers of the fixtures (those the file holds). */
export interface CoachingAnswers {
  /** The brief of each person, by id, as of the fixtures' day. */
  brief?: Record<string, T.Brief>;
  /** The same briefs as Markdown, by id. */
  brief_markdown?: Record<string, string>;
  /** The page of each person, by id. */
  person_page?: Record<string, T.PersonPage>;
  /** The team's agenda balance over the 90 days ending on the fixtures' day. */
  agenda_balance?: T.TeamBalance;
}

export function isCoachingCommand(cmd: T.Command): cmd is CoachingCommand {
  return (COMMANDS as readonly string[]).includes(cmd);
}

function fail(kind: string, message: string): never {
  throw { kind, message };
}

/** Answers a coaching command against `db`. */
export function handleCoaching(db: MockDb, cmd: CoachingCommand, args: Record<string, unknown>): unknown {
  const d = db.answers as unknown as CoachingAnswers;
  const person = String(args.personId ?? args.id);
  const none = (): never => fail('not_found', `The mock backend holds no ${cmd} for person ${person}.`);
  switch (cmd) {
    case 'brief':
      return d.brief?.[person] ?? none();
    case 'brief_markdown':
      return d.brief_markdown?.[person] ?? none();
    case 'person_page':
      return d.person_page?.[person] ?? none();
    case 'agenda_balance':
      return d.agenda_balance ?? fail('not_found', 'The mock backend holds no agenda balance.');
    default: {
      const _exhaustive: never = cmd;
      return fail('internal', `The mock backend does not know the command ${String(_exhaustive)}.`);
    }
  }
}
