/** The generator's command line: kinds, names, options and the errors users see. */
import { describe, expect, it } from 'vitest';
import { type GenerateCommand, parseGenerateArgs, USAGE } from '../../scripts/lib/args.js';
import { GeneratorError } from '../../scripts/lib/generator-errors.js';

function command(argv: string[]): GenerateCommand {
  const parsed = parseGenerateArgs(argv);
  if (parsed.help) throw new Error('unexpected help');
  return parsed;
}

function errorOf(argv: string[]): GeneratorError {
  try {
    parseGenerateArgs(argv);
  } catch (error) {
    if (error instanceof GeneratorError) return error;
    throw error;
  }
  throw new Error(`expected ${argv.join(' ')} to be rejected`);
}

describe('parseGenerateArgs', () => {
  it('parses a module with defaults', () => {
    const parsed = command(['module', 'payment']);
    expect(parsed).toMatchObject({
      kind: 'module',
      name: 'payment',
      module: 'payment',
      fieldsSpec: undefined,
      dryRun: false,
      force: false,
    });
    expect(parsed.names.plural.pascal).toBe('Payments');
    expect(parsed.fields.map((field) => field.name)).toEqual(['name']);
  });

  it('skips a leading "generate" and reads every option in both spellings', () => {
    const parsed = command([
      'generate',
      'service',
      'payment-method',
      '--fields=amount:integer,status:enum(a|b)',
      '--module',
      'billing',
      '--plural',
      'payment-methodz',
      '--dry-run',
      '--force',
    ]);
    expect(parsed).toMatchObject({
      kind: 'service',
      name: 'payment-method',
      module: 'billing',
      dryRun: true,
      force: true,
    });
    expect(parsed.fields.map((field) => field.drizzleColumn)).toEqual([
      "integer('amount').notNull()",
      "paymentMethodStatusEnum('status').notNull()",
    ]);
    expect(parsed.names.plural.pascal).toBe('PaymentMethodz');
    expect(parsed.inflector.plural('PaymentMethod')).toBe('PaymentMethodz');
  });

  it('accepts a plural in any case and every kind', () => {
    expect(command(['module', 'person', '--plural', 'Persons']).names.plural.kebab).toBe('persons');
    for (const kind of ['module', 'controller', 'service', 'repository', 'gateway', 'guard']) {
      expect(command([kind, 'invoice']).kind).toBe(kind);
    }
  });

  it('routes are protected unless --public, which module and controller take', () => {
    expect(command(['module', 'payment']).isPublic).toBe(false);
    expect(command(['module', 'payment', '--public']).isPublic).toBe(true);
    expect(command(['controller', 'refund', '--module', 'shop', '--public']).isPublic).toBe(true);
    expect(command(['guard', 'tenant', '--module', 'shop'])).toMatchObject({
      kind: 'guard',
      module: 'shop',
      isPublic: false,
    });
  });

  it("--roles restricts a module's writes: trimmed, deduplicated role names", () => {
    expect(command(['module', 'payment']).writeRoles).toEqual([]);
    expect(
      command(['module', 'payment', '--roles', 'admin, billing:write,admin']).writeRoles,
    ).toEqual(['admin', 'billing:write']);
  });

  it('returns help for -h and --help, and the usage lists the kinds and types', () => {
    expect(parseGenerateArgs(['--help'])).toEqual({ help: true });
    expect(parseGenerateArgs(['module', '-h'])).toEqual({ help: true });
    expect(USAGE).toContain('module | controller | service | repository | gateway | guard');
    expect(USAGE).toContain('--public');
    expect(USAGE).toContain('enum(a|b|c)');
  });

  it.each([
    [
      [],
      'the first argument is what to generate (module, controller, service, repository, gateway, guard), got nothing',
    ],
    [['widget', 'x'], 'got "widget"'],
    [['module'], 'missing the name of the module, e.g. generate module payment'],
    [['module', 'a', 'b'], 'unexpected argument "b"'],
    [['module', 'x', '--color'], 'unknown option "--color"'],
    [['module', 'x', '--force', '--force'], 'option --force is given twice'],
    [['module', 'x', '--force=yes'], 'option --force takes no value'],
    [['module', 'x', '--fields'], 'option --fields needs a value'],
    [['module', 'x', '--plural', '--force'], 'option --plural needs a value'],
    [
      ['module', 'x', '--module', 'y'],
      '--module is for controller, service, repository, gateway and guard',
    ],
    [['service', 'x', '--public'], '--public is for module and controller'],
    [['guard', 'x', '--public'], 'a guard has none (mark routes with @Public() from #core)'],
    [['module', 'x', '--public', '--public'], 'option --public is given twice'],
    [['module', 'x', '--roles'], 'option --roles needs a value, e.g. --roles admin'],
    [['module', 'x', '--roles', 'admin,'], 'role "" is not a role name'],
    [['module', 'x', '--roles', "o'brien"], `role "o'brien" is not a role name`],
    [['module', 'x', '--roles', 'admin', '--public'], '--roles and --public contradict each other'],
    [['controller', 'x', '--roles', 'admin'], 'on a controller, use @Roles(...) from #core'],
    [['service', 'x', '--module', 'Billing'], '--module "Billing" is not kebab-case'],
    [['module', 'x', '--plural', 'new'], '--plural "new" is a JavaScript reserved word'],
    [['module', 'x', '--plural', 'constructor'], '--plural "constructor" is the built-in'],
    [['service', 'x', '--module', 'value-of'], '--module "value-of" is the built-in'],
    [['module', 'x', '--fields', 'id:uuid'], 'field "id" is reserved'],
  ])('rejects %j', (argv, message) => {
    expect(errorOf(argv).message).toContain(message);
  });
});

describe('name validation', () => {
  it.each([
    ['Payment', 'is not kebab-case', 'e.g. "payment"'],
    ['payment_method', 'is not kebab-case', 'e.g. "payment-method"'],
    ['paymentMethod', 'is not kebab-case', 'e.g. "payment-method"'],
    ['1st-order', 'starting with a letter', ''],
    ['payment--method', 'single hyphens', ''],
    ['payment-', 'is not kebab-case', ''],
    ['class', 'is a JavaScript reserved word', ''],
    ['delete', 'is a JavaScript reserved word', ''],
    ['core', 'reserved by the project layout', ''],
    ['app', 'reserved by the project layout', ''],
    ['infra', 'reserved by the project layout', ''],
    ['test', 'reserved by the project layout', ''],
    ['index', 'reserved by the project layout', ''],
    ['module', 'reserved by the project layout', ''],
    ['date', 'would shadow the global Date', ''],
    ['payment-service', 'ends with the role "service"', 'use "payment"'],
    ['service', 'ends with the role "service"', 'name the feature instead'],
    ['tenant-guard', 'ends with the role "guard"', 'use "tenant"'],
    ['a'.repeat(41), 'longer than 40 characters', ''],
    ['constructor', 'built-in JavaScript property "constructor"', 'e.g. "constructor-item"'],
    ['prototype', 'built-in JavaScript property "prototype"', 'pick another name'],
    ['__proto__', 'built-in JavaScript property "__proto__"', 'e.g. "proto-item"'],
    ['to-string', 'built-in JavaScript property "toString"', 'e.g. "to-string-item"'],
    ['has-own-property', 'built-in JavaScript property "hasOwnProperty"', ''],
  ])('rejects the name %s', (name, message, hint) => {
    const text = errorOf(['module', name]).message;
    expect(text).toContain(`name "${name}"`);
    expect(text).toContain(message);
    expect(text).toContain(hint);
  });

  it('accepts multiword names whose words are reserved on their own', () => {
    expect(command(['module', 'new-order']).names.singular.camel).toBe('newOrder');
    expect(command(['module', 'oauth2-client']).name).toBe('oauth2-client');
  });
});
