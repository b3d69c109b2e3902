/** How every bench server listens: 127.0.0.1 on `PORT`, and a clean exit on SIGTERM or SIGINT. */

/** Anything with Fastify's (or Keel's App's, or Nest's) `listen` and `close`. */
export interface Listenable {
  listen(options: { port: number; host: string }): Promise<unknown>;
  close(): Promise<unknown>;
}

/** Listens on `PORT` (chosen by the runner); exits 0 after closing, so `--cpu-prof` is written. */
export async function listenFromEnv(server: Listenable): Promise<void> {
  const port = Number.parseInt(process.env.PORT ?? '', 10);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('bench server: set PORT to the port to listen on (the runner does)');
  }
  await server.listen({ port, host: '127.0.0.1' });
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** Runs a server's `main`, exiting 1 with the stack on failure (no top-level await). */
export function runServer(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`bench server failed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
