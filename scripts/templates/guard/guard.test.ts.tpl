/** `{{entity.pascal}}Guard` on a real app: 403 FORBIDDEN without the required `{{entity.camel}}` claim, 200 with it. */
import { describe, expect, it } from 'vitest';
import { type App, Controller, createTestingModule, Get, UseGuards } from '#core';
import { AuthModule } from '#infra/auth';
import {
  Require{{entity.pascal}},
  {{entity.pascal}}Guard,
} from '../../../src/modules/{{module.kebab}}/{{entity.kebab}}.guard.js';

/** A route only callers whose `{{entity.camel}}` claim is `expected` may call. */
@UseGuards({{entity.pascal}}Guard)
@Controller('/{{entity.kebab}}-probe')
class ProbeController {
  @Get('/')
  @Require{{entity.pascal}}('expected')
  probe() {
    return { ok: true };
  }
}

/** The probe app with AuthModule's guard, every request made by a principal with `claims`. */
function appAs(claims: Record<string, unknown>): Promise<App> {
  return createTestingModule({
    imports: [AuthModule.forRoot({ issuer: 'keel', audience: 'keel-api', keys: { generateIfMissing: 'memory' } })],
    controllers: [ProbeController],
  })
    .withPrincipal({ sub: 'test-user', roles: [], claims })
    .compile();
}

describe('{{entity.pascal}}Guard', () => {
  it('answers 403 FORBIDDEN when the {{entity.camel}} claim is not one the route requires', async () => {
    const app = await appAs({ {{entity.camel}}: 'another' });
    const res = await app.inject('/{{entity.kebab}}-probe').finally(() => app.close());
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
  });

  it('lets a principal with a required {{entity.camel}} claim through: 200', async () => {
    const app = await appAs({ {{entity.camel}}: 'expected' });
    const res = await app.inject('/{{entity.kebab}}-probe').finally(() => app.close());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
  });
});
