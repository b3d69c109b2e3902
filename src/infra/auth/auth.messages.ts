/** AuthModule's catalog: what a caller reads when a token is refused. */
import { defineMessages } from '#core';

/** Messages of InvalidTokenError and InsufficientScopeError. */
export const authMessages = defineMessages({
  en: {
    'auth.token.invalid':
      'The access token is invalid. Sign in again, or refresh it, and send the new token.',
    'auth.token.expired': 'The access token has expired. Refresh it and send the new token.',
    'auth.scope.missing': 'The access token lacks the scope this needs: {scopes}.',
  },
  es: {
    'auth.token.invalid':
      'El token de acceso no es válido. Vuelva a iniciar sesión, o renuévelo, y envíe el nuevo token.',
    'auth.token.expired': 'El token de acceso ha caducado. Renuévelo y envíe el nuevo token.',
    'auth.scope.missing': 'Al token de acceso le falta el alcance que esto requiere: {scopes}.',
  },
  'pt-BR': {
    'auth.token.invalid':
      'O token de acesso é inválido. Entre novamente, ou renove-o, e envie o novo token.',
    'auth.token.expired': 'O token de acesso expirou. Renove-o e envie o novo token.',
    'auth.scope.missing': 'O token de acesso não tem o escopo que isto exige: {scopes}.',
  },
});
