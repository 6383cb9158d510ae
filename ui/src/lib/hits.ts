/** Where a search result leads: the record's page, scrolled to the record. */
import { href } from './routes';
import type { Hit } from './types';

export function hitHref(hit: Hit): string {
  switch (hit.kind) {
    case 'one_on_one':
      return hit.person_id !== null ? href('person', hit.person_id, { focus: `oneonone-${hit.id}` }) : href('search');
    case 'agenda_item':
      return hit.person_id !== null ? href('person', hit.person_id, { focus: `item-${hit.id}` }) : href('search');
    case 'win':
      return hit.person_id !== null ? href('person', hit.person_id, { focus: `win-${hit.id}` }) : href('wins', null, { focus: `win-${hit.id}` });
    case 'check_in':
      return href('customers', null, { person: hit.person_id, focus: `checkin-${hit.id}` });
    case 'walkthrough':
      return href('walkthroughs', null, { focus: `walkthrough-${hit.id}` });
    case 'cdf_review':
      return hit.person_id !== null ? href('person', hit.person_id, { focus: `cdf-${hit.id}` }) : href('search');
    case 'milestone':
      return href('accountability', null, { focus: `milestone-${hit.id}` });
  }
}
