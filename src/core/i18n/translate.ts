/** `t(key, params?, lang?)`: looks a message up in the current request's language. */
import { RequestContext } from '../context/request-context.js';
import './kernel.messages.js';
import { DEFAULT_LANG, type Lang } from './languages.js';
import { lookupMessage } from './message-registry.js';

/** Values interpolated into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** Process-wide i18n settings. */
export interface I18nSettings {
  /** Language used outside a request (and for unknown languages). */
  defaultLang: Lang;
  /** Called outside tests when a key is in no catalog (the key itself is returned). */
  onMissingKey: (key: string, lang: string) => void;
}

const warned = new Set<string>();

function warnOnce(key: string, lang: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  process.emitWarning(`Unknown message key "${key}" (lang "${lang}")`, {
    code: 'KEEL_I18N_MISSING_KEY',
  });
}

const settings: I18nSettings = { defaultLang: DEFAULT_LANG, onMissingKey: warnOnce };

/** Sets the default language and the missing-key reporter (e.g. the root logger's `warn`). */
export function configureI18n(options: Partial<I18nSettings>): void {
  Object.assign(settings, options);
}

/** The language used when no request is in scope. */
export function defaultLanguage(): Lang {
  return settings.defaultLang;
}

/** Replaces `{name}` with `params.name`; unknown placeholders stay as they are. */
export function interpolate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** True when `key` is registered (in the default language). */
export function hasMessage(key: string): boolean {
  return lookupMessage(key, settings.defaultLang) !== undefined;
}

function isTestRun(): boolean {
  return process.env.NODE_ENV === 'test' || process.env.VITEST !== undefined;
}

/** Translates `key`; `lang` defaults to the current request's, then the default language. */
export function t(key: string, params?: MessageParams, lang?: string): string {
  const wanted = lang ?? RequestContext.current()?.lang ?? settings.defaultLang;
  const template = lookupMessage(key, wanted) ?? lookupMessage(key, settings.defaultLang);
  if (template !== undefined) return interpolate(template, params);
  if (isTestRun()) {
    throw new Error(
      `Unknown message key "${key}": add it to a catalog with defineMessages({ en, es, 'pt-BR' })`,
    );
  }
  settings.onMissingKey(key, wanted);
  return key;
}
