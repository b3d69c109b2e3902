/** The four servers of scenarios 1 and 2 and the two routes they all serve. */
import { ITEM_REQUEST } from '../servers/bench-routes.js';

/** One server configuration. */
export interface HttpConfig {
  /** Short name used in tables and ratios. */
  name: 'plain' | 'zod' | 'matched' | 'keel';
  /** What it is, for the table. */
  label: string;
  entry: string;
}

/** Plain Fastify, + Zod, + Keel's defaults (matched), and a Keel controller, in that order. */
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
    name: 'matched',
    label: 'Fastify + zod + Keel defaults',
    entry: 'bench/servers/matched-fastify.server.ts',
  },
  { name: 'keel', label: 'Keel controller (createApp)', entry: 'bench/servers/keel.server.ts' },
];

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
