import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { RawHttpClient, rawRequest } from '../../bench/raw-http-client';

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('RawHttpClient', () => {
  let server: Server;
  let port: number;
  const seen: Array<{ method?: string; url?: string; headers: Record<string, unknown>; body: string }> = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body });
        const answer = JSON.stringify({ echo: body, n: seen.length });
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
        res.end(answer);
      });
    });
    port = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends prepared requests one after another on one keep-alive connection', async () => {
    const client = await RawHttpClient.open('127.0.0.1', port);
    const first = await client.send(rawRequest('POST', `127.0.0.1:${port}`, '/score?x=1', { authorization: 'Bearer t', 'content-type': 'application/json' }, '{"a":"é"}'));
    const second = await client.send(rawRequest('POST', `127.0.0.1:${port}`, '/missing', {}, ''));
    client.close();
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body.toString('utf8'))).toEqual({ echo: '{"a":"é"}', n: seen.length - 1 });
    expect(second.status).toBe(404);
    const request = seen.at(-2)!;
    expect(request).toMatchObject({ method: 'POST', url: '/score?x=1', body: '{"a":"é"}' });
    expect(request.headers).toMatchObject({ authorization: 'Bearer t', 'content-type': 'application/json', connection: 'keep-alive' });
  });

  it('reads a response that arrives in pieces, and refuses what it cannot frame', async () => {
    const tcp = createTcpServer((socket) => {
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-len');
        setTimeout(() => socket.write('gth: 5\r\n\r\nhel'), 20);
        setTimeout(() => {
          socket.write('lo');
          socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'));
        }, 40);
      });
    });
    const tcpPort = await listen(tcp);
    const client = await RawHttpClient.open('127.0.0.1', tcpPort);
    const pieced = await client.send(rawRequest('GET', 'x', '/', {}));
    expect(pieced.status).toBe(200);
    expect(pieced.body.toString()).toBe('hello');
    await expect(client.send(rawRequest('GET', 'x', '/', {}))).rejects.toThrow(/without content-length/);
    client.close();
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
  });

  it('fails a pending request when the server closes the connection, and every later one', async () => {
    const tcp = createTcpServer((socket) => socket.once('data', () => socket.destroy()));
    const tcpPort = await listen(tcp);
    const client = await RawHttpClient.open('127.0.0.1', tcpPort);
    await expect(client.send(rawRequest('GET', 'x', '/', {}))).rejects.toThrow(/closed the connection/);
    await expect(client.send(rawRequest('GET', 'x', '/', {}))).rejects.toThrow(/closed the connection/);
    client.close();
    await new Promise<void>((resolve) => tcp.close(() => resolve()));
  });
});
