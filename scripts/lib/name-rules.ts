/** Checks the names users give to features: shape, length and the words they may not use. */
import { ArgsError } from './generator-errors.js';
import { splitWords, toCamelCase, toKebabCase } from './naming.js';
import {
  JS_RESERVED,
  PROJECT_RESERVED,
  ROLE_SUFFIXES,
  SHADOWED_GLOBALS,
} from './reserved-names.js';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const LOOSE = /^[A-Za-z][A-Za-z0-9_-]*$/;
const MAX_LENGTH = 40;

/** `kebab: false` accepts any case (`--plural PaymentMethods`) and checks its kebab form. */
export interface NameRuleOptions {
  kebab?: boolean;
}

/** Returns `value` when it is a usable feature name; otherwise explains what to type instead. */
export function validateName(value: string, what: string, options: NameRuleOptions = {}): string {
  const strict = options.kebab ?? true;
  if (!(strict ? KEBAB : LOOSE).test(value)) {
    const hint = toKebabCase(value);
    const example = KEBAB.test(hint) ? `, e.g. "${hint}"` : '';
    throw new ArgsError(
      `${what} "${value}" is not kebab-case: use lowercase letters, digits and single hyphens, starting with a letter${example}`,
    );
  }
  const kebab = toKebabCase(value);
  if (kebab.length > MAX_LENGTH) {
    throw new ArgsError(
      `${what} "${value}" is longer than ${MAX_LENGTH} characters: table and type names would be cut`,
    );
  }
  const camel = toCamelCase(kebab);
  if (JS_RESERVED.has(kebab) || JS_RESERVED.has(camel)) {
    throw new ArgsError(
      `${what} "${value}" is a JavaScript reserved word: pick another, e.g. "${kebab}-item"`,
    );
  }
  if (PROJECT_RESERVED.has(kebab)) {
    throw new ArgsError(
      `${what} "${value}" is reserved by the project layout (${[...PROJECT_RESERVED].join(', ')})`,
    );
  }
  if (SHADOWED_GLOBALS.has(kebab)) {
    throw new ArgsError(
      `${what} "${value}" would shadow the global ${camel.charAt(0).toUpperCase()}${camel.slice(1)} in generated code: pick a more specific name`,
    );
  }
  const last = splitWords(kebab).at(-1) ?? '';
  if (ROLE_SUFFIXES.has(last)) {
    const bare = kebab.slice(0, -(last.length + 1));
    const fix = bare === '' ? 'name the feature instead' : `use "${bare}"`;
    throw new ArgsError(
      `${what} "${value}" ends with the role "${last}", which the generator adds itself: ${fix}`,
    );
  }
  return value;
}
