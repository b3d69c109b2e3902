/** The i18n catalogue of kernel errors (codes listed in docs/errors.md). */
import { KeelError } from '../errors/keel-error.js';

/** Codes of message catalog errors. */
export const I18N_ERROR_CODES = {
  DUPLICATE_KEY: 'KEEL_I18N_DUPLICATE_KEY',
  INCOMPLETE_CATALOG: 'KEEL_I18N_INCOMPLETE_CATALOG',
  UNKNOWN_KEY: 'KEEL_I18N_UNKNOWN_KEY',
} as const;

/** One of `I18N_ERROR_CODES`. */
export type I18nErrorCode = (typeof I18N_ERROR_CODES)[keyof typeof I18N_ERROR_CODES];

/** Two catalogs of one app define the same key with different texts. */
export function i18nDuplicateKey(key: string, lang: string): KeelError<I18nErrorCode> {
  return new KeelError(
    I18N_ERROR_CODES.DUPLICATE_KEY,
    `Message key "${key}" is defined twice for "${lang}" with different texts.\n  Fix: prefix module keys with the module name (e.g. "user.notFound") to keep them unique.`,
  );
}

/** `defineMessages` / `assertCatalogComplete` found missing keys or languages. */
export function incompleteCatalog(problems: readonly string[]): KeelError<I18nErrorCode> {
  return new KeelError(
    I18N_ERROR_CODES.INCOMPLETE_CATALOG,
    `Message catalog is incomplete: ${problems.join('; ')}\n  Fix: give every key a text in every supported language (en, es, pt-BR), with the same {placeholders}.`,
  );
}

/** A message key no catalog of the app defines (thrown in tests; logged and echoed elsewhere). */
export function unknownMessageKey(key: string): KeelError<I18nErrorCode> {
  return new KeelError(
    I18N_ERROR_CODES.UNKNOWN_KEY,
    `Unknown message key "${key}".\n  Fix: add it to a catalog with defineMessages({ en, es, 'pt-BR' }) and list the catalog in @Module({ messages }) of a module of the app.`,
  );
}
