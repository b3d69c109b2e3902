/** Messages of the WebSocket layer, in every supported language. */
import { defineMessages } from '../i18n/message-catalog.js';

/** Registered on import; keys are `errors.<CODE>` like the kernel's. */
export const wsMessages = defineMessages({
  en: {
    'errors.UNKNOWN_EVENT': 'No handler for the event "{event}". Check the event name.',
    'errors.WS_ORIGIN_NOT_ALLOWED':
      'WebSocket connections from the origin {origin} are not allowed. Add it to WS_ORIGINS.',
  },
  es: {
    'errors.UNKNOWN_EVENT':
      'No hay ningún manejador para el evento "{event}". Compruebe el nombre.',
    'errors.WS_ORIGIN_NOT_ALLOWED':
      'No se permiten conexiones WebSocket desde el origen {origin}. Añádalo a WS_ORIGINS.',
  },
  'pt-BR': {
    'errors.UNKNOWN_EVENT': 'Nenhum handler para o evento "{event}". Verifique o nome do evento.',
    'errors.WS_ORIGIN_NOT_ALLOWED':
      'Conexões WebSocket da origem {origin} não são permitidas. Adicione-a a WS_ORIGINS.',
  },
});
