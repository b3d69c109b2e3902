/** toDatabaseError on driver-shaped errors: which DatabaseError, which field, and no leaked values. */
import { inspect } from 'node:util';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { HttpError, NotFoundError } from '#core';
import {
  CheckViolation,
  DatabaseError,
  DatabaseUnavailable,
  DataException,
  databaseErrorCode,
  ForeignKeyViolation,
  NotNullViolation,
  TransactionConflict,
  toDatabaseError,
  UniqueViolation,
} from '#infra/database';

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

describe('toDatabaseError', () => {
  it('maps a unique violation to UniqueViolation with the field from the detail, never the value', () => {
    const error = toDatabaseError(
      viaDrizzle(
        postgresJsError({
          code: '23505',
          constraint_name: 'users_email_unique',
          table_name: 'users',
          detail: `Key (email)=(${SECRET}) already exists.`,
        }),
      ),
    );
    expect(error).toBeInstanceOf(UniqueViolation);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).not.toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      name: 'UniqueViolation',
      code: '23505',
      constraint: 'users_email_unique',
      table: 'users',
      field: 'email',
    });
    expect(String(error)).toContain('23505');
    expect(inspect(error, { depth: 10 })).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('falls back to the constraint name for the field, and names columns by property when asked', () => {
    const fromConstraint = toDatabaseError(
      pgliteError({ code: '23505', constraint: 'users_email_key', table: 'users' }),
    );
    expect(fromConstraint).toMatchObject({ field: 'email', constraint: 'users_email_key' });
    const renamed = toDatabaseError(
      pgliteError({
        code: '23505',
        table: 'users',
        detail: `Key (tenant_id, email)=(1, ${SECRET}) already exists.`,
      }),
      { fieldName: (column: string) => (column === 'tenant_id' ? 'tenantId' : column) },
    );
    expect(renamed).toMatchObject({ field: 'tenantId,email' });
  });

  it('maps foreign key, not-null and check violations to their own classes', () => {
    const fk = pgliteError({
      code: '23503',
      detail: 'Key (owner_id)=(42) is not present in table "users".',
    });
    expect(toDatabaseError(fk)).toBeInstanceOf(ForeignKeyViolation);
    expect(toDatabaseError(fk)).toMatchObject({ field: 'owner_id' });
    const notNull = toDatabaseError(pgliteError({ code: '23502', column: 'name' }));
    expect(notNull).toBeInstanceOf(NotNullViolation);
    expect(notNull).toMatchObject({ field: 'name' });
    const check = toDatabaseError(
      postgresJsError({ code: '23514', constraint_name: 'items_qty_check' }),
    );
    expect(check).toBeInstanceOf(CheckViolation);
    expect(check).toMatchObject({ constraint: 'items_qty_check' });
  });

  it('maps serialization failures and deadlocks to TransactionConflict with the reason', () => {
    expect(toDatabaseError(postgresJsError({ code: '40001' }))).toMatchObject({
      reason: 'serialization_failure',
    });
    const deadlock = toDatabaseError(postgresJsError({ code: '40P01' }));
    expect(deadlock).toBeInstanceOf(TransactionConflict);
    expect(deadlock).toMatchObject({ reason: 'deadlock' });
  });

  it.each([
    ['22P02', 'invalid_text_representation', `invalid input syntax for type integer: "${SECRET}"`],
    ['22003', 'numeric_value_out_of_range', 'value "99999999999" is out of range for type integer'],
    ['22001', 'string_data_right_truncation', 'value too long for type character varying(3)'],
    ['22007', 'invalid_datetime_format', `invalid input syntax for type timestamp: "${SECRET}"`],
    ['22008', 'datetime_field_overflow', 'date/time field value out of range: "2024-13-45"'],
    ['22021', 'character_not_in_repertoire', 'invalid byte sequence for encoding "UTF8": 0x00'],
    ['22P05', 'untranslatable_character', 'unsupported Unicode escape sequence'],
    ['22023', 'data_exception', 'invalid parameter value'],
  ])(
    'maps the data exception %s to DataException (%s), without the value',
    (code, reason, message) => {
      const driverError = Object.assign(postgresJsError({ code, column_name: 'quantity' }), {
        message,
      });
      const error = toDatabaseError(viaDrizzle(driverError), {
        fieldName: (column: string) => (column === 'quantity' ? 'qty' : column),
      });
      expect(error).toBeInstanceOf(DataException);
      expect(error).toMatchObject({ name: 'DataException', code, reason, field: 'qty' });
      expect(inspect(error, { depth: 10 })).not.toContain('hunter2');
      expect(String(error)).not.toContain(message);
      const unnamed = toDatabaseError(pgliteError({ code }));
      expect(unnamed).toBeInstanceOf(DataException);
      expect((unnamed as DataException).field).toBeUndefined();
    },
  );

  it.each([
    ['ECONNREFUSED'],
    ['ECONNRESET'],
    ['ETIMEDOUT'],
    ['CONNECT_TIMEOUT'],
    ['CONNECTION_CLOSED'],
    ['CONNECTION_ENDED'],
    ['CONNECTION_DESTROYED'],
  ])('maps the network failure %s to DatabaseUnavailable', (code) => {
    const error = toDatabaseError(
      viaDrizzle(Object.assign(new Error(`connect ${code} 10.0.0.1:5432`), { code })),
    );
    expect(error).toBeInstanceOf(DatabaseUnavailable);
    expect(error).toMatchObject({ code });
    expect(String(error)).not.toContain('10.0.0.1');
  });

  it.each([['57P01'], ['57P03'], ['08006'], ['08001'], ['57014'], ['53300']])(
    'maps SQLSTATE %s (shutdown, connection, statement timeout, too many clients) to DatabaseUnavailable',
    (code) => {
      expect(toDatabaseError(postgresJsError({ code }))).toBeInstanceOf(DatabaseUnavailable);
    },
  );

  it('finds a refused connection inside an AggregateError (several addresses tried)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(toDatabaseError(new AggregateError([refused]))).toBeInstanceOf(DatabaseUnavailable);
  });

  it('replaces an unknown driver error by a plain, value-free DatabaseError keeping its SQLSTATE', () => {
    const replaced = toDatabaseError(viaDrizzle(postgresJsError({ code: '42P01' })));
    expect(replaced).toBeInstanceOf(DatabaseError);
    expect((replaced as Error).constructor).toBe(DatabaseError);
    expect(databaseErrorCode(replaced)).toBe('42P01');
    expect(inspect(replaced, { depth: 10 })).not.toContain('hunter2');
  });

  it('unwraps a Drizzle error around a non-database failure, dropping the parameters', () => {
    const clientSide = new TypeError('cannot serialize value');
    expect(toDatabaseError(viaDrizzle(clientSide))).toBe(clientSide);
  });

  it('returns DatabaseErrors, HttpErrors and the caller own errors as they are', () => {
    const mapped = toDatabaseError(postgresJsError({ code: '23505' }));
    expect(toDatabaseError(mapped)).toBe(mapped);
    const notFound = new NotFoundError();
    expect(toDatabaseError(notFound)).toBe(notFound);
    const own = new Error('business rule');
    expect(toDatabaseError(own)).toBe(own);
    const wrapping = new Error('business rule', { cause: mapped });
    expect(toDatabaseError(wrapping)).toBe(wrapping);
    expect(toDatabaseError('a string')).toBe('a string');
    expect(toDatabaseError(Object.assign(new Error('x'), { code: 'EPIPE2' }))).not.toBeInstanceOf(
      DatabaseError,
    );
  });
});
