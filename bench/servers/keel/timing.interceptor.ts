/** An interceptor used by another controller of the bench app (it times the handler). */
import type { FastifyReply } from 'fastify';
import { type CallHandler, type ExecutionContext, Injectable, type Interceptor } from '#core';

/** Adds `x-handler-ms` with the handler's duration. */
@Injectable()
export class TimingInterceptor implements Interceptor {
  /** Times `next.handle()`. */
  async intercept(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const started = performance.now();
    const result = await next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    reply.header('x-handler-ms', (performance.now() - started).toFixed(3));
    return result;
  }
}
