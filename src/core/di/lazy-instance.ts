/** A proxy standing in for a forwardRef dependency until the real instance exists. */
import { forwardRefNotReady } from './di-messages.js';

/** Forwards every property access to `get()`; throws a clear error if used too early. */
export function lazyInstance(get: () => unknown, name: string, consumer: string): object {
  const target = (): object => {
    const instance = get();
    if (instance === undefined || instance === null) {
      throw forwardRefNotReady(name, consumer);
    }
    return instance as object;
  };
  return new Proxy(
    {},
    {
      get: (_t, prop) => {
        // Awaiting the proxy (the injector is async) must not count as using it.
        if (prop === 'then') return undefined;
        const instance = target();
        const value = Reflect.get(instance, prop, instance);
        return typeof value === 'function' ? value.bind(instance) : value;
      },
      set: (_t, prop, value) => Reflect.set(target(), prop, value),
      has: (_t, prop) => Reflect.has(target(), prop),
      getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    },
  );
}
