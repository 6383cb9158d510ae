/** The current hash route, as reactive state; `navigate` changes it. */
import { href, parseHash, type Route } from './routes';
import type { RouteName } from './screens';

export const router = $state<{ route: Route }>({ route: parseHash(location.hash) });

function sync(): void {
  router.route = parseHash(location.hash);
}

let listening = false;

/** Starts following `hashchange` (idempotent). */
export function startRouter(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('hashchange', sync);
  sync();
}

/** Goes to a route (adds a history entry, like following a link). */
export function navigate(name: RouteName, id?: number | null, query?: Record<string, string | number | null | undefined>): void {
  const h = href(name, id, query);
  if (location.hash !== h) location.hash = h;
  else sync();
}

/** Replaces the current route's query without a new history entry (e.g. search text). */
export function replaceQuery(query: Record<string, string | number | null | undefined>): void {
  const r = router.route;
  history.replaceState(null, '', href(r.name, r.id, query));
  sync();
}
