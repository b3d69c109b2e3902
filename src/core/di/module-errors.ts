/** The module catalogue's builders: bad imports and exports, duplicates, cycles, file cycles. */
import { MODULE_ERROR_CODES as CODES, DiError } from './di-error.js';

/** `where` (`UserModule.imports[2]`, `The root module`) is undefined; `definer` was being defined. */
export function undefinedImport(where: string, definer: string): DiError {
  return new DiError(
    CODES.UNDEFINED_IMPORT,
    `${where} is undefined. This is what a circular file import leaves behind: the imported file had not finished loading when ${definer} was defined. Fix: write forwardRef(() => TheModule) in imports, or break the file cycle.`,
  );
}

/** `where` holds `name`, which has no `@Module` decorator. */
export function notAModule(where: string, name: string): DiError {
  return new DiError(
    CODES.NOT_A_MODULE,
    `${where} is ${name}, which is not a module (no @Module decorator). Fix: put providers in \`providers\`, modules in \`imports\`, and decorate modules with @Module({...}).`,
  );
}

/** `moduleName` lists `importedName` twice in its imports. */
export function duplicateImport(moduleName: string, importedName: string): DiError {
  return new DiError(
    CODES.DUPLICATE_IMPORT,
    `${moduleName} lists ${importedName} twice in its imports. Fix: keep one entry.`,
  );
}

/** A dynamic module registered twice with different configurations (`first` and `second` import it). */
export function duplicateModule(moduleName: string, first: string, second: string): DiError {
  return new DiError(
    CODES.DUPLICATE,
    `Duplicate module registration: ${moduleName} is registered twice with different configurations (by ${first} and by ${second}). Fix: call ${moduleName}.forRoot(...) once (in AppModule; make it global or export it) and import the plain ${moduleName} class where it is needed.`,
  );
}

/** Modules import each other without forwardRef; `chain` starts and ends with `target`. */
export function moduleCycle(chain: readonly string[], target: string, last: string): DiError {
  return new DiError(
    CODES.CYCLE,
    `Module import cycle: ${chain.join(' -> ')}. Fix: move what both need into a third module, or write forwardRef(() => ${target}) in the imports of ${last} (and forwardRef on the other side too if its file imports this one).`,
  );
}

/** An `undefined` entry in the exports of `moduleName`. */
export function undefinedExport(moduleName: string): DiError {
  return new DiError(
    CODES.UNDEFINED_EXPORT,
    `${moduleName} has an undefined entry in its exports (a circular file import leaves that behind). Fix: break the file cycle or import the token from the file that defines it.`,
  );
}

/** `moduleName` re-exports the module `exportedName` without importing it. */
export function exportNotImported(moduleName: string, exportedName: string): DiError {
  return new DiError(
    CODES.EXPORT_NOT_IMPORTED,
    `${moduleName} exports ${exportedName} but does not import it. Fix: add ${exportedName} to the imports of ${moduleName}, or remove it from its exports.`,
  );
}

/** `moduleName` exports a token it neither provides nor gets from an import. */
export function exportNotProvided(moduleName: string, tokenName: string): DiError {
  return new DiError(
    CODES.EXPORT_NOT_PROVIDED,
    `${moduleName} exports ${tokenName} but neither provides it nor imports a module that exports it. Fix: add ${tokenName} to the providers of ${moduleName}, or import the module that exports it.`,
  );
}

/** Where a circular file import broke: the symbol, the file that used it and the file defining it. */
export interface CircularImportSite {
  symbol: string;
  /** The file (relative to the working directory) whose code read `symbol` too early. */
  usedIn: string | undefined;
  /** The file that defines `symbol`, when it was found. */
  definedIn: string | undefined;
  /** The runtime's own words (`Cannot access 'X' before initialization`). */
  original: string;
}

/** Two files import each other and one read the other's export before it was initialized. */
export function circularImport(site: CircularImportSite, cause?: unknown): DiError {
  const { symbol, usedIn, definedIn } = site;
  const user = usedIn ?? 'a file that imports it';
  const definer = definedIn ?? `the file that defines ${symbol}`;
  const fixIn = usedIn ? `the imports of ${usedIn}` : `the @Module imports that list ${symbol}`;
  return new DiError(
    CODES.CIRCULAR_IMPORT,
    `Circular import: ${user} uses ${symbol} while ${definer} is still loading (${site.original.replace(/\.$/, '')}). The two files import each other, and a decorator argument such as @Module({ imports: [${symbol}] }) runs when its file loads.\n  Fix: write forwardRef(() => ${symbol}) in ${fixIn}, or move what both files need into a third file.`,
    cause === undefined ? undefined : { cause },
  );
}
