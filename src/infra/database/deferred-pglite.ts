/** A stand-in PGlite client for Drizzle that forwards to the real one once it is opened. */
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';
import { databaseNotOpen } from '../infra-errors.js';

/** Lets Drizzle be built in a constructor (no I/O) while PGlite opens later, in `onModuleInit`. */
export class DeferredPglite {
  private instance: PGlite | undefined;
  private closed = false;

  /** Queries issued from now on go to `instance`. */
  attach(instance: PGlite): void {
    this.instance = instance;
    this.closed = false;
  }

  /** Forgets the instance; queries then fail like a closed postgres.js pool (CONNECTION_ENDED). */
  detach(): void {
    this.instance = undefined;
    this.closed = true;
  }

  /** The client, typed as what Drizzle's PGlite driver takes. */
  asPglite(): PGlite {
    // Drizzle's PGlite session only calls `query` and `transaction`, both forwarded below.
    return this as unknown as PGlite;
  }

  /** Forwards to `PGlite.query`. */
  query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.require().query<T>(query, params, options);
  }

  /** Forwards to `PGlite.transaction` (which holds PGlite's only connection until it ends). */
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.require().transaction(callback);
  }

  private require(): PGlite {
    if (this.instance) return this.instance;
    if (this.closed) {
      throw Object.assign(new Error('The embedded database was closed (application shutdown).'), {
        code: 'CONNECTION_ENDED',
      });
    }
    throw databaseNotOpen();
  }
}
