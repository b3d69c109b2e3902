/** Request context: AsyncLocalStorage store, request ids and the Fastify hook that opens it. */
export {
  buildRequestContext,
  extractBearerToken,
  installRequestContext,
  type RequestContextOptions,
} from './install-request-context.js';
export { RequestContext, type RequestContextData } from './request-context.js';
export { createGenReqId, genReqId, REQUEST_ID_HEADER, saneRequestId } from './request-id.js';
