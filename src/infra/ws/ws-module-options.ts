/** Settings of `WsModule.forRoot(...)`, their defaults and the token that carries them. */
import { createToken } from '#core';
import { badWsOptions } from '#core/internal';

/** What the app passes to `WsModule.forRoot`. */
export interface WsModuleOptions {
  /** Browser origins allowed to connect (`https://app.example.com`), or `'*'` for any. */
  origins: readonly string[] | '*';
  /** Largest accepted frame in bytes; a bigger one closes the connection with 1009. Default 64 KiB. */
  maxPayload?: number;
  /** Ping interval; a connection that did not pong since the last ping is dropped. Default 30 s. */
  heartbeatMs?: number;
  /** How long shutdown waits for clients to acknowledge the 1001 close. Default 2 s. */
  closeTimeoutMs?: number;
  /** The message-bus topic that carries emits between processes. Default `keel.ws`. */
  topic?: string;
}

/** The options with every default applied. */
export type ResolvedWsOptions = Required<WsModuleOptions>;

/** The resolved options inside the container. */
export const WS_MODULE_OPTIONS = createToken<ResolvedWsOptions>('WsModuleOptions');

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw badWsOptions(`${name} must be a positive number of ms or bytes (got ${value})`);
  }
  return value;
}

/** Applies defaults and rejects nonsensical values with a message that says what to pass. */
export function resolveWsOptions(options: WsModuleOptions): ResolvedWsOptions {
  const { origins } = options;
  if (origins !== '*' && !Array.isArray(origins)) {
    throw badWsOptions("origins must be '*' or a list such as ['https://app.example.com']");
  }
  return {
    origins,
    maxPayload: positive('maxPayload', options.maxPayload ?? 64 * 1024),
    heartbeatMs: positive('heartbeatMs', options.heartbeatMs ?? 30_000),
    closeTimeoutMs: positive('closeTimeoutMs', options.closeTimeoutMs ?? 2_000),
    topic: options.topic ?? 'keel.ws',
  };
}
