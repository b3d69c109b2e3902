/** Case conversions for multiword names: split into words, join them in a given style. */

/** `PaymentMethod`, `payment-method`, `payment_method`, `HTTPServer` -> lowercase words. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `payment-method` -> `PaymentMethod`. */
export function toPascalCase(text: string): string {
  return splitWords(text).map(capitalize).join('');
}

/** `payment-method` -> `paymentMethod`. */
export function toCamelCase(text: string): string {
  const pascal = toPascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

/** `PaymentMethod` -> `payment-method`. */
export function toKebabCase(text: string): string {
  return splitWords(text).join('-');
}

/** `PaymentMethod` -> `payment_method`. */
export function toSnakeCase(text: string): string {
  return splitWords(text).join('_');
}

/** Joins `words` in the case style of `sample` (kebab, snake, spaced, Pascal, camel, UPPER). */
export function formatWordsLike(sample: string, words: readonly string[]): string {
  const upper = sample === sample.toUpperCase() && /[A-Z]/.test(sample);
  const text = (separator: string): string => {
    const joined = words.join(separator);
    return upper ? joined.toUpperCase() : joined;
  };
  if (sample.includes('-')) return text('-');
  if (sample.includes('_')) return text('_');
  if (sample.includes(' ')) {
    const spaced = text(' ');
    return /^[A-Z]/.test(sample) ? capitalize(spaced) : spaced;
  }
  if (upper) return text('');
  const pascal = words.map(capitalize).join('');
  return /^[A-Z]/.test(sample) ? pascal : pascal.charAt(0).toLowerCase() + pascal.slice(1);
}
