/** The user module's errors: codes clients can rely on, messages from `user.messages.ts`. */
import { ConflictError, NotFoundError } from '#core';

/** 404 USER_NOT_FOUND. */
export class UserNotFoundError extends NotFoundError {
  constructor(id: string) {
    super({ code: 'USER_NOT_FOUND', messageKey: 'user.notFound', params: { id } });
  }
}

/** 409 USER_EMAIL_TAKEN. */
export class UserEmailTakenError extends ConflictError {
  constructor(cause?: unknown) {
    super({
      code: 'USER_EMAIL_TAKEN',
      messageKey: 'user.emailTaken',
      details: { field: 'email' },
      cause,
    });
  }
}
