/** The {{entity.words}} module's catalog, in every supported language. */
import { defineMessages } from '#core';

/** Messages of the {{entity.words}} module's errors. */
export const {{entity.camel}}Messages = defineMessages({
  en: {
    '{{messageKey}}': 'No {{entity.words}} has the id {id}.',
  },
  es: {
    '{{messageKey}}': 'No hay ningún registro de {{entity.words}} con el id {id}.',
  },
  'pt-BR': {
    '{{messageKey}}': 'Não há nenhum registro de {{entity.words}} com o id {id}.',
  },
});
