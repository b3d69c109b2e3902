/**
 * `npm run test:load`: the app at a steady load against real Postgres while a TCP proxy breaks
 * the connection (not in `npm test`: about two and a half minutes, and it wants the machine).
 */
import { requireServices } from '../cluster/require-services.js';
import { longSuiteConfig } from '../helpers/long-suite-config.js';

requireServices({
  suite: 'npm run test:load',
  redis: false,
  why: 'breaks a real Postgres connection through a TCP proxy (PGlite has no network)',
});

export default longSuiteConfig('load');
