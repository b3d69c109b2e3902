/** toHttpError / toDatabaseError on driver-shaped errors: status, code, field, and no leaked values. */
import { inspect } from 'node:util';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import {
  DatabaseQueryError,
  DatabaseUnavailableError,
  databaseErrorCode,
  toDatabaseError,
  toHttpError,
} from '#infra/database';
import { HttpError } from '../../../src/core/http/errors/http-error.js';
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
} from '../../../src/core/http/errors/http-errors.js';

const SECRET = 'hunter2@example.test';

/** As postgres.js raises it (`PostgresError`). */
function postgresJsError(fields: Record<string, string>): Error {
  return Object.assign(new Error(`duplicate key value (${SECRET})`), {
    severity: 'ERROR',
    ...fields,
  });
}

/** As PGlite raises it (pg-protocol `DatabaseError`). */
function pgliteError(fields: Record<string, string>): Error {
  return Object.assign(new Error('violates constraint'), { severity: 'ERROR', ...fields });
}

/** As Drizzle wraps it: the bound parameters are in the message. */
function viaDrizzle(cause: Error): DrizzleQueryError {
  return new DrizzleQueryError('insert into "users" ("email") values ($1)', [SECRET], cause);
}

describe('toHttpError', () => {
  it('maps a unique violation to 409 CONFLICT with the field from the detail, never the value', () => {
    const error = toHttpError(
      viaDrizzle(
        postgresJsError({
          code: '23505',
          constraint_name: 'users_email_unique',
          table_name: 'users',
          detail: `Key (email)=(${SECRET}) already exists.`,
        }),
      ),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ statusCode: 409, code: 'CONFLICT', details: { field: 'email' } });
    expect(inspect(error, { depth: 10 })).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(error?.cause).toBeInstanceOf(DatabaseQueryError);
    expect(String(error?.cause)).toContain('23505');
  });

  it('falls back to the constraint name for the field, and names columns by property when asked', () => {
    const fromConstraint = toHttpError(
      pgliteError({ code: '23505', constraint: 'users_email_key', table: 'users' }),
    );
    expect(fromConstraint?.details).toEqual({ field: 'email' });
    const renamed = toHttpError(
      pgliteError({
        code: '23505',
        table: 'users',
        detail: `Key (tenant_id, email)=(1, ${SECRET}) already exists.`,
      }),
      { fieldName: (column) => (column === 'tenant_id' ? 'tenantId' : column) },
    );
    expect(renamed?.details).toEqual({ field: 'tenantId,email' });
  });

  it('maps foreign key to 409, not-null and check violations to 400', () => {
    const fk = pgliteError({
      code: '23503',
      detail: 'Key (owner_id)=(42) is not present in table "users".',
    });
    expect(toHttpError(fk)).toMatchObject({ statusCode: 409, details: { field: 'owner_id' } });
    const notNull = toHttpError(pgliteError({ code: '23502', column: 'name' }));
    expect(notNull).toBeInstanceOf(BadRequestError);
    expect(notNull?.details).toEqual({ field: 'name' });
    const check = toHttpError(
      postgresJsError({ code: '23514', constraint_name: 'items_qty_check' }),
    );
    expect(check).toMatchObject({ statusCode: 400, details: { constraint: 'items_qty_check' } });
  });

  it.each([
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['ETIMEDOUT'],
    ['CONNECT_TIMEOUT'],
    ['CONNECTION_CLOSED'],
    ['CONNECTION_ENDED'],
    ['CONNECTION_DESTROYED'],
  ])('maps the network failure %s to 503 DATABASE_UNAVAILABLE with Retry-After', (code) => {
    const error = toHttpError(
      viaDrizzle(Object.assign(new Error(`connect ${code} 10.0.0.1:5432`), { code })),
    );
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toMatchObject({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      headers: { 'Retry-After': '5' },
    });
  });

  it.each([['57P01'], ['57P03'], ['08006'], ['08001'], ['57014'], ['53300']])(
    'maps SQLSTATE %s (shutdown, connection, statement timeout, too many clients) to 503',
    (code) => {
      expect(toHttpError(postgresJsError({ code }))).toBeInstanceOf(DatabaseUnavailableError);
    },
  );

  it('finds a refused connection inside an AggregateError (several addresses tried)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(toHttpError(new AggregateError([refused]))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('returns undefined for unknown database errors and for errors that are not from the database', () => {
    expect(toHttpError(viaDrizzle(postgresJsError({ code: '42P01' })))).toBeUndefined();
    expect(toHttpError(new Error('plain'))).toBeUndefined();
    expect(toHttpError(Object.assign(new Error('x'), { code: 'EPIPE2' }))).toBeUndefined();
    expect(toHttpError('a string')).toBeUndefined();
    expect(toHttpError(undefined)).toBeUndefined();
  });

  it('passes an HttpError through unchanged', () => {
    const notFound = new NotFoundError();
    expect(toHttpError(notFound)).toBe(notFound);
  });
});

describe('toDatabaseError', () => {
  it('replaces an unknown driver error by a value-free DatabaseQueryError, keeping its SQLSTATE', () => {
    const replaced = toDatabaseError(viaDrizzle(postgresJsError({ code: '42P01' })));
    expect(replaced).toBeInstanceOf(DatabaseQueryError);
    expect(replaced).not.toBeInstanceOf(HttpError);
    expect(databaseErrorCode(replaced)).toBe('42P01');
    expect(inspect(replaced, { depth: 10 })).not.toContain('hunter2');
  });

  it('unwraps a Drizzle error around a non-database failure, dropping the parameters', () => {
    const clientSide = new TypeError('cannot serialize value');
    expect(toDatabaseError(viaDrizzle(clientSide))).toBe(clientSide);
  });

  it('returns errors that are not from the database as they are', () => {
    const own = new Error('business rule');
    expect(toDatabaseError(own)).toBe(own);
  });
});
