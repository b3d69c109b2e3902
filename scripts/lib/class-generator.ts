/** `generate controller|service|repository|gateway|guard <name> --module <m>`: one class in an existing module. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateCommand, GenerateKind } from './args.js';
import { FilePlan } from './file-plan.js';
import { type GeneratorContext, planFormattedEdit } from './generator-context.js';
import { ArgsError, TargetError } from './generator-errors.js';
import { type NameForms, nameForms } from './naming.js';
import { TemplateEngine } from './template-engine.js';
import { renderTemplateFolder } from './template-folder.js';
import { addArrayEntry, addNamedImport } from './ts-source-edit.js';

/**
 * The class kinds and the `@Module` array each is registered in. A guard is in none:
 * `@UseGuards(X)` constructs it in the controller's module.
 */
const MODULE_ARRAY: Readonly<Record<Exclude<GenerateKind, 'module'>, string | null>> = {
  controller: 'controllers',
  service: 'providers',
  repository: 'providers',
  gateway: 'providers',
  guard: null,
};

/** The path of the module file a class is registered in. */
export function moduleFileOf(module: string): string {
  return `src/modules/${module}/${module}.module.ts`;
}

/** What the class templates may use. */
export interface ClassTemplateData {
  entity: NameForms;
  entities: NameForms;
  /** The module the class goes into. */
  module: NameForms;
  /** A controller's prefix, `/refunds`. */
  route: string;
  /** A gateway's path, `/ws/refund` (apart from HTTP routes, which may not share a path). */
  wsPath: string;
  /** `--public`: the controller is `@Public()`. */
  isPublic: boolean;
}

/** The class templates' data for a validated command. */
export function classTemplateData(command: GenerateCommand): ClassTemplateData {
  const { singular, plural } = command.names;
  return {
    entity: singular,
    entities: plural,
    module: nameForms(command.module),
    route: `/${plural.kebab}`,
    wsPath: `/ws/${singular.kebab}`,
    isPublic: command.isPublic,
  };
}

/** `<name>.<template>` in the module's folder; a `*.test.ts` template goes to `test/modules/<m>/`. */
export function classFilePath(template: string, command: GenerateCommand): string {
  const file = `${command.names.singular.kebab}.${template}`;
  const folder = template.endsWith('.test.ts') ? 'test' : 'src';
  return `${folder}/modules/${command.module}/${file}`;
}

function checkTarget(command: GenerateCommand, context: GeneratorContext): string {
  const { kind, module } = command;
  if (command.fieldsSpec !== undefined) {
    throw new ArgsError(`--fields is for "generate module"; a ${kind} has no columns`);
  }
  const modulePath = moduleFileOf(module);
  if (!existsSync(join(context.root, modulePath))) {
    throw new TargetError(
      `module "${module}" does not exist (no ${modulePath}): create it with "generate module ${module}", or pass --module with an existing one`,
    );
  }
  return modulePath;
}

/** Renders the kind's templates and plans the registration in the module (a guard has none); writes nothing. */
export async function planClass(
  command: GenerateCommand,
  context: GeneratorContext,
): Promise<FilePlan> {
  const { kind } = command;
  if (kind === 'module') throw new Error('planClass does not generate modules: use planModule');
  const modulePath = checkTarget(command, context);
  const { kebab, pascal } = command.names.singular;
  const engine = new TemplateEngine({ inflector: command.inflector });
  const folder = join(context.templatesDir, kind);
  const plan = new FilePlan({ root: context.root, force: command.force, dryRun: command.dryRun });
  const files = renderTemplateFolder(engine, folder, classTemplateData(command)).map(
    (template) => ({ path: classFilePath(template.name, command), text: template.text }),
  );
  // Listed as planModule lists them: src/ before test/.
  files.sort((a, b) => a.path.localeCompare(b.path));
  for (const file of files)
    plan.add(file.path, await context.formatter.format(file.path, file.text));
  const property = MODULE_ARRAY[kind];
  if (property === null) return plan;
  const className = `${pascal}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  const from = `./${kebab}.${kind}.js`;
  await planFormattedEdit(plan, context, modulePath, (source) =>
    addArrayEntry(addNamedImport(source, { name: className, from }), {
      property,
      element: className,
    }),
  );
  return plan;
}
