/** A small app behind AuthModule: a protected route, a public one, role and scope routes. */
import {
  type App,
  Controller,
  CurrentUser,
  createTestingModule,
  Get,
  HTTP_OPTIONS,
  type Principal,
  Public,
  Roles,
  Scopes,
} from '#core';
import { AuthModule, type AuthModuleOptions } from '#infra/auth';

/** Routes that echo who called. */
@Controller('/probe')
export class ProbeController {
  @Get('/me')
  me(@CurrentUser() principal: Principal) {
    return { sub: principal.sub, roles: principal.roles, sessionId: principal.sessionId ?? null };
  }

  @Public()
  @Get('/open')
  open(@CurrentUser('sub') sub: string | undefined) {
    return { sub: sub ?? null };
  }

  @Roles('admin', 'owner')
  @Get('/admin')
  admin() {
    return { ok: true };
  }

  @Scopes('users:read', 'users:write')
  @Get('/scoped')
  scoped() {
    return { ok: true };
  }
}

/** Public class with one route protected again by `@Public(false)`. */
@Public()
@Controller('/mixed')
export class MixedController {
  @Get('/open')
  open() {
    return { ok: true };
  }

  @Public(false)
  @Get('/closed')
  closed() {
    return { ok: true };
  }
}

/** Options of the test apps: issuer `keel`, audience `keel-api`, a key in memory. */
export function authOptions(overrides: Partial<AuthModuleOptions> = {}): AuthModuleOptions {
  return {
    issuer: 'keel',
    audience: 'keel-api',
    keys: { generateIfMissing: 'memory' },
    ...overrides,
  };
}

/** Builds the probe app. */
export function probeApp(overrides: Partial<AuthModuleOptions> = {}): Promise<App> {
  return createTestingModule({
    imports: [AuthModule.forRoot(authOptions(overrides))],
    controllers: [ProbeController, MixedController],
    providers: [{ provide: HTTP_OPTIONS, useValue: { docs: { title: 'Probe', version: '1' } } }],
  }).compile();
}

/** `Authorization: Bearer <token>`. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
