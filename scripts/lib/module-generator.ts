/** `generate module <name>`: the whole feature folder, its API test and its AppModule registration. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateCommand } from './args.js';
import { FilePlan } from './file-plan.js';
import { type GeneratorContext, planFormattedEdit } from './generator-context.js';
import { TargetError } from './generator-errors.js';
import { moduleTemplateData } from './module-template-data.js';
import { checkNameClashes } from './name-clashes.js';
import { TemplateEngine } from './template-engine.js';
import { renderTemplateFolder } from './template-folder.js';
import { registerModule } from './ts-source-edit.js';

/** The composition root every generated module is registered in. */
export const APP_MODULE_PATH = 'src/app/app.module.ts';

/** A checked-later plan plus what the follow-up steps need. */
export interface ModulePlan {
  plan: FilePlan;
  /** The SQL table, for the migration's name. */
  table: string;
  /** `/payments`, for the next steps. */
  route: string;
}

/** `index.ts` stays as named, `*.test.ts` goes to `test/modules/<name>/`, the rest is `<name>.<template>`. */
export function moduleFilePath(template: string, name: string): string {
  if (template.endsWith('.test.ts')) return `test/modules/${name}/${name}.${template}`;
  if (template === 'index.ts') return `src/modules/${name}/index.ts`;
  return `src/modules/${name}/${name}.${template}`;
}

/** Renders and formats every module template and plans the AppModule edit; writes nothing. */
export async function planModule(
  command: GenerateCommand,
  context: GeneratorContext,
): Promise<ModulePlan> {
  checkNameClashes(command.names);
  const { kebab, pascal } = command.names.singular;
  const folder = `src/modules/${kebab}`;
  if (!command.force && existsSync(join(context.root, folder))) {
    throw new TargetError(
      `module "${kebab}" already exists (${folder}/): pick another name, or run again with --force to overwrite its files`,
    );
  }
  const data = moduleTemplateData(command);
  const engine = new TemplateEngine({ inflector: command.inflector });
  const rendered = renderTemplateFolder(engine, join(context.templatesDir, 'module'), data);
  const files = await Promise.all(
    rendered.map(async (template) => {
      const path = moduleFilePath(template.name, kebab);
      return { path, contents: await context.formatter.format(path, template.text) };
    }),
  );
  const plan = new FilePlan({ root: context.root, force: command.force, dryRun: command.dryRun });
  files.sort((a, b) => a.path.localeCompare(b.path));
  for (const file of files) plan.add(file.path, file.contents);
  await planFormattedEdit(plan, context, APP_MODULE_PATH, (source) =>
    registerModule(source, { name: `${pascal}Module`, from: `#modules/${kebab}` }),
  );
  return { plan, table: data.table, route: data.route };
}
