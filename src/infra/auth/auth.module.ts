/**
 * `AuthModule.forRoot(options)`: a global module that verifies bearer JWTs on every route and
 * gateway (`AuthGuard`, then `RolesGuard`; `WsAuthUpgradeGuard` before every WebSocket
 * upgrade), signs the app's tokens (`TokenService`) and WebSocket tickets
 * (`POST /auth/ws-ticket`), and publishes its keys at `GET /.well-known/jwks.json`.
 */
import type { DynamicModule } from '#core';
import { APP_GUARD, AUTHENTICATOR, Module, WS_UPGRADE_GUARD } from '#core';
import { AuthGuard } from './auth.guard.js';
import { authMessages } from './auth.messages.js';
import { AUTH_OPTIONS, type AuthModuleOptions, resolveAuthOptions } from './auth-options.js';
import { JwksController } from './jwks.controller.js';
import { JwtAuthenticator } from './jwt-authenticator.js';
import { RolesGuard } from './roles.guard.js';
import { SigningKeys } from './signing-keys.js';
import { TokenService } from './token-service.js';
import { wsAuthMessages } from './ws-auth.messages.js';
import { WsAuthUpgradeGuard } from './ws-auth.upgrade-guard.js';
import { WsTicketController } from './ws-ticket.controller.js';
import { WsTicketService } from './ws-ticket.service.js';

/** Import once, from AppModule. */
@Module({})
export class AuthModule {
  /** Protects everything not marked `@Public()`. */
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      controllers: [JwksController, WsTicketController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: resolveAuthOptions(options) },
        SigningKeys,
        TokenService,
        { provide: AUTHENTICATOR, useClass: JwtAuthenticator },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        WsTicketService,
        { provide: WS_UPGRADE_GUARD, useClass: WsAuthUpgradeGuard },
      ],
      exports: [AUTH_OPTIONS, AUTHENTICATOR, SigningKeys, TokenService, WsTicketService],
      messages: [authMessages, wsAuthMessages],
    };
  }
}
