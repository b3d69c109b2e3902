/** Debian's Chromium through playwright-core, or the reason a browser suite is skipped. */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where `.ci/run` installs it (apt-get install chromium). */
export const CHROMIUM = '/usr/bin/chromium';

/** Why the browser suites cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `${CHROMIUM} is not installed (apt-get install chromium); .ci/run installs it`;
}

/** A headless Chromium with the flags the machine needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
