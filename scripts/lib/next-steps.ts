/** The lines the generator ends with: what to run next, with a `curl` for every generated route. */
import type { FieldDescriptor } from './fields.js';
import type { Colors } from './output.js';

/** What the module's next steps need to know. */
export interface ModuleNextStepsOptions {
  route: string;
  fields: readonly FieldDescriptor[];
  colors: Colors;
  dryRun: boolean;
  /** The migration command, shown in a dry run. */
  migrationCommand: string;
}

const BASE_URL = 'http://localhost:3000';

/**
 * The value of a field's sample literal. The samples are code the field builders wrote from
 * fixed literals and `tsString`-escaped names, never raw user input, so evaluating them is safe.
 */
function sampleValue(code: string): unknown {
  return new Function(`return (${code});`)();
}

/** A JSON body with every field's valid sample, quoted for a POSIX shell. */
export function sampleBody(fields: readonly FieldDescriptor[]): string {
  const body = Object.fromEntries(
    fields.map((field) => [field.name, sampleValue(field.sample.valid)]),
  );
  return `'${JSON.stringify(body).replace(/'/g, `'\\''`)}'`;
}

/** After `generate module`: test, start, and try every route. */
export function moduleNextSteps(options: ModuleNextStepsOptions): string {
  const { colors, route } = options;
  if (options.dryRun) {
    return [
      colors.dim(`Then the migration: ${options.migrationCommand}`),
      `Run again without ${colors.bold('--dry-run')} to write the files.`,
    ].join('\n');
  }
  const command = (text: string, why: string): string => `  ${colors.cyan(text.padEnd(12))}${why}`;
  const curl = (text: string): string => `    ${colors.cyan(text)}`;
  return [
    colors.bold('Next steps:'),
    command('npm test', 'lint, typecheck and every test, the new API test included'),
    command('npm start', `serve the app on ${BASE_URL} (migrations run at boot)`),
    '  then, in another terminal:',
    curl(
      `curl -i -X POST ${BASE_URL}${route} -H 'content-type: application/json' -d ${sampleBody(options.fields)}`,
    ),
    curl(`curl -i ${BASE_URL}${route}`),
    curl(`curl -i ${BASE_URL}${route}/<id from the POST>`),
    `  and open ${colors.cyan(`${BASE_URL}/docs`)} for the OpenAPI page.`,
  ].join('\n');
}

/** After a smaller generator: check that the project still compiles and passes. */
export function classNextSteps(colors: Colors, dryRun: boolean): string {
  if (dryRun) return `Run again without ${colors.bold('--dry-run')} to write the files.`;
  return [
    colors.bold('Next steps:'),
    `  ${colors.cyan('npm run typecheck'.padEnd(20))}the new class compiles and is registered`,
    `  ${colors.cyan('npm test'.padEnd(20))}lint, typecheck and every test`,
  ].join('\n');
}
