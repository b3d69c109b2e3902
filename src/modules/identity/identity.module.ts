/** `IdentityModule.forRoot(options)`: email + password accounts, sessions, refresh tokens. */
import type { DynamicModule } from '#core';
import { Module } from '#core';
import { AccountRepository } from './account.repository.js';
import { CredentialsService } from './credentials.service.js';
import { ExternalIdentityRepository } from './external-identity.repository.js';
import { IdentityController } from './identity.controller.js';
import { identityMessages } from './identity.messages.js';
import { IdentityService } from './identity.service.js';
import {
  IDENTITY_OPTIONS,
  type IdentityModuleOptions,
  resolveIdentityOptions,
} from './identity-options.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';
import { SignInLimiter } from './sign-in-limiter.js';

/**
 * Needs the global DatabaseModule, AuthModule (TokenService, the guards) and AttemptsModule
 * (ATTEMPT_LIMITER). Exports `IdentityService` for the OIDC sign-in and other modules.
 */
@Module({})
export class IdentityModule {
  /** Defaults: refresh tokens live 30 days; argon2id 19 MiB, 2 passes, 1 lane; 10/100 failures a minute. */
  static forRoot(options: IdentityModuleOptions = {}): DynamicModule {
    return {
      module: IdentityModule,
      controllers: [IdentityController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: resolveIdentityOptions(options) },
        AccountRepository,
        SessionRepository,
        RefreshTokenRepository,
        ExternalIdentityRepository,
        PasswordHasher,
        SignInLimiter,
        SessionService,
        CredentialsService,
        IdentityService,
      ],
      exports: [IdentityService],
      messages: [identityMessages],
    };
  }
}
