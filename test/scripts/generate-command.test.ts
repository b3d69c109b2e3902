/** `bun scripts/generate.ts` for real in a temporary copy of the project: files, safety, a passing module. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveNames, type Names } from '../../scripts/lib/naming.js';
import { ProjectCopy } from './project-copy.js';

const PAYMENT_FIELDS =
  'amount:integer,currency:string(3),status:enum(pending|paid|failed),note:text?';
const MODULE_FILES = [
  'controller.ts',
  'entity.ts',
  'errors.ts',
  'messages.ts',
  'module.ts',
  'repository.ts',
  'schemas.ts',
  'service.ts',
];

/** How many times `name` appears as a whole word. */
function occurrences(text: string, name: string): number {
  return text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
}

// The tests share one copy and build on each other, in order: refusals and the dry run first,
// then the payment module (protected), the multiword module (--public), a module with --roles, the
// smaller generators and a guard, and the checks of it all.
describe('bun scripts/generate.ts in a copy of the project', () => {
  let copy: ProjectCopy;
  // `payment` and `payment-method`, unless the project already has them (after following the
  // README, say): then a free variant, so these tests pass in any project.
  let payment: Names;
  let method: Names;
  let invoice: Names;

  beforeAll(() => {
    copy = ProjectCopy.create();
    payment = deriveNames(copy.freeModuleName('payment'));
    method = deriveNames(copy.freeModuleName('payment-method'));
    invoice = deriveNames(copy.freeModuleName('invoice'));
  });
  afterAll(() => copy?.remove());

  it('refuses bad names and bad fields with a clear message, writing nothing', () => {
    const before = copy.fingerprint();
    const name = payment.singular.kebab;
    const cases: [string[], string][] = [
      [['module', 'Payment'], 'is not kebab-case'],
      [['module', 'class'], 'JavaScript reserved word'],
      [['module', 'payment-service'], 'ends with the role "service"'],
      [['module', 'core'], 'reserved by the project layout'],
      [['module', 'body'], 'which the generated code already uses'],
      [['module', name, '--fields', 'id:integer'], 'field "id" is reserved'],
      [['module', name, '--fields', 'amount:money'], 'unknown type "money"'],
      [['widget', name], 'the first argument is what to generate'],
    ];
    for (const [args, message] of cases) {
      const result = copy.generate(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(copy.fingerprint()).toBe(before);
  });

  it('--dry-run lists every file and the AppModule change, and writes nothing', () => {
    const before = copy.fingerprint();
    const { kebab } = payment.singular;
    const result = copy.generate('module', kebab, '--fields', PAYMENT_FIELDS, '--dry-run');
    expect(result.status, result.stderr).toBe(0);
    for (const file of MODULE_FILES) {
      expect(result.stdout).toContain(`create     src/modules/${kebab}/${kebab}.${file}`);
    }
    expect(result.stdout).toContain(`create     src/modules/${kebab}/index.ts`);
    expect(result.stdout).toContain(`create     test/modules/${kebab}/${kebab}.api.test.ts`);
    expect(result.stdout).toContain('update     src/app/app.module.ts');
    expect(result.stdout).toContain('nothing was written');
    expect(result.stdout).toContain(
      `npx drizzle-kit generate --name create_${payment.plural.snake}`,
    );
    expect(copy.fingerprint()).toBe(before);
  }, 60_000);

  it('generates the payment module, registers it in AppModule and writes its migration', () => {
    const { kebab, pascal, snake } = payment.singular;
    const result = copy.generate('module', kebab, '--fields', PAYMENT_FIELDS);
    expect(result.status, result.stderr).toBe(0);
    expect(copy.files(`src/modules/${kebab}`)).toEqual(
      ['index.ts', ...MODULE_FILES.map((file) => `${kebab}.${file}`)].sort(),
    );
    expect(copy.files(`test/modules/${kebab}`)).toEqual([`${kebab}.api.test.ts`]);
    const appModule = copy.read('src/app/app.module.ts');
    expect(appModule).toContain(`import { ${pascal}Module } from '#modules/${kebab}';`);
    expect(occurrences(appModule, `${pascal}Module`)).toBe(2);
    const table = payment.plural.snake;
    const migrations = copy
      .files('drizzle')
      .filter((file) => file.endsWith(`_create_${table}.sql`));
    expect(migrations).toHaveLength(1);
    const sql = copy.read(`drizzle/${migrations[0]}`);
    expect(sql).toContain(
      `CREATE TYPE "public"."${snake}_status" AS ENUM('pending', 'paid', 'failed')`,
    );
    expect(sql).toContain(`CREATE TABLE "${table}"`);
    expect(sql).toMatch(/"note" text,/);
    expect(result.stdout).toContain('Next steps:');
    expect(result.stdout).toContain(
      `curl -i -X POST http://localhost:3000/${payment.plural.kebab} -H 'content-type: application/json' -d '{"amount":42,"currency":"Sam","status":"pending","note":"Sample note"}' -H "authorization: Bearer $TOKEN"`,
    );
    // Protected by default: the app's global AuthGuard needs a token on every route.
    expect(copy.read(`src/modules/${kebab}/${kebab}.controller.ts`)).not.toContain('@Public(');
    expect(copy.read(`test/modules/${kebab}/${kebab}.api.test.ts`)).toContain('.withPrincipal(');
  }, 60_000);

  it('refuses a module that exists, naming it, unless --force', () => {
    const before = copy.fingerprint();
    const { kebab } = payment.singular;
    const result = copy.generate('module', kebab);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`module "${kebab}" already exists (src/modules/${kebab}/)`);
    expect(result.stderr).toContain('--force');
    expect(copy.fingerprint()).toBe(before);
  });

  it('a second run with --force rewrites nothing and leaves AppModule as it was', () => {
    const before = copy.fingerprint();
    const appModule = copy.read('src/app/app.module.ts');
    const args = ['module', payment.singular.kebab, '--fields', PAYMENT_FIELDS, '--force'];
    const result = copy.generate(...args);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('unchanged  src/app/app.module.ts');
    expect(result.stdout).toContain('0 files written');
    expect(copy.read('src/app/app.module.ts')).toBe(appModule);
    expect(copy.fingerprint()).toBe(before);
  }, 60_000);

  it('names a multiword module in every case: PaymentMethod, payment_methods, /payment-methods; --public', () => {
    const { kebab, pascal, constant } = method.singular;
    const result = copy.generate('module', kebab, '--fields', 'label:string(40)', '--public');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(`curl -i http://localhost:3000/${method.plural.kebab}\n`);
    expect(copy.read(`src/modules/${kebab}/${kebab}.entity.ts`)).toContain(
      `export const ${method.plural.camel} = pgTable('${method.plural.snake}', {`,
    );
    expect(copy.read(`src/modules/${kebab}/${kebab}.controller.ts`)).toContain(
      `@Public()\n@Controller('/${method.plural.kebab}', { tags: ['${method.plural.kebab}'] })`,
    );
    expect(copy.read(`src/modules/${kebab}/${kebab}.errors.ts`)).toContain(
      `code: '${constant}_NOT_FOUND'`,
    );
    expect(copy.read('src/app/app.module.ts')).toContain(`${pascal}Module,`);
    const migration = `_create_${method.plural.snake}.sql`;
    expect(copy.files('drizzle').some((file) => file.endsWith(migration))).toBe(true);
  }, 60_000);

  it('--roles admin: the writes of the generated controller need the admin role', () => {
    const { kebab } = invoice.singular;
    const result = copy.generate('module', kebab, '--fields', 'total:integer', '--roles', 'admin');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('the writes one with the role admin');
    const controller = copy.read(`src/modules/${kebab}/${kebab}.controller.ts`);
    expect(controller.match(/@Roles\('admin'\)\n {2}@(Post|Patch|Delete)\(/g)).toHaveLength(3);
  }, 60_000);

  it('adds a controller, service, repository and gateway to an existing module and registers each', () => {
    const target = method.singular.kebab;
    for (const kind of ['controller', 'service', 'repository', 'gateway']) {
      const result = copy.generate(kind, 'refund', '--module', target);
      expect(result.status, result.stderr).toBe(0);
      expect(copy.files(`src/modules/${target}`)).toContain(`refund.${kind}.ts`);
    }
    const module = copy.read(`src/modules/${target}/${target}.module.ts`);
    expect(module).toContain(
      `controllers: [${method.singular.pascal}Controller, RefundController]`,
    );
    for (const kind of ['service', 'repository', 'gateway']) {
      const name = `Refund${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
      expect(module).toContain(`import { ${name} } from './refund.${kind}.js';`);
      expect(occurrences(module, name)).toBe(2);
    }
    const before = copy.fingerprint();
    const again = copy.generate('service', 'refund', '--module', target);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`src/modules/${target}/refund.service.ts`);
    const absent = copy.freeModuleName('shipping');
    const missing = copy.generate('service', 'refund', '--module', absent);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`module "${absent}" does not exist`);
    expect(copy.fingerprint()).toBe(before);
  }, 60_000);

  it('generates a guard and its test in an existing module, registering nothing', () => {
    const target = payment.singular.kebab;
    const module = copy.read(`src/modules/${target}/${target}.module.ts`);
    const dryRun = copy.generate('guard', 'tenant', '--module', target, '--dry-run');
    expect(dryRun.status, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain(`create     test/modules/${target}/tenant.guard.test.ts`);
    expect(copy.files(`src/modules/${target}`)).not.toContain('tenant.guard.ts');
    const result = copy.generate('guard', 'tenant', '--module', target);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('@UseGuards(TenantGuard)');
    expect(copy.files(`src/modules/${target}`)).toContain('tenant.guard.ts');
    expect(copy.files(`test/modules/${target}`)).toContain('tenant.guard.test.ts');
    expect(copy.read(`src/modules/${target}/${target}.module.ts`)).toBe(module);
    const before = copy.fingerprint();
    const again = copy.generate('guard', 'tenant', '--module', target);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`src/modules/${target}/tenant.guard.ts`);
    expect(copy.fingerprint()).toBe(before);
  }, 60_000);

  it('the generated project typechecks', () => {
    const result = copy.run('tsc', ['--noEmit', '-p', copy.root]);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('the generated files pass biome check', () => {
    const result = copy.run('biome', ['check', 'src', 'test']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  }, 60_000);

  it('the generated tests pass: the protected module, the --public one, --roles and the guard', () => {
    const dirs = [payment, method, invoice].map((names) => `test/modules/${names.singular.kebab}/`);
    const result = copy.run('vitest', ['run', ...dirs], 240_000);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Test Files\s+4 passed/);
    expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
  }, 240_000);
});
