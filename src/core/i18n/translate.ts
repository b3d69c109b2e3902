/** `t(key, params?, lang?)`: translates with the catalogs of the app serving the current request. */
import { RequestContext } from '../context/request-context.js';
import type { I18n, MessageParams } from './i18n.js';
import { BUILTIN_I18N } from './kernel-i18n.js';

/** The translator of the current request's app; outside a request, the kernel's own messages only. */
export function currentI18n(): I18n {
  return RequestContext.current()?.i18n ?? BUILTIN_I18N;
}

/**
 * Translates `key` into `lang` (default: the request's language). Outside a request only the
 * kernel's messages are known: inject `I18n` and call `i18n.t()` there.
 */
export function t(key: string, params?: MessageParams, lang?: string): string {
  const i18n = currentI18n();
  return i18n.t(key, params, lang ?? RequestContext.current()?.lang ?? i18n.defaultLang);
}
