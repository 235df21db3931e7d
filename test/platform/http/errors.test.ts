import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import pino from 'pino';
import { z } from 'zod';
import { HttpError, asyncHandler, errorHandler, parseOrThrow } from '../../../platform/http/errors';

describe('parseOrThrow', () => {
  const schema = z.object({ name: z.string().min(1), role: z.enum(['admin', 'agent']), limits: z.object({ max: z.number() }).optional() });

  it('returns the parsed value when the input is valid', () => {
    expect(parseOrThrow(schema, { name: 'Ana', role: 'agent', extra: 1 }, 'body')).toEqual({ name: 'Ana', role: 'agent' });
  });

  it('throws a 400 invalid_request HttpError naming the bad field', () => {
    let thrown: unknown;
    try {
      parseOrThrow(schema, { name: 'Ana', role: 'owner' }, 'body');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpError);
    expect(thrown).toMatchObject({ status: 400, code: 'invalid_request' });
    expect((thrown as HttpError).message).toMatch(/^body role: /);
  });

  it('names a nested field by its dotted path', () => {
    expect(() => parseOrThrow(schema, { name: 'Ana', role: 'agent', limits: { max: 'ten' } }, 'body')).toThrow(/^body limits\.max: /);
  });

  it('falls back to the input’s name when the problem is at the top level', () => {
    expect(() => parseOrThrow(schema, 'not an object', 'query')).toThrow(/^query: /);
  });
});

describe('errorHandler', () => {
  let server: Server;
  let baseUrl: string;
  const logged: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const logger = pino(
      { level: 'error' },
      { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const app = express();
    app.use(express.json({ limit: '1kb' }));
    app.post('/echo', (req, res) => void res.json(req.body));
    app.get('/http-error', () => {
      throw new HttpError(409, 'conflict', 'That slug is taken.');
    });
    app.get('/async-http-error', asyncHandler(async () => Promise.reject(new HttpError(404, 'not_found', 'No such conversation.'))));
    app.get('/plain-4xx', () => {
      throw Object.assign(new Error('Range not satisfiable'), { status: 416 });
    });
    app.get('/boom', () => {
      throw new Error('database password is hunter2');
    });
    app.use(errorHandler(logger));
    await new Promise<void>((resolve) => {
      server = app.listen(0, '127.0.0.1', () => resolve());
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  beforeEach(() => {
    logged.length = 0;
  });

  async function call(path: string, init?: RequestInit) {
    const response = await fetch(`${baseUrl}${path}`, init);
    return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
  }

  const postJson = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers an HttpError with its status, code and message', async () => {
    expect(await call('/http-error')).toEqual({ status: 409, body: { error: { code: 'conflict', message: 'That slug is taken.' } } });
    expect(await call('/async-http-error')).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'No such conversation.' } },
    });
    expect(logged).toEqual([]);
  });

  it('answers a malformed JSON body with 400 malformed_json and the parser’s reason', async () => {
    const { status, body } = await call('/echo', postJson('{"name": '));
    expect(status).toBe(400);
    expect(body.error.code).toBe('malformed_json');
    expect(body.error.message).toMatch(/^The request body is not valid JSON: ./);
    expect(logged).toEqual([]);
  });

  it('answers a body over the limit with 413 body_too_large', async () => {
    const { status, body } = await call('/echo', postJson(JSON.stringify({ text: 'x'.repeat(4096) })));
    expect(status).toBe(413);
    expect(body.error.code).toBe('body_too_large');
  });

  it('passes a plain error with a 4xx status through as bad_request', async () => {
    expect(await call('/plain-4xx')).toEqual({ status: 416, body: { error: { code: 'bad_request', message: 'Range not satisfiable' } } });
    expect(logged).toEqual([]);
  });

  it('answers an unknown error with 500 internal_error, hides its message and logs it with the request', async () => {
    const { status, body } = await call('/boom');
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal_error');
    expect(body.error.message).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      msg: 'request failed',
      method: 'GET',
      path: '/boom',
      err: { message: 'database password is hunter2' },
    });
  });

  it('still serves valid requests', async () => {
    const response = await fetch(`${baseUrl}/echo`, postJson('{"ok":true}'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});

describe('errorHandler after the response has started', () => {
  it('hands the error to the next handler instead of writing', () => {
    const handler = errorHandler(pino({ level: 'silent' }));
    const status = jest.fn();
    const next = jest.fn();
    const error = new Error('late');
    handler(error, {} as never, { headersSent: true, status } as never, next);
    expect(next).toHaveBeenCalledWith(error);
    expect(status).not.toHaveBeenCalled();
  });
});
