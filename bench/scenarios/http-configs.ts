/** The five servers of scenarios 1 and 2, the two routes they all serve, and issue 13's targets. */
import { ITEM_REQUEST } from '../servers/bench-routes.js';

/** Short name of a configuration, used in tables, ratios and log file names. */
export type HttpConfigName = 'plain' | 'zod' | 'nest' | 'keel' | 'keel-defaults';

/** One server configuration. */
export interface HttpConfig {
  name: HttpConfigName;
  /** What it is, for the table. */
  label: string;
  entry: string;
}

/** The baselines first, then the two Keel configurations (same app, logging off and on). */
export const HTTP_CONFIGS: readonly HttpConfig[] = [
  {
    name: 'plain',
    label: 'plain Fastify (JSON Schema)',
    entry: 'bench/servers/plain-fastify.server.ts',
  },
  {
    name: 'zod',
    label: 'Fastify + type-provider-zod',
    entry: 'bench/servers/zod-fastify.server.ts',
  },
  {
    name: 'nest',
    label: 'NestJS + Fastify adapter + Zod pipe',
    entry: 'bench/servers/nest/nest.server.ts',
  },
  { name: 'keel', label: 'Keel, logging off', entry: 'bench/servers/keel.server.ts' },
  {
    name: 'keel-defaults',
    label: 'Keel defaults (request log at info)',
    entry: 'bench/servers/keel-defaults.server.ts',
  },
];

/** The configuration called `name`. */
export function httpConfig(name: HttpConfigName): HttpConfig {
  return HTTP_CONFIGS.find((config) => config.name === name)!;
}

/** A measured route. */
export interface HttpRoute {
  scenario: 1 | 2;
  title: string;
  method: 'GET' | 'POST';
  path: string;
  jsonBody?: string;
}

/** Scenario 1: GET of a small JSON object; scenario 2: POST with a Zod body and response schema. */
export const HTTP_ROUTES: readonly HttpRoute[] = [
  { scenario: 1, title: 'GET /hello, a small JSON object', method: 'GET', path: '/hello' },
  {
    scenario: 2,
    title: 'POST /items, validated body and response schema',
    method: 'POST',
    path: '/items',
    jsonBody: JSON.stringify(ITEM_REQUEST),
  },
];

/** A target of issue 13: `subject` keeps at least `min` times `baseline`'s req/s on a route. */
export interface HttpTarget {
  scenario: HttpRoute['scenario'];
  subject: HttpConfigName;
  baseline: HttpConfigName;
  min: number;
}

/** Checked on each runtime, as medians of per-round ratios of one interleaved run. */
export const HTTP_TARGETS: readonly HttpTarget[] = [
  { scenario: 1, subject: 'keel', baseline: 'plain', min: 0.97 },
  { scenario: 1, subject: 'keel-defaults', baseline: 'keel', min: 0.9 },
  { scenario: 2, subject: 'keel', baseline: 'plain', min: 0.95 },
  { scenario: 2, subject: 'keel', baseline: 'nest', min: 1.15 },
  { scenario: 2, subject: 'keel-defaults', baseline: 'keel', min: 0.9 },
];

/** Which two servers to profile when `target` is missed. */
export function profilePair(target: HttpTarget): [HttpConfigName, HttpConfigName] {
  // Behind Nest, what Keel can cut is what it adds to Fastify: profile it against plain Fastify.
  return [target.subject, target.baseline === 'nest' ? 'plain' : target.baseline];
}
