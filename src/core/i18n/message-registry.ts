/** The process-wide store of every registered catalog, keyed by language then message key. */
import type { Lang } from './languages.js';

const messages = new Map<string, Map<string, string>>();

/** Adds one language's messages; a key defined twice with different texts is an error. */
export function registerMessages(lang: Lang, entries: Readonly<Record<string, string>>): void {
  let table = messages.get(lang);
  if (!table) {
    table = new Map();
    messages.set(lang, table);
  }
  for (const [key, text] of Object.entries(entries)) {
    const existing = table.get(key);
    if (existing !== undefined && existing !== text) {
      throw new Error(
        `Message key "${key}" is already defined for "${lang}" with a different text: ` +
          'prefix module keys with the module name (e.g. "user.notFound") to keep them unique',
      );
    }
    table.set(key, text);
  }
}

/** The registered text of `key` in `lang`, if any. */
export function lookupMessage(key: string, lang: string): string | undefined {
  return messages.get(lang)?.get(key);
}
