/** Server building blocks: error handling, security, OpenAPI and Fastify options. */
export { type ErrorBodyOptions, errorBody } from './error-body.js';
export { ErrorBody, errorResponses } from './error-body.schema.js';
export {
  type ErrorHandlingOptions,
  installErrorHandler,
  installErrorHandling,
  installNotFoundHandler,
} from './install-error-handling.js';
export { type OpenApiOptions, registerOpenApi } from './register-open-api.js';
export { registerSecurity, type SecurityOptions } from './register-security.js';
export { type KeelServerOptions, serverOptions } from './server-options.js';
export { type ToHttpErrorOptions, toHttpError } from './to-http-error.js';
export {
  type ValidatedInput,
  type ValidationDetail,
  validationDetails,
} from './validation-details.js';
