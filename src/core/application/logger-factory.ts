/** Turns the `logger` option of `createApp` into a pino instance. */
import { type Logger, pino } from 'pino';
import type { LoggerOption } from './app-options.js';

/** `false` -> a silent logger; a pino instance -> itself; settings -> a new root logger. */
export function makeLogger(option: LoggerOption | undefined): Logger {
  if (option === false) return pino({ level: 'silent' });
  if (option && typeof (option as Logger).child === 'function') return option as Logger;
  const settings = (option ?? {}) as { level?: string };
  return pino({ level: settings.level ?? 'info' });
}
