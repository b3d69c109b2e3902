/** Strings no text column can hold: NUL and lone surrogates, in values and keys. */

// Postgres rejects NUL in text and jsonb (22021, 22P05); a lone surrogate cannot be encoded as
// UTF-8 and would be stored as U+FFFD. `isWellFormed` (ES2024, native on Node 20 and Bun) is
// false exactly when a lone surrogate is in the string.
type WellFormed = { isWellFormed(): boolean };

function isBadText(text: string): boolean {
  return text.includes('\u0000') || !(text as unknown as WellFormed).isWellFormed();
}

/** The paths of the strings (values and keys) in `root` that a text column could not store. */
export function badTextPaths(root: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  walkText(root, (path) => {
    found.push(path);
    return true;
  });
  return found;
}

// Deeper values go to the iterative walk (which also stops at cycles).
const RECURSION_LIMIT = 32;

/** Whether any string (value or key) in `root` could not be stored; allocates nothing. */
export function hasBadText(root: unknown): boolean {
  return hasBadTextWithin(root, 0);
}

function hasBadTextWithin(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return isBadText(value);
  if (!isContainer(value)) return false;
  if (depth > RECURSION_LIMIT) return walkText(value, () => false, false);
  if (Array.isArray(value)) {
    for (const item of value) if (hasBadTextWithin(item, depth + 1)) return true;
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (isBadText(key) || hasBadTextWithin(record[key], depth + 1)) return true;
  }
  return false;
}

// Calls `onBad` with each bad string's path (when tracking paths); stops when it returns false.
// An explicit stack: a deep but valid JSON value must not overflow the call stack.
function walkText(root: unknown, onBad: (path: PropertyKey[]) => boolean, paths = true): boolean {
  const seen = new Set<object>();
  const stack: Array<{ value: unknown; path: PropertyKey[] }> = [{ value: root, path: [] }];
  const none: PropertyKey[] = [];
  let bad = false;
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next;
    if (typeof value === 'string') {
      if (isBadText(value)) {
        bad = true;
        if (!onBad(path)) return true;
      }
      continue;
    }
    if (!isContainer(value) || seen.has(value)) continue;
    seen.add(value);
    const array = Array.isArray(value);
    for (const key of Object.keys(value)) {
      const childPath = paths ? [...path, array ? Number(key) : key] : none;
      if (isBadText(key)) {
        bad = true;
        if (!onBad(childPath)) return true;
      } else stack.push({ value: (value as Record<string, unknown>)[key], path: childPath });
    }
  }
  return bad;
}

// Only what JSON, query strings and params produce; class instances (Date...) hold no raw text.
function isContainer(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
