/** Swagger UI's Authorize button: a token pasted there reaches a secured route from "Try it out". */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '#core';
import { TokenService } from '#infra/auth';
import { probeApp } from '../infra/auth/auth-test-app.js';
import { chromiumMissing, launchChromium } from './chromium.js';

// Swagger UI breaks paths with zero-width spaces; data-path holds the plain one.
const ME = '.opblock-get:has([data-path="/probe/me"])';
const missing = chromiumMissing();
if (missing) console.warn(`skipping the Swagger UI browser test: ${missing}`);

describe.skipIf(missing !== undefined)('Swagger UI Authorize', () => {
  let app: App;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    app = await probeApp();
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Expands GET /probe/me (once), runs "Try it out" / "Execute", reads the live response. */
  async function tryMe(page: Page): Promise<{ status: string; body: string }> {
    const operation = page.locator(ME);
    const control = operation.locator('button.opblock-summary-control');
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    const tryOut = operation.locator('button.try-out__btn');
    if ((await tryOut.textContent())?.includes('Try it out')) await tryOut.click();
    const clear = operation.locator('button.btn-clear');
    if (await clear.count()) await clear.click();
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor();
    const body = operation.locator('.live-responses-table .microlight').first();
    return {
      status: (await status.first().textContent())?.trim() ?? '',
      body: (await body.textContent()) ?? '',
    };
  }

  it('calls a secured route with the pasted bearer token, and gets 401 without it', async () => {
    const { accessToken } = await app.get(TokenService).issueAccessToken({ sub: 'swagger-user' });
    const page = await browser.newPage();
    await page.goto(`${base}/docs`);
    await page.locator('button.authorize').first().waitFor();
    expect(await page.title()).toBe('Probe');

    const anonymous = await tryMe(page);
    expect(anonymous.status).toMatch(/^401\b/);

    await page.locator('button.authorize').first().click();
    await page.locator('.auth-container input').first().fill(accessToken);
    await page.locator('.auth-btn-wrapper button.authorize').click();
    await page.locator('.auth-btn-wrapper button.btn-done').click();
    const signedIn = await tryMe(page);
    expect(signedIn.status).toMatch(/^200\b/);
    expect(signedIn.body).toContain('swagger-user');
    await page.close();
  });
});
