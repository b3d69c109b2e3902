/** Parses `generate <kind> <name> [--fields "..."] [--plural X] [--module m] [--public] [--roles r] [--dry-run] [--force]`. */
import { type FieldDescriptor, parseFields } from './fields.js';
import { ArgsError } from './generator-errors.js';
import { validateName } from './name-rules.js';
import { deriveNames, Inflector, type Names, toKebabCase } from './naming.js';
import { type RouteAccess, routeAccess } from './route-access.js';

/** What the generator can write. */
export const GENERATE_KINDS = [
  'module',
  'controller',
  'service',
  'repository',
  'gateway',
  'guard',
] as const;

/** One of {@link GENERATE_KINDS}. */
export type GenerateKind = (typeof GENERATE_KINDS)[number];

/** A validated command: names in every case, parsed fields, the target module and the flags. */
export interface GenerateCommand extends RouteAccess {
  kind: GenerateKind;
  /** kebab-case, singular. */
  name: string;
  names: Names;
  /** Knows `--plural`: pass it to `new TemplateEngine({ inflector })` so `| plural` agrees. */
  inflector: Inflector;
  /** The module the files go to: the name itself for `module`, else `--module` or the name. */
  module: string;
  /** `--fields` as given; undefined means the default `name:string(100)`. */
  fieldsSpec: string | undefined;
  fields: FieldDescriptor[];
  dryRun: boolean;
  force: boolean;
}

/** The result of parsing: a command, or a request for the usage text. */
export type ParsedArgs = { help: true } | ({ help: false } & GenerateCommand);

/** The usage text printed by `--help` and after argument errors. */
export const USAGE = `Usage: bun scripts/generate.ts <kind> <name> [options]

  kind       ${GENERATE_KINDS.join(' | ')}
             (guard: a CanActivate for @UseGuards with its @Require<Name>(...) decorator and a test)
  name       kebab-case and singular, e.g. payment or payment-method

Options:
  --fields "a:type,..."  columns, e.g. "amount:integer,currency:char(3),note:text?"
                         types: string, string(N) (1 to N characters), string(M..N),
                         char(N) (exactly N), text, integer, bigint, number, decimal(p,s),
                         boolean, uuid, date, timestamp, json, enum(a|b|c);
                         a trailing ? makes a field optional (default: name:string(100))
  --plural X             the plural when the English rules get it wrong (e.g. --plural people)
  --module m             the existing module a controller/service/guard/... goes into
                         (default: name)
  --public               module, controller: routes anyone may call (@Public()); without it
                         they need a bearer token (the app's AuthGuard answers 401)
  --roles a,b            module: POST, PATCH and DELETE also need one of these roles (@Roles)
  --dry-run              list what would be written and write nothing
  --force                overwrite files that already exist
  -h, --help             show this help`;

const VALUE_OPTIONS = new Set(['--fields', '--plural', '--module', '--roles']);
const VALUE_EXAMPLES: Readonly<Record<string, string>> = {
  '--fields': '"amount:integer"',
  '--roles': 'admin',
};
const FLAG_OPTIONS = new Set(['--dry-run', '--force', '--public', '--help', '-h']);

/** Splits argv into positionals and options; `--x=v` and `--x v` both work. */
function scan(argv: readonly string[]): {
  positionals: string[];
  options: Map<string, string | true>;
} {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const key = eq === -1 ? arg : arg.slice(0, eq);
    if (!VALUE_OPTIONS.has(key) && !FLAG_OPTIONS.has(key)) {
      throw new ArgsError(`unknown option "${key}"; run with --help to list the options`);
    }
    if (options.has(key)) throw new ArgsError(`option ${key} is given twice`);
    if (FLAG_OPTIONS.has(key)) {
      if (eq !== -1) throw new ArgsError(`option ${key} takes no value`);
      options.set(key, true);
      continue;
    }
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) {
      throw new ArgsError(
        `option ${key} needs a value, e.g. ${key} ${VALUE_EXAMPLES[key] ?? 'payment'}`,
      );
    }
    options.set(key, value);
  }
  return { positionals, options };
}

function kindOf(value: string | undefined): GenerateKind {
  const kind = GENERATE_KINDS.find((candidate) => candidate === value);
  if (kind === undefined) {
    const got = value === undefined ? 'nothing' : `"${value}"`;
    throw new ArgsError(
      `the first argument is what to generate (${GENERATE_KINDS.join(', ')}), got ${got}`,
    );
  }
  return kind;
}

/** The name and the module: a module is its own; other kinds go to `--module` or the name. */
function target(
  kind: GenerateKind,
  positionals: readonly string[],
  moduleOption?: string,
): { name: string; module: string } {
  if (positionals[1] === undefined) {
    throw new ArgsError(`missing the name of the ${kind}, e.g. generate ${kind} payment`);
  }
  if (positionals.length > 2) {
    throw new ArgsError(
      `unexpected argument "${positionals[2]}": give one name (quote --fields values)`,
    );
  }
  const name = validateName(positionals[1], 'name');
  if (kind === 'module' && moduleOption !== undefined) {
    throw new ArgsError(
      '--module is for controller, service, repository, gateway and guard; a module is its own module',
    );
  }
  return {
    name,
    module: moduleOption === undefined ? name : validateName(moduleOption, '--module'),
  };
}

/** Parses the arguments after the script name (a leading `generate` is skipped). */
export function parseGenerateArgs(argv: readonly string[]): ParsedArgs {
  const { positionals, options } = scan(argv[0] === 'generate' ? argv.slice(1) : argv);
  if (options.has('--help') || options.has('-h')) return { help: true };
  const text = (key: string): string | undefined => {
    const value = options.get(key);
    return typeof value === 'string' ? value : undefined;
  };
  const kind = kindOf(positionals[0]);
  const { name, module } = target(kind, positionals, text('--module'));
  const pluralOption = text('--plural');
  const plural =
    pluralOption === undefined
      ? undefined
      : toKebabCase(validateName(pluralOption, '--plural', { kebab: false }));
  const inflector = new Inflector(plural === undefined ? {} : { irregular: { [name]: plural } });
  const fieldsSpec = text('--fields');
  const access = routeAccess(kind, { isPublic: options.has('--public'), roles: text('--roles') });
  return {
    help: false,
    kind,
    name,
    names: deriveNames(name, { inflector }),
    inflector,
    module,
    fieldsSpec,
    fields: parseFields(fieldsSpec, { entity: name }),
    ...access,
    dryRun: options.has('--dry-run'),
    force: options.has('--force'),
  };
}
