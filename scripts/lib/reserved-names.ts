/** Names a generated feature may not take: JS keywords, project folders, shadowed globals. */

/** Words JavaScript (strict mode, ES modules) will not accept as identifiers. */
export const JS_RESERVED: ReadonlySet<string> = new Set([
  'arguments',
  'await',
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'eval',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'implements',
  'import',
  'in',
  'instanceof',
  'interface',
  'let',
  'new',
  'null',
  'package',
  'private',
  'protected',
  'public',
  'return',
  'static',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'undefined',
  'var',
  'void',
  'while',
  'with',
  'yield',
]);

/**
 * Members of `Object.prototype` (and `prototype` itself): as names of generated objects, keys and
 * lookups they collide with what every object already has (`constructor`, `__proto__`...).
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** Folder and file names of the project itself. */
export const PROJECT_RESERVED: ReadonlySet<string> = new Set([
  'app',
  'core',
  'index',
  'infra',
  'lib',
  'main',
  'module',
  'modules',
  'scripts',
  'src',
  'test',
  'tests',
]);

/** Names whose PascalCase form would shadow a global or a TypeScript utility type. */
export const SHADOWED_GLOBALS: ReadonlySet<string> = new Set([
  'array',
  'boolean',
  'date',
  'error',
  'function',
  'json',
  'map',
  'math',
  'number',
  'object',
  'omit',
  'partial',
  'pick',
  'promise',
  'proxy',
  'readonly',
  'record',
  'reflect',
  'regexp',
  'required',
  'set',
  'string',
  'symbol',
  'url',
]);

/** File role suffixes: `payment-service` would become `PaymentServiceService`. */
export const ROLE_SUFFIXES: ReadonlySet<string> = new Set([
  'controller',
  'entity',
  'errors',
  'gateway',
  'guard',
  'messages',
  'module',
  'repository',
  'schemas',
  'service',
]);
