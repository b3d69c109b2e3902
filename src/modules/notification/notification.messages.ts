/** The notification module's catalog (room validation messages). */
import { defineMessages } from '#core';

/** Registered on import; keys are prefixed `notification.`. */
export const notificationMessages = defineMessages({
  en: {
    'notification.roomLength': 'A room name has 1 to 64 characters.',
  },
  es: {
    'notification.roomLength': 'El nombre de una sala tiene de 1 a 64 caracteres.',
  },
  'pt-BR': {
    'notification.roomLength': 'O nome de uma sala tem de 1 a 64 caracteres.',
  },
});
