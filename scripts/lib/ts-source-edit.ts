/** Idempotent edits of existing TypeScript files: add a named import, add an entry to an array. */
import { SourceEditError } from './generator-errors.js';
import { appendToList, type ListBrackets, listHas } from './ts-list-insert.js';
import { findClosing, lineOf, listItems, maskNonCode } from './ts-source-scan.js';

/** `import { name } from 'from'`. */
export interface NamedImport {
  name: string;
  from: string;
}

/** An identifier to add to the `property: [...]` array (e.g. `imports`) of a module. */
export interface ArrayEntry {
  property: string;
  element: string;
  /** When no such array exists, the decorator whose object gets one. Default `Module`. */
  decorator?: string;
}

interface ImportDeclaration {
  start: number;
  end: number;
  specifier: string;
  named: ListBrackets | null;
  typeOnly: boolean;
}

function findImports(source: string, masked: string): ImportDeclaration[] {
  const declarations: ImportDeclaration[] = [];
  for (const match of masked.matchAll(/^import(?=[\s{*'"])/gm)) {
    const start = match.index;
    const semicolon = masked.indexOf(';', start);
    const end = semicolon === -1 ? masked.length : semicolon + 1;
    const quoted = /(['"])([^'"]*)\1[^'"]*$/.exec(source.slice(start, end));
    const brace = masked.indexOf('{', start);
    const named =
      brace !== -1 && brace < end ? { open: brace, close: findClosing(masked, brace) } : null;
    const typeOnly = /^import\s+type\s/.test(masked.slice(start, end));
    declarations.push({ start, end, specifier: quoted?.[2] ?? '', named, typeOnly });
  }
  return declarations;
}

/** The local names an import's braces bind (`A`, `type B`, `C as D` -> A, B, D). */
function boundNames(source: string, masked: string, named: ListBrackets): string[] {
  return listItems(masked, named.open, named.close).map((item) => {
    const words = source.slice(item.start, item.end).split(/\s+/);
    return words.at(-1) ?? '';
  });
}

/** Where a new import line goes so that Biome's import order (packages, then paths) holds. */
function importInsertion(declarations: readonly ImportDeclaration[], from: string): number | null {
  // Biome's order: packages, then `#` aliases, then relative paths; alphabetical in each group.
  const group = (specifier: string): number =>
    specifier.startsWith('.') ? 2 : specifier.startsWith('#') ? 1 : 0;
  const before = declarations.find((declaration) =>
    group(declaration.specifier) === group(from)
      ? declaration.specifier > from
      : group(declaration.specifier) > group(from),
  );
  return before === undefined ? null : before.start;
}

/** Adds `import { name } from 'from'`; unchanged when present, an error when `name` comes from elsewhere. */
export function addNamedImport(source: string, spec: NamedImport): string {
  const masked = maskNonCode(source);
  const declarations = findImports(source, masked);
  for (const declaration of declarations) {
    if (declaration.named === null) continue;
    if (!boundNames(source, masked, declaration.named).includes(spec.name)) continue;
    if (declaration.specifier === spec.from && !declaration.typeOnly) return source;
    throw new SourceEditError(
      `${spec.name} is already imported from '${declaration.specifier}' (line ${lineOf(source, declaration.start)}): remove that import or rename the new one`,
    );
  }
  const same = declarations.find(
    (d) => d.specifier === spec.from && !d.typeOnly && d.named !== null,
  );
  if (same?.named) return appendToList({ source, masked, ...same.named }, spec.name);
  const line = `import { ${spec.name} } from '${spec.from}';`;
  const before = importInsertion(declarations, spec.from);
  if (before !== null) return `${source.slice(0, before)}${line}\n${source.slice(before)}`;
  const last = declarations.at(-1);
  if (last !== undefined) return `${source.slice(0, last.end)}\n${line}${source.slice(last.end)}`;
  const firstCode = masked.search(/\S/);
  const at = firstCode === -1 ? source.length : firstCode;
  return `${source.slice(0, at)}${line}\n\n${source.slice(at)}`;
}

/** Adds `element` to the one `property: [...]` array, or creates it in `@Module({...})`; idempotent. */
export function addArrayEntry(source: string, entry: ArrayEntry): string {
  const masked = maskNonCode(source);
  const pattern = new RegExp(`(?<![\\w$.])${entry.property}\\s*:\\s*\\[`, 'g');
  const arrays = [...masked.matchAll(pattern)].map((match) => {
    const open = match.index + match[0].length - 1;
    return { open, close: findClosing(masked, open) };
  });
  if (arrays.some((list) => listHas({ source, masked, ...list }, entry.element))) return source;
  const [only] = arrays;
  if (arrays.length === 1 && only) return appendToList({ source, masked, ...only }, entry.element);
  if (arrays.length > 1) {
    const lines = arrays.map((list) => lineOf(source, list.open)).join(', ');
    throw new SourceEditError(
      `found ${arrays.length} "${entry.property}" arrays (lines ${lines}): add ${entry.element} to the right one by hand`,
    );
  }
  return addArrayProperty(source, masked, entry);
}

function addArrayProperty(source: string, masked: string, entry: ArrayEntry): string {
  const decorator = entry.decorator ?? 'Module';
  const match = new RegExp(`@${decorator}\\s*\\(\\s*\\{`).exec(masked);
  if (match === null) {
    throw new SourceEditError(
      `no "${entry.property}" array and no @${decorator}({...}) found: add ${entry.element} to the ${entry.property} by hand`,
    );
  }
  const open = match.index + match[0].length - 1;
  const close = findClosing(masked, open);
  const property = `${entry.property}: [${entry.element}]`;
  const first = listItems(masked, open, close)[0];
  if (first === undefined)
    return `${source.slice(0, open)}{ ${property} }${source.slice(close + 1)}`;
  const multiline = source.slice(open, first.start).includes('\n');
  const indent = multiline ? (/[ \t]*$/.exec(source.slice(0, first.start))?.[0] ?? '') : '';
  const separator = multiline ? `,\n${indent}` : ', ';
  return `${source.slice(0, first.start)}${property}${separator}${source.slice(first.start)}`;
}

/** Registers a feature module: imports it and adds it to the `imports` array; a rerun changes nothing. */
export function registerModule(source: string, spec: NamedImport): string {
  const withImport = addNamedImport(source, spec);
  return addArrayEntry(withImport, { property: 'imports', element: spec.name });
}
