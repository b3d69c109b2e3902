import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestContext } from '../../../src/core/context/index.js';
import {
  assertCatalogComplete,
  configureI18n,
  defineMessages,
  kernelMessages,
  SUPPORTED_LANGS,
  t,
} from '../../../src/core/i18n/index.js';

const KERNEL_CODES = [
  'VALIDATION_FAILED',
  'INVALID_JSON',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'ROUTE_NOT_FOUND',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE_ENTITY',
  'TOO_MANY_REQUESTS',
  'INTERNAL',
  'SERVICE_UNAVAILABLE',
  'DATABASE_UNAVAILABLE',
  'BAD_REQUEST',
  'INVALID_CURSOR',
];

describe('kernel catalog', () => {
  it('is complete in every supported language', () => {
    expect(() => assertCatalogComplete(kernelMessages)).not.toThrow();
  });

  it.each(KERNEL_CODES)('translates errors.%s differently in en, es and pt-BR', (code) => {
    const texts = SUPPORTED_LANGS.map((lang) => t(`errors.${code}`, undefined, lang));
    expect(new Set(texts).size).toBe(3);
  });
});

describe('t', () => {
  afterEach(() => {
    configureI18n({ defaultLang: 'en' });
  });

  it('interpolates {name} placeholders and leaves unknown ones alone', () => {
    const text = t('errors.ROUTE_NOT_FOUND', { method: 'GET', path: '/nope' }, 'es');
    expect(text).toBe('Ninguna ruta coincide con GET /nope. Compruebe la URL y el método HTTP.');
    expect(t('errors.ROUTE_NOT_FOUND', { method: 'GET' }, 'en')).toContain('{path}');
  });

  it("uses the current request's language when none is given", () => {
    const text = RequestContext.run({ requestId: 'r1', lang: 'pt-BR' }, () =>
      t('errors.NOT_FOUND'),
    );
    expect(text).toBe(t('errors.NOT_FOUND', undefined, 'pt-BR'));
  });

  it('uses the configured default language outside a request', () => {
    configureI18n({ defaultLang: 'es' });
    expect(t('errors.NOT_FOUND')).toBe(t('errors.NOT_FOUND', undefined, 'es'));
  });

  it('falls back to the default language for an unknown language', () => {
    expect(t('errors.NOT_FOUND', undefined, 'fr')).toBe(t('errors.NOT_FOUND', undefined, 'en'));
  });

  it('throws for an unknown key in tests, naming the key', () => {
    expect(() => t('nope.missing')).toThrow(/Unknown message key "nope\.missing"/);
  });

  it('warns once and returns the key outside tests', () => {
    vi.stubEnv('VITEST', undefined);
    vi.stubEnv('NODE_ENV', 'production');
    const onMissingKey = vi.fn();
    configureI18n({ onMissingKey });
    try {
      expect(t('nope.elsewhere', undefined, 'es')).toBe('nope.elsewhere');
      expect(onMissingKey).toHaveBeenCalledWith('nope.elsewhere', 'es');
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('defineMessages', () => {
  it('registers a module catalog that t() can read, typed by its keys', () => {
    const catalog = defineMessages({
      en: { 'widget.notFound': 'Widget {id} not found' },
      es: { 'widget.notFound': 'Widget {id} no encontrado' },
      'pt-BR': { 'widget.notFound': 'Widget {id} não encontrado' },
    });
    const key: keyof (typeof catalog)['en'] = 'widget.notFound';
    expect(t(key, { id: 7 }, 'pt-BR')).toBe('Widget 7 não encontrado');
  });

  it('throws at runtime naming the missing key and language', () => {
    const incomplete = {
      en: { 'gadget.a': 'A', 'gadget.b': 'B' },
      es: { 'gadget.a': 'A' },
      'pt-BR': { 'gadget.a': 'A', 'gadget.b': 'B' },
    };
    // @ts-expect-error es lacks gadget.b: the type check catches it before the runtime one.
    expect(() => defineMessages(incomplete)).toThrow('"es" is missing "gadget.b"');
  });

  it('rejects extra keys in a language at the type level', () => {
    const define = () =>
      defineMessages({
        en: { 'gizmo.a': 'A' },
        // @ts-expect-error gizmo.extra is not a key of en.
        es: { 'gizmo.a': 'A', 'gizmo.extra': 'X' },
        'pt-BR': { 'gizmo.a': 'A' },
      });
    expect(define).toThrow('"en" is missing "gizmo.extra"');
  });

  it('refuses a key already defined with another text', () => {
    const first = { 'dup.key': 'One' };
    defineMessages({ en: first, es: first, 'pt-BR': first });
    const second = { 'dup.key': 'Two' };
    expect(() => defineMessages({ en: second, es: second, 'pt-BR': second })).toThrow(
      /"dup\.key" is already defined/,
    );
  });
});

describe('assertCatalogComplete', () => {
  it('names a missing language, an empty text and mismatched placeholders', () => {
    const catalog = {
      en: { 'x.a': 'Hello {name}', 'x.b': 'B' },
      es: { 'x.a': 'Hola {nombre}', 'x.b': '' },
    };
    expect(() => assertCatalogComplete(catalog)).toThrow(
      'Message catalog is incomplete: "es" has other {placeholders} than "en" in "x.a"; ' +
        '"es" is missing "x.b"; language "pt-BR" is missing',
    );
  });
});
