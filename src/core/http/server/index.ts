/** Server building blocks: error handling, security, OpenAPI and Fastify options. */
export { type BodyDeadlineOptions, installBodyDeadline } from './body-deadline.js';
export {
  type ClientErrorOptions,
  clientHttpError,
  createClientErrorHandler,
} from './client-error-handler.js';
export { type ErrorBodyOptions, errorBody } from './error-body.js';
export { ErrorBody, errorResponses } from './error-body.schema.js';
export { type ExpectationCheckOptions, installExpectationCheck } from './expectation-check.js';
export { installHostHeaderCheck } from './host-header-check.js';
export {
  type ErrorHandlingOptions,
  installErrorHandler,
  installErrorHandling,
  installNotFoundHandler,
} from './install-error-handling.js';
export { type OpenApiOptions, registerOpenApi } from './register-open-api.js';
export { registerSecurity, type SecurityOptions } from './register-security.js';
export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  type KeelServerOptions,
  serverOptions,
} from './server-options.js';
export { installTextBodyParser, takesText } from './text-body-parser.js';
export { type ToHttpErrorOptions, toHttpError } from './to-http-error.js';
export { installUtf8JsonParser } from './utf8-json-parser.js';
export {
  type ValidatedInput,
  type ValidationDetail,
  validationDetails,
} from './validation-details.js';
