/** What guards, interceptors, filters and custom parameter decorators see of the current call. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Type } from '../di/injection-token.js';
import { wrongContext } from './http-kernel-errors.js';

/** The HTTP side of a context. */
export interface HttpArgumentsHost {
  getRequest<T = FastifyRequest>(): T;
  getResponse<T = FastifyReply>(): T;
}

/** The WebSocket side of a context. */
export interface WsArgumentsHost {
  /** The connection (the gateway's client object). */
  getClient<T = unknown>(): T;
  /** The frame's data. */
  getData<T = unknown>(): T;
  /** The event name. */
  getEvent(): string;
}

/** One call of a route handler or gateway method. */
export interface ExecutionContext {
  getType(): 'http' | 'ws';
  getClass(): Type;
  /** The handler method (read its metadata with `Reflector`). */
  getHandler(): Function;
  switchToHttp(): HttpArgumentsHost;
  switchToWs(): WsArgumentsHost;
}

/** Creates the context of an HTTP call. */
export function httpContext(
  cls: Type,
  handler: Function,
  request: FastifyRequest,
  reply: FastifyReply,
): ExecutionContext {
  const http: HttpArgumentsHost = {
    getRequest: <T>() => request as T,
    getResponse: <T>() => reply as T,
  };
  return {
    getType: () => 'http',
    getClass: () => cls,
    getHandler: () => handler,
    switchToHttp: () => http,
    switchToWs: () => {
      throw wrongContext('switchToWs', 'http', `route ${cls.name}.${handler.name}`);
    },
  };
}

/** Creates the context of a WebSocket frame. */
export function wsContext(
  cls: Type,
  handler: Function,
  ws: { client: unknown; data: unknown; event: string },
): ExecutionContext {
  const host: WsArgumentsHost = {
    getClient: <T>() => ws.client as T,
    getData: <T>() => ws.data as T,
    getEvent: () => ws.event,
  };
  return {
    getType: () => 'ws',
    getClass: () => cls,
    getHandler: () => handler,
    switchToHttp: () => {
      throw wrongContext('switchToHttp', 'ws', `gateway ${cls.name}.${handler.name}`);
    },
    switchToWs: () => host,
  };
}
