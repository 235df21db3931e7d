import { draftFromVersion, draftsDiffer, isDirty, LIMITS, saveRequest, validateDraft, type EditorDraft } from '../../../web/admin/editor-state';

const stored = { title: 'Gift cards', body: 'Body\n', questions: ['Do you sell gift cards?', 'How long are they valid?'], tags: ['gift card', 'voucher'] };
const valid: EditorDraft = { title: 'T', body: 'B', questions: '', tags: '' };

describe('editor state', () => {
  it('shows questions one per line and tags comma separated', () => {
    expect(draftFromVersion(stored)).toEqual({ title: 'Gift cards', body: 'Body\n', questions: 'Do you sell gift cards?\nHow long are they valid?', tags: 'gift card, voucher' });
    expect(draftFromVersion(undefined)).toEqual({ title: '', body: '', questions: '', tags: '' });
  });

  describe('isDirty', () => {
    it('is false for the stored text, even with blank lines or spacing changed in the lists', () => {
      expect(isDirty(draftFromVersion(stored), stored)).toBe(false);
      expect(isDirty({ ...draftFromVersion(stored), questions: '\nDo you sell gift cards?\n\n  How long are they valid?  \n', tags: 'gift card,voucher' }, stored)).toBe(false);
    });

    it('compares a new version with the text it started from', () => {
      const start = draftFromVersion(stored);
      expect(draftsDiffer({ ...start }, start)).toBe(false);
      expect(draftsDiffer({ ...start, title: 'Geschenkgutscheine' }, start)).toBe(true);
    });

    it('is true for any change of the text', () => {
      expect(isDirty({ ...draftFromVersion(stored), body: 'Body' }, stored)).toBe(true);
      expect(isDirty({ ...draftFromVersion(stored), tags: 'gift card' }, stored)).toBe(true);
    });
  });

  describe('validateDraft', () => {
    it('accepts a title and a body', () => {
      expect(validateDraft(valid)).toEqual([]);
    });

    it('names each field with a problem, in field order', () => {
      const problems = validateDraft({ title: '  ', body: ' \n', questions: Array.from({ length: LIMITS.questions + 1 }, (_, i) => `q${i}`).join('\n'), tags: 'x'.repeat(LIMITS.tag + 1) });
      expect(problems.map((p) => p.field)).toEqual(['title', 'body', 'questions', 'tags']);
      expect(problems[0]!.message).toBe('Give the article a title.');
    });

    it('refuses a question or title longer than the API allows', () => {
      expect(validateDraft({ ...valid, questions: `ok\n${'q'.repeat(LIMITS.question + 1)}` })).toEqual([{ field: 'questions', message: `Question 2 is longer than ${LIMITS.question} characters.` }]);
      expect(validateDraft({ ...valid, title: 't'.repeat(LIMITS.title + 1) })[0]?.field).toBe('title');
    });
  });

  describe('saveRequest', () => {
    it('sends the lists as arrays and the revision the edit started from', () => {
      expect(saveRequest({ title: ' T ', body: 'B', questions: 'a\n\nb\na', tags: 'x, y,,x' }, { expectedRevision: 3 })).toEqual({
        title: 'T',
        body: 'B',
        questions: ['a', 'b'],
        tags: ['x', 'y'],
        publish: false,
        expectedRevision: 3,
      });
    });

    it('omits the expected revision of a new version and names the source revision of a translation', () => {
      const request = saveRequest(valid, { sourceRevision: 5, publish: true });
      expect(request).not.toHaveProperty('expectedRevision');
      expect(request).toMatchObject({ sourceRevision: 5, publish: true });
    });
  });
});
