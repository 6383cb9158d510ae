import { describe, expect, it } from 'vitest';
import { replaced, upserted } from './records';

const list = [
  { id: 1, v: 'a' },
  { id: 2, v: 'b' },
];

describe('records', () => {
  it('replaces a record in its place, and adds one only when asked to', () => {
    expect(replaced(list, { id: 2, v: 'B' })).toEqual([{ id: 1, v: 'a' }, { id: 2, v: 'B' }]);
    expect(replaced(list, { id: 3, v: 'c' })).toEqual(list);
    expect(upserted(list, { id: 1, v: 'A' })).toEqual([{ id: 1, v: 'A' }, { id: 2, v: 'b' }]);
    expect(upserted(list, { id: 3, v: 'c' }).map((x) => x.id)).toEqual([1, 2, 3]);
    expect(upserted(list, { id: 3, v: 'c' }, 'start').map((x) => x.id)).toEqual([3, 1, 2]);
    expect(list.map((x) => x.v)).toEqual(['a', 'b']);
  });
});
