/** A guard used by another controller of the bench app, so the measured routes sit beside one. */
import type { FastifyRequest } from 'fastify';
import { type CanActivate, type ExecutionContext, Injectable } from '#core';

/** Lets a request through when it carries `x-api-key: bench`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  /** True for the bench key. */
  canActivate(context: ExecutionContext): boolean {
    return context.switchToHttp().getRequest<FastifyRequest>().headers['x-api-key'] === 'bench';
  }
}
