/** The events catalogue: `@OnEvent` declaration errors (codes listed in docs/errors.md). */
import { KeelError } from '../errors/keel-error.js';

/** Codes of `@OnEvent` errors. */
export const EVENT_ERROR_CODES = {
  NO_TOPIC: 'KEEL_EVENT_NO_TOPIC',
} as const;

/** One of `EVENT_ERROR_CODES`. */
export type EventErrorCode = (typeof EVENT_ERROR_CODES)[keyof typeof EVENT_ERROR_CODES];

/** `@OnEvent()` without a topic (or with an empty one). */
export function eventWithoutTopic(): KeelError<EventErrorCode> {
  return new KeelError(
    EVENT_ERROR_CODES.NO_TOPIC,
    '@OnEvent needs a topic, e.g. @OnEvent("user.created")',
  );
}
