/** Import rules of DESIGN.md ("Layers and folders"), checked by `npm run lint`. */

// Every rule matches `src/...` and the same tree under test/fixtures/depcruise, where
// test/lint/import-rules.test.ts keeps one deliberate violation per rule to prove the rules bite.
const ROOT = '^(?:test/fixtures/depcruise/)?';
const SRC = `${ROOT}src/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-independent',
      severity: 'error',
      comment:
        'src/core is the kernel and must not know the app, the adapters or the features. ' +
        'Declare a port (interface + token) in src/core/ports and let src/app provide it.',
      from: { path: `${SRC}core/` },
      to: { path: `${SRC}(?:app|infra|modules)/` },
    },
    {
      name: 'infra-not-to-app-or-modules',
      severity: 'error',
      comment:
        'src/infra depends on src/core only. Take settings through XModule.forRoot(options) ' +
        'called from src/app instead of reading the app config, and never reach into a feature.',
      from: { path: `${SRC}infra/` },
      to: { path: `${SRC}(?:app|modules)/` },
    },
    {
      name: 'modules-not-to-adapters',
      severity: 'error',
      comment:
        'Features use ports, not adapters: inject `@Inject(CACHE) cache: Cache` (or another ' +
        'port token from src/core) instead of importing RedisCache/MemoryCache; src/app picks them.',
      from: { path: `${SRC}modules/` },
      to: {
        path: [
          `${SRC}infra/(?:redis|memory)-[^/]*\\.ts$`,
          `${SRC}infra/.*/(?:redis|memory)-[^/]*\\.ts$`,
        ],
      },
    },
    {
      name: 'modules-not-to-app',
      severity: 'error',
      comment:
        'src/app is the composition root and imports the features, not the other way round. ' +
        'Inject what you need (e.g. @Inject(CONFIG)) or take options through forRoot().',
      from: { path: `${SRC}modules/` },
      to: { path: `${SRC}app/` },
    },
    {
      name: 'modules-through-index',
      severity: 'error',
      comment:
        "Import another feature module only through its public surface: '../other/index.js'. " +
        "If what you need is not exported there, export it from that module's index.ts.",
      from: { path: `${SRC}modules/([^/]+)/` },
      to: {
        path: `${SRC}modules/[^/]+/`,
        pathNot: [`${SRC}modules/$1/`, `${SRC}modules/[^/]+/index\\.ts$`],
      },
    },
    {
      name: 'modules-not-to-core-internal',
      severity: 'error',
      comment:
        "Features import the kernel as '#core'. '#core/internal' (src/core/internal.ts) is the " +
        'surface the adapters in src/infra build on and may change with the kernel.',
      from: { path: `${SRC}modules/` },
      to: { path: `${SRC}core/internal\\.ts$` },
    },
    {
      name: 'src-not-to-test-scripts-bench',
      severity: 'error',
      comment:
        'Shipped code must not depend on tests, scripts or benchmarks. Move the shared code ' +
        'into src (tests may import src, never the reverse).',
      from: { path: SRC },
      to: {
        path: `${ROOT}(?:test|scripts|bench)/`,
        // Inside the fixture tree every path starts with test/: only its own test/ is off limits.
        pathNot: '^test/fixtures/depcruise/src/',
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'This import closes a cycle. Break it: move the shared piece into its own file, ' +
        'depend on a port instead of the implementation, or use forwardRef() between providers.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-no-undeclared-packages',
      severity: 'error',
      comment:
        'src imports a package that package.json does not declare (it only works through ' +
        'someone else\'s dependency). Add it to "dependencies" or stop using it.',
      from: { path: SRC },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'src-not-to-dev-deps',
      severity: 'error',
      comment:
        'src ships to production, where devDependencies are not installed. Move the package ' +
        'to "dependencies", or keep the import in test/, scripts/ or bench/. pino-pretty is the ' +
        'one exception: the logger loads it dynamically in development only.',
      from: { path: SRC },
      to: {
        dependencyTypes: ['npm-dev'],
        // Type-only imports vanish at compile time, so they need nothing at run time.
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/pino-pretty/', 'node_modules/@types/'],
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import does not resolve to a file. Fix the path (relative imports end in .js ' +
        'and point at the .ts file) or add the package to package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    moduleSystems: ['es6', 'cjs'],
    // See `import type` too: cycles through types and type-only package imports are visible.
    tsPreCompilationDeps: true,
    // NodeNext: `./x.js` specifiers resolve to `./x.ts` through the tsconfig.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
