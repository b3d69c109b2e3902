/** IdempotencyModule's catalog: what a caller reads when a keyed request is not run. */
import { defineMessages } from '#core';

/** Messages of the idempotency errors. */
export const idempotencyMessages = defineMessages({
  en: {
    'idempotency.keyRequired':
      'This request needs an Idempotency-Key header (a unique value per operation).',
    'idempotency.keyInvalid':
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
    'idempotency.inProgress':
      'A request with this Idempotency-Key is still running. Retry shortly.',
    'idempotency.keyReused':
      'This Idempotency-Key was already used for a different request. Use a new key.',
    'idempotency.unavailable': 'Idempotency keys cannot be checked right now. Retry shortly.',
  },
  es: {
    'idempotency.keyRequired':
      'Esta solicitud necesita una cabecera Idempotency-Key (un valor único por operación).',
    'idempotency.keyInvalid':
      'La cabecera Idempotency-Key debe tener de 1 a 255 caracteres ASCII visibles.',
    'idempotency.inProgress':
      'Una solicitud con esta Idempotency-Key aún está en curso. Reinténtelo en breve.',
    'idempotency.keyReused':
      'Esta Idempotency-Key ya se usó para otra solicitud. Use una clave nueva.',
    'idempotency.unavailable':
      'Ahora no se pueden comprobar las claves de idempotencia. Reinténtelo en breve.',
  },
  'pt-BR': {
    'idempotency.keyRequired':
      'Esta requisição precisa de um cabeçalho Idempotency-Key (um valor único por operação).',
    'idempotency.keyInvalid':
      'O cabeçalho Idempotency-Key deve ter de 1 a 255 caracteres ASCII visíveis.',
    'idempotency.inProgress':
      'Uma requisição com esta Idempotency-Key ainda está em andamento. Tente novamente em instantes.',
    'idempotency.keyReused':
      'Esta Idempotency-Key já foi usada para outra requisição. Use uma chave nova.',
    'idempotency.unavailable':
      'As chaves de idempotência não podem ser verificadas agora. Tente novamente em instantes.',
  },
});
