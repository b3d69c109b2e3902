/** Public surface of authentication: the module, the token service and their option types. */
export { AuthGuard, BEARER_SCHEME } from './auth.guard.js';
export { AuthModule } from './auth.module.js';
export {
  AUTH_ERROR_CODES,
  AuthConfigError,
  type AuthErrorCode,
  InsufficientScopeError,
  InvalidTokenError,
  type TokenProblem,
} from './auth-errors.js';
export {
  AUTH_OPTIONS,
  type AuthKeySource,
  type AuthModuleOptions,
  type ExternalIssuerOptions,
  type ResolvedAuthOptions,
  SIGNING_ALGORITHMS,
  type SigningAlgorithm,
} from './auth-options.js';
export { RolesGuard } from './roles.guard.js';
export {
  generateStoredKey,
  importStoredKey,
  parseKeyJson,
  type SigningKey,
  type StoredKey,
} from './signing-key.js';
export { DEV_KEY_FILE, keysInDir, liveKeys, SigningKeys } from './signing-keys.js';
export {
  type AccessTokenSubject,
  type IssuedAccessToken,
  type PurposeToken,
  TokenService,
} from './token-service.js';
export { QueryTokenRefusedError, WsTicketRefusedError } from './ws-auth.errors.js';
export { WsAuthUpgradeGuard } from './ws-auth.upgrade-guard.js';
export {
  type IssuedWsTicket,
  WS_TICKET_PURPOSE,
  WS_TICKET_TTL_SECONDS,
  WsTicketService,
} from './ws-ticket.service.js';
