/** `bun scripts/generate.ts` for real in a temporary copy of the project: files, safety, a passing module. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectCopy } from './project-copy.js';

const PAYMENT_FIELDS =
  'amount:integer,currency:string(3),status:enum(pending|paid|failed),note:text?';
const PAYMENT_FILES = [
  'index.ts',
  'payment.controller.ts',
  'payment.entity.ts',
  'payment.errors.ts',
  'payment.messages.ts',
  'payment.module.ts',
  'payment.repository.ts',
  'payment.schemas.ts',
  'payment.service.ts',
];

/** How many times `name` appears as a whole word. */
function occurrences(text: string, name: string): number {
  return text.match(new RegExp(`\\b${name}\\b`, 'g'))?.length ?? 0;
}

// The tests share one copy and build on each other, in order: refusals and the dry run first,
// then the payment module, the multiword module, the smaller generators, and the checks of it all.
describe('bun scripts/generate.ts in a copy of the project', () => {
  let copy: ProjectCopy;

  beforeAll(() => {
    copy = ProjectCopy.create();
  });
  afterAll(() => copy?.remove());

  it('refuses bad names and bad fields with a clear message, writing nothing', () => {
    const before = copy.fingerprint();
    const cases: [string[], string][] = [
      [['module', 'Payment'], 'is not kebab-case'],
      [['module', 'class'], 'JavaScript reserved word'],
      [['module', 'payment-service'], 'ends with the role "service"'],
      [['module', 'core'], 'reserved by the project layout'],
      [['module', 'body'], 'which the generated code already uses'],
      [['module', 'payment', '--fields', 'id:integer'], 'field "id" is reserved'],
      [['module', 'payment', '--fields', 'amount:money'], 'unknown type "money"'],
      [['widget', 'payment'], 'the first argument is what to generate'],
    ];
    for (const [args, message] of cases) {
      const result = copy.generate(...args);
      expect(result.status, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
    expect(copy.fingerprint()).toBe(before);
  });

  it('refuses an existing module, naming it, unless --force', () => {
    const before = copy.fingerprint();
    const result = copy.generate('module', 'user');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('module "user" already exists (src/modules/user/)');
    expect(result.stderr).toContain('--force');
    expect(copy.fingerprint()).toBe(before);
  });

  it('--dry-run lists every file and the AppModule change, and writes nothing', () => {
    const before = copy.fingerprint();
    const result = copy.generate('module', 'payment', '--fields', PAYMENT_FIELDS, '--dry-run');
    expect(result.status, result.stderr).toBe(0);
    for (const file of PAYMENT_FILES) {
      expect(result.stdout).toContain(`create     src/modules/payment/${file}`);
    }
    expect(result.stdout).toContain('create     test/modules/payment/payment.api.test.ts');
    expect(result.stdout).toContain('update     src/app/app.module.ts');
    expect(result.stdout).toContain('nothing was written');
    expect(result.stdout).toContain('npx drizzle-kit generate --name create_payments');
    expect(copy.fingerprint()).toBe(before);
  }, 60_000);

  it('generates the payment module, registers it in AppModule and writes its migration', () => {
    const result = copy.generate('module', 'payment', '--fields', PAYMENT_FIELDS);
    expect(result.status, result.stderr).toBe(0);
    expect(copy.files('src/modules/payment')).toEqual(PAYMENT_FILES);
    expect(copy.files('test/modules/payment')).toEqual(['payment.api.test.ts']);
    const appModule = copy.read('src/app/app.module.ts');
    expect(appModule).toContain("import { PaymentModule } from '../modules/payment/index.js';");
    expect(occurrences(appModule, 'PaymentModule')).toBe(2);
    const migrations = copy
      .files('drizzle')
      .filter((file) => file.endsWith('_create_payments.sql'));
    expect(migrations).toHaveLength(1);
    const sql = copy.read(`drizzle/${migrations[0]}`);
    expect(sql).toContain('CREATE TYPE "public"."payment_status" AS ENUM');
    expect(sql).toContain('CREATE TABLE "payments"');
    expect(sql).toMatch(/"note" text,/);
    expect(result.stdout).toContain('Next steps:');
    expect(result.stdout).toContain(
      `curl -i -X POST http://localhost:3000/payments -H 'content-type: application/json' -d '{"amount":42,"currency":"Sam","status":"pending","note":"Sample note"}'`,
    );
  }, 60_000);

  it('a second run with --force rewrites nothing and leaves AppModule as it was', () => {
    const before = copy.fingerprint();
    const appModule = copy.read('src/app/app.module.ts');
    const result = copy.generate('module', 'payment', '--fields', PAYMENT_FIELDS, '--force');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('unchanged  src/app/app.module.ts');
    expect(result.stdout).toContain('0 files written');
    expect(copy.read('src/app/app.module.ts')).toBe(appModule);
    expect(copy.fingerprint()).toBe(before);
  }, 60_000);

  it('names a multiword module in every case: PaymentMethod, payment_methods, /payment-methods', () => {
    const result = copy.generate('module', 'payment-method', '--fields', 'label:string(40)');
    expect(result.status, result.stderr).toBe(0);
    const entity = copy.read('src/modules/payment-method/payment-method.entity.ts');
    expect(entity).toContain("export const paymentMethods = pgTable('payment_methods', {");
    expect(copy.read('src/modules/payment-method/payment-method.controller.ts')).toContain(
      "@Controller('/payment-methods', { tags: ['payment-methods'] })",
    );
    expect(copy.read('src/modules/payment-method/payment-method.errors.ts')).toContain(
      "code: 'PAYMENT_METHOD_NOT_FOUND'",
    );
    expect(copy.read('src/app/app.module.ts')).toContain('PaymentMethodModule,');
    expect(copy.files('drizzle').some((file) => file.endsWith('_create_payment_methods.sql'))).toBe(
      true,
    );
  }, 60_000);

  it('adds a controller, service, repository and gateway to an existing module and registers each', () => {
    for (const kind of ['controller', 'service', 'repository', 'gateway']) {
      const result = copy.generate(kind, 'refund', '--module', 'payment-method');
      expect(result.status, result.stderr).toBe(0);
      expect(copy.files('src/modules/payment-method')).toContain(`refund.${kind}.ts`);
    }
    const module = copy.read('src/modules/payment-method/payment-method.module.ts');
    expect(module).toMatch(/controllers: \[PaymentMethodController, RefundController\]/);
    for (const name of ['RefundService', 'RefundRepository', 'RefundGateway']) {
      expect(module).toContain(
        `import { ${name} } from './refund.${name.slice(6).toLowerCase()}.js';`,
      );
      expect(occurrences(module, name)).toBe(2);
    }
    const before = copy.fingerprint();
    const again = copy.generate('service', 'refund', '--module', 'payment-method');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('src/modules/payment-method/refund.service.ts');
    const missing = copy.generate('service', 'refund', '--module', 'shipping');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('module "shipping" does not exist');
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

  it('the generated payment module passes its own API test', () => {
    const result = copy.run('vitest', ['run', 'test/modules/payment/']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Tests\s+\d+ passed/);
  }, 120_000);
});
