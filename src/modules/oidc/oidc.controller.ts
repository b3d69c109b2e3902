/** `/auth/oidc/:provider/{start,link,callback}`: routes only; the flow lives in OidcFlowService. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Controller,
  CurrentUser,
  errorResponses,
  Get,
  HttpCode,
  Param,
  Post,
  Public,
  Query,
  Req,
  Res,
} from '#core';
import {
  CallbackQuery,
  type CallbackQueryInput,
  LinkStartDto,
  OidcTokenPairDto,
  ProviderParams,
} from './oidc.schemas.js';
import { OidcFlowService } from './oidc-flow.service.js';
import { OidcStateCookie } from './oidc-state.cookie.js';

const NO_STORE = 'no-store';

/** Sign-in with an outside OpenID Connect (or GitHub) provider. */
@Controller('/auth/oidc', { tags: ['auth'] })
export class OidcController {
  constructor(
    private readonly flow: OidcFlowService,
    private readonly cookie: OidcStateCookie,
  ) {}

  @Public()
  @Get('/:provider/start', {
    summary: 'Start a sign-in at the provider (302 to its authorization URL)',
    params: ProviderParams,
    response: { ...errorResponses(400, 404, 503) },
  })
  async start(@Param('provider') provider: string, @Res() reply: FastifyReply) {
    const started = await this.flow.start(provider);
    this.cookie.set(reply, started.stateToken);
    return reply.header('cache-control', NO_STORE).redirect(started.url, 302);
  }

  @Post('/:provider/link', {
    summary: 'Start linking a provider identity to the signed-in account',
    description: 'Answers the URL to send the browser to; the callback then links and signs in.',
    params: ProviderParams,
    response: { 200: LinkStartDto, ...errorResponses(400, 404, 503) },
  })
  @HttpCode(200)
  async link(
    @Param('provider') provider: string,
    @CurrentUser('sub') accountId: string,
    @Res() reply: FastifyReply,
  ) {
    const started = await this.flow.start(provider, accountId);
    this.cookie.set(reply, started.stateToken);
    reply.header('cache-control', NO_STORE);
    return { url: started.url };
  }

  @Public()
  @Get('/:provider/callback', {
    summary: "The provider's redirect back: answers the session's tokens",
    params: ProviderParams,
    query: CallbackQuery,
    response: { 200: OidcTokenPairDto, ...errorResponses(400, 401, 403, 404, 409, 503) },
  })
  async callback(
    @Param('provider') provider: string,
    @Query() query: CallbackQueryInput,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    // The flow is over whatever happens next: the cookie goes, even on an error answer.
    const stateToken = this.cookie.read(request);
    this.cookie.clear(reply);
    reply.header('cache-control', NO_STORE);
    const at = request.url.indexOf('?');
    return this.flow.finish(provider, {
      search: at === -1 ? '' : request.url.slice(at),
      state: query.state,
      error: query.error,
      stateToken,
      meta: { ip: request.ip, userAgent: request.headers['user-agent'] },
    });
  }
}
