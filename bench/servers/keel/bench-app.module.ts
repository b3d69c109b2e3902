/** The Keel app of scenarios 1 and 2: one plain controller and one guarded, intercepted one. */
import { Module } from '#core';
import { AdminController } from './admin.controller.js';
import { ApiKeyGuard } from './api-key.guard.js';
import { GreetingController } from './greeting.controller.js';
import { GreetingService } from './greeting.service.js';
import { TimingInterceptor } from './timing.interceptor.js';

/** Root module of `keel.server.ts`. */
@Module({
  controllers: [GreetingController, AdminController],
  providers: [GreetingService, ApiKeyGuard, TimingInterceptor],
})
export class BenchAppModule {}
