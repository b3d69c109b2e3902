/** Whether the app has begun closing, injectable anywhere (readiness answers 503 from then on). */

/** Set by `App.close` the moment it begins, before any shutdown hook runs. */
export class ShutdownState {
  #since: number | undefined;

  /** True once `App.close` has begun. */
  get isClosing(): boolean {
    return this.#since !== undefined;
  }

  /** When closing began (epoch ms), or undefined. */
  get since(): number | undefined {
    return this.#since;
  }

  /** Marks the start of the shutdown; later calls keep the first time. */
  begin(now = Date.now()): void {
    this.#since ??= now;
  }
}
