/** The clock port, so time can be controlled in tests. */
import type { InjectionToken } from '../di/injection-token.js';

/** Current time source. */
export interface Clock {
  now(): Date;
}

/** Injection token of the clock port: the kernel provides `systemClock`; tests override it. */
export const CLOCK: InjectionToken<Clock> = Symbol('Clock');

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };
