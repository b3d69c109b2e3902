/** Lets a provider register Fastify plugins or hooks before the routes are compiled. */
import type { FastifyInstance } from 'fastify';

/** Implemented by providers that extend the server (WebSocket, metrics, rate limits...). */
export interface ConfiguresServer {
  configureServer(server: FastifyInstance): void | Promise<void>;
}

/** True when `value` has a `configureServer` method. */
export function configuresServer(value: unknown): value is ConfiguresServer {
  return typeof (value as Partial<ConfiguresServer> | null)?.configureServer === 'function';
}
