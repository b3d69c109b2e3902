/** The file plan: all-or-nothing writes, dry runs, --force, edits and rollback on a failed write. */
import {
  type Dirent,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FilePlan } from '../../scripts/lib/file-plan.js';
import { PlanError, SourceEditError } from '../../scripts/lib/generator-errors.js';
import { nodeFileSystem, type PlanFileSystem } from '../../scripts/lib/plan-file-system.js';
import { registerModule } from '../../scripts/lib/ts-source-edit.js';

let root: string;

/** Every file under `root`, relative, sorted. */
function tree(): string[] {
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
    .map(
      (entry) =>
        join(entry.parentPath, entry.name).slice(root.length + 1) +
        (entry.isDirectory() ? '/' : ''),
    )
    .sort();
}

function read(path: string): string {
  return readFileSync(join(root, path), 'utf8');
}

function planError(action: () => unknown): PlanError {
  try {
    action();
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('expected a PlanError');
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'keel-plan-'));
  mkdirSync(join(root, 'src/app'), { recursive: true });
  writeFileSync(
    join(root, 'src/app/app.module.ts'),
    '@Module({ imports: [A] })\nexport class AppModule {}\n',
  );
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('FilePlan', () => {
  it('creates files in new directories and edits existing ones', () => {
    const result = new FilePlan({ root })
      .add('src/modules/payment/payment.module.ts', 'module\n')
      .add('test/modules/payment/payment.test.ts', 'test\n')
      .edit('src/app/app.module.ts', (source) => source.replace('[A]', '[A, B]'))
      .apply();
    expect(result.written).toBe(true);
    expect(result.changes.map((change) => [change.kind, change.path])).toEqual([
      ['create', 'src/modules/payment/payment.module.ts'],
      ['create', 'test/modules/payment/payment.test.ts'],
      ['update', 'src/app/app.module.ts'],
    ]);
    expect(read('src/modules/payment/payment.module.ts')).toBe('module\n');
    expect(read('src/app/app.module.ts')).toContain('[A, B]');
  });

  it('writes nothing in a dry run but reports the same changes', () => {
    const before = tree();
    const result = new FilePlan({ root, dryRun: true })
      .add('src/modules/payment/payment.module.ts', 'module\n')
      .edit('src/app/app.module.ts', (source) => `${source}// edited\n`)
      .apply();
    expect(result).toMatchObject({ dryRun: true, written: false });
    expect(result.changes.map((change) => change.kind)).toEqual(['create', 'update']);
    expect(tree()).toEqual(before);
    expect(read('src/app/app.module.ts')).not.toContain('edited');
  });

  it('refuses existing files without --force and then writes nothing at all', () => {
    writeFileSync(join(root, 'src/app/existing.ts'), 'old\n');
    const before = tree();
    const error = planError(() =>
      new FilePlan({ root })
        .add('src/modules/payment/payment.module.ts', 'module\n')
        .add('src/app/existing.ts', 'new\n')
        .edit('src/app/app.module.ts', (source) => `${source}// edited\n`)
        .apply(),
    );
    expect(error.message).toBe(
      'nothing was written:\n  - a file already exists (use --force to overwrite): src/app/existing.ts',
    );
    expect(tree()).toEqual(before);
    expect(read('src/app/existing.ts')).toBe('old\n');
  });

  it('overwrites with --force and reports identical files as unchanged', () => {
    writeFileSync(join(root, 'src/app/a.ts'), 'old\n');
    writeFileSync(join(root, 'src/app/b.ts'), 'same\n');
    const result = new FilePlan({ root, force: true })
      .add('src/app/a.ts', 'new\n')
      .add('src/app/b.ts', 'same\n')
      .apply();
    expect(result.changes.map((change) => change.kind)).toEqual(['overwrite', 'unchanged']);
    expect(read('src/app/a.ts')).toBe('new\n');
  });

  it('lists every problem at once and writes nothing', () => {
    writeFileSync(join(root, 'blocker'), 'a file\n');
    const error = planError(() =>
      new FilePlan({ root })
        .add('ok.ts', 'ok\n')
        .add('ok.ts', 'again\n')
        .add('../outside.ts', 'x\n')
        .add('blocker/inside.ts', 'x\n')
        .add('src/app', 'x\n')
        .edit('missing.ts', (source) => source)
        .edit('src/app/app.module.ts', () => {
          throw new SourceEditError('no imports array');
        })
        .apply(),
    );
    expect(error.message.split('\n').slice(1)).toEqual([
      '  - ok.ts: planned twice',
      `  - ../outside.ts: the path leaves ${root}`,
      '  - blocker/inside.ts: blocker is a file, not a directory',
      '  - src/app: a directory is in the way',
      '  - missing.ts: cannot edit a file that does not exist',
      '  - src/app/app.module.ts: no imports array',
    ]);
    expect(tree()).toEqual(['blocker', 'src/', 'src/app/', 'src/app/app.module.ts']);
  });

  it('lets an unexpected error from an edit escape, still before writing anything', () => {
    const plan = new FilePlan({ root }).add('new.ts', 'x\n').edit('src/app/app.module.ts', () => {
      throw new TypeError('bug');
    });
    expect(() => plan.apply()).toThrow(TypeError);
    expect(tree()).not.toContain('new.ts');
  });

  it('applies an edit to a file planned earlier in the same plan', () => {
    const result = new FilePlan({ root })
      .add('src/index.ts', 'a\n')
      .edit('src/index.ts', (source) => `${source}b\n`)
      .apply();
    expect(result.changes).toEqual([{ path: 'src/index.ts', kind: 'create', contents: 'a\nb\n' }]);
    expect(read('src/index.ts')).toBe('a\nb\n');
  });

  it('registers a module idempotently: the second run changes nothing', () => {
    const register = (source: string): string =>
      registerModule(source, { name: 'PaymentModule', from: '#modules/payment' });
    const first = new FilePlan({ root }).edit('src/app/app.module.ts', register).apply();
    const afterFirst = read('src/app/app.module.ts');
    const second = new FilePlan({ root }).edit('src/app/app.module.ts', register).apply();
    expect(first.changes[0]?.kind).toBe('update');
    expect(second.changes[0]?.kind).toBe('unchanged');
    expect(read('src/app/app.module.ts')).toBe(afterFirst);
    expect(afterFirst).toBe(
      "import { PaymentModule } from '#modules/payment';\n\n@Module({ imports: [A, PaymentModule] })\nexport class AppModule {}\n",
    );
  });

  it('rolls every file back when a write fails half way', () => {
    writeFileSync(join(root, 'src/app/a.ts'), 'old a\n');
    const before = tree();
    let writes = 0;
    const failing: PlanFileSystem = {
      ...nodeFileSystem,
      write: (path, contents) => {
        writes++;
        if (writes === 4) throw new Error('disk full');
        nodeFileSystem.write(path, contents);
      },
    };
    const error = planError(() =>
      new FilePlan({ root, force: true, fileSystem: failing })
        .add('src/modules/payment/deep/one.ts', '1\n')
        .add('src/app/a.ts', 'new a\n')
        .edit('src/app/app.module.ts', (source) => `${source}// edited\n`)
        .add('src/modules/payment/two.ts', '2\n')
        .apply(),
    );
    expect(error.message).toBe(
      'writing src/modules/payment/two.ts failed (disk full); every change was rolled back',
    );
    expect(tree()).toEqual(before);
    expect(read('src/app/a.ts')).toBe('old a\n');
    expect(read('src/app/app.module.ts')).not.toContain('edited');
  });

  it('names the files it could not restore', () => {
    let writes = 0;
    const failing: PlanFileSystem = {
      ...nodeFileSystem,
      write: (path, contents) => {
        writes++;
        if (writes >= 2) throw new Error('read-only');
        nodeFileSystem.write(path, contents);
      },
    };
    const error = planError(() =>
      new FilePlan({ root, fileSystem: failing })
        .edit('src/app/app.module.ts', (source) => `${source}// edited\n`)
        .add('b.ts', 'b\n')
        .apply(),
    );
    expect(error.message).toContain(
      'the rollback failed for src/app/app.module.ts: check them by hand',
    );
  });
});
