/** `npm run test:browser`: Swagger UI driven in Debian's Chromium (not in `npm test`: it needs the browser). */
import { longSuiteConfig } from '../helpers/long-suite-config.js';

export default longSuiteConfig('browser');
