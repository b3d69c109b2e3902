/** Turns values into TypeScript source literals for generated code (single quotes, as Biome formats). */

/** `it's` -> `'it\'s'`. */
export function tsString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
  return `'${escaped}'`;
}

/** `['a', 'b']`. */
export function tsStringArray(values: readonly string[]): string {
  return `[${values.map(tsString).join(', ')}]`;
}
