/** The WebSocket server port: emit frames to rooms, to everyone, or to one connection. */
import type { InjectionToken } from '../di/injection-token.js';

/** A target to emit to. */
export interface WsEmitter {
  emit(event: string, data: unknown): Promise<void>;
}

/** Targets among connections. */
export interface WsTargets extends WsEmitter {
  /** Emits to the connections that joined `room`. */
  to(room: string): WsEmitter;
  /** Emits to one connection by id. */
  toConnection(connectionId: string): WsEmitter;
}

/** Emits across every process of the app (fan-out through the message bus). */
export interface WsServer extends WsTargets {
  /**
   * Only this process's connections: for events every process already receives (a bus event
   * handled by `@OnEvent` in each process), so they are not fanned out twice.
   */
  readonly local: WsTargets;
}

/** Injection token of the WebSocket server port. */
export const WS_SERVER: InjectionToken<WsServer> = Symbol('WsServer');
