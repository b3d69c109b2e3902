/** i18n: languages, negotiation, `t()`, module catalogs and Zod issue translation. */
import './kernel.messages.js';

export { kernelMessages } from './kernel.messages.js';
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
export {
  configureI18n,
  defaultLanguage,
  hasMessage,
  type I18nSettings,
  interpolate,
  type MessageParams,
  t,
} from './translate.js';
export { translateZodIssue, type ZodIssueLike } from './zod-issue-translator.js';
