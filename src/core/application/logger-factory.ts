/** Turns the `logger` option of `createApp` into a pino instance. */
import type { Logger } from 'pino';
import { createLogger } from '../logger/index.js';
import type { LoggerOption } from './app-options.js';

/** `false` -> a silent logger; a pino instance -> itself; settings -> a new root logger. */
export function makeLogger(option: LoggerOption | undefined): Logger {
  if (option === false) return createLogger({ level: 'silent', pretty: false });
  if (option && typeof (option as Logger).child === 'function') return option as Logger;
  const settings = (option ?? {}) as { level?: string; pretty?: boolean };
  return createLogger({ level: settings.level ?? 'info', pretty: settings.pretty ?? false });
}
