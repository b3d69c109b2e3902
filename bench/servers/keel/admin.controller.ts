/** The guarded, intercepted controller of the bench app; the load never calls it. */
import { Controller, Get, UseGuards, UseInterceptors } from '#core';
import { ApiKeyGuard } from './api-key.guard.js';
import { GreetingService } from './greeting.service.js';
import { TimingInterceptor } from './timing.interceptor.js';

/** GET /admin/hello behind `ApiKeyGuard` and `TimingInterceptor`. */
@Controller('/admin')
@UseGuards(ApiKeyGuard)
@UseInterceptors(TimingInterceptor)
export class AdminController {
  constructor(private readonly greetings: GreetingService) {}

  /** Same payload as /hello, but guarded and timed. */
  @Get('/hello')
  hello() {
    return this.greetings.hello();
  }
}
