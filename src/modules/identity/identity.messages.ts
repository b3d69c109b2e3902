/** The identity module's catalog, in every supported language. */
import { defineMessages } from '#core';

/** Messages of the identity module's errors. */
export const identityMessages = defineMessages({
  en: {
    'identity.invalidCredentials': 'The email or the password is wrong.',
    'identity.emailTaken':
      'This email address is already registered. Sign in, or use another address.',
    'identity.refreshReused':
      'This refresh token was already used, so its session has been ended everywhere. Sign in again.',
    'identity.refreshInvalid':
      'This refresh token is unknown, expired or signed out. Sign in again.',
    'identity.accountGone': 'The account of this token no longer exists.',
    'identity.sessionRevoked': 'This session was signed out. Sign in again.',
    'identity.alreadyLinked': 'This {provider} identity is already linked to another account.',
    'identity.tooManyAttempts': 'Too many failed sign-ins. Try again in {seconds} seconds.',
  },
  es: {
    'identity.invalidCredentials': 'El correo o la contraseña no son correctos.',
    'identity.emailTaken':
      'Esta dirección de correo ya está registrada. Inicia sesión o usa otra dirección.',
    'identity.refreshReused':
      'Este token de renovación ya se usó, así que su sesión se ha cerrado en todas partes. Vuelve a iniciar sesión.',
    'identity.refreshInvalid':
      'Este token de renovación es desconocido, caducó o su sesión se cerró. Vuelve a iniciar sesión.',
    'identity.accountGone': 'La cuenta de este token ya no existe.',
    'identity.sessionRevoked': 'Esta sesión se cerró. Vuelve a iniciar sesión.',
    'identity.alreadyLinked': 'Esta identidad de {provider} ya está vinculada a otra cuenta.',
    'identity.tooManyAttempts':
      'Demasiados inicios de sesión fallidos. Vuelve a intentarlo en {seconds} segundos.',
  },
  'pt-BR': {
    'identity.invalidCredentials': 'O e-mail ou a senha estão incorretos.',
    'identity.emailTaken':
      'Este endereço de e-mail já está cadastrado. Entre ou use outro endereço.',
    'identity.refreshReused':
      'Este token de renovação já foi usado, então a sessão foi encerrada em todos os lugares. Entre novamente.',
    'identity.refreshInvalid':
      'Este token de renovação é desconhecido, expirou ou a sessão foi encerrada. Entre novamente.',
    'identity.accountGone': 'A conta deste token não existe mais.',
    'identity.sessionRevoked': 'Esta sessão foi encerrada. Entre novamente.',
    'identity.alreadyLinked': 'Esta identidade de {provider} já está vinculada a outra conta.',
    'identity.tooManyAttempts':
      'Muitas tentativas de entrada falharam. Tente novamente em {seconds} segundos.',
  },
});
