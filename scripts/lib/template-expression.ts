/** Parses the inside of a tag: a variable path with an optional chain of `| filter`s. */
import { TemplateError, type TemplateLocation } from './generator-errors.js';
import type { Condition, FilterCall, PathExpression } from './template-ast.js';

const PATH = /^(this|@index|@first|@last|[A-Za-z_$][\w$]*)(\.[A-Za-z_$][\w$]*)*$/;
const LOOP_VARIABLES = new Set(['@index', '@first', '@last']);

/** What expression parsing needs to know about its surroundings. */
export interface ExpressionContext {
  filters: ReadonlySet<string>;
  /** How many `{{#each}}` blocks enclose the tag (`@index` needs at least one). */
  loopDepth: number;
}

function shift(loc: TemplateLocation, columns: number): TemplateLocation {
  return { ...loc, column: loc.column + columns };
}

/** Parses `name`, `field.name`, `this`, `@index`; `loc` is where `text` starts. */
export function parsePath(
  text: string,
  loc: TemplateLocation,
  context: ExpressionContext,
): PathExpression {
  const raw = text.trim();
  const at = shift(loc, text.length - text.trimStart().length);
  if (raw === '') throw new TemplateError(at, 'missing variable name');
  if (!PATH.test(raw)) throw new TemplateError(at, `invalid variable "${raw}"`);
  const segments = raw.split('.');
  if (LOOP_VARIABLES.has(segments[0] ?? '') && context.loopDepth === 0) {
    throw new TemplateError(at, `"${raw}" is only defined inside {{#each}}`);
  }
  return { raw, segments, loc: at };
}

/** Parses `path | filter | filter`; unknown filters fail here, before any render. */
export function parseOutput(
  body: string,
  loc: TemplateLocation,
  context: ExpressionContext,
): { path: PathExpression; filters: FilterCall[] } {
  const parts = body.split('|');
  const path = parsePath(parts[0] ?? '', loc, context);
  const filters: FilterCall[] = [];
  let column = (parts[0] ?? '').length + 1;
  for (const part of parts.slice(1)) {
    const name = part.trim();
    const at = shift(loc, column + part.length - part.trimStart().length);
    if (name === '') throw new TemplateError(at, 'missing filter name after "|"');
    if (!context.filters.has(name)) {
      const known = [...context.filters].sort().join(', ');
      throw new TemplateError(at, `unknown filter "${name}" (known filters: ${known})`);
    }
    filters.push({ name, loc: at });
    column += part.length + 1;
  }
  return { path, filters };
}

/** Parses `cond` or `not cond`. */
export function parseCondition(
  text: string,
  loc: TemplateLocation,
  context: ExpressionContext,
): Condition {
  const negated = /^not\s+/.exec(text);
  if (negated === null) return { path: parsePath(text, loc, context), negate: false };
  return {
    path: parsePath(text.slice(negated[0].length), shift(loc, negated[0].length), context),
    negate: true,
  };
}
