import { newClientMessageId } from '../../../web/widget/ids';

const PROTOCOL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newClientMessageId', () => {
  it('uses crypto.randomUUID when the page is a secure context', () => {
    const id = newClientMessageId();
    expect(id).toMatch(UUID_V4);
    expect(id).toMatch(PROTOCOL_ID);
  });

  it('builds a version 4 UUID from random bytes where randomUUID is missing', () => {
    const source = {
      getRandomValues: (array: Uint8Array<ArrayBuffer>) => array.fill(0xff),
    };
    const id = newClientMessageId(source);
    expect(id).toMatch(UUID_V4);
    expect(id).toMatch(PROTOCOL_ID);
  });

  it('gives different ids on every call', () => {
    expect(new Set(Array.from({ length: 50 }, () => newClientMessageId())).size).toBe(50);
  });
});
