/** The per-request context (AsyncLocalStorage): requestId, language, credentials, trace. */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal.js';
import type { I18n } from '../i18n/i18n.js';
import type { Lang } from '../i18n/languages.js';

/** What every piece of code running for one request (or job, or WebSocket frame) can read. */
export interface RequestContextData {
  /** Correlation id, echoed in `x-request-id` and in every log line of the request. */
  readonly requestId: string;
  /** The negotiated language of messages and errors. */
  readonly lang: Lang;
  /** The raw bearer token of the `Authorization` header, if any. */
  readonly bearerToken?: string;
  /** Who is calling, set by the authentication guard (or a WebSocket upgrade). */
  principal?: Principal;
  /** Distributed-trace id, set by tracing when present. */
  traceId?: string;
  /** The translator of the app serving the request (its catalogs and default language). */
  readonly i18n?: I18n;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** Static access to the current request context. */
export class RequestContext {
  /** The context of the code running now, or undefined outside any request. */
  static current(): RequestContextData | undefined {
    return storage.getStore();
  }

  /** Runs `fn` (and everything it awaits) inside `data`, for non-HTTP work such as jobs. */
  static run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  }
}
