import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { dropUntaken, preload, WAIT_MS } from '$lib/preload';
import { parseHash } from '$lib/routes';

// In development only, `/?mock` (or `/?mock=demo`) runs the UI in a plain
// browser against an in-memory backend answering from the core's fixtures
// (on their day, not the clock's); production builds drop this branch.
if (import.meta.env.DEV && new URLSearchParams(location.search).has('mock')) {
  const { installMockBackend, emptyDb, fillDemo } = await import('./dev/mockBackend');
  const db = emptyDb();
  if (new URLSearchParams(location.search).get('mock') === 'demo') fillDemo(db);
  installMockBackend(db);
}

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The first screen's reads before the first frame (see lib/preload.ts).
await Promise.race([
  preload(parseHash(location.hash).name === 'today'),
  new Promise((resolve) => setTimeout(resolve, WAIT_MS)),
]);
const app = mount(App, { target });
setTimeout(dropUntaken, 0);
export default app;
