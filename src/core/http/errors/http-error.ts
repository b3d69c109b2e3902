/** The one error base every response error derives from: status, code, translatable message. */

/** What a subclass or a caller can say about an error. */
export interface HttpErrorOptions {
  /** Machine-readable code, e.g. `USER_NOT_FOUND`. Defaults to the class's code. */
  code?: string;
  /** Catalog key of the message, e.g. `user.notFound`; translated per request. */
  messageKey?: string;
  /** Values interpolated into the translated message (`{id}`). */
  params?: Record<string, string | number>;
  /** Structured details sent to the client (never for 5xx). */
  details?: unknown;
  /** Extra response headers, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** The underlying error; logged, never sent. */
  cause?: unknown;
}

/** Base class: `statusCode`, `code`, `messageKey`, `details`, `cause`, `toJSON`. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, code: string, options: HttpErrorOptions = {}) {
    const messageKey = options.messageKey ?? `errors.${options.code ?? code}`;
    super(messageKey, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.statusCode = statusCode;
    this.code = options.code ?? code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.details = options.details;
    this.headers = options.headers ?? {};
  }

  /** The untranslated wire shape (the error handler adds the translated message and requestId). */
  toJSON(): { statusCode: number; code: string; message: string; details?: unknown } {
    const body: { statusCode: number; code: string; message: string; details?: unknown } = {
      statusCode: this.statusCode,
      code: this.code,
      message: this.messageKey,
    };
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}
