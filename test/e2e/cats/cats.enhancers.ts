/** The Nest cats sample's enhancers, written for Keel: roles guard, logging and transform interceptors, a filter. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type CallHandler,
  type CanActivate,
  Catch,
  type ExceptionFilter,
  type ExecutionContext,
  HttpError,
  Inject,
  Injectable,
  type Interceptor,
  Reflector,
  SetMetadata,
} from '#core';

const ROLES = 'roles';

/** `@Roles('admin')`: who may call a route. */
export const Roles = (...roles: string[]) => SetMetadata(ROLES, roles);

/** Lines the logging interceptor writes (a token, so a test can read them). */
export const CAT_LOG = Symbol('CatLog');

/** Lets a call through when the route needs no role or the caller's `x-roles` has one. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(ctx: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[]>(ROLES, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (!roles) return true;
    const header = ctx.switchToHttp().getRequest<FastifyRequest>().headers['x-roles'];
    const held = String(header ?? '').split(',');
    return roles.some((role) => held.includes(role));
  }
}

/** Logs each call before and after the handler. */
@Injectable()
export class LoggingInterceptor implements Interceptor {
  constructor(@Inject(CAT_LOG) private readonly lines: string[]) {}

  async intercept(ctx: ExecutionContext, next: CallHandler) {
    const name = `${ctx.getClass().name}.${ctx.getHandler().name}`;
    this.lines.push(`before ${name}`);
    const result = await next.handle();
    this.lines.push(`after ${name}`);
    return result;
  }
}

/** Wraps every result as `{ data }`, and says so for validation, serialization and OpenAPI. */
@Injectable()
export class TransformInterceptor implements Interceptor {
  responseSchema(inner: z.ZodType) {
    return z.object({ data: inner });
  }

  async intercept(_ctx: ExecutionContext, next: CallHandler) {
    return { data: await next.handle() };
  }
}

/** Nest's HttpExceptionFilter: every HTTP error as `{ statusCode, timestamp, path }`. */
@Catch(HttpError)
export class HttpExceptionFilter implements ExceptionFilter<HttpError> {
  catch(error: HttpError, ctx: ExecutionContext) {
    const http = ctx.switchToHttp();
    http.getResponse<FastifyReply>().status(error.statusCode).send({
      statusCode: error.statusCode,
      timestamp: new Date().toISOString(),
      path: http.getRequest<FastifyRequest>().url,
    });
  }
}
