/**
 * `OidcModule.forRoot({ providers, redirectBaseUrl })`: sign-in with outside OpenID Connect
 * providers (and GitHub's OAuth2) at `/auth/oidc/:provider/{start,link,callback}`.
 */
import { type DynamicModule, Module } from '#core';
import { IdentityModule } from '#modules/identity';
import { OidcController } from './oidc.controller.js';
import { oidcMessages } from './oidc.messages.js';
import { OidcAccountLinker } from './oidc-account-linker.js';
import { OidcFlowService } from './oidc-flow.service.js';
import { OIDC_OPTIONS, type OidcModuleOptions, resolveOidcOptions } from './oidc-options.js';
import { OidcProviders } from './oidc-providers.js';
import { OidcStateCookie } from './oidc-state.cookie.js';
import { OidcStateService } from './oidc-state.service.js';

/**
 * Needs the global AuthModule (TokenService), CacheModule (used states) and DatabaseModule, and
 * `IdentityModule.forRoot(...)` listed before it in the same imports.
 */
@Module({})
export class OidcModule {
  /** Validates the providers at once (OidcConfigError); discovery happens on first use. */
  static forRoot(options: OidcModuleOptions): DynamicModule {
    return {
      module: OidcModule,
      imports: [IdentityModule],
      controllers: [OidcController],
      providers: [
        { provide: OIDC_OPTIONS, useValue: resolveOidcOptions(options) },
        OidcProviders,
        OidcStateService,
        OidcStateCookie,
        OidcAccountLinker,
        OidcFlowService,
      ],
      exports: [OidcProviders],
      messages: [oidcMessages],
    };
  }
}
