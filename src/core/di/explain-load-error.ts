/** Turns the runtime's bare TDZ ReferenceError of a circular file import into a KEEL error. */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { circularImport } from './module-errors.js';

/** Where `explainLoadError` looks for the files it names (default: `process.cwd()`). */
export interface ExplainLoadErrorOptions {
  cwd?: string;
}

// V8 (Node): "Cannot access 'X' before initialization"; JSC (Bun) adds a final period.
const TDZ = /^Cannot access '([\w$]+)' before initialization\.?$/;
const FRAME = /^\s*at (?:.*? \()?(.+?):\d+:\d+\)?\s*$/;
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_FILES = 5_000;

/**
 * The error a module file threw while loading, explained: a TDZ ReferenceError
 * (`Cannot access 'X' before initialization`) becomes KEEL_MODULE_CIRCULAR_IMPORT naming the file
 * that used X, the file that defines it and the fix. Anything else (a TDZ inside one file
 * included: that is declaration order, not an import cycle) is returned unchanged.
 */
export function explainLoadError(error: unknown, options: ExplainLoadErrorOptions = {}): unknown {
  if (!(error instanceof Error) || error.name !== 'ReferenceError') return error;
  const symbol = TDZ.exec(error.message)?.[1];
  if (!symbol) return error;
  const cwd = resolve(options.cwd ?? process.cwd());
  const frames = projectFrames(error.stack ?? '', cwd);
  const usedIn = frames[0];
  if (usedIn && defines(usedIn, symbol)) return error; // declared later in the same file
  const definedIn = findDefinition(symbol, usedIn, frames, cwd);
  const shown = (file: string | undefined) => file && relative(cwd, file).split(sep).join('/');
  return circularImport(
    { symbol, usedIn: shown(usedIn), definedIn: shown(definedIn), original: error.message },
    error,
  );
}

/** The distinct files of the stack that belong to the project (under `cwd`, not node_modules). */
function projectFrames(stack: string, cwd: string): string[] {
  const files: string[] = [];
  for (const line of stack.split('\n')) {
    const raw = FRAME.exec(line)?.[1];
    if (!raw) continue;
    const file = raw.startsWith('file://') ? fileURLToPath(raw) : raw;
    if (!isAbsolute(file) || !file.startsWith(cwd + sep)) continue;
    if (file.split(sep).includes('node_modules') || files.includes(file)) continue;
    files.push(file);
  }
  return files;
}

function findDefinition(
  symbol: string,
  usedIn: string | undefined,
  frames: readonly string[],
  cwd: string,
): string | undefined {
  const fromStack = frames.slice(1).find((file) => defines(file, symbol));
  if (fromStack) return fromStack;
  const imported = usedIn ? importedFrom(usedIn, symbol) : undefined;
  if (imported && defines(imported, symbol)) return imported;
  return searchTree(join(cwd, 'src'), symbol, usedIn, { left: MAX_FILES });
}

/** The file `usedIn` imports `symbol` from, when the specifier is relative and resolves. */
function importedFrom(usedIn: string, symbol: string): string | undefined {
  const text = readSource(usedIn);
  if (!text) return undefined;
  const name = escapeSymbol(symbol);
  const named = new RegExp(`import\\s+\\{[^}]*\\b${name}\\b[^}]*\\}\\s*from\\s*['"]([^'"]+)['"]`);
  const specifier = named.exec(text)?.[1];
  if (!specifier?.startsWith('.')) return undefined;
  const base = resolve(dirname(usedIn), specifier);
  const stem = base.replace(/\.[cm]?js$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${stem}.mts`,
    `${stem}.js`,
    `${stem}.mjs`,
  ];
  return candidates.find((file) => isFile(file));
}

/** Depth-first search for the file defining `symbol`, bounded to `budget.left` files. */
function searchTree(
  dir: string,
  symbol: string,
  skip: string | undefined,
  budget: { left: number },
): string | undefined {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (budget.left <= 0) return undefined;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = searchTree(path, symbol, skip, budget);
      if (found) return found;
    } else if (SOURCE.test(entry.name) && path !== skip) {
      budget.left -= 1;
      if (defines(path, symbol)) return path;
    }
  }
  return undefined;
}

/** True when `file` declares `symbol` as a class, function, const, let or var. */
function defines(file: string, symbol: string): boolean {
  const text = readSource(file);
  if (!text) return false;
  return new RegExp(
    `^\\s*(?:export\\s+)?(?:default\\s+)?(?:abstract\\s+)?(?:class|function|const|let|var)\\s+${escapeSymbol(symbol)}\\b`,
    'm',
  ).test(text);
}

function escapeSymbol(symbol: string): string {
  return symbol.replace(/\$/g, '\\$');
}

function readSource(file: string): string | undefined {
  try {
    if (statSync(file).size > MAX_FILE_BYTES) return undefined;
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
