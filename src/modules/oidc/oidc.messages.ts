/** The OIDC sign-in's catalog, in every supported language. */
import { defineMessages } from '#core';

/** Messages of the OIDC sign-in's errors. */
export const oidcMessages = defineMessages({
  en: {
    'oidc.providerUnknown':
      'No sign-in provider is called {provider}. Check the link you followed.',
    'oidc.providerUnavailable':
      'The sign-in provider {provider} cannot be reached right now. Try again in a moment.',
    'oidc.stateInvalid':
      'This sign-in link is invalid, expired or was already used. Start the sign-in again.',
    'oidc.providerError': 'The sign-in at {provider} did not complete. Start the sign-in again.',
    'oidc.codeRejected':
      'The provider refused this sign-in (it may have expired). Start the sign-in again.',
    'oidc.idTokenInvalid':
      "The provider's answer could not be verified, so nobody was signed in. Start the sign-in again.",
    'oidc.emailUnverified':
      '{provider} did not confirm that your email address is verified. Verify it there, then sign in again.',
    'oidc.accountExists':
      'An account with this email already exists. Sign in with your password, then link {provider} from your account.',
  },
  es: {
    'oidc.providerUnknown':
      'No hay ningún proveedor de inicio de sesión llamado {provider}. Revisa el enlace que seguiste.',
    'oidc.providerUnavailable':
      'No se puede contactar ahora con el proveedor {provider}. Inténtalo de nuevo en un momento.',
    'oidc.stateInvalid':
      'Este enlace de inicio de sesión no es válido, caducó o ya se usó. Vuelve a iniciar sesión.',
    'oidc.providerError': 'El inicio de sesión en {provider} no terminó. Vuelve a empezar.',
    'oidc.codeRejected':
      'El proveedor rechazó este inicio de sesión (puede haber caducado). Vuelve a empezar.',
    'oidc.idTokenInvalid':
      'No se pudo verificar la respuesta del proveedor, así que no se inició ninguna sesión. Vuelve a empezar.',
    'oidc.emailUnverified':
      '{provider} no confirmó que tu correo esté verificado. Verifícalo allí y vuelve a iniciar sesión.',
    'oidc.accountExists':
      'Ya existe una cuenta con este correo. Inicia sesión con tu contraseña y vincula {provider} desde tu cuenta.',
  },
  'pt-BR': {
    'oidc.providerUnknown':
      'Nenhum provedor de login se chama {provider}. Confira o link que você seguiu.',
    'oidc.providerUnavailable':
      'Não é possível falar com o provedor {provider} agora. Tente de novo em instantes.',
    'oidc.stateInvalid':
      'Este link de login é inválido, expirou ou já foi usado. Comece o login de novo.',
    'oidc.providerError': 'O login em {provider} não foi concluído. Comece o login de novo.',
    'oidc.codeRejected':
      'O provedor recusou este login (ele pode ter expirado). Comece o login de novo.',
    'oidc.idTokenInvalid':
      'A resposta do provedor não pôde ser verificada, então ninguém entrou. Comece o login de novo.',
    'oidc.emailUnverified':
      '{provider} não confirmou que seu e-mail está verificado. Verifique-o lá e entre de novo.',
    'oidc.accountExists':
      'Já existe uma conta com este e-mail. Entre com sua senha e vincule {provider} a partir da sua conta.',
  },
});
