/** The kernel's own catalogs, and a translator with only those (errors raised outside any app). */
import { wsMessages } from '../ws/ws.messages.js';
import { I18n } from './i18n.js';
import { kernelMessages } from './kernel.messages.js';
import type { MessageCatalog } from './message-catalog.js';

/** Every catalog the kernel itself speaks; each app adds its modules' catalogs to these. */
export const KERNEL_CATALOGS: readonly MessageCatalog[] = [kernelMessages, wsMessages];

/** Immutable: the kernel's messages in the default language, for code outside any app. */
export const BUILTIN_I18N = new I18n({ catalogs: KERNEL_CATALOGS });
