/** Whether the app has begun closing, injectable anywhere (readiness answers 503 from then on). */

/** Set by `App.close` the moment it begins, before any shutdown hook runs. */
export class ShutdownState {
  #closing = false;

  /** True once `App.close` has begun. */
  get isClosing(): boolean {
    return this.#closing;
  }

  /** Marks the start of the shutdown. */
  begin(): void {
    this.#closing = true;
  }
}
