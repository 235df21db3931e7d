import {
  describeIssue,
  historyRequestSchema,
  sendMessageSchema,
  webchatAuthSchema,
} from '../../../../bots/channels/webchat/protocol-schemas';

describe('webchatAuthSchema', () => {
  it.each([
    [{ workspace: 'demo' }],
    [{ workspace: 'my-store-2', locale: 'es-MX' }],
    [{ workspace: 'demo', locale: 'zh_Hant_TW' }],
    [{ workspace: 'demo', sessionToken: 'a'.repeat(43) }],
  ])('accepts %j', (auth) => {
    expect(webchatAuthSchema.safeParse(auth).success).toBe(true);
  });

  it.each([
    [{}],
    [{ workspace: 'Demo' }],
    [{ workspace: '-demo' }],
    [{ workspace: 'a'.repeat(64) }],
    [{ workspace: 'demo', sessionToken: 'short' }],
    [{ workspace: 'demo', sessionToken: 'x'.repeat(40) + '!' }],
    [{ workspace: 'demo', locale: 'english please' }],
  ])('refuses %j', (auth) => {
    expect(webchatAuthSchema.safeParse(auth).success).toBe(false);
  });
});

describe('sendMessageSchema', () => {
  it('accepts a message with a quick-reply payload', () => {
    expect(sendMessageSchema.parse({ clientMessageId: 'abc-123_X', text: 'hi', quickReplyPayload: 'human_agent' })).toEqual({
      clientMessageId: 'abc-123_X',
      text: 'hi',
      quickReplyPayload: 'human_agent',
    });
  });

  it.each([
    ['a missing client id', { text: 'hi' }],
    ['a client id with a colon', { clientMessageId: 'a:b', text: 'hi' }],
    ['a 65-character client id', { clientMessageId: 'a'.repeat(65), text: 'hi' }],
    ['a text that is not a string', { clientMessageId: 'a', text: 42 }],
    ['an empty quick-reply payload', { clientMessageId: 'a', text: 'hi', quickReplyPayload: '' }],
    ['a payload that is not an object', 'hello'],
  ])('refuses %s', (_what, payload) => {
    expect(sendMessageSchema.safeParse(payload).success).toBe(false);
  });
});

describe('historyRequestSchema', () => {
  it('accepts beforeSeq with an optional limit', () => {
    expect(historyRequestSchema.safeParse({ beforeSeq: 10 }).success).toBe(true);
    expect(historyRequestSchema.safeParse({ beforeSeq: 10, limit: 200 }).success).toBe(true);
  });

  it.each([[{ beforeSeq: 0 }], [{ beforeSeq: 1.5 }], [{ beforeSeq: 5, limit: 201 }], [{}]])('refuses %j', (payload) => {
    expect(historyRequestSchema.safeParse(payload).success).toBe(false);
  });
});

describe('describeIssue', () => {
  it('names the field of the first problem', () => {
    const result = sendMessageSchema.safeParse({ clientMessageId: 'a:b', text: 'hi' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssue(result.error)).toBe('clientMessageId: clientMessageId must be 1-64 characters of A-Z a-z 0-9 _ -');
    }
  });

  it('says "payload" when the whole payload is wrong', () => {
    const result = sendMessageSchema.safeParse('hello');
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error)).toMatch(/^payload: /);
  });
});
