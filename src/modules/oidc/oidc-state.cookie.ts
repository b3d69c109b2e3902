/**
 * The cookie that carries a flow's state token between `start` and `callback`: HttpOnly,
 * SameSite=Lax (the provider's redirect back is a top-level GET), Path=/auth/oidc, Secure when
 * the app is served over https, gone after 10 minutes. Written and read with @fastify/cookie.
 */
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ConfiguresServer, Inject, Injectable } from '#core';
import { OIDC_OPTIONS, type ResolvedOidcOptions } from './oidc-options.js';
import { STATE_TTL_SECONDS } from './oidc-state.service.js';

/** Name of the state cookie. */
export const STATE_COOKIE = 'keel_oidc';

/** Sets, reads and clears the state cookie. */
@Injectable()
export class OidcStateCookie implements ConfiguresServer {
  constructor(@Inject(OIDC_OPTIONS) private readonly options: ResolvedOidcOptions) {}

  /** Registers @fastify/cookie unless another module did; `hook: false` parses only when asked. */
  async configureServer(server: FastifyInstance): Promise<void> {
    if (!server.hasDecorator('parseCookie')) await server.register(fastifyCookie, { hook: false });
  }

  /** Sends `token` in the cookie. */
  set(reply: FastifyReply, token: string): void {
    reply.setCookie(STATE_COOKIE, token, { ...this.attributes(), maxAge: STATE_TTL_SECONDS });
  }

  /** Deletes the cookie (sent on the error answer too). */
  clear(reply: FastifyReply): void {
    reply.setCookie(STATE_COOKIE, '', { ...this.attributes(), maxAge: 0 });
  }

  /** The state token the browser sent, if any. */
  read(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    return header ? request.server.parseCookie(header)[STATE_COOKIE] : undefined;
  }

  private attributes() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      path: this.options.cookiePath,
      secure: this.options.secureCookie,
    };
  }
}
