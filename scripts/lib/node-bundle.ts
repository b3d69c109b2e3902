/** How `npm run build` bundles tsc's output for Node: one entry, lazy chunks, names kept. */
import { readFile } from 'node:fs/promises';
import { type BuildOptions, type BuildResult, build, type Plugin } from 'esbuild';

/**
 * Packages left out of the bundle, and why: each reads files next to its own code or is loaded
 * only when configured, so it stays in node_modules and is imported from there.
 */
export const NODE_BUNDLE_EXTERNALS: Readonly<Record<string, string>> = {
  '@electric-sql/pglite': 'loads its .wasm and data files from its own folder (and only on PGlite)',
  '@fastify/swagger': 'loaded on the first /docs request',
  '@fastify/swagger-ui': 'serves Swagger UI files from its own folder, on the first /docs request',
  pino: 'starts transport workers (pino-pretty in development) from files of its own',
  'pino-pretty': 'a development transport, resolved by file name',
  ioredis: 'required only when REDIS_URL is set',
  '@node-rs/argon2': 'loads the native .node binding of the platform it runs on',
  // Bundled, it would run where its first importer lands in a chunk; external, it stays a real
  // `import` atop every chunk that needs it, so it always runs before any decorated class.
  'reflect-metadata': 'must run before any decorator records metadata',
};

// CommonJS packages inside an ES module bundle call require() for Node's built-ins; Node gives
// ES modules none, so each output file gets one, resolved from where the file is.
const REQUIRE_BANNER =
  "import { createRequire as __keelCreateRequire } from 'node:module';\n" +
  'const require = __keelCreateRequire(import.meta.url);';

// A top-level class of tsc's output: `class Name`, `export class Name`, or a decorated one,
// `let Name = class Name`.
const TOP_LEVEL_CLASS = /^(?:export )?(?:class (\w+)|let (\w+) = class \2\b)/gm;
const SOURCE_MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

/**
 * Keeps the names of Keel's classes (DI messages, log contexts): esbuild renames a top-level
 * name that collides with another in the bundle (`Clock` becomes `Clock2`). Each class of the
 * app's own files gets its name set back after its declaration. esbuild's `keepNames` would do
 * it for every function of every package, wrapping each closure a request creates in a call
 * that redefines its name: a third of the throughput on Node, and garbage the GC promotes.
 */
export function keepClassNames(): Plugin {
  return {
    name: 'keel-keep-class-names',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const code = await readFile(args.path, 'utf8');
        const names = [...code.matchAll(TOP_LEVEL_CLASS)].map((match) => match[1] ?? match[2]);
        if (names.length === 0) return { contents: code, loader: 'js' };
        const naming = names
          .map(
            (name) => `Object.defineProperty(${name}, "name", { value: ${JSON.stringify(name)} });`,
          )
          .join('\n');
        // Appended, so every line keeps its place in tsc's source map (its comment stays last).
        const comment = SOURCE_MAP_COMMENT.exec(code)?.[0] ?? '';
        const body = comment ? code.slice(0, -comment.length) : code;
        return { contents: `${body}\n${naming}${comment}`, loader: 'js' };
      });
    },
  };
}

/** What to bundle: tsc's entry file, and the folder the bundle replaces it in. */
export interface NodeBundleTarget {
  /** tsc's output entry, e.g. `dist/main.js` (its source map is followed back to `src/`). */
  entry: string;
  /** Where `main.js` and `chunks/` are written (the entry's folder: `node dist/main.js` runs it). */
  outdir: string;
}

/**
 * esbuild options: the input is tsc's output, never the TypeScript sources, because esbuild
 * does not emit `design:paramtypes` (constructor injection by type needs it); class names are
 * kept by `keepClassNames`; code splitting keeps every `import()` lazy (PGlite's driver loads
 * only on PGlite).
 */
export function nodeBundleOptions(target: NodeBundleTarget): BuildOptions {
  return {
    entryPoints: [target.entry],
    outdir: target.outdir,
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    sourcemap: true,
    chunkNames: 'chunks/[name]-[hash]',
    external: Object.keys(NODE_BUNDLE_EXTERNALS),
    banner: { js: REQUIRE_BANNER },
    plugins: [keepClassNames()],
    metafile: true,
    logLevel: 'warning',
  };
}

/** Bundles `target` and returns esbuild's result (with its metafile). */
export function bundleForNode(target: NodeBundleTarget): Promise<BuildResult> {
  return build(nodeBundleOptions(target));
}
