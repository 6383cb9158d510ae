/** Human labels for the enumerations of the model, in declaration order (as in model.rs). */
import type {
  CloseTag,
  HitKind,
  JobFamily,
  Level,
  OneOnOneStatus,
  OpenTag,
  RaisedBy,
  RequisitionStatus,
  ScopeKind,
  UpdateKind,
  UpdateStatus,
} from './types';

export const JOB_FAMILIES: Record<JobFamily, string> = {
  product_manager: 'Product Manager',
  senior_product_manager: 'Senior Product Manager',
  principal_product_manager: 'Principal Product Manager',
  group_manager_product: 'Group Manager, Product',
  director_of_product: 'Director of Product',
  vp: 'VP',
  evp: 'EVP',
  engineering_manager: 'Engineering Manager',
  other: 'Other',
};

export const LEVELS: Record<Level, string> = {
  ic: 'IC',
  manager: 'Manager',
  director: 'Director',
  senior_leader: 'Senior Leader',
  executive: 'Executive',
};

export const SCOPE_KINDS: Record<ScopeKind, string> = {
  group: 'Group',
  stage: 'Stage',
  section: 'Section',
  collection_of_groups: 'Collection of groups',
};

export const ONE_ON_ONE_STATUSES: Record<OneOnOneStatus, string> = {
  held: 'Held',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

/** Open tags of the hallway format, with what each means. */
export const OPEN_TAGS: Record<OpenTag, string> = {
  todo: 'the person will do it',
  doto: 'you (the leader) will do it',
  discuss: 'to talk about',
  review: 'something to review',
  help: 'a request for context or advice',
  think: 'something to think about',
};

/** Ready-to-remove tags: giving one closes the item. */
export const CLOSE_TAGS: Record<CloseTag, string> = {
  fyi: 'for your information',
  done: 'done',
  move: 'moved elsewhere',
  duplicate: 'a duplicate',
  wont: "won't do",
  why: 'question answered',
  idea: 'an idea, noted',
  thanks: 'thanks given',
  sorry: 'apology given',
  feedback: 'feedback given',
};

export const RAISED_BY: Record<RaisedBy, string> = {
  leader: 'me',
  person: 'them',
};

export const UPDATE_KINDS: Record<UpdateKind, string> = {
  next_release: 'Next release',
  three_month_vision: '3-month vision',
  okrs: 'OKRs',
  portfolio_direction: 'Portfolio direction',
};

export const UPDATE_STATUSES: Record<UpdateStatus, string> = {
  not_started: 'Not started',
  in_review: 'In review',
  done: 'Done',
};

export const REQUISITION_STATUSES: Record<RequisitionStatus, string> = {
  open: 'Open',
  filled: 'Filled',
  cancelled: 'Cancelled',
};

export const HIT_KINDS: Record<HitKind, string> = {
  one_on_one: '1:1',
  agenda_item: 'agenda item',
  check_in: 'check-in',
  walkthrough: 'walkthrough',
  win: 'win',
  cdf_review: 'CDF review',
  milestone: 'milestone',
};

/** The keys of a label record, typed, in declaration order. */
export function keysOf<K extends string>(labels: Record<K, string>): K[] {
  return Object.keys(labels) as K[];
}

/** A hallway tag as the handbook writes it: upper case. */
export function tagText(tag: string): string {
  return tag.toUpperCase();
}
