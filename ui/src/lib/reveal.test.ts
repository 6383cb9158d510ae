import { afterEach, describe, expect, it } from 'vitest';
import { revealRecord } from './reveal';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('revealRecord', () => {
  it('marks the record, opens it when it is a <details>, and its enclosing one only when asked', async () => {
    document.body.innerHTML = '<details id="outer"><summary>s</summary><details id="win-3"><summary>w</summary></details><p id="item-4">i</p></details>';
    const outer = document.getElementById('outer') as HTMLDetailsElement;
    await revealRecord('win-3');
    expect((document.getElementById('win-3') as HTMLDetailsElement).open).toBe(true);
    expect(document.getElementById('win-3')!.classList.contains('focused')).toBe(true);
    expect(outer.open).toBe(false);
    await revealRecord('item-4', { openEnclosing: true });
    expect(outer.open).toBe(true);
    expect(document.getElementById('item-4')!.classList.contains('focused')).toBe(true);
    await expect(revealRecord('nothing')).resolves.toBeUndefined();
  });
});
