/**
 * Hash routes: `#/today`, `#/person/3?focus=item-12`, `#/log/3`, `#/search?q=roadmap`.
 * Pure parsing and building, so the router itself stays tiny and testable.
 * Which screens exist and which take an id is `screens.ts`'s table.
 */
import { findScreen, type RouteName } from './screens';

export interface Route {
  name: RouteName;
  /** The record id in the path (`/person/3`, `/log/3`), if any. */
  id: number | null;
  query: Record<string, string>;
}

/** Parses `location.hash`; anything unknown is Today. */
export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path, qs = ''] = raw.split('?', 2);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(qs)) query[k] = v;
  const parts = path.split('/').filter(Boolean);
  const [head, arg] = parts;
  const id = arg !== undefined && /^\d+$/.test(arg) ? Number(arg) : null;
  const screen = head === undefined ? undefined : findScreen(head);
  if (!screen || (screen.id === 'required' && id === null)) return { name: 'today', id: null, query };
  return { name: screen.route, id: screen.id ? id : null, query };
}

/** Builds a hash (with the leading `#`) for a route. */
export function href(name: RouteName, id?: number | null, query?: Record<string, string | number | null | undefined>): string {
  let h = `#/${name}`;
  if (id !== undefined && id !== null) h += `/${id}`;
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') qs.set(k, String(v));
    const s = qs.toString();
    if (s) h += `?${s}`;
  }
  return h;
}
