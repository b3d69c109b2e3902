/** The import rules of .dependency-cruiser.cjs bite: one fixture violation per rule, nothing else. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const FIXTURE = 'test/fixtures/depcruise/';

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string; readonly severity: string };
}

interface CruiseResult {
  readonly modules: ReadonlyArray<{
    readonly source: string;
    readonly dependencies: ReadonlyArray<{ readonly module: string; readonly resolved: string }>;
  }>;
  readonly summary: { readonly violations: readonly Violation[]; readonly error: number };
}

interface Rule {
  readonly name: string;
  readonly from: { readonly path?: string };
}

/** Which file is expected to break which rule (see test/fixtures/depcruise/README.md). */
const EXPECTED: Record<string, string> = {
  'src/core/bad.ts': 'core-is-independent',
  'src/infra/bad.ts': 'infra-not-to-app-or-modules',
  'src/modules/a/uses-adapter.ts': 'modules-not-to-adapters',
  'src/modules/a/uses-app.ts': 'modules-not-to-app',
  'src/modules/a/uses-internal.ts': 'modules-not-to-core-internal',
  'src/modules/b/deep-import.ts': 'modules-through-index',
  'src/core/uses-test.ts': 'src-not-to-test-scripts-bench',
  'src/core/cycle-a.ts': 'no-circular',
  'src/core/undeclared.ts': 'src-no-undeclared-packages',
  'src/core/dev-dep.ts': 'src-not-to-dev-deps',
  'src/core/unresolvable.ts': 'not-to-unresolvable',
};

let result: CruiseResult;

beforeAll(() => {
  // The same binary and config as `npm run lint`, pointed at the fixture tree.
  const run = spawnSync(
    resolve('node_modules/.bin/depcruise'),
    [`${FIXTURE}src`, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 32 * 1024 * 1024 },
  );
  expect(run.stderr).toBe('');
  result = JSON.parse(run.stdout) as CruiseResult;
});

/** Violations keyed by the violating file (relative to the fixture), as sorted rule names. */
function violationsByFile(): Record<string, string[]> {
  const byFile: Record<string, string[]> = {};
  for (const { from, rule } of result.summary.violations) {
    expect(rule.severity).toBe('error');
    const file = from.replace(FIXTURE, '');
    byFile[file] = [...(byFile[file] ?? []), rule.name].sort();
  }
  return byFile;
}

describe('import rules', () => {
  it('has a fixture violation for every rule of the config', () => {
    const rules = createRequire(import.meta.url)(resolve('.dependency-cruiser.cjs')).forbidden;
    const names = (rules as Rule[]).map((rule) => rule.name).sort();
    expect(names).toEqual(Object.values(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('reports %s for breaking %s', (file, rule) => {
    expect(violationsByFile()[file]).toEqual([rule]);
  });

  it('reports nothing else: clean files pass', () => {
    const reported = Object.keys(violationsByFile()).sort();
    expect(reported).toEqual(Object.keys(EXPECTED).sort());
    for (const clean of [
      'src/modules/b/b.service.ts',
      'src/app/app.module.ts',
      'src/core/pretty.ts',
    ]) {
      expect(reported).not.toContain(clean);
    }
  });

  it('resolves NodeNext .js specifiers to the .ts files', () => {
    const index = result.modules.find((m) => m.source === `${FIXTURE}src/modules/a/index.ts`);
    expect(index?.dependencies).toContainEqual(
      expect.objectContaining({
        module: './a.service.js',
        resolved: `${FIXTURE}src/modules/a/a.service.ts`,
      }),
    );
  });

  it('applies the same rules to the real src/ paths', () => {
    const rules = createRequire(import.meta.url)(resolve('.dependency-cruiser.cjs'))
      .forbidden as Rule[];
    for (const [file, name] of Object.entries(EXPECTED)) {
      const fromPath = rules.find((rule) => rule.name === name)?.from.path;
      if (fromPath !== undefined) expect(new RegExp(fromPath).test(file)).toBe(true);
    }
  });

  it("npm run lint's err-long reporter prints each rule's comment: the fix", () => {
    const lint = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { lint: string } })
      .scripts.lint;
    expect(lint).toContain('--output-type err-long');
    const run = spawnSync(
      resolve('node_modules/.bin/depcruise'),
      [`${FIXTURE}src`, '--config', '.dependency-cruiser.cjs', '--output-type', 'err-long'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    const rules = createRequire(import.meta.url)(resolve('.dependency-cruiser.cjs'))
      .forbidden as Array<Rule & { comment: string }>;
    // err-long wraps the comment at 80 columns: compare with the whitespace collapsed.
    const printed = run.stdout.replace(/\s+/g, ' ');
    for (const rule of rules) expect(printed).toContain(rule.comment.replace(/\s+/g, ' '));
  });
});
