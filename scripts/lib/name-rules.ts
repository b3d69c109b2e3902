/** Checks the names users give to features: shape, length and the words they may not use. */
import { ArgsError } from './generator-errors.js';
import { splitWords, toCamelCase, toKebabCase } from './naming.js';
import {
  JS_RESERVED,
  OBJECT_MEMBERS,
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
  const member = objectMember(value);
  if (member !== undefined) {
    const base = toKebabCase(value).replace(/^-+|-+$/g, '') || 'feature';
    throw new ArgsError(
      `${what} "${value}" is the built-in JavaScript property "${member}" that objects or classes already have (Object.prototype, prototype): generated code would collide with it; pick another name, e.g. "${base}-item"`,
    );
  }
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
  const problem = reservedProblem(kebab);
  if (problem !== null) throw new ArgsError(`${what} "${value}" ${problem}`);
  return value;
}

// `constructor`, `to-string` (toString), `__proto__`: the name as written or its camelCase form.
function objectMember(value: string): string | undefined {
  const forms = [value, toCamelCase(toKebabCase(value))];
  return forms.find((form) => OBJECT_MEMBERS.has(form));
}

/** Why a well-formed kebab-case name cannot be used, or null when it can. */
function reservedProblem(kebab: string): string | null {
  const camel = toCamelCase(kebab);
  if (JS_RESERVED.has(kebab) || JS_RESERVED.has(camel)) {
    return `is a JavaScript reserved word: pick another, e.g. "${kebab}-item"`;
  }
  if (PROJECT_RESERVED.has(kebab)) {
    return `is reserved by the project layout (${[...PROJECT_RESERVED].join(', ')})`;
  }
  if (SHADOWED_GLOBALS.has(kebab)) {
    const global = camel.charAt(0).toUpperCase() + camel.slice(1);
    return `would shadow the global ${global} in generated code: pick a more specific name`;
  }
  const last = splitWords(kebab).at(-1) ?? '';
  if (ROLE_SUFFIXES.has(last)) {
    const bare = kebab.slice(0, -(last.length + 1));
    const fix = bare === '' ? 'name the feature instead' : `use "${bare}"`;
    return `ends with the role "${last}", which the generator adds itself: ${fix}`;
  }
  return null;
}
