/** Stops a listening HTTP server from accepting connections while its open sockets carry on. */
import { Server } from 'node:net';

// The Bun.serve server behind Bun's node:http Server: undocumented, hence the fallback below.
const BUN_SERVER = Symbol.for('::bunternal::');

interface Listener {
  readonly listening: boolean;
  close(): unknown;
}

interface BunServer {
  closeIdleConnections(): unknown;
}

/**
 * New connections go to another worker (PM2) or are refused; open sockets, idle keep-alive ones
 * included, stay for the drain. Returns what closes the idle ones afterwards.
 *
 * Both runtimes' http `close()` also drop idle keep-alive sockets at once, racing a request a
 * client may be sending on one (measured under PM2 on Bun: 4 resets in two reloads). On Node,
 * net.Server's close only stops accepting; on Bun, `close()` runs with its idle sweep held back.
 */
export function stopAccepting(listener: Listener): () => void {
  if (!listener.listening) return () => undefined;
  if (listener instanceof Server) {
    Server.prototype.close.call(listener);
    // Fastify's close (http close) sweeps the idle ones.
    return () => undefined;
  }
  const bun = (listener as unknown as Record<symbol, BunServer | undefined>)[BUN_SERVER];
  if (typeof bun?.closeIdleConnections !== 'function') {
    listener.close();
    return () => undefined;
  }
  const sweep = bun.closeIdleConnections;
  bun.closeIdleConnections = () => 0;
  try {
    listener.close();
  } finally {
    bun.closeIdleConnections = sweep;
  }
  return () => {
    sweep.call(bun);
  };
}
