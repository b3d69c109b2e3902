/** `POST /auth/ws-ticket`: trades the caller's bearer token for a single-use WebSocket ticket. */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Controller, Inject, Post, RequestContext, Res } from '#core';
import { InvalidTokenError } from './auth-errors.js';
import { AUTH_OPTIONS, type ResolvedAuthOptions } from './auth-options.js';
import { WsTicketService } from './ws-ticket.service.js';

const WsTicket = z
  .object({
    ticket: z.string().describe('Connect within `expiresIn` seconds as `?ticket=`; single use.'),
    expiresIn: z.number().int(),
  })
  .meta({ id: 'WsTicket' });

/** Bearer-authenticated like every non-public route (the global AuthGuard). */
@Controller('/auth', { tags: ['auth'] })
export class WsTicketController {
  constructor(
    private readonly tickets: WsTicketService,
    @Inject(AUTH_OPTIONS) private readonly options: ResolvedAuthOptions,
  ) {}

  @Post('/ws-ticket', {
    summary: 'A 30-second, single-use ticket for a browser WebSocket upgrade (?ticket=)',
    response: { 201: WsTicket },
  })
  // Not `@CurrentUser()`: next to `@Res()` it would await the reply, which is a thenable.
  async issue(@Res() reply: FastifyReply) {
    const principal = RequestContext.current()?.principal;
    if (principal === undefined) throw new InvalidTokenError('missing', this.options.audience);
    // A credential: no cache between the server and the browser may keep it.
    reply.header('cache-control', 'no-store');
    return this.tickets.issue(principal);
  }
}
