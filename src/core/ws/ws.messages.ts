/** Messages of the WebSocket layer, in every supported language. */
import { defineMessages } from '../i18n/message-catalog.js';

/** One of the kernel's catalogs (every app speaks it); keys are `errors.<CODE>` like the kernel's. */
export const wsMessages = defineMessages({
  en: {
    'errors.WS_INVALID_JSON':
      'The frame is not valid JSON or uses a forbidden key (__proto__, constructor). Send {"event": "...", "data": ...}.',
    'errors.UNKNOWN_EVENT': 'No handler for the event "{event}". Check the event name.',
    'errors.WS_ORIGIN_NOT_ALLOWED':
      'WebSocket connections from the origin {origin} are not allowed. Add it to WS_ORIGINS.',
    'errors.WS_REFRESH_OTHER_SUBJECT':
      "The token belongs to another user than this connection's. Reconnect to switch users.",
  },
  es: {
    'errors.WS_INVALID_JSON':
      'El mensaje no es JSON válido o usa una clave prohibida (__proto__, constructor). Envíe {"event": "...", "data": ...}.',
    'errors.UNKNOWN_EVENT':
      'No hay ningún manejador para el evento "{event}". Compruebe el nombre.',
    'errors.WS_ORIGIN_NOT_ALLOWED':
      'No se permiten conexiones WebSocket desde el origen {origin}. Añádalo a WS_ORIGINS.',
    'errors.WS_REFRESH_OTHER_SUBJECT':
      'El token pertenece a otro usuario distinto del de esta conexión. Vuelva a conectarse para cambiar de usuario.',
  },
  'pt-BR': {
    'errors.WS_INVALID_JSON':
      'A mensagem não é um JSON válido ou usa uma chave proibida (__proto__, constructor). Envie {"event": "...", "data": ...}.',
    'errors.UNKNOWN_EVENT': 'Nenhum handler para o evento "{event}". Verifique o nome do evento.',
    'errors.WS_ORIGIN_NOT_ALLOWED':
      'Conexões WebSocket da origem {origin} não são permitidas. Adicione-a a WS_ORIGINS.',
    'errors.WS_REFRESH_OTHER_SUBJECT':
      'O token pertence a outro usuário que não o desta conexão. Reconecte para trocar de usuário.',
  },
});
