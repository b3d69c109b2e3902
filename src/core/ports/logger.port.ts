/** The logger port: the app's root pino logger, injected as `@Inject(LOGGER) logger: Logger`. */
import type { Logger } from 'pino';
import type { InjectionToken } from '../di/injection-token.js';

export type { Logger } from 'pino';

/** The root logger of the app (the same instance Fastify logs requests with). */
export const LOGGER: InjectionToken<Logger> = Symbol('Logger');

/** A child of the root logger whose lines carry `context: '<the class it is injected into>'`. */
export const CONTEXT_LOGGER: InjectionToken<Logger> = Symbol('ContextLogger');
