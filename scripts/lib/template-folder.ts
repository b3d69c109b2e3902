/** Reads a folder of `*.tpl` files and renders each with the same data. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TargetError } from './generator-errors.js';
import type { TemplateEngine } from './template-engine.js';

/** One rendered template: `name` is its file name without `.tpl` (e.g. `service.ts`). */
export interface RenderedTemplate {
  name: string;
  text: string;
}

/** The `.tpl` files of `folder`, sorted by name. */
export function templateFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    throw new TargetError(`the template folder ${folder} is missing: restore scripts/templates/`);
  }
  const files = entries.filter((entry) => entry.endsWith('.tpl')).sort();
  if (files.length === 0) throw new TargetError(`the template folder ${folder} has no .tpl files`);
  return files;
}

/**
 * Renders every template of `folder` with `data`; a template error names the file as
 * `<folder name>/<file>:line:column`, so nothing is written when one template is wrong.
 */
export function renderTemplateFolder(
  engine: TemplateEngine,
  folder: string,
  data: object,
): RenderedTemplate[] {
  return templateFiles(folder).map((file) => ({
    name: file.slice(0, -'.tpl'.length),
    text: engine.render(
      readFileSync(join(folder, file), 'utf8'),
      data,
      `${basename(folder)}/${file}`,
    ),
  }));
}
