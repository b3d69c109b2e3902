/** What an error may put in a log line: never a query's bound parameters or a row's values. */

/** The loggable part of an error. */
export interface ErrorLogFields {
  type: string;
  code?: string | number;
  message?: string;
  stack?: string;
  cause?: ErrorLogFields;
}

const MAX_CAUSE_DEPTH = 4;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

// Drizzle's message carries the bound parameters and Postgres' `detail` carries row values:
// for those only the name, SQLSTATE and stack frames are safe.
function isDatabaseError(error: Record<string, unknown>): boolean {
  const name = String(error.name ?? '');
  if (name === 'DrizzleQueryError' || name === 'PostgresError') return true;
  if ('query' in error && 'params' in error) return true;
  return typeof error.severity === 'string' && /^[0-9A-Z]{5}$/.test(String(error.code ?? ''));
}

function framesOnly(stack: unknown): string | undefined {
  if (typeof stack !== 'string') return undefined;
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

// Drizzle's errors keep the name `Error`: the class name says more.
function typeOf(error: Record<string, unknown>): string {
  const name = typeof error.name === 'string' ? error.name : 'Error';
  const className = (error.constructor as { name?: unknown } | undefined)?.name;
  return name === 'Error' && typeof className === 'string' && className !== '' ? className : name;
}

/** The safe log shape of any thrown value, following `cause` a few levels deep. */
export function errorLogFields(error: unknown, depth = 0): ErrorLogFields {
  if (!isRecord(error)) return { type: typeof error, message: String(error) };
  const type = typeOf(error);
  const fields: ErrorLogFields = { type };
  if (typeof error.code === 'string' || typeof error.code === 'number') fields.code = error.code;
  if (isDatabaseError(error)) {
    const frames = framesOnly(error.stack);
    if (frames) fields.stack = frames;
  } else {
    if (typeof error.message === 'string') fields.message = error.message;
    if (typeof error.stack === 'string') fields.stack = error.stack;
  }
  if (error.cause !== undefined && depth < MAX_CAUSE_DEPTH) {
    fields.cause = errorLogFields(error.cause, depth + 1);
  }
  return fields;
}
