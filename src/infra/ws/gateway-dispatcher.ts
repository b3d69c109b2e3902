/** Runs one gateway's hooks and handlers for its connections, answering failures with error frames. */
import type { Logger } from 'pino';
import type { RawData } from 'ws';
import { type ZodType, z } from 'zod';
import type { CanActivate, Principal, Type, WsHandshake } from '#core';
import {
  errorBody,
  HttpError,
  RequestContext,
  type RequestContextData,
  UnknownEventError,
} from '#core';
import type { GatewayArgs } from '#core/internal';
import { errorLogFields, runGuards, wsContext } from '#core/internal';
import { AUTH_REFRESH_EVENT, type WsAuthRefresh } from './ws-auth-refresh.js';
import type { WsConnection } from './ws-connection.js';
import { decodeFrame, type WsFrame } from './ws-frame.js';

/** One `@Subscribe` handler, ready to run. */
export interface CompiledHandler {
  method: (data: unknown, client: WsConnection, ...rest: unknown[]) => unknown;
  guards: readonly CanActivate[];
  /** Validates `{ data }` so that issue paths start with `data`. */
  envelope?: ZodType;
  /** Builds the arguments when the method has custom parameter decorators (`@CurrentUser()`). */
  args?: GatewayArgs;
}

/** What a dispatcher is built from. */
export interface GatewayDispatcherInit {
  instance: object;
  metatype: Type;
  handlers: ReadonlyMap<string, CompiledHandler>;
  logger: Logger;
  /** Handles `auth.refresh` frames (present when the app has an AUTHENTICATOR). */
  refresh?: WsAuthRefresh;
}

/** Wraps a subscription's schema so validation details name `data.<field>`. */
export function dataEnvelope(schema: ZodType | undefined): ZodType | undefined {
  return schema ? z.object({ data: schema }) : undefined;
}

type Hooks = {
  handleConnection?: (client: WsConnection, request: WsHandshake) => unknown;
  handleDisconnect?: (client: WsConnection) => unknown;
};

/** Dispatches frames of one gateway; never throws and never drops a socket for a bad frame. */
export class GatewayDispatcher {
  constructor(private readonly gateway: GatewayDispatcherInit) {}

  /** Runs `handleConnection`; on failure sends an error frame, closes, and returns false. */
  async open(client: WsConnection, handshake: WsHandshake): Promise<boolean> {
    const hooks = this.gateway.instance as Hooks;
    if (typeof hooks.handleConnection !== 'function') return true;
    try {
      await this.inContext(client, () => hooks.handleConnection?.(client, handshake));
      return true;
    } catch (error) {
      this.reply(client, error, 'handleConnection');
      client.close(error instanceof HttpError && error.statusCode < 500 ? 1008 : 1011);
      return false;
    }
  }

  /** Runs `handleDisconnect`; failures are logged. */
  async closed(client: WsConnection): Promise<void> {
    const hooks = this.gateway.instance as Hooks;
    if (typeof hooks.handleDisconnect !== 'function') return;
    try {
      await this.inContext(client, () => hooks.handleDisconnect?.(client));
    } catch (error) {
      this.log(error, client, 'handleDisconnect');
    }
  }

  /** Handles one incoming frame: decode, route, guard, validate, call, answer. */
  async frame(client: WsConnection, raw: RawData): Promise<void> {
    let event = 'unknown';
    try {
      await this.inContext(client, async () => {
        const frame = decodeFrame(raw);
        event = frame.event;
        const result = await this.route(client, frame);
        if (result !== undefined) client.send(frame.event, result);
      });
    } catch (error) {
      this.reply(client, error, event);
    }
  }

  private async route(client: WsConnection, frame: WsFrame): Promise<unknown> {
    const handler = this.gateway.handlers.get(frame.event);
    if (!handler) {
      const { refresh } = this.gateway;
      if (refresh && frame.event === AUTH_REFRESH_EVENT) return refresh.refresh(client, frame.data);
      throw new UnknownEventError(frame.event);
    }
    const call = { client, data: frame.data, event: frame.event };
    const context = wsContext(this.gateway.metatype, handler.method, call);
    await runGuards(handler.guards, context);
    const data = handler.envelope
      ? ((await handler.envelope.parseAsync({ data: frame.data })) as { data: unknown }).data
      : frame.data;
    const args = handler.args ? await handler.args(data, client, context) : [data, client];
    return handler.method.apply(this.gateway.instance, args as [unknown, WsConnection]);
  }

  private inContext<T>(client: WsConnection, fn: () => T): T {
    const context: RequestContextData = { ...client.context };
    // Upgrade guards store who connected under `principal` (AuthModule's stores a Principal).
    const principal = client.data.get('principal') as Principal | undefined;
    if (principal !== undefined) context.principal = principal;
    return RequestContext.run(context, fn);
  }

  private reply(client: WsConnection, error: unknown, event: string): void {
    const body = errorBody(error, client.lang, client.requestId, { i18n: client.context.i18n });
    if (body.statusCode >= 500) this.log(error, client, event);
    const data: Record<string, unknown> = { code: body.code, message: body.message };
    if (body.details !== undefined) data.details = body.details;
    client.send('error', data);
  }

  private log(error: unknown, client: WsConnection, event: string): void {
    const fields = {
      err: errorLogFields(error),
      gateway: this.gateway.metatype.name,
      event,
      connectionId: client.id,
      requestId: client.requestId,
    };
    this.gateway.logger.error(fields, 'WebSocket handler failed');
  }
}
