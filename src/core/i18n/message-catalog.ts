/** Module catalogs: `defineMessages({ en, es, 'pt-BR' })` checks and types them. */
import { incompleteCatalog } from './i18n-errors.js';
import { type Lang, SUPPORTED_LANGS } from './languages.js';

/** One language's messages, flat keys such as `user.notFound`. */
export type Messages<K extends string = string> = Readonly<Record<K, string>>;

/** The same keys in every supported language. */
export type MessageCatalog<K extends string = string> = { readonly [L in Lang]: Messages<K> };

/** The input of `defineMessages`: `en` defines the keys, every other language must match them. */
export type CatalogInput<En extends Record<string, string>> = { en: En } & {
  [L in Exclude<Lang, 'en'>]: { [K in keyof NoInfer<En>]: string };
};

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string): string {
  return [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .sort()
    .join(',');
}

/** Every problem of a catalog: missing or extra keys, empty texts, mismatched `{placeholders}`. */
export function catalogProblems(
  catalog: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
  langs: readonly string[] = SUPPORTED_LANGS,
): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const lang of Object.keys(catalog)) {
    if (!langs.includes(lang)) problems.push(`language "${lang}" is not supported`);
    for (const key of Object.keys(catalog[lang] ?? {})) keys.add(key);
  }
  const reference = catalog[langs[0] ?? ''] ?? {};
  for (const lang of langs) {
    const messages = catalog[lang];
    if (!messages) {
      problems.push(`language "${lang}" is missing`);
      continue;
    }
    for (const key of keys) {
      const text = messages[key];
      const expected = reference[key];
      if (typeof text !== 'string' || text === '') {
        problems.push(`"${lang}" is missing "${key}"`);
      } else if (typeof expected === 'string' && placeholders(text) !== placeholders(expected)) {
        problems.push(`"${lang}" has other {placeholders} than "${langs[0]}" in "${key}"`);
      }
    }
  }
  return problems;
}

/** Throws naming every missing key and language; call it from a module's tests. */
export function assertCatalogComplete(
  catalog: Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>,
  langs: readonly string[] = SUPPORTED_LANGS,
): void {
  const problems = catalogProblems(catalog, langs);
  if (problems.length > 0) throw incompleteCatalog(problems);
}

/**
 * Checks a module's catalog and returns it typed by its keys. Nothing is registered: list it in
 * `@Module({ messages: [catalog] })` and every app that includes the module speaks it.
 */
export function defineMessages<En extends Record<string, string>>(
  catalog: CatalogInput<En>,
): MessageCatalog<keyof En & string> {
  assertCatalogComplete(catalog);
  return catalog as unknown as MessageCatalog<keyof En & string>;
}
