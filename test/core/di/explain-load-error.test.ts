/** Two module files importing each other: the runtime's TDZ ReferenceError becomes KEEL_MODULE_CIRCULAR_IMPORT. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#core';
import { explainLoadError } from '../../../src/core/di/explain-load-error.js';

const REPO = resolve(import.meta.dirname, '../../..');
const MODULE_DECORATOR = join(REPO, 'src/core/di/module.decorator.ts');
const BUN = join(REPO, 'node_modules/.bin/bun');

// a.module imports b.module first, so b.module's decorator reads AModule before a.module ran.
const A_MODULE = `import { Module } from '${MODULE_DECORATOR}';
import { BModule } from './b.module.ts';

@Module({ imports: [BModule] })
export class AModule {}
`;
const B_MODULE = `import { Module } from '${MODULE_DECORATOR}';
import { AModule } from './a.module.ts';

@Module({ imports: [AModule] })
export class BModule {}
`;
const TSCONFIG = JSON.stringify({
  compilerOptions: {
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    allowImportingTsExtensions: true,
  },
});

let root: string;

/** Writes the fixture (TypeScript for Bun and Vitest, transpiled .mjs for plain Node). */
function writeFixture(): void {
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'tsconfig.json'), TSCONFIG);
  writeFileSync(join(root, 'src/a.module.ts'), A_MODULE);
  writeFileSync(join(root, 'src/b.module.ts'), B_MODULE);
  mkdirSync(join(root, 'node'));
  mkdirSync(join(root, 'node/src'));
  // Node 20 runs no TypeScript: same files, compiled, with a stand-in for @Module.
  writeFileSync(join(root, 'node/src/module.mjs'), 'export const Module = () => (cls) => cls;\n');
  for (const [name, source] of [
    ['a', A_MODULE],
    ['b', B_MODULE],
  ] as const) {
    const js = ts.transpileModule(
      source.replace(MODULE_DECORATOR, './module.mjs').replace(/\.module\.ts'/, ".module.mjs'"),
      {
        compilerOptions: {
          experimentalDecorators: true,
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
        },
      },
    ).outputText;
    writeFileSync(join(root, `node/src/${name}.module.mjs`), js);
  }
}

/** The message the explained error must carry, with `ext` the fixture files' extension. */
function expectExplained(error: unknown, ext: string): void {
  expect(error).toMatchObject({ code: 'KEEL_MODULE_CIRCULAR_IMPORT' });
  const { message } = error as Error;
  expect(message).toContain(`Circular import: src/b.module.${ext} uses AModule`);
  expect(message).toContain(`while src/a.module.${ext} is still loading`);
  expect(message).toContain(
    `Fix: write forwardRef(() => AModule) in the imports of src/b.module.${ext}, or move what both files need into a third file.`,
  );
  expect(message.endsWith('\n  See: docs/errors.md#keel_module_circular_import')).toBe(true);
}

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'keel-cycle-')));
  writeFixture();
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('explainLoadError', () => {
  it('explains the TDZ ReferenceError that plain Node throws for the cycle', () => {
    const entry = pathToFileURL(join(root, 'node/src/a.module.mjs')).href;
    const script = `import(${JSON.stringify(entry)}).then(
      () => console.log('{"loaded":true}'),
      (e) => console.log(JSON.stringify({ name: e.name, message: e.message, stack: e.stack })),
    );`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    const thrown = JSON.parse(run.stdout) as { name: string; message: string; stack: string };
    expect(thrown.message).toBe("Cannot access 'AModule' before initialization");
    const error = Object.assign(new ReferenceError(thrown.message), { stack: thrown.stack });
    const explained = explainLoadError(error, { cwd: join(root, 'node') });
    expectExplained(explained, 'mjs');
    expect((explained as Error).cause).toBe(error);
  });

  it.skipIf(!existsSync(BUN))('explains it under Bun, which runs the TypeScript files', () => {
    writeFileSync(
      join(root, 'run.ts'),
      `import { explainLoadError } from '${join(REPO, 'src/core/di/explain-load-error.ts')}';
try {
  await import('./src/a.module.ts');
  console.log(JSON.stringify({ loaded: true }));
} catch (error) {
  const explained = explainLoadError(error) as Error & { code?: string };
  console.log(JSON.stringify({ original: String(error), code: explained.code, message: explained.message }));
}
`,
    );
    const run = spawnSync(BUN, ['run.ts'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { original: string; code: string; message: string };
    // JavaScriptCore's wording ends with a period.
    expect(result.original).toBe("ReferenceError: Cannot access 'AModule' before initialization.");
    expectExplained(result, 'ts');
  });

  it('under Vitest (live bindings, no TDZ) the same cycle boots into KEEL_MODULE_UNDEFINED_IMPORT', async () => {
    const { AModule } = (await import(pathToFileURL(join(root, 'src/a.module.ts')).href)) as {
      AModule: unknown;
    };
    const error = await createApp(AModule as never, { logger: false }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'KEEL_MODULE_UNDEFINED_IMPORT' });
    expect((error as Error).message).toContain('BModule.imports[0] is undefined');
  });

  it('returns any other error unchanged', () => {
    const other = new ReferenceError('foo is not defined');
    const plain = new Error("Cannot access 'X' before initialization");
    expect(explainLoadError(other)).toBe(other);
    expect(explainLoadError(plain)).toBe(plain);
    expect(explainLoadError('boom')).toBe('boom');
  });

  it('falls back to a bounded search of src/ for the defining file', () => {
    const error = new ReferenceError("Cannot access 'AModule' before initialization");
    error.stack = `ReferenceError: ${error.message}\n    at ${join(root, 'elsewhere.ts')}:1:1`;
    const explained = explainLoadError(error, { cwd: root }) as Error;
    expect(explained).toMatchObject({ code: 'KEEL_MODULE_CIRCULAR_IMPORT' });
    expect(explained.message).toContain('while src/a.module.ts is still loading');
  });
});
