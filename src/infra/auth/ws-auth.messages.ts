/** What a WebSocket client reads when its ticket or query-string token is refused. */
import { defineMessages } from '#core';

/** Messages of WsTicketRefusedError and QueryTokenRefusedError. */
export const wsAuthMessages = defineMessages({
  en: {
    'auth.wsTicket.refused':
      'The WebSocket ticket is invalid, expired or already used. Get a new one from POST /auth/ws-ticket and connect within 30 seconds.',
    'auth.wsTicket.queryToken':
      'Access tokens are not accepted in the query string. Send an Authorization header, the subprotocols "bearer, <token>", or a ticket from POST /auth/ws-ticket as ?ticket=.',
  },
  es: {
    'auth.wsTicket.refused':
      'El ticket de WebSocket no es válido, ha caducado o ya se usó. Pida uno nuevo con POST /auth/ws-ticket y conéctese antes de 30 segundos.',
    'auth.wsTicket.queryToken':
      'No se aceptan tokens de acceso en la query string. Envíe una cabecera Authorization, los subprotocolos "bearer, <token>", o un ticket de POST /auth/ws-ticket como ?ticket=.',
  },
  'pt-BR': {
    'auth.wsTicket.refused':
      'O ticket de WebSocket é inválido, expirou ou já foi usado. Obtenha um novo em POST /auth/ws-ticket e conecte-se em até 30 segundos.',
    'auth.wsTicket.queryToken':
      'Tokens de acesso não são aceitos na query string. Envie um cabeçalho Authorization, os subprotocolos "bearer, <token>", ou um ticket de POST /auth/ws-ticket como ?ticket=.',
  },
});
