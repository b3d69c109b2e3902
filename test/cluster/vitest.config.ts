/** `npm run test:cluster`: PM2 cluster and shutdown tests on real Postgres and Redis (not in `npm test`). */
import { longSuiteConfig } from '../helpers/long-suite-config.js';
import { requireServices } from './require-services.js';

requireServices();

export default longSuiteConfig('cluster');
