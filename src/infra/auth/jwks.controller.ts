/** `GET /.well-known/jwks.json`: the public keys that verify this app's tokens. */

import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Controller, Get, Public, Res } from '#core';
import { SigningKeys } from './signing-keys.js';

const Jwks = z
  .object({
    keys: z.array(
      z.object({
        kty: z.string(),
        crv: z.string().optional(),
        x: z.string().optional(),
        y: z.string().optional(),
        kid: z.string(),
        alg: z.string(),
        use: z.string(),
      }),
    ),
  })
  .meta({ id: 'Jwks' });

/** Public: verifiers (other services, gateways) fetch and cache it. */
@Public()
@Controller('/.well-known', { tags: ['auth'] })
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('/jwks.json', {
    summary: 'Public signing keys (JWKS)',
    response: { 200: Jwks },
  })
  jwks(@Res() reply: FastifyReply) {
    reply.header('cache-control', 'public, max-age=300');
    return this.keys.jwks();
  }
}
