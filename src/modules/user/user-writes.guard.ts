/** With `AUTH_PROTECT_EXAMPLES=true` the example's writes need a token with the `admin` role. */
import {
  type CanActivate,
  createToken,
  ForbiddenError,
  type GuardDocumentation,
  Inject,
  Injectable,
  type InjectionToken,
  Optional,
  RequestContext,
  UnauthorizedError,
} from '#core';

/** Options of `UserModule.forRoot`. */
export interface UserModuleOptions {
  /** POST, PATCH and DELETE need the `admin` role. Default false (the public tour). */
  protectWrites?: boolean;
}

/** Token of the user module's options. */
export const USER_MODULE_OPTIONS: InjectionToken<UserModuleOptions> =
  createToken<UserModuleOptions>('UserModuleOptions');

/** The role the protected writes need. */
export const USER_ADMIN_ROLE = 'admin';

/** On the write routes of UserController; a no-op unless `protectWrites`. */
@Injectable()
export class UserWritesGuard implements CanActivate {
  private readonly protect: boolean;

  constructor(@Optional() @Inject(USER_MODULE_OPTIONS) options?: UserModuleOptions) {
    this.protect = options?.protectWrites ?? false;
  }

  /** 401 without a principal, 403 without the admin role. */
  canActivate(): boolean {
    if (!this.protect) return true;
    const principal = RequestContext.current()?.principal;
    if (!principal) throw new UnauthorizedError({ headers: { 'www-authenticate': 'Bearer' } });
    if (!principal.roles.includes(USER_ADMIN_ROLE)) throw new ForbiddenError();
    return true;
  }

  /** Protected writes show the bearer requirement in OpenAPI. */
  describeRoute(): GuardDocumentation {
    return this.protect ? { errors: [401, 403], security: [{ bearerAuth: [] }] } : { errors: [] };
  }
}
