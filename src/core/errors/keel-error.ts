/** The base of every kernel error a developer can cause: a stable `KEEL_*` code and a docs link. */

/** Where the error catalogue lives, relative to the repository root. */
export const ERRORS_DOC = 'docs/errors.md';

/** The catalogue entry of `code`, e.g. `docs/errors.md#keel_di_missing_provider`. */
export function errorDocLink(code: string): string {
  return `${ERRORS_DOC}#${code.toLowerCase()}`;
}

/** The line every kernel error message ends with. */
export function seeLine(code: string): string {
  return `\n  See: ${errorDocLink(code)}`;
}

/** `message` without its trailing `See:` line (to quote one error inside another). */
export function withoutSeeLine(message: string): string {
  return message.replace(/\n {2}See: \S+$/, '');
}

/** A kernel error: `code` is public API (listed in docs/errors.md); the message ends with its link. */
export class KeelError<C extends string = string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message.endsWith(seeLine(code)) ? message : `${message}${seeLine(code)}`, options);
    this.name = new.target.name;
  }
}
