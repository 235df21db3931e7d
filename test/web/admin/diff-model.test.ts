import { bodyRows, diffModel, inlineSegments, itemSegments, rowText } from '../../../web/admin/diff-model';

const same = (value: string) => ({ value, added: false, removed: false });
const added = (value: string) => ({ value, added: true, removed: false });
const removed = (value: string) => ({ value, added: false, removed: true });

describe('diff model', () => {
  describe('body lines', () => {
    it('numbers old and new lines separately', () => {
      const rows = bodyRows([same('a\n'), removed('b\n'), added('B\nB2\n'), same('c\n')]);
      expect(rows).toEqual([
        { kind: 'same', text: 'a', oldNumber: 1, newNumber: 1 },
        { kind: 'removed', text: 'b', oldNumber: 2 },
        { kind: 'added', text: 'B', newNumber: 2 },
        { kind: 'added', text: 'B2', newNumber: 3 },
        { kind: 'same', text: 'c', oldNumber: 3, newNumber: 4 },
      ]);
    });

    it('folds long unchanged stretches but keeps context around changes', () => {
      const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `l${from + i}\n`).join('');
      const rows = bodyRows([same(lines(1, 10)), added('new\n'), same(lines(11, 20))], 2);
      expect(rows.map(rowText)).toEqual(['… 8 unchanged lines', '  l9', '  l10', '+ new', '  l11', '  l12', '… 8 unchanged lines']);
    });

    it('keeps a short unchanged stretch between two changes whole', () => {
      const rows = bodyRows([removed('x\n'), same('a\nb\nc\n'), added('y\n')], 1);
      expect(rows.map((r) => r.kind)).toEqual(['removed', 'same', 'same', 'same', 'added']);
    });

    it('keeps an empty line as a row', () => {
      expect(bodyRows([added('a\n\nb')]).map(rowText)).toEqual(['+ a', '+ ', '+ b']);
    });
  });

  it('keeps title words inline and lists item by item', () => {
    expect(inlineSegments([same('Gift '), removed('cards'), added('vouchers'), same('')])).toEqual([
      { kind: 'same', text: 'Gift ' },
      { kind: 'removed', text: 'cards' },
      { kind: 'added', text: 'vouchers' },
    ]);
    expect(itemSegments([{ value: ['a', 'b'], added: false, removed: false }, { value: ['c'], added: true, removed: false }])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'same', text: 'b' },
      { kind: 'added', text: 'c' },
    ]);
  });

  it('says when two revisions have the same text', () => {
    const unchanged = diffModel({ from: 1, to: 2, title: [same('T')], body: [same('x\n')], questions: [], tags: [] });
    expect(unchanged.changed).toBe(false);
    const changed = diffModel({ from: 1, to: 2, title: [same('T')], body: [same('x\n')], questions: [], tags: [{ value: ['new'], added: true, removed: false }] });
    expect(changed.changed).toBe(true);
  });
});
