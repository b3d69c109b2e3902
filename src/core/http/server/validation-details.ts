/** Turns validation failures (Fastify + Zod, or a thrown ZodError) into translated details. */
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { $ZodError } from 'zod/v4/core';
import type { I18n } from '../../i18n/i18n.js';
import { translateZodIssue, type ZodIssueLike } from '../../i18n/zod-issue-translator.js';

/** One entry of `details` in a VALIDATION_FAILED body. */
export interface ValidationDetail {
  path: string;
  message: string;
}

/** The request parts validation looked at; lets messages say what was actually received. */
export interface ValidatedInput {
  body?: unknown;
  query?: unknown;
  params?: unknown;
  headers?: unknown;
}

interface FastifyValidationItem {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

interface FastifyValidationError {
  code?: unknown;
  validation?: FastifyValidationItem[];
  validationContext?: string;
}

const SECTION: Record<string, keyof ValidatedInput> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function joinPath(parts: readonly PropertyKey[]): string {
  return parts
    .map(String)
    .filter((part) => part !== '')
    .join('.');
}

function fromFastify(
  error: FastifyValidationError,
  lang: string,
  input: ValidatedInput | undefined,
  i18n: I18n | undefined,
): ValidationDetail[] {
  const section = SECTION[error.validationContext ?? ''];
  const zod = hasZodFastifySchemaValidationErrors(error);
  return (error.validation ?? []).map((item) => {
    const segments = (item.instancePath ?? '').split('/').filter((part) => part !== '');
    const path = joinPath([section ?? '', ...segments]);
    if (!zod) return { path, message: item.message ?? '' };
    const issue: ZodIssueLike = {
      ...item.params,
      code: item.keyword ?? 'custom',
      path: segments,
      ...(item.message === undefined ? {} : { message: item.message }),
      ...(section && input ? { input: valueAt(input[section], segments) } : {}),
    };
    return { path, message: translateZodIssue(issue, lang, i18n) };
  });
}

/** The details of a validation failure, or undefined when `error` is not one. */
export function validationDetails(
  error: unknown,
  lang: string,
  input?: ValidatedInput,
  i18n?: I18n,
): ValidationDetail[] | undefined {
  if (error instanceof $ZodError) {
    return error.issues.map((issue) => ({
      path: joinPath(issue.path),
      message: translateZodIssue(issue as unknown as ZodIssueLike, lang, i18n),
    }));
  }
  const candidate = error as FastifyValidationError | null;
  if (candidate?.code === 'FST_ERR_VALIDATION' && Array.isArray(candidate.validation)) {
    return fromFastify(candidate, lang, input, i18n);
  }
  return undefined;
}
