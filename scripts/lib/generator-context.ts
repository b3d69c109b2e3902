/** What the generators share: the project root, the templates, the formatter, and formatted edits. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeFormatter } from './code-formatter.js';
import type { FilePlan } from './file-plan.js';
import { GeneratorError } from './generator-errors.js';

/** Where a generator reads and writes. */
export interface GeneratorContext {
  /** The project root: plan paths are relative to it. */
  root: string;
  /** `scripts/templates`, one folder per kind. */
  templatesDir: string;
  formatter: CodeFormatter;
}

/**
 * Plans an edit of an existing file and formats the result, so an array that grows past the line
 * width is wrapped the way Biome would. An unchanged file stays byte for byte as it was.
 */
export async function planFormattedEdit(
  plan: FilePlan,
  context: GeneratorContext,
  path: string,
  edit: (source: string) => string,
): Promise<void> {
  const absolute = join(context.root, path);
  const current = existsSync(absolute) ? readFileSync(absolute, 'utf8') : null;
  let edited: string | null = null;
  try {
    edited = current === null ? null : edit(current);
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
  }
  if (current === null || edited === null) {
    // The plan runs the edit again and reports the failure next to the file's path.
    plan.edit(path, edit);
    return;
  }
  const formatted = edited === current ? current : await context.formatter.format(path, edited);
  plan.edit(path, (latest) => (latest === current ? formatted : edit(latest)));
}
