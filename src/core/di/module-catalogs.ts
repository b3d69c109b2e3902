/** `MODULE_CATALOGS`: the message catalogs of every module of the app (`@Module({ messages })`). */
import type { MessageCatalog } from '../i18n/message-catalog.js';
import { createToken } from './injection-token.js';

/** Provided by the kernel to every module; the app's `I18n` is built from it. */
export const MODULE_CATALOGS = createToken<readonly MessageCatalog[]>('ModuleCatalogs');
