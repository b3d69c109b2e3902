/** Public surface of the health module. */
export { HealthModule } from './health.module.js';
export { HealthService } from './health.service.js';
