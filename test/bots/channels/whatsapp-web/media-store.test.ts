import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageMedia } from 'whatsapp-web.js';
import { base64Bytes, MediaStore } from '../../../../bots/channels/whatsapp-web/media-store';

describe('MediaStore', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wa-store-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a file per message under the workspace, named safely after the message's id", async () => {
    const store = new MediaStore(dir, 1024);
    const media = new MessageMedia('image/jpeg', Buffer.from('photo').toString('base64'), null);
    const stored = await store.save('ws/1', 'false_4915112345678@c.us_3EB0../X', media);
    const file = join('whatsapp-web', 'ws_1', 'false_4915112345678_c.us_3EB0.._X.jpg');
    expect(stored).toEqual({ stored: true, file, path: join(dir, file), bytes: 5, mimetype: 'image/jpeg' });
    expect(readFileSync((stored as { path: string }).path, 'utf8')).toBe('photo');
    expect(readdirSync(join(dir, 'whatsapp-web', 'ws_1'))).toEqual(['false_4915112345678_c.us_3EB0.._X.jpg']);
  });

  it("names unknown types after the document's extension, else .bin", async () => {
    const store = new MediaStore(dir, 1024);
    const data = Buffer.from('PK').toString('base64');
    expect(await store.save('ws', 'a', new MessageMedia('application/zip', data, 'returns.ZIP'))).toMatchObject({ path: expect.stringMatching(/a\.zip$/) });
    expect(await store.save('ws', 'b', new MessageMedia('application/x-odd', data, 'no extension'))).toMatchObject({ path: expect.stringMatching(/b\.bin$/) });
  });

  it('does not write a file larger than the limit', async () => {
    const store = new MediaStore(dir, 4);
    expect(await store.save('ws', 'big', new MessageMedia('image/png', Buffer.from('12345').toString('base64')))).toEqual({ stored: false, reason: 'too_large', bytes: 5 });
    expect(store.tooLarge(5)).toBe(true);
    expect(store.tooLarge(4)).toBe(false);
  });

  it('computes decoded sizes without decoding', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'hello world!']) expect(base64Bytes(Buffer.from(text).toString('base64'))).toBe(Buffer.byteLength(text));
  });
});
