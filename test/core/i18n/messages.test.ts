import { describe, expect, it, vi } from 'vitest';
import {
  assertCatalogComplete,
  defineMessages,
  I18n,
  KERNEL_CATALOGS,
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
  'LOCK_TIMEOUT',
  'LOCK_UNAVAILABLE',
  'LOCK_LOST',
  'STALE_FENCE',
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

describe('t outside a request', () => {
  it('interpolates {name} placeholders and leaves unknown ones alone', () => {
    const text = t('errors.ROUTE_NOT_FOUND', { method: 'GET', path: '/nope' }, 'es');
    expect(text).toBe('Ninguna ruta coincide con GET /nope. Compruebe la URL y el método HTTP.');
    expect(t('errors.ROUTE_NOT_FOUND', { method: 'GET' }, 'en')).toContain('{path}');
  });

  it('falls back to English for an unknown language', () => {
    expect(t('errors.NOT_FOUND', undefined, 'fr')).toBe(t('errors.NOT_FOUND', undefined, 'en'));
  });

  it('knows only the kernel catalogs: module catalogs belong to apps', () => {
    defineMessages({
      en: { 'loose.key': 'Loose' },
      es: { 'loose.key': 'Suelta' },
      'pt-BR': { 'loose.key': 'Solta' },
    });
    expect(() => t('loose.key')).toThrow('Unknown message key "loose.key"');
  });
});

const widgets = defineMessages({
  en: { 'widget.notFound': 'Widget {id} not found' },
  es: { 'widget.notFound': 'Widget {id} no encontrado' },
  'pt-BR': { 'widget.notFound': 'Widget {id} não encontrado' },
});

describe('I18n', () => {
  it('translates with its catalogs, typed by their keys', () => {
    const i18n = new I18n({ catalogs: [...KERNEL_CATALOGS, widgets] });
    const key: keyof (typeof widgets)['en'] = 'widget.notFound';
    expect(i18n.t(key, { id: 7 }, 'pt-BR')).toBe('Widget 7 não encontrado');
    expect(i18n.has('widget.notFound')).toBe(true);
  });

  it('uses its own default language when none is given, and for unknown ones', () => {
    const es = new I18n({ catalogs: KERNEL_CATALOGS, defaultLang: 'es' });
    const en = new I18n({ catalogs: KERNEL_CATALOGS });
    expect(es.t('errors.NOT_FOUND')).toBe(en.t('errors.NOT_FOUND', undefined, 'es'));
    expect(es.t('errors.NOT_FOUND', undefined, 'fr')).toBe(es.t('errors.NOT_FOUND'));
    expect(en.t('errors.NOT_FOUND')).not.toBe(es.t('errors.NOT_FOUND'));
  });

  it('throws for an unknown key in tests, naming the key', () => {
    const i18n = new I18n({ catalogs: KERNEL_CATALOGS });
    expect(() => i18n.t('nope.missing')).toThrow('Unknown message key "nope.missing"');
  });

  it('reports an unknown key outside tests and returns the key', () => {
    vi.stubEnv('VITEST', undefined);
    vi.stubEnv('NODE_ENV', 'production');
    const onMissingKey = vi.fn();
    const i18n = new I18n({ catalogs: KERNEL_CATALOGS, onMissingKey });
    try {
      expect(i18n.t('nope.elsewhere', undefined, 'es')).toBe('nope.elsewhere');
      expect(onMissingKey).toHaveBeenCalledWith('nope.elsewhere', 'es');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('refuses two catalogs defining a key with different texts, with a code', () => {
    const one = { 'dup.key': 'One' };
    const two = { 'dup.key': 'Two' };
    const first = defineMessages({ en: one, es: one, 'pt-BR': one });
    const second = defineMessages({ en: two, es: two, 'pt-BR': two });
    expect(() => new I18n({ catalogs: [first, second] })).toThrow(
      expect.objectContaining({ code: 'KEEL_I18N_DUPLICATE_KEY' }),
    );
    expect(() => new I18n({ catalogs: [first, first] })).not.toThrow();
  });
});

describe('defineMessages', () => {
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
