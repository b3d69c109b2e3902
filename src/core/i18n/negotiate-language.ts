/** Picks the response language from `?lang=`, then `Accept-Language`, then the default. */
import { type Lang, SUPPORTED_LANGS } from './languages.js';

/** What negotiation looks at. */
export interface LanguageNegotiationInput {
  /** The `lang` query parameter, if any (arrays take their first value). */
  query?: unknown;
  /** The raw `Accept-Language` header. */
  acceptLanguage?: string | undefined;
  /** The languages to choose from; all supported ones by default. */
  supported?: readonly Lang[];
  /** Used when nothing matches. */
  fallback: Lang;
}

/** One entry of an `Accept-Language` header. */
export interface LanguageRange {
  tag: string;
  q: number;
}

/** Parses `Accept-Language` into ranges sorted by quality (stable for equal q); drops q=0. */
export function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const part of header.split(',')) {
    const [rawTag, ...rawParams] = part.trim().split(';');
    const tag = rawTag?.trim() ?? '';
    if (tag === '') continue;
    let q = 1;
    for (const param of rawParams) {
      const [name, value] = param.trim().split('=');
      if (name?.trim().toLowerCase() === 'q') q = Number(value);
    }
    if (Number.isFinite(q) && q > 0 && q <= 1) ranges.push({ tag, q });
  }
  return ranges.sort((a, b) => b.q - a.q);
}

/** Maps one tag to a supported language: exact (case-insensitive), then same primary subtag. */
export function matchLanguage(
  tag: string,
  supported: readonly Lang[] = SUPPORTED_LANGS,
): Lang | undefined {
  const wanted = tag.trim().toLowerCase();
  const exact = supported.find((lang) => lang.toLowerCase() === wanted);
  if (exact) return exact;
  // `pt` and `pt-PT` reach `pt-BR`, `es-MX` reaches `es`: a sibling beats the default.
  const primary = wanted.split('-')[0];
  return supported.find((lang) => lang.toLowerCase().split('-')[0] === primary);
}

/** Negotiates the language of one request. */
export function negotiateLanguage(input: LanguageNegotiationInput): Lang {
  const supported = input.supported ?? SUPPORTED_LANGS;
  const queryLang = Array.isArray(input.query) ? input.query[0] : input.query;
  if (typeof queryLang === 'string' && queryLang !== '') {
    const match = matchLanguage(queryLang, supported);
    if (match) return match;
  }
  if (input.acceptLanguage) {
    for (const range of parseAcceptLanguage(input.acceptLanguage)) {
      if (range.tag === '*') return input.fallback;
      const match = matchLanguage(range.tag, supported);
      if (match) return match;
    }
  }
  return input.fallback;
}
