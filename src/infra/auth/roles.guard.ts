/** `@Roles(...)` (any one) and `@Scopes(...)` (all), read method first: a method's list wins. */
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenError,
  type GuardDocumentation,
  Inject,
  Injectable,
  type Principal,
  Reflector,
  RequestContext,
  ROLES,
  SCOPES,
  type Type,
} from '#core';
import { InsufficientScopeError, InvalidTokenError } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';

interface Requirement {
  roles: readonly string[] | undefined;
  scopes: readonly string[] | undefined;
}

/** Registered as `APP_GUARD` by AuthModule, after AuthGuard. */
@Injectable()
export class RolesGuard implements CanActivate {
  private readonly byHandler = new WeakMap<Function, Requirement>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  /** 403 FORBIDDEN without a required role or scope; 401 when nobody is signed in. */
  canActivate(context: ExecutionContext): boolean {
    const { roles, scopes } = this.requirement(context.getClass(), context.getHandler());
    if (roles === undefined && scopes === undefined) return true;
    const principal = RequestContext.current()?.principal;
    if (!principal) throw new InvalidTokenError('missing', this.options.audience);
    if (roles !== undefined && !roles.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenError();
    }
    const missing = missingScopes(principal, scopes);
    if (missing.length > 0) throw new InsufficientScopeError(this.options.audience, missing);
    return true;
  }

  /** Routes that need a role or scope document 403. */
  describeRoute(target: { cls: Type; handler: Function }): GuardDocumentation {
    const { roles, scopes } = this.requirement(target.cls, target.handler);
    return { errors: roles === undefined && scopes === undefined ? [] : [403] };
  }

  private requirement(cls: Type, handler: Function): Requirement {
    let requirement = this.byHandler.get(handler);
    if (!requirement) {
      const targets = [handler, cls];
      requirement = {
        roles: this.reflector.getAllAndOverride<string[]>(ROLES, targets),
        scopes: this.reflector.getAllAndOverride<string[]>(SCOPES, targets),
      };
      this.byHandler.set(handler, requirement);
    }
    return requirement;
  }
}

function missingScopes(principal: Principal, scopes: readonly string[] | undefined): string[] {
  return (scopes ?? []).filter((scope) => !principal.scopes.includes(scope));
}
