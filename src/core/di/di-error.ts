/** Errors the kernel raises at boot: each names the culprit and says how to fix it. */

/** Thrown while building the module graph or resolving providers. */
export class DiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DiError';
  }
}
