import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, Injectable, Module } from '#core';

function recorder() {
  const calls: string[] = [];
  const hooks = (name: string) => ({
    onModuleInit: () => void calls.push(`${name}.init`),
    onApplicationBootstrap: () => void calls.push(`${name}.bootstrap`),
    beforeApplicationShutdown: (signal?: string) => void calls.push(`${name}.before(${signal})`),
    onModuleDestroy: () => void calls.push(`${name}.destroy`),
    onApplicationShutdown: (signal?: string) => void calls.push(`${name}.shutdown(${signal})`),
  });
  return { calls, hooks };
}

describe('lifecycle', () => {
  it('inits in dependency order and shuts down in reverse, with the signal', async () => {
    const { calls, hooks } = recorder();
    @Injectable()
    class Db {
      constructor() {
        Object.assign(this, hooks('Db'));
      }
    }
    @Injectable()
    class Repo {
      constructor(readonly db: Db) {
        Object.assign(this, hooks('Repo'));
      }
    }
    @Injectable()
    class Service {
      constructor(readonly repo: Repo) {
        Object.assign(this, hooks('Service'));
      }
    }
    // Declared in reverse on purpose: order follows dependencies, not the list.
    @Module({ providers: [Service, Repo, Db] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    expect(calls).toEqual([
      'Db.init',
      'Repo.init',
      'Service.init',
      'Db.bootstrap',
      'Repo.bootstrap',
      'Service.bootstrap',
    ]);
    calls.length = 0;
    await app.close('SIGTERM');
    expect(calls).toEqual([
      'Service.before(SIGTERM)',
      'Repo.before(SIGTERM)',
      'Db.before(SIGTERM)',
      'Service.destroy',
      'Repo.destroy',
      'Db.destroy',
      'Service.shutdown(SIGTERM)',
      'Repo.shutdown(SIGTERM)',
      'Db.shutdown(SIGTERM)',
    ]);
  });

  it('close() is idempotent', async () => {
    let closed = 0;
    @Injectable()
    class Db {
      onApplicationShutdown(): void {
        closed += 1;
      }
    }
    @Module({ providers: [Db] })
    class AppModule {}
    const app = await createApp(AppModule, { logger: false });
    await Promise.all([app.close(), app.close()]);
    await app.close();
    expect(closed).toBe(1);
  });

  it('names a hook that overruns its timeout in the log, and aborts boot', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    @Injectable()
    class Slow {
      onModuleInit(): Promise<void> {
        return new Promise(() => undefined);
      }
    }
    @Module({ providers: [Slow] })
    class AppModule {}
    const started = Date.now();
    await expect(createApp(AppModule, { logger, hookTimeoutMs: 50 })).rejects.toThrow(
      'Slow.onModuleInit failed: Slow.onModuleInit did not finish within 50 ms (hook timeout)',
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(lines.some((line) => line.includes('"hook":"Slow.onModuleInit"'))).toBe(true);
  });

  it('a failing shutdown hook is logged by name and the others still run', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) });
    let dbClosed = false;
    @Injectable()
    class Db {
      onApplicationShutdown(): void {
        dbClosed = true;
      }
    }
    @Injectable()
    class Broken {
      constructor(readonly db: Db) {}
      onApplicationShutdown(): void {
        throw new Error('boom');
      }
    }
    @Module({ providers: [Db, Broken] })
    class AppModule {}
    const app = await createApp(AppModule, { logger });
    await app.close();
    expect(dbClosed).toBe(true);
    expect(lines.some((line) => line.includes('Broken.onApplicationShutdown failed'))).toBe(true);
  });
});
