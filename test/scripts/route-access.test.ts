/** Who may call generated routes: protected by default, `--public`, `--roles`, and `generate guard`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { planClass } from '../../scripts/lib/class-generator.js';
import { identityFormatter } from '../../scripts/lib/code-formatter.js';
import type { MigrationRunner } from '../../scripts/lib/drizzle-migration.js';
import { runGenerate } from '../../scripts/lib/generate-runner.js';
import type { GeneratorContext } from '../../scripts/lib/generator-context.js';
import { TargetError } from '../../scripts/lib/generator-errors.js';
import { planModule } from '../../scripts/lib/module-generator.js';
import {
  addEmptyModule,
  capture,
  command,
  planned,
  rejection,
  TEMPLATES,
  useScratchProject,
} from './generator-fixture.js';

const project = useScratchProject();
let root: string;
let context: GeneratorContext;
beforeEach(() => {
  ({ root, context } = project());
});

describe('generate module: the routes and their API test', () => {
  it('protects the routes by default: no @Public(), the test runs as a principal and checks 401', async () => {
    const files = planned((await planModule(command('module', 'payment'), context)).plan);
    const controller = files.get('src/modules/payment/payment.controller.ts') ?? '';
    expect(controller).not.toContain('Public');
    expect(controller).not.toContain('Roles');
    const test = files.get('test/modules/payment/payment.api.test.ts') ?? '';
    expect(test).toContain("import { AuthModule } from '#infra/auth';");
    expect(test).toContain(".withPrincipal({ sub: 'test-user', roles: [] })");
    expect(test).toContain("it('answers 401 UNAUTHORIZED to a caller without a token");
    expect(test).toContain('toEqual([{ bearerAuth: [] }])');
  });

  it('--roles puts @Roles on the writes only; the test principal has the role, another gets 403', async () => {
    const args = ['module', 'payment', '--roles', 'admin,billing'];
    const files = planned((await planModule(command(...args), context)).plan);
    const controller = files.get('src/modules/payment/payment.controller.ts') ?? '';
    const decorated = [...controller.matchAll(/@Roles\('admin', 'billing'\)\n {2}@(\w+)\(/g)];
    expect(decorated.map((match) => match[1])).toEqual(['Post', 'Patch', 'Delete']);
    const test = files.get('test/modules/payment/payment.api.test.ts') ?? '';
    expect(test).toContain(".withPrincipal({ sub: 'test-user', roles: ['admin'] })");
    expect(test).toContain(".withPrincipal({ sub: 'reader', roles: [] })");
    expect(test).toContain('toBe(403)');
  });

  it('--public marks the controller @Public() and tests anonymous access', async () => {
    const files = planned(
      (await planModule(command('module', 'payment', '--public'), context)).plan,
    );
    const controller = files.get('src/modules/payment/payment.controller.ts') ?? '';
    expect(controller).toMatch(/\n {2}Public,\n/);
    expect(controller).toContain("@Public()\n@Controller('/payments'");
    const test = files.get('test/modules/payment/payment.api.test.ts') ?? '';
    expect(test).toContain("import { AuthModule } from '#infra/auth';");
    expect(test).not.toContain('withPrincipal');
    expect(test).toContain("it('serves a caller without a token: the routes are @Public()'");
    expect(test).toContain('.post.security).toEqual([])');
  });
});

describe('generate controller --public and generate guard', () => {
  beforeEach(() => addEmptyModule(root, 'shop', 'Shop'));

  it('--public puts @Public() on a generated controller; without it there is none', async () => {
    const open = planned(
      await planClass(command('controller', 'order', '--public', '--module', 'shop'), context),
    );
    expect(open.get('src/modules/shop/order.controller.ts')).toContain(
      "import { Controller, Public } from '#core';",
    );
    expect(open.get('src/modules/shop/order.controller.ts')).toContain(
      "@Public()\n@Controller('/orders'",
    );
    const closed = planned(
      await planClass(command('controller', 'order', '--module', 'shop'), context),
    );
    expect(closed.get('src/modules/shop/order.controller.ts')).not.toContain('Public');
  });

  it('writes a guard and its test, and registers nothing (@UseGuards constructs it)', async () => {
    const plan = await planClass(command('guard', 'tenant', '--module', 'shop'), context);
    const changes = plan.resolve();
    expect(changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'create src/modules/shop/tenant.guard.ts',
      'create test/modules/shop/tenant.guard.test.ts',
    ]);
    const [guard, test] = changes.map((change) => change.contents);
    expect(guard).toContain('export class TenantGuard implements CanActivate {');
    expect(guard).toContain('export function RequireTenant(...values: string[])');
    expect(guard).toContain('RequestContext.current()?.principal');
    expect(guard).toContain('principal.claims?.tenant');
    expect(test).toContain("from '../../../src/modules/shop/tenant.guard.js';");
    expect(test).toContain(".withPrincipal({ sub: 'test-user', roles: [], claims })");
    expect(test).toContain('toBe(403)');
    expect(test).toContain('toBe(200)');
  });

  it('refuses a guard for a module that does not exist, writing nothing', async () => {
    const error = await rejection(planClass(command('guard', 'tenant'), context));
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toContain('module "tenant" does not exist');
  });
});

describe('next steps', () => {
  it('ends a module with curl lines that send a bearer token, unless --public', async () => {
    const migrate: MigrationRunner = () => ({ ok: true, command: 'npx drizzle-kit generate' });
    const run = async (...argv: string[]) => {
      const { output, stdout } = capture();
      const options = { root, templatesDir: TEMPLATES, output, formatter: identityFormatter };
      expect(await runGenerate(argv, { ...options, migrate })).toBe(0);
      return stdout();
    };
    const bearer = '-H "authorization: Bearer $TOKEN"';
    const closed = await run('module', 'payment');
    expect(closed).toContain(`curl -i http://localhost:3000/payments ${bearer}`);
    expect(closed).toContain('TOKEN set to the accessToken of POST /auth/sign-in');
    const open = await run('module', 'coupon', '--public');
    expect(open).toContain('curl -i http://localhost:3000/coupons\n');
    expect(open).not.toContain('Bearer');
  });

  it('ends a guard with where to put it and the command that runs its test', async () => {
    addEmptyModule(root, 'shop', 'Shop');
    const { output, stdout } = capture();
    const options = { root, templatesDir: TEMPLATES, output, formatter: identityFormatter };
    expect(await runGenerate(['guard', 'tenant', '--module', 'shop'], options)).toBe(0);
    expect(stdout()).toContain("@UseGuards(TenantGuard) and @RequireTenant('value')");
    expect(stdout()).toContain('npx vitest run test/modules/shop/tenant.guard.test.ts');
    expect(existsSync(join(root, 'test/modules/shop/tenant.guard.test.ts'))).toBe(true);
  });
});
