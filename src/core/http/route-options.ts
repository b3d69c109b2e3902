/** The schema, documentation and Fastify options every route decorator takes. */
import type { RouteShorthandOptions } from 'fastify';
import type { z } from 'zod';

/** Response schemas by status code. */
export type ResponseSchemas = Partial<Record<number, z.ZodType>>;

/** Fastify's route-level hooks, run around Keel's own (guards run before `preValidation`). */
export type RouteHooks = Pick<
  RouteShorthandOptions,
  | 'onRequest'
  | 'preParsing'
  | 'preValidation'
  | 'preHandler'
  | 'preSerialization'
  | 'onSend'
  | 'onResponse'
  | 'onTimeout'
  | 'onError'
  | 'onRequestAbort'
>;

/** Options of `@Get(path, options)` and friends. */
export interface RouteOptions extends RouteHooks {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: z.ZodType;
  response?: ResponseSchemas;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  operationId?: string;
  /** Keep the raw request body (a Buffer) for `@RawBody()`, e.g. to check webhook signatures. */
  rawBody?: boolean;
  /** Per-route body limit in bytes (defaults to the app's `BODY_LIMIT`). */
  bodyLimit?: number;
  /** Fastify route `config` (`request.routeOptions.config`), read by per-route plugins such as rate limits. */
  config?: Record<string, unknown>;
  /** Fastify route constraints: `{ version: '2.0.0' }` (Accept-Version), `{ host: 'api.example.com' }`. */
  constraints?: Record<string, unknown>;
}

type SuccessCode = 200 | 201 | 202 | 203 | 204 | 205 | 206;
type SuccessInput<R> = {
  [K in keyof R]: K extends SuccessCode ? (R[K] extends z.ZodType ? z.input<R[K]> : never) : never;
}[keyof R];

/** What a handler may return, inferred from its 2xx response schemas (anything when none). */
export type HandlerResult<O> = O extends { response: infer R }
  ? [SuccessInput<R>] extends [never]
    ? unknown
    : SuccessInput<R> | (204 extends keyof R ? undefined | void : never)
  : unknown;

/** One route as stored on the controller class. */
export interface RouteDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  path: string;
  handlerName: string;
  options: RouteOptions;
}
