/** Reads the `Idempotency-Key` header and derives a request's scoped key and fingerprint. */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { IdempotencyKeyInvalidError } from './idempotency.errors.js';

const VISIBLE_ASCII = /^[\x21-\x7e]{1,255}$/;

/**
 * The key sent, `undefined` when there is none; throws 400 IDEMPOTENCY_KEY_INVALID otherwise.
 * Accepts the draft's structured-field string (`"abc"`, with `\"` and `\\` escapes) and a bare value.
 */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new IdempotencyKeyInvalidError();
  const trimmed = header.trim();
  const key = trimmed.length >= 2 && trimmed.startsWith('"') ? unquote(trimmed) : trimmed;
  if (key === undefined || !VISIBLE_ASCII.test(key)) throw new IdempotencyKeyInvalidError();
  return key;
}

// An sf-string: quotes around, only `\"` and `\\` escapes; undefined when malformed.
function unquote(value: string): string | undefined {
  if (!value.endsWith('"')) return undefined;
  let out = '';
  for (let i = 1; i < value.length - 1; i += 1) {
    let char = value[i];
    if (char === '"') return undefined;
    if (char === '\\') {
      char = value[++i];
      if ((char !== '"' && char !== '\\') || i >= value.length - 1) return undefined;
    }
    out += char;
  }
  return out;
}

/** The store key: caller, method and URL template in front, so callers and routes never share. */
export function scopedKey(request: FastifyRequest, subject: string, key: string): string {
  const route = request.routeOptions.url ?? request.url.split('?')[0];
  const scope = JSON.stringify([subject, request.method, route]);
  return `${sha256(scope).slice(0, 32)}:${key}`;
}

/** What makes two requests "the same": method, path with query, caller and validated body. */
export function requestFingerprint(request: FastifyRequest, subject: string): string {
  return sha256(JSON.stringify([request.method, request.url, subject, request.body ?? null]));
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
