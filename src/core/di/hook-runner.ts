/** Runs one lifecycle hook on every instance that has it, in order, each under a timeout. */
import type { Logger } from 'pino';
import { hookFailed, hookTimeout } from './di-messages.js';
import { tokenName } from './injection-token.js';
import type { ProviderRecord } from './module-record.js';

/** How hook failures are treated: boot hooks abort the boot, shutdown hooks log and go on. */
export interface HookRunOptions {
  timeoutMs: number;
  logger: Logger;
  failFast: boolean;
}

/** Calls `hook(...args)` on each distinct instance of `records` that defines it. */
export async function runHook(
  records: readonly ProviderRecord[],
  hook: string,
  args: readonly unknown[],
  options: HookRunOptions,
): Promise<void> {
  const seen = new Set<unknown>();
  for (const record of records) {
    const instance = record.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || seen.has(instance)) continue;
    seen.add(instance);
    const fn = instance[hook];
    if (typeof fn !== 'function') continue;
    const name = `${nameOf(record)}.${hook}`;
    try {
      await withTimeout(Promise.resolve(fn.apply(instance, args)), options.timeoutMs, name);
    } catch (error) {
      options.logger.error({ err: error, hook: name }, `${name} failed`);
      if (options.failFast) {
        throw hookFailed(name, error);
      }
    }
  }
}

async function withTimeout(
  promise: Promise<unknown>,
  timeoutMs: number,
  name: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(hookTimeout(name, timeoutMs)), timeoutMs);
    timer.unref();
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function nameOf(record: ProviderRecord): string {
  const instance = record.instance as object;
  const ctor = instance.constructor;
  return ctor && ctor !== Object ? ctor.name : tokenName(record.token);
}
