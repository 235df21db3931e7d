import { createHash } from 'node:crypto';
import { webchatAuthSchema } from '../../../../bots/channels/webchat/protocol-schemas';
import { newSessionToken, sessionIdentity } from '../../../../bots/channels/webchat/session';

describe('newSessionToken', () => {
  it('is 43 base64url characters (32 random bytes)', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
  });

  it('is accepted as the sessionToken of a widget handshake', () => {
    for (let i = 0; i < 50; i += 1) {
      const sessionToken = newSessionToken();
      expect(webchatAuthSchema.safeParse({ workspace: 'demo', sessionToken }).success).toBe(true);
    }
  });

  it('never repeats', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newSessionToken()));
    expect(tokens.size).toBe(1000);
  });
});

describe('sessionIdentity', () => {
  it('is the same for the same token and differs between tokens', () => {
    const token = newSessionToken();
    expect(sessionIdentity(token)).toBe(sessionIdentity(token));
    expect(sessionIdentity(token)).not.toBe(sessionIdentity(newSessionToken()));
  });

  it('is the base64url SHA-256 of the token, so the stored identity does not reveal the token', () => {
    const token = newSessionToken();
    const identity = sessionIdentity(token);
    expect(identity).toBe(createHash('sha256').update(token, 'utf8').digest('base64url'));
    expect(identity).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(identity).not.toBe(token);
    expect(identity).not.toContain(token);
  });
});
