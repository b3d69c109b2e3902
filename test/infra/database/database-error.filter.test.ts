/** DatabaseErrorFilter: the HttpError each unmapped DatabaseError is answered with. */
import { describe, expect, it } from 'vitest';
import { HttpError } from '#core';
import {
  CheckViolation,
  DatabaseError,
  DatabaseErrorFilter,
  DatabaseUnavailable,
  DataException,
  ForeignKeyViolation,
  NotNullViolation,
  TransactionConflict,
  UniqueViolation,
} from '#infra/database';

const filter = new DatabaseErrorFilter();
const where = { table: 'users', constraint: 'users_email_unique', field: 'email' };

describe('DatabaseErrorFilter', () => {
  it('answers a unique violation with 409 CONFLICT naming the field, the violation as cause', () => {
    const violation = new UniqueViolation({ code: '23505', ...where });
    const answer = filter.catch(violation);
    expect(answer).toBeInstanceOf(HttpError);
    expect(answer).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
      details: { field: 'email' },
    });
    expect(answer.cause).toBe(violation);
  });

  it('answers a foreign key violation with 409 and a lost transaction race with its reason', () => {
    const fk = filter.catch(new ForeignKeyViolation({ code: '23503', field: 'ownerId' }));
    expect(fk).toMatchObject({ statusCode: 409, details: { field: 'ownerId' } });
    const race = filter.catch(new TransactionConflict({ code: '40P01' }));
    expect(race).toMatchObject({
      statusCode: 409,
      code: 'CONFLICT',
      details: { reason: 'deadlock' },
    });
  });

  it('answers not-null with 400 naming the field, and a check with 400 naming the constraint', () => {
    const notNull = filter.catch(new NotNullViolation({ code: '23502', field: 'name' }));
    expect(notNull).toMatchObject({ statusCode: 400, details: { field: 'name' } });
    const check = filter.catch(new CheckViolation({ code: '23514', constraint: 'qty_check' }));
    expect(check).toMatchObject({ statusCode: 400, details: { constraint: 'qty_check' } });
  });

  it('answers a data exception (SQLSTATE 22xxx) with 400 INVALID_DATA, its reason and the field when known', () => {
    const outOfRange = new DataException({ code: '22003', field: 'quantity' });
    const answer = filter.catch(outOfRange);
    expect(answer).toBeInstanceOf(HttpError);
    expect(answer).toMatchObject({
      statusCode: 400,
      code: 'INVALID_DATA',
      messageKey: 'errors.INVALID_DATA',
      details: { reason: 'numeric_value_out_of_range', field: 'quantity' },
    });
    expect(answer.cause).toBe(outOfRange);
    const badText = filter.catch(new DataException({ code: '22P02' }));
    expect(badText).toMatchObject({ statusCode: 400, code: 'INVALID_DATA' });
    expect((badText as HttpError).details).toEqual({ reason: 'invalid_text_representation' });
  });

  it('answers an outage with 503 DATABASE_UNAVAILABLE and Retry-After', () => {
    const answer = filter.catch(new DatabaseUnavailable({ code: 'ECONNREFUSED' }));
    expect(answer).toMatchObject({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      headers: { 'Retry-After': '5' },
    });
  });

  it('hands any other database error back as it is, for the standard 500', () => {
    const unknown = new DatabaseError({ code: '42P01', table: 'users' });
    expect(filter.catch(unknown)).toBe(unknown);
  });
});
