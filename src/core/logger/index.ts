/** Logging: the root pino logger, redaction, safe error fields and the request log line. */
export { createContextLogger } from './context-logger.js';
export {
  type CreateLoggerOptions,
  createLogger,
  REDACT_PATHS,
  serializeRequest,
} from './create-logger.js';
export { type ErrorLogFields, errorLogFields } from './error-log-fields.js';
export { redactUrl } from './redact-url.js';
export {
  DEFAULT_SLOW_MS,
  RequestLogController,
  type RequestLogMode,
  type RequestLogOptions,
} from './request-log-controller.js';
