/** Public surface of the identity module (the OIDC sign-in codes against these names). */

export {
  accounts,
  authSessions,
  externalIdentities,
  refreshTokens,
} from './identity.entity.js';
export {
  AccountGoneError,
  EmailTakenError,
  IdentityAlreadyLinkedError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  RefreshTokenReusedError,
  SessionRevokedError,
  TooManySignInAttemptsError,
} from './identity.errors.js';
export { IdentityModule } from './identity.module.js';
export { IdentityService } from './identity.service.js';
export type { Account, TokenPair } from './identity.types.js';
export type { IdentityModuleOptions } from './identity-options.js';
