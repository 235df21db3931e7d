/** JSON error responses: every failure says what was wrong in a stable shape `{error: {code, message}}`. */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';

/** An error with an HTTP status and a stable code, thrown by route handlers. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields of the error object (e.g. `currentRevision` of a 409), next to `code` and `message`. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Parses `input` with `schema` or throws a 400 naming the first bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${what} ${issue.path.join('.')}` : what;
  throw new HttpError(400, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}`);
}

/**
 * The JSON bodies of the standard failures, shared by {@link errorHandler} and the handlers that run outside express
 * (risk/api/risk-score-endpoint.ts), so both answer alike.
 */
export const errorBodies = {
  http: (error: HttpError) => ({ error: { ...error.details, code: error.code, message: error.message } }),
  malformedJson: (reason: string) => ({ error: { code: 'malformed_json', message: `The request body is not valid JSON: ${reason}` } }),
  bodyTooLarge: () => ({ error: { code: 'body_too_large', message: 'The request body is larger than the configured limit.' } }),
  internal: () => ({ error: { code: 'internal_error', message: 'Something went wrong on our side; it has been logged.' } }),
};

/** The last middleware: turns thrown errors into JSON. Malformed JSON bodies become 400 with the parser's reason. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpError) {
      res.status(error.status).json(errorBodies.http(error));
      return;
    }
    const status = (error as { status?: number; type?: string }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      res.status(400).json(errorBodies.malformedJson((error as Error).message));
      return;
    }
    if (type === 'entity.too.large') {
      res.status(413).json(errorBodies.bodyTooLarge());
      return;
    }
    if (status && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'bad_request', message: (error as Error).message } });
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(500).json(errorBodies.internal());
  };
}

/** Wraps an async handler so rejections reach the error handler. */
export function asyncHandler(handler: (req: Request, res: Response) => Promise<void>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    handler(req, res).catch(next);
  };
}
