import { parseDialogue, serializeDialogue, type DialogueState } from '../../../../bots/runtime/dialogue/dialogue-state';

const fullState: DialogueState = {
  awaiting: { skill: 'change_address', slot: 'confirm' },
  orderNumber: 'D8F1G3',
  verifiedOrders: ['D8F1G3', 'A1B2C3'],
  pendingAddress: { name: 'John Smith', line1: '221B Baker Street', postcode: 'NW1 6XE', city: 'London', country: 'GB', phone: '+442079460000' },
  askedTimes: 1,
  notUnderstood: 0,
};

describe('parseDialogue', () => {
  describe('when nothing is stored', () => {
    it.each([[null], [undefined], ['']])('starts a fresh memory for %j', (stored) => {
      expect(parseDialogue(stored)).toEqual({});
    });
  });

  describe('when the stored text is not JSON', () => {
    it.each([['{not json'], ['undefined'], ['{"orderNumber": "A1B2C3"'], ['awaiting=order_number']])('starts a fresh memory for %j', (stored) => {
      expect(parseDialogue(stored)).toEqual({});
    });
  });

  describe('when the stored JSON is not an object', () => {
    it.each([['null'], ['[]'], ['"A1B2C3"'], ['42'], ['true']])('starts a fresh memory for %s', (stored) => {
      expect(parseDialogue(stored)).toEqual({});
    });
  });

  describe('when the stored JSON is an older or foreign format', () => {
    it.each([
      ['awaiting as a bare slot name', { awaiting: 'order_number', orderNumber: 'A1B2C3' }],
      ['an awaited slot that no longer exists', { awaiting: { skill: 'order_status', slot: 'phone' } }],
      ['an awaiting skill that no longer exists', { awaiting: { skill: 'returns', slot: 'order_number' } }],
      ['verified orders as one string', { verifiedOrders: 'A1B2C3' }],
      ['a fractional counter', { notUnderstood: 1.5 }],
      ['a counter written as text', { askedTimes: '2' }],
      ['a pending address without a city', { pendingAddress: { name: 'A', line1: 'B 1', country: 'ES' } }],
    ])('starts a fresh memory (%s) rather than failing the turn', (_label, stored) => {
      expect(parseDialogue(JSON.stringify(stored))).toEqual({});
    });

    it('keeps the known fields and drops unknown ones', () => {
      expect(parseDialogue(JSON.stringify({ orderNumber: 'A1B2C3', legacyFlow: 'v1', stepIndex: 3 }))).toEqual({ orderNumber: 'A1B2C3' });
    });
  });

  describe('when the stored JSON is current', () => {
    it('reads every field back', () => {
      expect(parseDialogue(JSON.stringify(fullState))).toEqual(fullState);
    });

    it('reads the empty object as an empty memory', () => {
      expect(parseDialogue('{}')).toEqual({});
    });
  });
});

describe('serializeDialogue', () => {
  describe('when there is nothing to remember', () => {
    it('returns null for an empty memory', () => {
      expect(serializeDialogue({})).toBeNull();
    });

    it('returns null when every field is undefined', () => {
      expect(serializeDialogue({ awaiting: undefined, orderNumber: undefined, askedTimes: undefined, notUnderstood: undefined })).toBeNull();
    });
  });

  describe('when some fields are undefined', () => {
    it('drops them from the JSON', () => {
      const json = serializeDialogue({ orderNumber: 'A1B2C3', awaiting: undefined, notUnderstood: undefined });
      expect(json).toBe('{"orderNumber":"A1B2C3"}');
    });

    it('keeps zero counters and empty lists, which are values', () => {
      expect(JSON.parse(serializeDialogue({ notUnderstood: 0, verifiedOrders: [] })!)).toEqual({ notUnderstood: 0, verifiedOrders: [] });
    });
  });

  describe('round trip', () => {
    it('gives back the same memory after parse(serialize(state))', () => {
      expect(parseDialogue(serializeDialogue(fullState))).toEqual(fullState);
    });

    it('gives back the defined fields of a memory with undefined ones', () => {
      const state: DialogueState = { awaiting: { skill: 'order_status', slot: 'email' }, orderNumber: 'A1B2C3', askedTimes: undefined };
      expect(parseDialogue(serializeDialogue(state))).toEqual({ awaiting: { skill: 'order_status', slot: 'email' }, orderNumber: 'A1B2C3' });
    });

    it('turns an empty memory into null and back into an empty memory', () => {
      expect(parseDialogue(serializeDialogue({}))).toEqual({});
    });
  });
});
