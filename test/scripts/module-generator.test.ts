/** The generators in process: template data, paths, refusals, registration, the runner's follow-ups. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { planClass } from '../../scripts/lib/class-generator.js';
import { biomeFormatter, identityFormatter } from '../../scripts/lib/code-formatter.js';
import type { MigrationRunner } from '../../scripts/lib/drizzle-migration.js';
import { runGenerate } from '../../scripts/lib/generate-runner.js';
import type { GeneratorContext } from '../../scripts/lib/generator-context.js';
import { ArgsError, TargetError, TemplateError } from '../../scripts/lib/generator-errors.js';
import { moduleFilePath, planModule } from '../../scripts/lib/module-generator.js';
import { moduleTemplateData, withArticle } from '../../scripts/lib/module-template-data.js';
import { sampleBody } from '../../scripts/lib/next-steps.js';
import { capture, command, rejection, TEMPLATES, useScratchProject } from './generator-fixture.js';
import { PROJECT_ROOT } from './project-copy.js';

const project = useScratchProject();
let root: string;
let context: GeneratorContext;
beforeEach(() => {
  ({ root, context } = project());
});

describe('module template data', () => {
  it('names a multiword module in every form the templates use', () => {
    const data = moduleTemplateData(command('module', 'payment-method'));
    expect(data).toMatchObject({
      table: 'payment_methods',
      tableConst: 'paymentMethods',
      route: '/payment-methods',
      topic: 'payment-method',
      messageKey: 'paymentMethod.notFound',
      errorCode: 'PAYMENT_METHOD_NOT_FOUND',
      aEntity: 'a payment method',
    });
    expect(data.fields.map((field) => field.name)).toEqual(['name']);
  });

  it('follows --plural for the table and the route', () => {
    const data = moduleTemplateData(command('module', 'cactus', '--plural', 'cacti'));
    expect([data.table, data.route, data.entities.pascal]).toEqual(['cacti', '/cacti', 'Cacti']);
  });

  it('imports every Drizzle builder once, sorted, and collects the enums', () => {
    const data = moduleTemplateData(
      command('module', 'payment', '--fields', 'status:enum(a|b),note:text?,title:text'),
    );
    expect(data.drizzleImports).toBe('pgEnum, pgTable, text, timestamp, uuid');
    expect(data.enums.map((item) => item.sqlName)).toEqual(['payment_status']);
    expect(data.requiredFields.map((field) => field.name)).toEqual(['status', 'title']);
    expect(data.optionalFields.map((field) => field.name)).toEqual(['note']);
  });

  it('narrows json rows to the DTO type and has no invalid sample for an optional json field', () => {
    const data = moduleTemplateData(
      command('module', 'event-log', '--fields', 'body:json,extra:json?'),
    );
    const [body, extra] = data.fields;
    expect(body?.rowValue).toBe("row.body as EventLog['body']");
    expect(body?.invalidSample).toBe('null');
    expect(extra?.invalidSample).toBeNull();
  });

  it('uses "an" before a vowel', () => {
    expect([withArticle('order'), withArticle('payment')]).toEqual(['an order', 'a payment']);
    expect([withArticle('user'), withArticle('unit'), withArticle('update')]).toEqual([
      'a user',
      'a unit',
      'an update',
    ]);
  });
});

describe('planModule', () => {
  it('maps templates to the module folder, index.ts as is and tests to test/modules', () => {
    expect(moduleFilePath('service.ts', 'payment')).toBe('src/modules/payment/payment.service.ts');
    expect(moduleFilePath('index.ts', 'payment')).toBe('src/modules/payment/index.ts');
    expect(moduleFilePath('api.test.ts', 'payment')).toBe(
      'test/modules/payment/payment.api.test.ts',
    );
  });

  it('plans every file and the AppModule registration without writing', async () => {
    const { plan, table, route } = await planModule(command('module', 'payment'), context);
    const changes = plan.resolve();
    expect(changes.map((change) => `${change.kind} ${change.path}`)).toContain(
      'update src/app/app.module.ts',
    );
    expect(changes.filter((change) => change.kind === 'create')).toHaveLength(10);
    expect([table, route]).toEqual(['payments', '/payments']);
    expect(existsSync(join(root, 'src/modules/payment'))).toBe(false);
  });

  it('refuses a module whose folder exists, unless --force', async () => {
    mkdirSync(join(root, 'src/modules/payment'), { recursive: true });
    const error = await rejection(planModule(command('module', 'payment'), context));
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toContain('module "payment" already exists');
    await expect(
      planModule(command('module', 'payment', '--force'), context),
    ).resolves.toBeDefined();
  });

  it('refuses names that clash with what the generated code imports', async () => {
    const error = await rejection(planModule(command('module', 'query'), context));
    expect(error).toBeInstanceOf(ArgsError);
    expect(error.message).toContain('"Query"');
    const auth = await rejection(planModule(command('module', 'auth'), context));
    expect(auth.message).toContain('"auth" would become "AuthModule"');
  });

  it('reports a broken template with its file and line, before anything is written', async () => {
    const templates = join(root, 'templates');
    mkdirSync(join(templates, 'module'), { recursive: true });
    writeFileSync(join(templates, 'module', 'entity.ts.tpl'), 'ok\n{{tabel}}\n');
    const broken = { ...context, templatesDir: templates };
    const error = await rejection(planModule(command('module', 'payment'), broken));
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.message).toBe('module/entity.ts.tpl:2:3: unknown variable "tabel"');
  });
});

describe('planClass', () => {
  beforeEach(() => {
    mkdirSync(join(root, 'src/modules/shop'), { recursive: true });
    writeFileSync(
      join(root, 'src/modules/shop/shop.module.ts'),
      "import { Module } from '#core';\n\n@Module({})\nexport class ShopModule {}\n",
    );
  });

  it('adds the class file and registers it in the module (creating the array)', async () => {
    const plan = await planClass(command('controller', 'order', '--module', 'shop'), context);
    plan.apply();
    expect(readFileSync(join(root, 'src/modules/shop/order.controller.ts'), 'utf8')).toContain(
      "@Controller('/orders', { tags: ['orders'] })\nexport class OrderController {}",
    );
    expect(readFileSync(join(root, 'src/modules/shop/shop.module.ts'), 'utf8')).toBe(
      "import { Module } from '#core';\nimport { OrderController } from './order.controller.js';\n\n@Module({ controllers: [OrderController] })\nexport class ShopModule {}\n",
    );
  });

  it('refuses a module that does not exist, naming it', async () => {
    const error = await rejection(
      planClass(command('service', 'order', '--module', 'cart'), context),
    );
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toContain(
      'module "cart" does not exist (no src/modules/cart/cart.module.ts)',
    );
  });

  it('refuses --fields, which only modules take', async () => {
    const args = ['service', 'order', '--module', 'shop', '--fields', 'a:text'];
    const error = await rejection(planClass(command(...args), context));
    expect(error).toBeInstanceOf(ArgsError);
  });
});

describe('runGenerate', () => {
  it('says which command to re-run when the migration fails, after writing the files', async () => {
    const { output, stderr } = capture();
    const failing: MigrationRunner = () => ({
      ok: false,
      command: 'npx drizzle-kit generate --name create_payments',
      reason: 'drizzle-kit exited with 1',
    });
    const code = await runGenerate(['module', 'payment'], {
      root,
      templatesDir: TEMPLATES,
      output,
      formatter: identityFormatter,
      migrate: failing,
    });
    expect(code).toBe(1);
    expect(stderr()).toContain('the files above are written, but the migration was not generated');
    expect(stderr()).toContain('run: npx drizzle-kit generate --name create_payments');
    expect(existsSync(join(root, 'src/modules/payment/payment.service.ts'))).toBe(true);
  });

  it('runs no migration in a dry run and warns when files cannot be formatted', async () => {
    const { output, stdout, stderr } = capture();
    const migrate: MigrationRunner = () => {
      throw new Error('must not run');
    };
    const options = {
      root,
      templatesDir: TEMPLATES,
      output,
      formatter: identityFormatter,
      migrate,
    };
    expect(await runGenerate(['module', 'payment', '--dry-run'], options)).toBe(0);
    expect(stdout()).toContain(
      'Then the migration: npx drizzle-kit generate --name create_payments',
    );
    expect(stderr()).toContain('Biome is not installed');
    expect(existsSync(join(root, 'src/modules'))).toBe(false);
  });

  it('prints the usage for --help and a hint after argument errors', async () => {
    const { output, stdout, stderr } = capture();
    const options = { root, templatesDir: TEMPLATES, output, formatter: identityFormatter };
    expect(await runGenerate(['--help'], options)).toBe(0);
    expect(stdout()).toContain('Usage: bun scripts/generate.ts');
    expect(await runGenerate(['module'], options)).toBe(1);
    expect(stderr()).toContain('missing the name of the module');
    expect(stdout()).toContain('Run with --help');
  });
});

describe('formatting and next steps', () => {
  it("formats with the project's Biome, wrapping long lines", async () => {
    const formatter = biomeFormatter(PROJECT_ROOT);
    expect(formatter.available).toBe(true);
    const long = `export const x = { ${Array.from({ length: 12 }, (_, i) => `field${i}: ${i}`).join(', ')} };\n`;
    const formatted = await formatter.format('src/modules/x/x.schemas.ts', long);
    expect(formatted.split('\n').every((line) => line.length <= 100)).toBe(true);
    expect(formatted).toContain('  field11: 11,\n');
  });

  it('is not available without node_modules', () => {
    expect(biomeFormatter(root).available).toBe(false);
  });

  it('builds a shell-quoted JSON sample body from the field samples', () => {
    const { fields } = command('module', 'payment', '--fields', 'amount:integer,paid:boolean');
    expect(sampleBody(fields)).toBe(`'{"amount":42,"paid":true}'`);
  });
});
