/** `I18n`: one app's catalogs and default language (injectable); nothing is shared between apps. */
import { i18nDuplicateKey, unknownMessageKey } from './i18n-errors.js';
import { DEFAULT_LANG, isLang, type Lang, SUPPORTED_LANGS } from './languages.js';
import type { MessageCatalog } from './message-catalog.js';

/** Values interpolated into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** How an app's translator is built. */
export interface I18nOptions {
  /** Every catalog the app speaks: the kernel's and its modules' (`@Module({ messages })`). */
  catalogs: readonly MessageCatalog[];
  /** Language used outside a request and when a message is missing in the wanted one. */
  defaultLang?: string | undefined;
  /** Called (outside tests) when a key is in no catalog; the key itself is returned. */
  onMissingKey?: (key: string, lang: string) => void;
}

/** Replaces `{name}` with `params.name`; unknown placeholders stay as they are. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

function isTestRun(): boolean {
  return process.env.NODE_ENV === 'test' || process.env.VITEST !== undefined;
}

/** Translates message keys with the catalogs of one app. */
export class I18n {
  /** The language used when nothing better is known. */
  readonly defaultLang: Lang;
  private readonly tables = new Map<string, Map<string, string>>();
  private readonly warned = new Set<string>();
  private readonly onMissingKey: (key: string, lang: string) => void;

  constructor(options: I18nOptions) {
    this.defaultLang = isLang(options.defaultLang) ? options.defaultLang : DEFAULT_LANG;
    this.onMissingKey = options.onMissingKey ?? ((key, lang) => this.warnOnce(key, lang));
    for (const lang of SUPPORTED_LANGS) this.tables.set(lang, new Map());
    for (const catalog of options.catalogs) this.add(catalog);
  }

  /** The text of `key` in `lang` (then in the default language), uninterpolated. */
  lookup(key: string, lang: string): string | undefined {
    return this.tables.get(lang)?.get(key) ?? this.tables.get(this.defaultLang)?.get(key);
  }

  /** True when some catalog defines `key`. */
  has(key: string): boolean {
    return this.lookup(key, this.defaultLang) !== undefined;
  }

  /** Translates `key` into `lang` (default language when omitted). */
  t(key: string, params?: MessageParams, lang: string = this.defaultLang): string {
    const template = this.lookup(key, lang);
    if (template !== undefined) return interpolate(template, params);
    if (isTestRun()) throw unknownMessageKey(key);
    this.onMissingKey(key, lang);
    return key;
  }

  private add(catalog: MessageCatalog): void {
    for (const lang of SUPPORTED_LANGS) {
      const table = this.tables.get(lang)!;
      for (const [key, text] of Object.entries(catalog[lang] ?? {})) {
        const existing = table.get(key);
        if (existing !== undefined && existing !== text) throw i18nDuplicateKey(key, lang);
        table.set(key, text);
      }
    }
  }

  private warnOnce(key: string, lang: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    process.emitWarning(`Unknown message key "${key}" (lang "${lang}")`, {
      code: 'KEEL_I18N_MISSING_KEY',
    });
  }
}
