/** The {{entity.words}} module's errors: codes clients can rely on, messages from `{{entity.kebab}}.messages.ts`. */
import { NotFoundError } from '#core';

/** 404 {{errorCode}}. */
export class {{entity.pascal}}NotFoundError extends NotFoundError {
  constructor(id: string) {
    super({ code: '{{errorCode}}', messageKey: '{{messageKey}}', params: { id } });
  }
}
