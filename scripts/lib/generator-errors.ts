/** The generator's error family: every failure a user can cause, with a message that says how to fix it. */

/** Base of every generator error; `code` is stable and testable, `message` is for humans. */
export class GeneratorError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Where in a template something went wrong (1-based line and column). */
export interface TemplateLocation {
  file: string;
  line: number;
  column: number;
}

/** A template that cannot be parsed or rendered: `file:line:column: reason`. */
export class TemplateError extends GeneratorError {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly reason: string;

  constructor(location: TemplateLocation, reason: string) {
    super('TEMPLATE_ERROR', `${location.file}:${location.line}:${location.column}: ${reason}`);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.reason = reason;
  }
}

/** A `--fields` specification that cannot be turned into columns; `field` names the culprit. */
export class FieldSpecError extends GeneratorError {
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super('FIELD_SPEC_INVALID', message);
    this.field = field;
  }
}

/** A command line the generator does not understand. */
export class ArgsError extends GeneratorError {
  constructor(message: string) {
    super('ARGS_INVALID', message);
  }
}

/** A file plan that cannot be applied as a whole (existing files, failed edits, write errors). */
export class PlanError extends GeneratorError {
  constructor(message: string) {
    super('PLAN_INVALID', message);
  }
}

/** An existing TypeScript file that an edit cannot safely change. */
export class SourceEditError extends GeneratorError {
  constructor(message: string) {
    super('SOURCE_EDIT_FAILED', message);
  }
}

/** The project is not in a state the command can work on (a module exists, or is missing). */
export class TargetError extends GeneratorError {
  constructor(message: string) {
    super('TARGET_INVALID', message);
  }
}

/** A step after the files were written failed (the migration); the message says what to re-run. */
export class FollowUpError extends GeneratorError {
  constructor(message: string) {
    super('FOLLOW_UP_FAILED', message);
  }
}
