/** `generate controller|service|repository|gateway <name> --module <m>`: one class in an existing module. */
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

/** The class kinds and the `@Module` array each is registered in. */
const MODULE_ARRAY: Readonly<Record<Exclude<GenerateKind, 'module'>, string>> = {
  controller: 'controllers',
  service: 'providers',
  repository: 'providers',
  gateway: 'providers',
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
  };
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

/** Renders the kind's template and plans the registration in the module; writes nothing. */
export async function planClass(
  command: GenerateCommand,
  context: GeneratorContext,
): Promise<FilePlan> {
  const { kind, module } = command;
  if (kind === 'module') throw new Error('planClass does not generate modules: use planModule');
  const modulePath = checkTarget(command, context);
  const { kebab, pascal } = command.names.singular;
  const engine = new TemplateEngine({ inflector: command.inflector });
  const folder = join(context.templatesDir, kind);
  const plan = new FilePlan({ root: context.root, force: command.force, dryRun: command.dryRun });
  for (const template of renderTemplateFolder(engine, folder, classTemplateData(command))) {
    const path = `src/modules/${module}/${kebab}.${template.name}`;
    plan.add(path, await context.formatter.format(path, template.text));
  }
  const className = `${pascal}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
  const from = `./${kebab}.${kind}.js`;
  await planFormattedEdit(plan, context, modulePath, (source) =>
    addArrayEntry(addNamedImport(source, { name: className, from }), {
      property: MODULE_ARRAY[kind],
      element: className,
    }),
  );
  return plan;
}
