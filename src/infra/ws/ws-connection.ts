/** One server-side WebSocket connection, as gateways see it (`WsClient`). */
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import type { Lang, Principal, RequestContextData, WsClient } from '#core';
import { WS_CLOSE_CODES } from '#core';
import { badRoom } from '#core/internal';
import { encodeFrame } from './ws-frame.js';

/** Room bookkeeping the connection reports to (the process's registry). */
export interface RoomIndex {
  indexJoin(connection: WsConnection, room: string): void;
  indexLeave(connection: WsConnection, room: string): void;
}

/** What a connection is built from. */
export interface WsConnectionInit {
  socket: WebSocket;
  rooms: RoomIndex;
  /** The upgrade request's context (request id, language, bearer token). */
  context: RequestContextData;
  data?: Map<string, unknown>;
}

const MAX_ROOM_LENGTH = 256;
// setTimeout takes at most 2^31-1 ms (about 24.8 days); a later expiry re-arms on the way.
const MAX_TIMER_MS = 2 ** 31 - 1;

function checkRoom(room: unknown): string {
  if (typeof room !== 'string' || room.length === 0 || room.length > MAX_ROOM_LENGTH) {
    throw badRoom(room, MAX_ROOM_LENGTH);
  }
  return room;
}

/** Wraps a `ws` socket with an id, rooms, per-connection data and heartbeat state. */
export class WsConnection implements WsClient {
  readonly id: string = randomUUID();
  readonly context: RequestContextData;
  readonly data: Map<string, unknown>;
  /** Settles once the socket is closed, however it closed. */
  readonly closed: Promise<void>;
  private readonly joined = new Set<string>();
  private readonly socket: WebSocket;
  private readonly index: RoomIndex;
  private alive = true;
  private expiry: NodeJS.Timeout | undefined;

  constructor(init: WsConnectionInit) {
    this.socket = init.socket;
    this.index = init.rooms;
    this.context = init.context;
    this.data = init.data ?? new Map();
    this.socket.on('pong', () => {
      this.alive = true;
    });
    this.closed = new Promise((resolve) =>
      this.socket.once('close', () => {
        clearTimeout(this.expiry);
        resolve();
      }),
    );
  }

  get lang(): Lang {
    return this.context.lang;
  }

  get requestId(): string {
    return this.context.requestId;
  }

  get rooms(): ReadonlySet<string> {
    return this.joined;
  }

  /** True until the socket starts closing. */
  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(event: string, data: unknown): void {
    this.sendEncoded(encodeFrame(event, data));
  }

  /** Sends an already encoded frame (fan-out encodes once for every recipient). */
  sendEncoded(frame: string): void {
    if (this.isOpen) this.socket.send(frame);
  }

  join(room: string): void {
    if (this.joined.has(checkRoom(room))) return;
    this.joined.add(room);
    this.index.indexJoin(this, room);
  }

  leave(room: string): void {
    if (!this.joined.delete(room)) return;
    this.index.indexLeave(this, room);
  }

  /** Leaves every room (on disconnect). */
  leaveAll(): void {
    for (const room of [...this.joined]) this.leave(room);
  }

  close(code = 1000, reason?: string): void {
    this.socket.close(code, reason);
  }

  /**
   * Arms the one expiry timer of the connection: at `principal.expiresAt` (see `data`) it closes
   * with 4401 `token expired`. Each call replaces the timer (a refreshed principal re-arms it).
   */
  expireWithPrincipal(): void {
    clearTimeout(this.expiry);
    this.expiry = undefined;
    const expiresAt = (this.data.get('principal') as Principal | undefined)?.expiresAt;
    if (typeof expiresAt !== 'number' || !this.isOpen) return;
    const delay = expiresAt - Date.now();
    if (delay <= 0) {
      this.close(WS_CLOSE_CODES.TOKEN_EXPIRED, 'token expired');
      return;
    }
    this.expiry = setTimeout(() => this.expireWithPrincipal(), Math.min(delay, MAX_TIMER_MS));
    // A pending expiry alone must not keep a process alive.
    this.expiry.unref();
  }

  /** Drops the connection at once, without a closing handshake. */
  terminate(): void {
    this.socket.terminate();
  }

  /**
   * One heartbeat tick: a connection that did not pong since the previous tick is terminated
   * (returns false); otherwise it is pinged and must pong before the next tick.
   */
  heartbeat(): boolean {
    if (!this.alive) {
      this.terminate();
      return false;
    }
    this.alive = false;
    if (this.isOpen) this.socket.ping();
    return true;
  }
}
