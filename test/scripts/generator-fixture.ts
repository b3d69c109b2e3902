/** What the in-process generator tests share: a scratch project per test, commands and captures. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type GenerateCommand, parseGenerateArgs } from '../../scripts/lib/args.js';
import { identityFormatter } from '../../scripts/lib/code-formatter.js';
import type { FilePlan } from '../../scripts/lib/file-plan.js';
import type { GeneratorContext } from '../../scripts/lib/generator-context.js';
import { Output } from '../../scripts/lib/output.js';
import { PROJECT_ROOT } from './project-copy.js';

/** The project's templates. */
export const TEMPLATES = join(PROJECT_ROOT, 'scripts', 'templates');
// A fixed AppModule, so these tests do not depend on the modules the project has by now.
const APP_MODULE = `import { Module } from '#core';
import { UserModule } from '#modules/user';

@Module({ imports: [UserModule] })
export class AppModule {}
`;

/** A scratch project of its own for each test (only an AppModule), removed after it. */
export function useScratchProject(): () => { root: string; context: GeneratorContext } {
  let root = '';
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'keel-generator-unit-'));
    mkdirSync(join(root, 'src', 'app'), { recursive: true });
    writeFileSync(join(root, 'src/app/app.module.ts'), APP_MODULE);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  return () => ({ root, context: { root, templatesDir: TEMPLATES, formatter: identityFormatter } });
}

/** Adds `src/modules/<name>/<name>.module.ts` with an empty `@Module`. */
export function addEmptyModule(root: string, name: string, pascal: string): void {
  mkdirSync(join(root, 'src/modules', name), { recursive: true });
  writeFileSync(
    join(root, `src/modules/${name}/${name}.module.ts`),
    `import { Module } from '#core';\n\n@Module({})\nexport class ${pascal}Module {}\n`,
  );
}

/** A parsed command (not `--help`). */
export function command(...argv: string[]): GenerateCommand {
  const parsed = parseGenerateArgs(argv);
  if (parsed.help) throw new Error('unexpected --help');
  return parsed;
}

/** The error `promise` rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a rejection');
}

/** The contents of every file a plan would create or change, by path. */
export function planned(plan: FilePlan): Map<string, string> {
  return new Map(plan.resolve().map((change) => [change.path, change.contents]));
}

/** An Output whose stdout and stderr are kept as text. */
export function capture(): { output: Output; stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const output = new Output({
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env: {},
  });
  return { output, stdout: () => out.join(''), stderr: () => err.join('') };
}
