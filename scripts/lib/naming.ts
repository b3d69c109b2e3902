/** Naming helpers: case conversions, plural and singular, and every form of a feature's name. */
import { defaultInflector, type Inflector } from './inflector.js';
import { splitWords, toCamelCase, toKebabCase, toPascalCase, toSnakeCase } from './word-case.js';

export { Inflector, type InflectorOptions } from './inflector.js';
export { splitWords, toCamelCase, toKebabCase, toPascalCase, toSnakeCase } from './word-case.js';

/** One name in every case a template needs. */
export interface NameForms {
  /** `payment-method` */
  kebab: string;
  /** `PaymentMethod` */
  pascal: string;
  /** `paymentMethod` */
  camel: string;
  /** `payment_method` */
  snake: string;
  /** `PAYMENT_METHOD` */
  constant: string;
  /** `payment method` */
  words: string;
}

/** A feature's name in the singular and the plural. */
export interface Names {
  singular: NameForms;
  plural: NameForms;
}

/** How to derive the plural: an explicit one (`--plural`) wins over the inflector. */
export interface DeriveNamesOptions {
  plural?: string;
  inflector?: Inflector;
}

/** Every case form of `text`. */
export function nameForms(text: string): NameForms {
  const snake = toSnakeCase(text);
  return {
    kebab: toKebabCase(text),
    pascal: toPascalCase(text),
    camel: toCamelCase(text),
    snake,
    constant: snake.toUpperCase(),
    words: splitWords(text).join(' '),
  };
}

/** `payment-method` -> singular and plural forms (`PaymentMethods`, `payment_methods`...). */
export function deriveNames(name: string, options: DeriveNamesOptions = {}): Names {
  const inflector = options.inflector ?? defaultInflector;
  const plural = options.plural ?? inflector.plural(toKebabCase(name));
  return { singular: nameForms(name), plural: nameForms(plural) };
}

/** The plural of the last word of `text`, in the same case style. */
export function pluralize(text: string): string {
  return defaultInflector.plural(text);
}

/** The singular of the last word of `text`, in the same case style. */
export function singularize(text: string): string {
  return defaultInflector.singular(text);
}
