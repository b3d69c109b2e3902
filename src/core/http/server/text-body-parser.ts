/** The `text/plain` parser: only a route whose body schema takes a string reads text; others 415. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UnsupportedMediaTypeError } from '../errors/request-errors.js';

/** The parts of a Zod definition that say whether a string can satisfy it. */
interface ZodDefLike {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  options?: readonly z.ZodType[];
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
  getter?: () => z.ZodType;
}

const TEXT_TYPES = new Set(['string', 'any', 'unknown', 'template_literal']);
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly']);
const MAX_DEPTH = 16;

function acceptsString(schema: z.ZodType | undefined, depth = 0): boolean {
  if (schema === undefined || depth > MAX_DEPTH) return false;
  const def = schema._zod.def as unknown as ZodDefLike;
  const next = depth + 1;
  if (TEXT_TYPES.has(def.type)) return true;
  if (WRAPPERS.has(def.type) || def.type === 'nonoptional')
    return acceptsString(def.innerType, next);
  switch (def.type) {
    case 'pipe':
      return acceptsString(def.in, next);
    case 'lazy':
      return acceptsString(def.getter?.(), next);
    case 'union':
      return (def.options ?? []).some((option) => acceptsString(option, next));
    case 'intersection':
      return acceptsString(def.left, next) && acceptsString(def.right, next);
    case 'literal':
      return (def.values ?? []).some((value) => typeof value === 'string');
    case 'enum':
      return Object.values(def.entries ?? {}).some((value) => typeof value === 'string');
    default:
      return false;
  }
}

const decided = new WeakMap<object, boolean>();

/** True when a route with this body schema reads `text/plain`: no schema, a non-Zod one, or a string. */
export function takesText(schema: unknown): boolean {
  if (!(schema instanceof z.ZodType)) return true;
  let takes = decided.get(schema);
  if (takes === undefined) {
    takes = acceptsString(schema);
    decided.set(schema, takes);
  }
  return takes;
}

/**
 * Replaces Fastify's `text/plain` parser: a route whose body schema is an object (or anything a
 * string cannot satisfy) answers 415 UNSUPPORTED_MEDIA_TYPE instead of 400 "received string".
 */
export function installTextBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', { parseAs: 'string' }, (request, body, done) => {
    if (takesText(request.routeOptions.schema?.body)) done(null, body);
    else done(new UnsupportedMediaTypeError(), undefined);
  });
}
