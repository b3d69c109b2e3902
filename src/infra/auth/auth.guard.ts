/**
 * The global authentication guard: every route and gateway event needs a valid access token
 * unless `@Public()`. A public route still reads a valid token, so `@CurrentUser()` works there.
 */
import {
  AUTHENTICATOR,
  type Authenticator,
  type CanActivate,
  type ExecutionContext,
  type GuardDocumentation,
  Inject,
  Injectable,
  IS_PUBLIC,
  Reflector,
  RequestContext,
  type Type,
} from '#core';
import { InvalidTokenError } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';

/** The OpenAPI security scheme secured operations name (declared by the document). */
export const BEARER_SCHEME = 'bearerAuth';

/** Registered as `APP_GUARD` by AuthModule. */
@Injectable()
export class AuthGuard implements CanActivate {
  // Decided once per handler: metadata never changes after boot.
  private readonly publicByHandler = new WeakMap<Function, boolean>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  /** Sets the request context's principal, or answers 401 (synchronous when there is no token). */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const isPublic = this.isPublic(context.getClass(), context.getHandler());
    const current = RequestContext.current();
    // A WebSocket frame runs in its connection's context, authenticated at the upgrade.
    if (current?.principal !== undefined || context.getType() === 'ws') {
      if (current?.principal !== undefined || isPublic) return true;
      throw new InvalidTokenError('missing', this.options.audience);
    }
    const bearerToken = current?.bearerToken;
    if (isPublic && bearerToken === undefined) return true;
    return this.authenticate(bearerToken, isPublic);
  }

  private async authenticate(bearerToken: string | undefined, isPublic: boolean): Promise<boolean> {
    const current = RequestContext.current();
    try {
      const principal = await this.authenticator.authenticate(
        bearerToken === undefined ? {} : { bearerToken },
      );
      if (principal !== undefined && current) current.principal = principal;
      if (principal !== undefined || isPublic) return true;
    } catch (error) {
      // A bad token on a public route is ignored: the caller is simply anonymous there.
      if (isPublic) return true;
      throw error;
    }
    throw new InvalidTokenError('missing', this.options.audience);
  }

  /** Public routes are marked `security: []`; the others need the bearer scheme and may say 401. */
  describeRoute(target: { cls: Type; handler: Function }): GuardDocumentation {
    if (this.isPublic(target.cls, target.handler)) return { errors: [], security: [] };
    return { errors: [401], security: [{ [BEARER_SCHEME]: [] }] };
  }

  private isPublic(cls: Type, handler: Function): boolean {
    let known = this.publicByHandler.get(handler);
    if (known === undefined) {
      known = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, cls]) ?? false;
      this.publicByHandler.set(handler, known);
    }
    return known;
  }
}
