/** ConfigError and the helpers that describe bad environment values without leaking secrets. */
import { KeelError, seeLine } from '#core';

/** The config catalogue's codes (public API, listed in docs/errors.md). */
export const CONFIG_ERROR_CODES = {
  INVALID: 'KEEL_CONFIG_INVALID',
} as const;

/** One of `CONFIG_ERROR_CODES`. */
export type ConfigErrorCode = (typeof CONFIG_ERROR_CODES)[keyof typeof CONFIG_ERROR_CODES];

/** One bad environment variable: its name and what is wrong with it, with the expected form. */
export interface ConfigIssue {
  readonly variable: string;
  /** E.g. `"abc" is not a port; expected an integer from 0 to 65535`. */
  readonly problem: string;
}

/**
 * Thrown by `loadConfig` when the environment is invalid (code KEEL_CONFIG_INVALID); `message`
 * has one line per variable, then the link to the catalogue entry.
 */
export class ConfigError extends KeelError<ConfigErrorCode> {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(
      CONFIG_ERROR_CODES.INVALID,
      issues.map((issue) => `${issue.variable}: ${issue.problem}`).join('\n'),
    );
    this.issues = Object.freeze([...issues]);
  }
}

const MAX_SHOWN_LENGTH = 120;

/** Replaces passwords (`scheme://user:password@`, `?password=`) in a value with `***`. */
export function maskSecrets(value: string): string {
  return value
    .replace(/(\/\/[^/@:\s]*:)\S*@/g, '$1***@')
    .replace(/([?&](?:password|pass|pwd)=)[^&\s]*/gi, '$1***');
}

/** A bad value as it appears in an error line: quoted, secrets masked, long values cut. */
export function describeValue(raw: string): string {
  const masked = maskSecrets(raw);
  const shown =
    masked.length > MAX_SHOWN_LENGTH ? `${masked.slice(0, MAX_SHOWN_LENGTH)}...` : masked;
  return JSON.stringify(shown);
}

/** The text `loadConfigOrExit` prints to stderr: a heading, one indented line per variable, the link. */
export function formatConfigError(error: ConfigError): string {
  const lines = error.issues.map((issue) => `  ${issue.variable}: ${issue.problem}`);
  return (
    [
      'Invalid configuration: fix these environment variables (or .env) and start again.',
      ...lines,
    ].join('\n') + seeLine(error.code)
  );
}
