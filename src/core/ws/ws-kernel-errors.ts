/** The WebSocket catalogue: gateway, subscription and WsModule errors (codes in docs/errors.md). */
import { KeelError } from '../errors/keel-error.js';

/** Codes of errors in gateways, their guards and handlers, and WsModule options. */
export const WS_ERROR_CODES = {
  BAD_GATEWAY_PATH: 'KEEL_WS_BAD_GATEWAY_PATH',
  BAD_EVENT_NAME: 'KEEL_WS_BAD_EVENT_NAME',
  DUPLICATE_SUBSCRIPTION: 'KEEL_WS_DUPLICATE_SUBSCRIPTION',
  HANDLER_NOT_A_METHOD: 'KEEL_WS_HANDLER_NOT_A_METHOD',
  GUARD_NOT_PROVIDED: 'KEEL_WS_GUARD_NOT_PROVIDED',
  DUPLICATE_PATH: 'KEEL_WS_DUPLICATE_PATH',
  BAD_OPTIONS: 'KEEL_WS_BAD_OPTIONS',
  BAD_ROOM: 'KEEL_WS_BAD_ROOM',
} as const;

/** One of `WS_ERROR_CODES`. */
export type WsKernelErrorCode = (typeof WS_ERROR_CODES)[keyof typeof WS_ERROR_CODES];

/** Thrown when a gateway is declared or wired wrongly (not an error frame sent to a client). */
export class WsKernelError extends KeelError<WsKernelErrorCode> {}

/** `@Gateway(path)` with a path that does not start with `/`. */
export function badGatewayPath(path: string): WsKernelError {
  return new WsKernelError(
    WS_ERROR_CODES.BAD_GATEWAY_PATH,
    `@Gateway path "${path}" must start with "/", e.g. @Gateway('/ws')`,
  );
}

/** `@Subscribe(event)` with an empty event or the reserved `error`. */
export function badEventName(event: string): WsKernelError {
  return new WsKernelError(
    WS_ERROR_CODES.BAD_EVENT_NAME,
    `@Subscribe needs a non-empty event name other than "error" (got "${event}"), e.g. @Subscribe('join')`,
  );
}

/** Two methods of `gateway` subscribe to `event`. */
export function duplicateSubscription(gateway: string, event: string): WsKernelError {
  return new WsKernelError(
    WS_ERROR_CODES.DUPLICATE_SUBSCRIPTION,
    `${gateway}: event "${event}" is subscribed twice; keep one handler`,
  );
}

/** `@Subscribe(event)` on `gateway.member`, which is not a method of the instance. */
export function handlerNotAMethod(gateway: string, member: string, event: string): WsKernelError {
  return new WsKernelError(
    WS_ERROR_CODES.HANDLER_NOT_A_METHOD,
    `${gateway}.${member} carries @Subscribe('${event}') but is not a method: decorate a method instead.`,
  );
}

/** A gateway guard with constructor dependencies that no module provides. */
export function guardNotProvided(
  guard: string,
  gateway: string,
  moduleName: string,
): WsKernelError {
  return new WsKernelError(
    WS_ERROR_CODES.GUARD_NOT_PROVIDED,
    `Guard ${guard} of gateway ${gateway} has constructor dependencies: ` +
      `add ${guard} to the providers of ${moduleName} so the container can build it.`,
  );
}

/** Two gateways declare the same `@Gateway(path)`. */
export function duplicateGatewayPath(first: string, second: string, path: string): WsKernelError {
  return new WsKernelError(
    WS_ERROR_CODES.DUPLICATE_PATH,
    `Gateways ${first} and ${second} both use the path ${path}: give each @Gateway its own path.`,
  );
}

/** `WsModule.forRoot(...)` got a value it cannot use; `problem` says which and what to pass. */
export function badWsOptions(problem: string): WsKernelError {
  return new WsKernelError(WS_ERROR_CODES.BAD_OPTIONS, `WsModule.forRoot: ${problem}`);
}

/** `client.join(room)` with a room name that is not a string of 1..`maxLength` characters. */
export function badRoom(room: unknown, maxLength: number): WsKernelError {
  const shown = typeof room === 'string' ? `a string of ${room.length} characters` : typeof room;
  return new WsKernelError(
    WS_ERROR_CODES.BAD_ROOM,
    `A room name is a string of 1..${maxLength} characters (got ${shown}).\n  Fix: validate the room in the @Subscribe schema (e.g. z.string().min(1).max(${maxLength})) before joining it.`,
  );
}
