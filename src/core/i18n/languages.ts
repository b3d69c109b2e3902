/** The languages Keel speaks and the type that names them. */

/** Every language the kernel ships a catalog for; module catalogs must cover all of them. */
export const SUPPORTED_LANGS = ['en', 'es', 'pt-BR'] as const;

/** A supported language tag. */
export type Lang = (typeof SUPPORTED_LANGS)[number];

/** The language used when nothing better is known. */
export const DEFAULT_LANG: Lang = 'en';

/** True when `value` is exactly one of the supported tags. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (SUPPORTED_LANGS as readonly string[]).includes(value);
}
