/** Named child loggers for providers: `createContextLogger(root, 'UserService')`. */
import type { Logger } from 'pino';

/** A child of `root` whose lines carry `{ context }`. */
export function createContextLogger(root: Logger, context: string): Logger {
  return root.child({ context });
}
