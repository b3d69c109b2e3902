/** `@Transactional()`: runs an async method through its instance's `UnitOfWork`. */
import { noUnitOfWork, transactionalNotAMethod } from '../infra-errors.js';
import { type TransactionOptions, UnitOfWork } from './unit-of-work.js';

/** Metadata key set on decorated methods (for discovery and tooling). */
export const TRANSACTIONAL = Symbol('keel:transactional');

type AsyncMethod = (...args: never[]) => Promise<unknown>;

/**
 * Wraps the method in `unitOfWork.transaction(...)`. The class needs a `UnitOfWork`
 * constructor dependency (preferably named `unitOfWork`); no global state is involved.
 * Calls made while a transaction is open join it.
 */
export function Transactional(options: TransactionOptions = {}) {
  return <M extends AsyncMethod>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const original = descriptor.value;
    if (typeof original !== 'function') {
      throw transactionalNotAMethod(String(key));
    }
    const wrapped = async function (this: object, ...args: Parameters<M>) {
      return unitOfWorkOf(this, key).transaction(() => original.apply(this, args), options);
    };
    descriptor.value = wrapped as unknown as M;
    Reflect.defineMetadata(TRANSACTIONAL, options, target, key);
  };
}

function unitOfWorkOf(instance: object, key: string | symbol): UnitOfWork {
  const named = (instance as { unitOfWork?: unknown }).unitOfWork;
  if (named instanceof UnitOfWork) return named;
  const found = Object.values(instance).find((value) => value instanceof UnitOfWork);
  if (found instanceof UnitOfWork) return found;
  const owner = instance.constructor.name;
  throw noUnitOfWork(owner, String(key));
}
