/** Svelte actions shared by forms. */
import { isSaveShortcut } from './logForm';

/**
 * Ctrl+Enter (or Cmd+Enter) anywhere inside `node` calls `save` — the
 * "save the form you are in" shortcut of every form and dialog. With `null`
 * the keys are left alone.
 */
export function saveShortcut(node: HTMLElement, save: (() => void) | null) {
  let handler = save;
  function onkeydown(e: KeyboardEvent) {
    if (handler && isSaveShortcut(e)) {
      e.preventDefault();
      handler();
    }
  }
  node.addEventListener('keydown', onkeydown);
  return {
    update(next: (() => void) | null) {
      handler = next;
    },
    destroy() {
      node.removeEventListener('keydown', onkeydown);
    },
  };
}

/**
 * Sets `node`'s width to `value` percent through the CSSOM: the CSP allows
 * no inline `style` attribute (style-src 'self'), but a script may set
 * `element.style`. For bars drawn from figures.
 */
export function widthPercent(node: HTMLElement, value: number) {
  node.style.width = `${value}%`;
  return {
    update(next: number) {
      node.style.width = `${next}%`;
    },
  };
}
