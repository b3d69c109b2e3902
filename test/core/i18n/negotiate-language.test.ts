import { describe, expect, it } from 'vitest';
import {
  matchLanguage,
  negotiateLanguage,
  parseAcceptLanguage,
} from '../../../src/core/i18n/index.js';

describe('parseAcceptLanguage', () => {
  it('sorts ranges by quality, keeping header order for equal q, and drops q=0', () => {
    expect(parseAcceptLanguage('fr;q=0.5, es-MX, en;q=0.8, de;q=0, pt')).toEqual([
      { tag: 'es-MX', q: 1 },
      { tag: 'pt', q: 1 },
      { tag: 'en', q: 0.8 },
      { tag: 'fr', q: 0.5 },
    ]);
  });

  it('ignores malformed quality values', () => {
    expect(parseAcceptLanguage('es;q=abc, en;q=2, pt;q=0.3')).toEqual([{ tag: 'pt', q: 0.3 }]);
  });
});

describe('matchLanguage', () => {
  it.each([
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['PT-br', 'pt-BR'],
    ['es-MX', 'es'],
    ['ES', 'es'],
    ['en-GB', 'en'],
  ])('maps %s to %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });

  it('returns undefined for a language nobody speaks here', () => {
    expect(matchLanguage('fr')).toBeUndefined();
  });
});

describe('negotiateLanguage', () => {
  it('prefers ?lang= over Accept-Language', () => {
    expect(negotiateLanguage({ query: 'es', acceptLanguage: 'pt-BR', fallback: 'en' })).toBe('es');
  });

  it('skips an unsupported ?lang= and falls through to Accept-Language', () => {
    expect(negotiateLanguage({ query: 'fr', acceptLanguage: 'pt', fallback: 'en' })).toBe('pt-BR');
  });

  it('takes the best supported Accept-Language range', () => {
    const header = 'fr-FR;q=1, de;q=0.9, es-MX;q=0.5, en;q=0.4';
    expect(negotiateLanguage({ acceptLanguage: header, fallback: 'en' })).toBe('es');
  });

  it('answers the default language for *', () => {
    expect(negotiateLanguage({ acceptLanguage: 'fr, *;q=0.5, es;q=0.1', fallback: 'pt-BR' })).toBe(
      'pt-BR',
    );
  });

  it('answers the default language when nothing matches', () => {
    expect(negotiateLanguage({ acceptLanguage: 'fr, de', fallback: 'es' })).toBe('es');
    expect(negotiateLanguage({ fallback: 'es' })).toBe('es');
  });

  it('offers only the configured languages', () => {
    const input = { acceptLanguage: 'es, pt', supported: ['en', 'pt-BR'] as const, fallback: 'en' };
    expect(negotiateLanguage(input as Parameters<typeof negotiateLanguage>[0])).toBe('pt-BR');
  });

  it('uses the first value of a repeated ?lang=', () => {
    expect(negotiateLanguage({ query: ['pt', 'es'], fallback: 'en' })).toBe('pt-BR');
  });
});
