/** `{{entity.pascal}}Guard` and `@Require{{entity.pascal}}(...)`: routes of the {{module.words}} module that only some callers may use. */
import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  Reflector,
  RequestContext,
  SetMetadata,
  UnauthorizedError,
} from '#core';

/** The metadata `@Require{{entity.pascal}}(...)` sets and `{{entity.pascal}}Guard` reads. */
export const REQUIRED_{{entity.constant}} = Symbol('{{module.kebab}}:required-{{entity.kebab}}');

/** On a controller or route: the caller's `{{entity.camel}}` claim must be one of `values` (a route's list wins). */
export function Require{{entity.pascal}}(...values: string[]): ClassDecorator & MethodDecorator {
  return SetMetadata(REQUIRED_{{entity.constant}}, values);
}

/** `@UseGuards({{entity.pascal}}Guard)`: runs after the app's AuthGuard, which sets the principal. */
@Injectable()
export class {{entity.pascal}}Guard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  /** True when the route asks for nothing or the claim matches; false answers 403 FORBIDDEN. */
  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const required = this.reflector.getAllAndOverride<string[]>(REQUIRED_{{entity.constant}}, targets);
    if (required === undefined) return true;
    const principal = RequestContext.current()?.principal;
    // On a @Public() route a caller without a token has no principal.
    if (principal === undefined) throw new UnauthorizedError({ headers: { 'www-authenticate': 'Bearer' } });
    const claim = principal.claims?.{{entity.camel}};
    return typeof claim === 'string' && required.includes(claim);
  }
}
