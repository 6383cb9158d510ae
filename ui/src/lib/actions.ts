/** Svelte actions shared by forms. */
import { isSaveShortcut } from './logForm';

/**
 * Ctrl+Enter (or Cmd+Enter) anywhere inside `node` calls `save` — the
 * "save the form you are in" shortcut of every form and dialog.
 */
export function saveShortcut(node: HTMLElement, save: () => void) {
  let handler = save;
  function onkeydown(e: KeyboardEvent) {
    if (isSaveShortcut(e)) {
      e.preventDefault();
      handler();
    }
  }
  node.addEventListener('keydown', onkeydown);
  return {
    update(next: () => void) {
      handler = next;
    },
    destroy() {
      node.removeEventListener('keydown', onkeydown);
    },
  };
}
