/** Options of `createApp` and the `HTTP_OPTIONS` token the app module may provide. */
import type { Logger } from 'pino';
import type { InjectionToken } from '../di/injection-token.js';
import type { Override } from '../di/provider-normalizer.js';
import type { RequestLogMode } from '../logger/index.js';

/** HTTP server settings (usually built from the app's config). */
export interface HttpOptions {
  /** Global route prefix, e.g. `/api/v1`. */
  prefix?: string;
  bodyLimit?: number;
  trustProxy?: boolean;
  /** CORS allow-list; `'*'` allows any origin; empty disables CORS. */
  corsOrigins?: readonly string[] | '*';
  helmet?: boolean;
  /** OpenAPI at `/docs`; false turns it off. */
  docs?: false | { title: string; version: string; description?: string };
  requestTimeoutMs?: number;
  /** Production hides error details and internals. */
  production?: boolean;
  defaultLang?: string;
  /** Which requests get an access-log line: `all` (default), `errors` (4xx/5xx and slow), `off`. */
  logRequests?: RequestLogMode;
  /** Requests slower than this (ms, default 1000) are logged at warn, in `errors` mode too. */
  logSlowMs?: number;
  /**
   * Zod schemas that JSON Schema expresses exactly run on ajv and fast-json-stringify (default
   * true); false keeps every schema on Zod. What clients see is the same either way.
   */
  jsonSchemas?: boolean;
}

/** Provide this token (e.g. from config) to configure the server of every app built on the module. */
export const HTTP_OPTIONS: InjectionToken<HttpOptions> = Symbol('HttpOptions');

/** Logger settings: `false` silences it; a pino instance is used as is. */
export type LoggerOption = false | Logger | { level?: string; pretty?: boolean };

/** Options of `createApp`. */
export interface AppOptions {
  logger?: LoggerOption;
  /** Budget of each lifecycle hook (default 10 s). */
  hookTimeoutMs?: number;
  /** Overrides `HTTP_OPTIONS` field by field. */
  http?: HttpOptions;
  /** Set by the testing module. */
  overrides?: ReadonlyMap<unknown, Override>;
}
