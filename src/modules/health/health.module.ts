/** The health module: liveness and readiness over every registered HealthIndicator. */
import { Module } from '#core';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

/** Import once (AppModule); other modules add indicators under HEALTH_INDICATOR. */
@Module({ controllers: [HealthController], providers: [HealthService] })
export class HealthModule {}
