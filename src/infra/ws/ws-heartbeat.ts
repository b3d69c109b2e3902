/** Pings every connection on an interval and drops the ones that stopped answering. */
import type { WsConnectionRegistry } from './ws-connection-registry.js';

/** A ping timer over the registry; a connection gets one interval to pong. */
export class WsHeartbeat {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: WsConnectionRegistry,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    // The heartbeat alone must not keep a process alive.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    for (const connection of this.registry.all()) connection.heartbeat();
  }
}
