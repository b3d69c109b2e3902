/** The lines the generator ends with: what to run next, with a `curl` for every generated route. */
import type { FieldDescriptor } from './fields.js';
import type { Names } from './naming.js';
import type { Colors } from './output.js';

/** What the module's next steps need to know. */
export interface ModuleNextStepsOptions {
  route: string;
  fields: readonly FieldDescriptor[];
  colors: Colors;
  dryRun: boolean;
  /** The migration command, shown in a dry run. */
  migrationCommand: string;
  /** `--public`: the curl lines send no token. */
  isPublic: boolean;
  /** `--roles`: the roles the writes need. */
  writeRoles: readonly string[];
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

/** Why the curl lines send `$TOKEN`. */
function tokenNeed(writeRoles: readonly string[]): string {
  if (writeRoles.length > 0) {
    return `the routes need a bearer token, the writes one with the role ${writeRoles.join(' or ')}`;
  }
  return 'the routes need a bearer token; generate with --public for open ones';
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
  const auth = options.isPublic ? '' : ` -H "authorization: Bearer $TOKEN"`;
  const curl = (text: string): string => `    ${colors.cyan(`${text}${auth}`)}`;
  return [
    colors.bold('Next steps:'),
    command('npm test', 'lint, typecheck and every test, the new API test included'),
    command('npm start', `serve the app on ${BASE_URL} (migrations run at boot)`),
    options.isPublic
      ? '  then, in another terminal (the routes are public: --public):'
      : `  then, in another terminal, with ${colors.bold('TOKEN')} set to the accessToken of POST /auth/sign-in\n  (${tokenNeed(options.writeRoles)}):`,
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

/** After `generate guard`: where to put it and how to check it. */
export function guardNextSteps(options: {
  names: Names;
  module: string;
  colors: Colors;
  dryRun: boolean;
}): string {
  const { colors, module } = options;
  if (options.dryRun) return `Run again without ${colors.bold('--dry-run')} to write the files.`;
  const { pascal, kebab } = options.names.singular;
  return [
    colors.bold('Next steps:'),
    `  put it on a controller or route of the ${module} module (import both from './${kebab}.guard.js'):`,
    `    ${colors.cyan(`@UseGuards(${pascal}Guard)`)} and ${colors.cyan(`@Require${pascal}('value')`)}`,
    `  ${colors.cyan(`npx vitest run test/modules/${module}/${kebab}.guard.test.ts`)}  its 403 and 200`,
    `  ${colors.cyan('npm test'.padEnd(20))}lint, typecheck and every test`,
  ].join('\n');
}
