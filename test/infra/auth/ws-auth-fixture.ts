/** Shared by the WebSocket auth tests: gateways, an app with AuthModule, tokens and raw upgrades. */
import type { IncomingHttpHeaders } from 'node:http';
import { SignJWT } from 'jose';
import { WebSocket } from 'ws';
import {
  type App,
  type AppOptions,
  CurrentUser,
  createApp,
  type DynamicModule,
  Gateway,
  Module,
  type OnGatewayConnection,
  type Principal,
  Public,
  RequestContext,
  Roles,
  Subscribe,
} from '#core';
import { AuthModule, type AuthModuleOptions, SigningKeys, TokenService } from '#infra/auth';
import { CacheModule } from '#infra/cache';
import { WsModule } from '#infra/ws';

/** Connections each gateway opened (handleConnection runs only after a successful upgrade). */
export const opened = { secure: 0, open: 0 };

/** Protected: every upgrade needs a credential. */
@Gateway('/secure')
export class SecureGateway implements OnGatewayConnection {
  handleConnection(): void {
    opened.secure++;
  }

  @Subscribe('whoami')
  whoami(): unknown {
    const principal = RequestContext.current()?.principal;
    return principal ? { sub: principal.sub, expiresAt: principal.expiresAt ?? null } : null;
  }

  @Subscribe('me')
  me(@CurrentUser() user: Principal, @CurrentUser('sub') sub: string): unknown {
    return { sub, roles: user.roles, scopes: user.scopes, sessionId: user.sessionId ?? null };
  }

  @Roles('admin')
  @Subscribe('admin.stats')
  stats(data: { n: number }): unknown {
    return { doubled: data.n * 2 };
  }
}

/** `@Public()`: anyone connects; a valid credential still names the principal. */
@Public()
@Gateway('/open')
export class OpenGateway implements OnGatewayConnection {
  handleConnection(): void {
    opened.open++;
  }

  @Subscribe('whoami')
  whoami(): unknown {
    return RequestContext.current()?.principal?.sub ?? null;
  }
}

/** The AuthModule options of every test app (one key in memory, or the keys given). */
export function authOptions(privateKeys?: string): AuthModuleOptions {
  return {
    issuer: 'keel',
    audience: 'keel-api',
    keys: privateKeys ? { privateKeys } : { generateIfMissing: 'memory' },
  };
}

/** What a started app offers the tests. */
export interface StartedApp {
  app: App;
  /** `http://127.0.0.1:PORT`. */
  http: string;
  /** `ws://127.0.0.1:PORT`. */
  ws: string;
  tokens: TokenService;
}

/** Starts an app with WsModule, AuthModule, a cache and both gateways on 127.0.0.1, port 0. */
export async function startApp(
  options: { cache?: DynamicModule[]; privateKeys?: string; logger?: AppOptions['logger'] } = {},
): Promise<StartedApp> {
  @Module({
    imports: [
      WsModule.forRoot({ origins: '*' }),
      AuthModule.forRoot(authOptions(options.privateKeys)),
      ...(options.cache ?? [CacheModule.forRoot({ driver: 'memory' })]),
    ],
    providers: [SecureGateway, OpenGateway],
  })
  class WsAuthTestModule {}
  const app = await createApp(WsAuthTestModule, {
    logger: options.logger ?? false,
    http: { docs: { title: 'ws auth test', version: '1' } },
  });
  const http = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, http, ws: http.replace(/^http/, 'ws'), tokens: app.get(TokenService) };
}

/** Signs an access token by hand (with the app's current key) for expiry and audience cases. */
export async function handSignedToken(
  app: App,
  claims: { sub: string; aud?: string; expiresInSeconds: number; roles?: string[] },
): Promise<string> {
  const key = app.get(SigningKeys).current();
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles ?? [] })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuer('keel')
    .setAudience(claims.aud ?? 'keel-api')
    .setSubject(claims.sub)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + claims.expiresInSeconds)
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/** How an upgrade request was answered. */
export interface UpgradeAnswer {
  /** 101 when the connection opened, else the refusal's HTTP status. */
  status: number;
  headers: IncomingHttpHeaders;
  body?: { statusCode: number; code: string; message: string };
  /** The subprotocol the server selected (101 only). */
  protocol?: string;
}

/** Where and how to connect. */
export interface DialOptions {
  headers?: Record<string, string>;
  protocols?: string[];
}

/** Sends an upgrade and reports the answer; an opened socket is closed again. */
export function upgrade(url: string, options: DialOptions = {}): Promise<UpgradeAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options.protocols ?? [], { headers: options.headers ?? {} });
    socket.once('upgrade', (response) => {
      socket.once('open', () => {
        socket.close();
        resolve({ status: 101, headers: response.headers, protocol: socket.protocol });
      });
    });
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        resolve({ status, headers: response.headers, body: text ? JSON.parse(text) : undefined });
      });
    });
    socket.once('error', reject);
  });
}

const WAIT_MS = 8_000;

/** One open connection; frames are read in order with bounded waits. */
export class AuthWsClient {
  private readonly frames: Array<{ event: string; data: unknown }> = [];
  private readonly waiters: Array<(frame: { event: string; data: unknown }) => void> = [];
  /** Settles with the close code and reason. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { event: string; data: unknown };
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  /** Connects, failing if the upgrade is refused. */
  static async connect(url: string, options: DialOptions = {}): Promise<AuthWsClient> {
    const socket = new WebSocket(url, options.protocols ?? [], { headers: options.headers ?? {} });
    const client = new AuthWsClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  /** Sends a frame and returns the next one received. */
  request(event: string, data?: unknown): Promise<{ event: string; data: unknown }> {
    this.socket.send(JSON.stringify({ event, data }));
    const queued = this.frames.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no frame within ${WAIT_MS} ms`)), WAIT_MS);
      this.waiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  /** The close code and reason, failing after a generous bound. */
  closedWithin(ms = WAIT_MS): Promise<{ code: number; reason: string }> {
    return Promise.race([
      this.closed,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`not closed within ${ms} ms`)), ms),
      ),
    ]);
  }

  /** Closes and waits for the close. */
  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }
}
