/**
 * The REST API's OpenAPI 3 document, built from the same zod schemas the routes validate with: a route mounted with
 * {@link ApiCatalogue.mount} is documented by construction, and routes written directly on a router are described
 * with {@link ApiCatalogue.describe}. A test walks the express app and the document and requires both to list the
 * same operations.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { TokenRole } from '../database';
import { asyncHandler } from './errors';

/** HTTP methods the API uses. */
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One documented response. */
export interface ApiResponse {
  description: string;
  schema?: z.ZodType;
  /** @defaultValue `application/json` */
  contentType?: string;
}

/** One operation of the API. */
export interface ApiOperation {
  method: ApiMethod;
  /** Express-style path (`/api/knowledge/articles/:slug`). */
  path: string;
  summary: string;
  /** Group in the document (`knowledge`, `nlu`, ...). */
  tag: string;
  /** Token roles allowed; absent: public. */
  roles?: readonly TokenRole[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, ApiResponse>;
}

const ERROR_SCHEMA = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  // `input`: a request schema documents what a client sends (before defaults and coercion).
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

function parameters(where: 'path' | 'query', schema: z.ZodObject | undefined): unknown[] {
  if (!schema) return [];
  const json = jsonSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/** See the file comment. */
export class ApiCatalogue {
  private readonly operations: ApiOperation[] = [];

  /** Adds an operation to the document (for routes mounted by other means). */
  describe(operation: ApiOperation): this {
    const key = `${operation.method} ${operation.path}`;
    if (this.operations.some((o) => `${o.method} ${o.path}` === key)) throw new Error(`The API documents ${key} twice`);
    this.operations.push(operation);
    return this;
  }

  /** Documents an operation and mounts its handler with the given middleware (authentication) in front. */
  mount(
    router: Router,
    operation: ApiOperation,
    middleware: ReadonlyArray<(req: Request, res: Response, next: (error?: unknown) => void) => unknown>,
    handler: (req: Request, res: Response) => Promise<void>,
  ): void {
    this.describe(operation);
    router[operation.method](operation.path, ...(middleware as never[]), asyncHandler(handler));
  }

  /** The documented operations as `METHOD /path` (express style), sorted. */
  list(): string[] {
    return this.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
  }

  /** The OpenAPI 3.0 document. */
  document(info: { title: string; version: string; description?: string }): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const op of [...this.operations].sort((a, b) => a.path.localeCompare(b.path))) {
      const responses: Record<string, unknown> = {};
      for (const [status, response] of Object.entries(op.responses)) {
        responses[status] = {
          description: response.description,
          ...(response.schema ? { content: { [response.contentType ?? 'application/json']: { schema: jsonSchema(response.schema) } } } : {}),
        };
      }
      const errors: Record<string, string> = { '400': 'Invalid input; the message names the bad field.' };
      if (op.roles) Object.assign(errors, { '401': 'Missing or unknown API token.', '403': `Needs the role ${op.roles.join(' or ')}.` });
      for (const [status, description] of Object.entries(errors)) {
        responses[status] ??= { description, content: { 'application/json': { schema: jsonSchema(ERROR_SCHEMA) } } };
      }
      (paths[toOpenApiPath(op.path)] ??= {})[op.method] = {
        summary: op.summary,
        tags: [op.tag],
        operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c?: string) => (c ? c.toUpperCase() : ''))}`,
        ...(op.roles ? { security: [{ bearerToken: [] }], 'x-roles': op.roles } : { security: [] }),
        parameters: [...parameters('path', op.params), ...parameters('query', op.query)],
        ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
        responses,
      };
    }
    return {
      openapi: '3.0.3',
      info,
      components: {
        securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (`pgd_...`) of the workspace: role admin or agent, or an `events` key (write-only, for `POST /api/events`; see each operation\'s x-roles).' } },
      },
      paths,
    };
  }
}
