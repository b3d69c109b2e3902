/** The user module's catalog, in every supported language. */
import { defineMessages } from '#core';

/** Messages of the user module's errors. */
export const userMessages = defineMessages({
  en: {
    'user.notFound': 'No user has the id {id}.',
    'user.emailTaken': 'This email address is already registered. Sign in, or use another address.',
  },
  es: {
    'user.notFound': 'Ningún usuario tiene el id {id}.',
    'user.emailTaken':
      'Esta dirección de correo ya está registrada. Inicia sesión o usa otra dirección.',
  },
  'pt-BR': {
    'user.notFound': 'Nenhum usuário tem o id {id}.',
    'user.emailTaken': 'Este endereço de e-mail já está cadastrado. Entre ou use outro endereço.',
  },
});
