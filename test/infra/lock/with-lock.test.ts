/** withLock, @WithLock and LockModule: one caller per key, the lease in reach, always released. */
import { afterEach, describe, expect, it } from 'vitest';
import { DiscoveryService } from '../../../src/core/di/discovery.service.js';
import {
  type App,
  createApp,
  Injectable,
  LOCK,
  LockTimeoutError,
  Module,
} from '../../../src/core/index.js';
import { currentLease, LockModule, WithLock, withLock } from '../../../src/infra/lock/index.js';
import { LockDecoratorsExplorer } from '../../../src/infra/lock/lock-decorators.explorer.js';
import { MemoryLock } from '../../../src/infra/lock/memory-lock.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@Injectable()
class InvoiceService {
  running = 0;
  most = 0;
  fences: number[] = [];

  @WithLock('invoice:{0}', { ttlMs: 5000, waitMs: 3000 })
  async pay(id: string) {
    this.running += 1;
    this.most = Math.max(this.most, this.running);
    this.fences.push(currentLease()?.fence ?? -1);
    await sleep(10);
    this.running -= 1;
    return `paid ${id} as ${String(this)}`;
  }

  @WithLock((id: string) => `invoice:${id}`)
  async failing(_id: string): Promise<never> {
    throw new Error('payment failed');
  }

  toString() {
    return 'service';
  }
}

function bind(instance: InvoiceService, lock = new MemoryLock()) {
  const entry = { token: InvoiceService, instance, metatype: InvoiceService, moduleName: 'M' };
  const discovery = new DiscoveryService(
    () => [entry],
    () => [],
  );
  new LockDecoratorsExplorer(discovery, lock).onModuleInit();
  return lock;
}

describe('withLock', () => {
  it('runs fn with the lease as currentLease and releases it after, even when fn throws', async () => {
    const lock = new MemoryLock();
    const seen = await withLock(lock, 'k', (lease) => [lease.fence, currentLease() === lease]);
    expect(seen).toEqual([1, true]);
    expect(currentLease()).toBeUndefined();
    await expect(withLock(lock, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    const next = await lock.acquire('k');
    expect(next.fence).toBe(3);
  });

  it('rejects with LockTimeoutError and does not run fn while another holds the key', async () => {
    const lock = new MemoryLock();
    await lock.acquire('k');
    let ran = false;
    const running = withLock(lock, 'k', () => (ran = true), { waitMs: 50 });
    await expect(running).rejects.toBeInstanceOf(LockTimeoutError);
    expect(ran).toBe(false);
  });
});

describe('@WithLock', () => {
  it('serialises calls with the same key, keeps this, and exposes the fence', async () => {
    const invoices = new InvoiceService();
    bind(invoices);
    const results = await Promise.all([invoices.pay('1'), invoices.pay('1'), invoices.pay('1')]);
    expect(results).toEqual(Array(3).fill('paid 1 as service'));
    expect(invoices.most).toBe(1);
    expect([...invoices.fences].sort()).toEqual([1, 2, 3]);
  });

  it('lets different keys run together and releases the key when the method throws', async () => {
    const invoices = new InvoiceService();
    const lock = bind(invoices);
    await Promise.all([invoices.pay('1'), invoices.pay('2')]);
    expect(invoices.most).toBe(2);
    await expect(invoices.failing('9')).rejects.toThrow('payment failed');
    expect((await lock.acquire('invoice:9')).fence).toBe(2);
  });
});

describe('LockModule', () => {
  const apps: App[] = [];
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
  });

  it('exports LOCK globally and wraps @WithLock methods of other modules with it', async () => {
    @Module({ providers: [InvoiceService], exports: [InvoiceService] })
    class InvoiceModule {}
    @Module({ imports: [LockModule.forRoot({ driver: 'memory' }), InvoiceModule] })
    class RootModule {}
    const app = await createApp(RootModule, { logger: false });
    apps.push(app);
    const invoices = app.get(InvoiceService);
    await Promise.all([invoices.pay('1'), invoices.pay('1')]);
    expect(invoices.most).toBe(1);
    const lock = app.get(LOCK);
    expect((await lock.acquire('invoice:1')).fence).toBe(3);
  });

  it('refuses an unknown driver at boot, naming the known ones', () => {
    const options = { driver: 'zookeeper' } as unknown as Parameters<typeof LockModule.forRoot>[0];
    expect(() => LockModule.forRoot(options)).toThrow(/'memory' or 'redis' or 'postgres'/);
  });
});
