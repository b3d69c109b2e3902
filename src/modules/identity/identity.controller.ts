/** `/auth`: sign-up, sign-in, refresh, sign-out, password change and `me`; no business logic here. */
import type { FastifyRequest } from 'fastify';
import {
  Body,
  Controller,
  CurrentUser,
  errorResponses,
  Get,
  HttpCode,
  Post,
  type Principal,
  Public,
  Req,
} from '#core';
import { CredentialsService } from './credentials.service.js';
import {
  type ChangePassword,
  ChangePasswordBody,
  MeDto,
  NoContent,
  RefreshBody,
  SignedUpDto,
  type SignIn,
  SignInBody,
  type SignUp,
  SignUpBody,
  TokenPairDto,
} from './identity.schemas.js';
import { IdentityService } from './identity.service.js';
import type { SessionMeta } from './identity.types.js';
import { SessionService } from './session.service.js';

/** Email + password accounts and their sessions. Routes without `@Public()` need a bearer token. */
@Controller('/auth', { tags: ['auth'] })
export class IdentityController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly sessions: SessionService,
    private readonly identity: IdentityService,
  ) {}

  @Public()
  @Post('/sign-up', {
    summary: 'Create an account and sign in',
    body: SignUpBody,
    response: { 201: SignedUpDto, ...errorResponses(409, 503) },
  })
  signUp(@Body() body: SignUp, @Req() req: FastifyRequest) {
    return this.credentials.signUp(body, metaOf(req));
  }

  @Public()
  @Post('/sign-in', {
    summary: 'Sign in with email and password',
    description:
      'Failed attempts are limited per account and per IP: past the limit, 429 with Retry-After.',
    body: SignInBody,
    response: { 200: TokenPairDto, ...errorResponses(401, 429, 503) },
  })
  @HttpCode(200)
  signIn(@Body() body: SignIn, @Req() req: FastifyRequest) {
    return this.credentials.signIn(body, metaOf(req));
  }

  @Public()
  @Post('/refresh', {
    summary: 'Trade a refresh token for a new pair (the old one stops working)',
    description: 'A refresh token used twice ends its whole session: 401 REFRESH_TOKEN_REUSED.',
    body: RefreshBody,
    response: { 200: TokenPairDto, ...errorResponses(401, 503) },
  })
  @HttpCode(200)
  refresh(@Body('refreshToken') refreshToken: string) {
    return this.sessions.refresh(refreshToken);
  }

  @Post('/sign-out', {
    summary: "End this token's session (its refresh tokens stop working)",
    response: { 204: NoContent, ...errorResponses(503) },
  })
  @HttpCode(204)
  async signOut(@CurrentUser() principal: Principal): Promise<void> {
    await this.sessions.signOut(principal);
  }

  @Post('/sign-out-all', {
    summary: 'End every session of the account',
    response: { 204: NoContent, ...errorResponses(503) },
  })
  @HttpCode(204)
  async signOutAll(@CurrentUser() principal: Principal): Promise<void> {
    await this.sessions.signOutAll(principal);
  }

  @Post('/change-password', {
    summary: 'Change the password; every other session ends',
    body: ChangePasswordBody,
    response: { 204: NoContent, ...errorResponses(401, 429, 503) },
  })
  @HttpCode(204)
  async changePassword(
    @CurrentUser() principal: Principal,
    @Body() body: ChangePassword,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    await this.credentials.changePassword(principal, body, metaOf(req));
  }

  @Get('/me', {
    summary: 'The signed-in account',
    response: { 200: MeDto, ...errorResponses(503) },
  })
  async me(@CurrentUser() principal: Principal) {
    const { id, email, name, roles } = await this.identity.me(principal);
    return { id, email, name, roles };
  }
}

function metaOf(req: FastifyRequest): SessionMeta {
  const userAgent = req.headers['user-agent'];
  return { ip: req.ip, ...(typeof userAgent === 'string' ? { userAgent } : {}) };
}
