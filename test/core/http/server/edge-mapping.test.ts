/** Which parse errors map to which codes, and which body schemas read text/plain. */
import type { ConnectionError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientHttpError, takesText } from '../../../../src/core/http/server/index.js';

const parseError = (code: string, rawPacket?: Buffer) =>
  Object.assign(new Error(code), { code, bytesParsed: 0, rawPacket }) as unknown as ConnectionError;

describe('clientHttpError', () => {
  it("maps Node's request timeout to 408 REQUEST_TIMEOUT", () => {
    expect(clientHttpError(parseError('ERR_HTTP_REQUEST_TIMEOUT'))).toMatchObject({
      statusCode: 408,
      code: 'REQUEST_TIMEOUT',
    });
  });

  it('maps a header overflow to 414 when the request line has no end, else to 431', () => {
    const line = Buffer.from(`GET /search?q=${'a'.repeat(100)}`);
    expect(clientHttpError(parseError('HPE_HEADER_OVERFLOW', line)).code).toBe('URI_TOO_LONG');
    const headers = Buffer.from(`GET / HTTP/1.1\r\nHost: x\r\nCookie: ${'a'.repeat(100)}`);
    expect(clientHttpError(parseError('HPE_HEADER_OVERFLOW', headers)).code).toBe(
      'REQUEST_HEADER_FIELDS_TOO_LARGE',
    );
    // A packet from the middle of a request says nothing about the URL.
    const middle = Buffer.from('a'.repeat(100));
    expect(clientHttpError(parseError('HPE_HEADER_OVERFLOW', middle)).statusCode).toBe(431);
  });

  it('maps every other parse error to 400 BAD_REQUEST', () => {
    for (const code of [
      'HPE_INVALID_METHOD',
      'HPE_UNEXPECTED_CONTENT_LENGTH',
      'HPE_INVALID_CHUNK_SIZE',
    ]) {
      expect(clientHttpError(parseError(code))).toMatchObject({
        statusCode: 400,
        code: 'BAD_REQUEST',
      });
    }
  });
});

describe('takesText', () => {
  it('reads text for string schemas, however wrapped', () => {
    expect(takesText(z.string())).toBe(true);
    expect(takesText(z.string().optional().default('x'))).toBe(true);
    expect(takesText(z.union([z.string(), z.object({ a: z.string() })]))).toBe(true);
    expect(takesText(z.enum(['a', 'b']))).toBe(true);
    expect(takesText(z.string().transform((s) => s.length))).toBe(true);
  });

  it('refuses text for objects, arrays and numbers', () => {
    expect(takesText(z.object({ a: z.string() }))).toBe(false);
    expect(takesText(z.object({ a: z.string() }).strict().optional())).toBe(false);
    expect(takesText(z.array(z.string()))).toBe(false);
    expect(takesText(z.number())).toBe(false);
  });

  it('leaves routes without a Zod body schema as they were', () => {
    expect(takesText(undefined)).toBe(true);
    expect(takesText({ type: 'object' })).toBe(true);
  });
});
