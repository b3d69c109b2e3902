/** This process's open connections and the rooms they joined. */
import { Injectable } from '#core';
import type { RoomIndex, WsConnection } from './ws-connection.js';
import { encodeFrame } from './ws-frame.js';

/** Who a frame is for. */
export type WsTarget =
  | { kind: 'all' }
  | { kind: 'room'; room: string }
  | { kind: 'connection'; id: string };

/** Local delivery: every connection of this process, a room, or one connection by id. */
@Injectable()
export class WsConnectionRegistry implements RoomIndex {
  private readonly connections = new Map<string, WsConnection>();
  private readonly rooms = new Map<string, Set<WsConnection>>();

  /** Number of open connections in this process. */
  get size(): number {
    return this.connections.size;
  }

  /** Every connection of this process. */
  all(): WsConnection[] {
    return [...this.connections.values()];
  }

  add(connection: WsConnection): void {
    this.connections.set(connection.id, connection);
  }

  /** Forgets a closed connection and takes it out of its rooms. */
  remove(connection: WsConnection): void {
    connection.leaveAll();
    this.connections.delete(connection.id);
  }

  indexJoin(connection: WsConnection, room: string): void {
    let members = this.rooms.get(room);
    if (!members) {
      members = new Set();
      this.rooms.set(room, members);
    }
    members.add(connection);
  }

  indexLeave(connection: WsConnection, room: string): void {
    const members = this.rooms.get(room);
    if (!members) return;
    members.delete(connection);
    if (members.size === 0) this.rooms.delete(room);
  }

  /** Sends `{ event, data }` to the target's connections in this process; returns how many. */
  deliver(target: WsTarget, event: string, data: unknown): number {
    const recipients = this.recipients(target);
    if (recipients.length === 0) return 0;
    const frame = encodeFrame(event, data);
    for (const connection of recipients) connection.sendEncoded(frame);
    return recipients.length;
  }

  private recipients(target: WsTarget): WsConnection[] {
    if (target.kind === 'all') return this.all();
    if (target.kind === 'room') return [...(this.rooms.get(target.room) ?? [])];
    const connection = this.connections.get(target.id);
    return connection ? [connection] : [];
  }
}
