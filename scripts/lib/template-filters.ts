/** The built-in template filters: case conversions, plural/singular, upper/lower and capitalize. */
import type { Inflector } from './inflector.js';
import type { TemplateFilter } from './template-renderer.js';
import { toCamelCase, toKebabCase, toPascalCase, toSnakeCase } from './word-case.js';

/** Built-in filters; `plural` and `singular` use `inflector`, so `--plural` reaches templates. */
export function createDefaultFilters(inflector: Inflector): Record<string, TemplateFilter> {
  return {
    pascal: toPascalCase,
    camel: toCamelCase,
    kebab: toKebabCase,
    snake: toSnakeCase,
    plural: (value) => inflector.plural(value),
    singular: (value) => inflector.singular(value),
    upper: (value) => value.toUpperCase(),
    lower: (value) => value.toLowerCase(),
    capitalize: (value) => value.charAt(0).toUpperCase() + value.slice(1),
  };
}
