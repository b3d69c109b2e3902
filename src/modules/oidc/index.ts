/** Public surface of the OIDC sign-in module. */
export {
  OIDC_ERROR_CODES,
  OidcAccountExistsError,
  OidcCodeRejectedError,
  OidcConfigError,
  OidcEmailUnverifiedError,
  OidcIdTokenInvalidError,
  OidcProviderError,
  OidcProviderUnavailableError,
  OidcProviderUnknownError,
  OidcStateInvalidError,
} from './oidc.errors.js';
export { OidcModule } from './oidc.module.js';
export type { ExternalProfile } from './oidc.types.js';
export {
  type OidcModuleOptions,
  type OidcProviderConfig,
  type ResolvedProvider,
  resolveOidcOptions,
} from './oidc-options.js';
export { githubApiUrl, type OidcPreset, PRESETS } from './oidc-presets.js';
