/**
 * Showing the record a link points at (`?focus=win-3`): once the screen has
 * rendered it, scroll it into view and mark it (`.focused`, app.css). A
 * `<details>` record is opened; with `openEnclosing`, so is the `<details>`
 * it sits in.
 */
import { tick } from 'svelte';

export async function revealRecord(
  id: string,
  { block = 'center', openEnclosing = false }: { block?: ScrollLogicalPosition; openEnclosing?: boolean } = {},
): Promise<void> {
  await tick();
  const el = document.getElementById(id);
  if (!el) return;
  if (el instanceof HTMLDetailsElement) el.open = true;
  if (openEnclosing) el.closest('details')?.setAttribute('open', '');
  el.scrollIntoView({ block });
  el.classList.add('focused');
}
