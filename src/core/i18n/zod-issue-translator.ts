/** Translates Zod issues with zod 4's bundled locales (en, es, pt-BR). */
import { z } from 'zod';
import { type I18n, interpolate, type MessageParams } from './i18n.js';
import { isLang, type Lang } from './languages.js';
import { currentI18n } from './translate.js';

/** A Zod issue (its other fields ride along); `input` makes "received X" exact. */
export interface ZodIssueLike {
  readonly code: string;
  readonly path?: readonly PropertyKey[];
  readonly message?: string;
  readonly input?: unknown;
  /** Parameters of a custom issue, interpolated when its message is a catalog key. */
  readonly params?: Readonly<Record<string, unknown>>;
}

type LocaleError = (issue: never) => unknown;

const locales: Record<Lang, () => { localeError: LocaleError }> = {
  en: z.locales.en,
  es: z.locales.es,
  'pt-BR': z.locales.ptBR,
};
const cache = new Map<string, LocaleError>();

function localeErrorFor(lang: string, fallback: Lang): LocaleError {
  const known = isLang(lang) ? lang : fallback;
  let localeError = cache.get(known);
  if (!localeError) {
    localeError = locales[known]().localeError;
    cache.set(known, localeError);
  }
  return localeError;
}

// Zod drops `input` from finished issues, so "received X" is recovered from the English message
// zod wrote with the input at hand; each sample has the parsed type zod names.
const RECEIVED_SAMPLES: Record<string, unknown> = {
  string: '',
  number: 0,
  boolean: false,
  bigint: 0n,
  symbol: Symbol('sample'),
  function: () => undefined,
  null: null,
  array: [],
  object: {},
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

function withInput(issue: ZodIssueLike): ZodIssueLike {
  if ('input' in issue || issue.code !== 'invalid_type') return issue;
  const received = /received (\S+)$/.exec(issue.message ?? '')?.[1];
  if (received === undefined || !(received in RECEIVED_SAMPLES)) return issue;
  return { ...issue, input: RECEIVED_SAMPLES[received] };
}

/**
 * The message of one issue in `lang`. A custom message that is a catalog key is translated;
 * any other custom message (code `custom`) is kept as the developer wrote it.
 */
export function translateZodIssue(
  issue: ZodIssueLike,
  lang: string,
  i18n: I18n = currentI18n(),
): string {
  if (issue.message !== undefined) {
    const template = i18n.lookup(issue.message, lang);
    if (template !== undefined)
      return interpolate(template, issue.params as MessageParams | undefined);
    if (issue.code === 'custom') return issue.message;
  }
  const message = localeErrorFor(lang, i18n.defaultLang)(withInput(issue) as never);
  if (typeof message === 'string') return message;
  return issue.message ?? String(issue.code);
}
