/**
 * `AuthModule.forRoot(options)`: a global module that verifies bearer JWTs on every route and
 * gateway (`AuthGuard`, then `RolesGuard`), signs the app's tokens (`TokenService`) and
 * publishes its keys at `GET /.well-known/jwks.json`.
 */
import type { DynamicModule } from '#core';
import { APP_GUARD, AUTHENTICATOR, Module } from '#core';
import { AuthGuard } from './auth.guard.js';
import { authMessages } from './auth.messages.js';
import { AUTH_OPTIONS, type AuthModuleOptions, resolveAuthOptions } from './auth-options.js';
import { JwksController } from './jwks.controller.js';
import { JwtAuthenticator } from './jwt-authenticator.js';
import { RolesGuard } from './roles.guard.js';
import { SigningKeys } from './signing-keys.js';
import { TokenService } from './token-service.js';

/** Import once, from AppModule. */
@Module({})
export class AuthModule {
  /** Protects everything not marked `@Public()`. */
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [JwksController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: resolveAuthOptions(options) },
        SigningKeys,
        TokenService,
        { provide: AUTHENTICATOR, useClass: JwtAuthenticator },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AUTH_OPTIONS, AUTHENTICATOR, SigningKeys, TokenService],
      messages: [authMessages],
    };
  }
}
