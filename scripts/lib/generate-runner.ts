/** Runs one `generate` command end to end: parse, plan, write all or nothing, migrate, next steps. */
import { type GenerateCommand, parseGenerateArgs, USAGE } from './args.js';
import { planClass } from './class-generator.js';
import { biomeFormatter, type CodeFormatter } from './code-formatter.js';
import { type MigrationRunner, migrationArgs, runDrizzleKit } from './drizzle-migration.js';
import type { GeneratorContext } from './generator-context.js';
import { FollowUpError, GeneratorError } from './generator-errors.js';
import { planModule } from './module-generator.js';
import { classNextSteps, guardNextSteps, moduleNextSteps } from './next-steps.js';
import { Output } from './output.js';

/** Where the generator works; everything but the root and the templates has a default. */
export interface GenerateRunOptions {
  /** The project root (where `src/`, `drizzle.config.ts` and `node_modules/` are). */
  root: string;
  templatesDir: string;
  output?: Output;
  /** Default: the project's Biome, or no formatting when it is not installed. */
  formatter?: CodeFormatter;
  /** Default: the project's drizzle-kit. */
  migrate?: MigrationRunner;
}

/** Runs `argv` (the arguments after the script) and returns the process exit code. */
export async function runGenerate(
  argv: readonly string[],
  options: GenerateRunOptions,
): Promise<number> {
  const output = options.output ?? new Output();
  try {
    const parsed = parseGenerateArgs(argv);
    if (parsed.help) {
      output.info(USAGE);
      return 0;
    }
    const formatter = options.formatter ?? biomeFormatter(options.root);
    if (!formatter.available) {
      output.warn('Biome is not installed: files are written as rendered (run npm install first)');
    }
    const context = { root: options.root, templatesDir: options.templatesDir, formatter };
    if (parsed.kind === 'module') await generateModule(parsed, context, output, options);
    else await generateClass(parsed, context, output);
    return 0;
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    output.error(error.message);
    if (error.code === 'ARGS_INVALID') output.info('Run with --help to see the usage.');
    return 1;
  }
}

async function generateModule(
  command: GenerateCommand,
  context: GeneratorContext,
  output: Output,
  options: GenerateRunOptions,
): Promise<void> {
  const { plan, table, route } = await planModule(command, context);
  const result = plan.apply();
  output.plan(result);
  const migrationCommand = `npx drizzle-kit ${migrationArgs(table).join(' ')}`;
  if (!result.dryRun) {
    output.info(output.colors.dim(`$ ${migrationCommand}`));
    const migration = (options.migrate ?? runDrizzleKit)(context.root, table);
    if (!migration.ok) {
      throw new FollowUpError(
        `the files above are written, but the migration was not generated (${migration.reason}). Fix the cause, then run: ${migration.command}`,
      );
    }
    output.success(`Migration for ${table} generated in drizzle/.`);
  }
  output.info(
    moduleNextSteps({
      route,
      fields: command.fields,
      colors: output.colors,
      dryRun: result.dryRun,
      migrationCommand,
      isPublic: command.isPublic,
      writeRoles: command.writeRoles,
    }),
  );
}

async function generateClass(
  command: GenerateCommand,
  context: GeneratorContext,
  output: Output,
): Promise<void> {
  const plan = await planClass(command, context);
  const result = plan.apply();
  output.plan(result);
  const { colors } = output;
  if (command.kind === 'guard') {
    const { names, module, dryRun } = command;
    output.info(guardNextSteps({ names, module, colors, dryRun }));
  } else {
    output.info(classNextSteps(colors, result.dryRun));
  }
}
