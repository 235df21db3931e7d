import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createImageLoader, ImageUnavailableError } from '../../../../bots/channels/whatsapp-web';

describe('createImageLoader', () => {
  let server: Server;
  let base: string;
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/shoe.jpg') {
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
        res.end(jpeg);
      } else if (req.url === '/page') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>not an image</html>');
      } else if (req.url === '/huge.jpg') {
        res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 10_000 });
        res.end(Buffer.alloc(10_000));
      } else if (req.url === '/busy.jpg') {
        res.writeHead(503);
        res.end();
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const load = createImageLoader({ maxBytes: 1000 });

  it('loads an image as WhatsApp media with its type, name and size', async () => {
    const media = await load(`${base}/shoe.jpg`);
    expect(media).toMatchObject({ mimetype: 'image/jpeg', filename: 'shoe.jpg', filesize: jpeg.length });
    expect(Buffer.from(media.data, 'base64')).toEqual(jpeg);
  });

  it.each([
    ['a missing image', '/gone.jpg', /HTTP 404/],
    ['a page that is not an image', '/page', /not an image/],
    ['an image over the size limit', '/huge.jpg', /more than CHANNELS_MAX_MEDIA_BYTES/],
  ])('refuses %s for good', async (_case, path, reason) => {
    const error = await load(`${base}${path}`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImageUnavailableError);
    expect((error as Error).message).toMatch(reason);
  });

  it('refuses URLs that are not http(s)', async () => {
    await expect(load('file:///etc/passwd')).rejects.toBeInstanceOf(ImageUnavailableError);
  });

  it('fails for a retry when the image host is overloaded', async () => {
    const error = await load(`${base}/busy.jpg`).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ImageUnavailableError);
    expect((error as Error).message).toMatch(/HTTP 503/);
  });
});
