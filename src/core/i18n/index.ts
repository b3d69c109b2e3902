/** i18n: languages, negotiation, per-app translators, module catalogs and Zod issue translation. */

export { I18n, type I18nOptions, interpolate, type MessageParams } from './i18n.js';
export { I18N_ERROR_CODES, type I18nErrorCode } from './i18n-errors.js';
export { kernelMessages } from './kernel.messages.js';
export { BUILTIN_I18N, KERNEL_CATALOGS } from './kernel-i18n.js';
export { DEFAULT_LANG, isLang, type Lang, SUPPORTED_LANGS } from './languages.js';
export {
  assertCatalogComplete,
  type CatalogInput,
  catalogProblems,
  defineMessages,
  type MessageCatalog,
  type Messages,
} from './message-catalog.js';
export {
  type LanguageNegotiationInput,
  type LanguageRange,
  matchLanguage,
  negotiateLanguage,
  parseAcceptLanguage,
} from './negotiate-language.js';
export { currentI18n, t } from './translate.js';
export { translateZodIssue, type ZodIssueLike } from './zod-issue-translator.js';
