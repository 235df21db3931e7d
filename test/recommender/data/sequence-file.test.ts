import { parseItemAttributes, parseSequences, SequenceFileError } from '../../../recommender';

describe('sequence files', () => {
  it('reads one user per line, items in time order', () => {
    expect(parseSequences('1 10 11 12\n\n2 13\n3\n')).toEqual([
      { user: '1', items: ['10', '11', '12'] },
      { user: '2', items: ['13'] },
      { user: '3', items: [] },
    ]);
  });

  it('names the line of a repeated user', () => {
    expect(() => parseSequences('1 a\n2 b\n1 c', 'seq.txt')).toThrow(new SequenceFileError('seq.txt:3: user 1 already has a sequence on line 1; one line per user'));
  });

  it('reads item attributes as catalogue content, refusing anything but an object of arrays', () => {
    expect(parseItemAttributes('{"4": [1, 2], "7": []}')).toEqual([
      { id: '4', attributes: ['1', '2'] },
      { id: '7', attributes: [] },
    ]);
    expect(() => parseItemAttributes('[1]', 'attrs.json')).toThrow(/attrs.json: expected a JSON object/);
    expect(() => parseItemAttributes('{"4": 1}')).toThrow(/item 4 has number/);
  });
});
