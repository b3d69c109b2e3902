/** `KEEL_DEBUG_SCHEMAS=1`: one line per route schema saying which path it took and why. */
import type { SchemaDecision } from './schema-decision.js';

/** Receives each route schema's decision as Fastify compiles it. */
export type SchemaReporter = (where: string, decision: SchemaDecision) => void;

/** Whether the environment asks for the report. */
export function schemaReportRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.KEEL_DEBUG_SCHEMAS;
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

/** A reporter that writes `keel schemas: GET /users/:id params -> json-schema` lines to `write`. */
export function schemaReporter(write: (line: string) => void): SchemaReporter {
  return (where, decision) => {
    const path = decision.exact ? 'json-schema' : `zod (${decision.reason})`;
    write(`keel schemas: ${where} -> ${path}\n`);
  };
}
