import { describe, expect, it } from 'vitest';
import {
  CONTEXT_LOGGER,
  createApp,
  Inject,
  Injectable,
  type Logger,
  Module,
  RequestContext,
} from '#core';
import { createLogger } from '../../../src/core/logger/index.js';
import { LogCapture } from '../logger/log-capture.js';

@Injectable()
class BillingService {
  constructor(@Inject(CONTEXT_LOGGER) readonly logger: Logger) {}
}

@Injectable()
class ShippingService {
  constructor(@Inject(CONTEXT_LOGGER) readonly logger: Logger) {}
}

describe('CONTEXT_LOGGER', () => {
  it('injects a child of the root logger named after the class that asks for it', async () => {
    const capture = new LogCapture();
    @Module({ providers: [BillingService, ShippingService] })
    class AppModule {}
    const app = await createApp(AppModule, {
      logger: createLogger({ level: 'info', pretty: false, destination: capture }),
    });
    app.get(BillingService).logger.info('charged');
    RequestContext.run({ requestId: 'req-7', lang: 'en' }, () => {
      app.get(ShippingService).logger.info('shipped');
    });
    const lines = capture.records().filter((r) => r.msg === 'charged' || r.msg === 'shipped');
    expect(lines.map((r) => [r.msg, r.context, r.requestId])).toEqual([
      ['charged', 'BillingService', undefined],
      ['shipped', 'ShippingService', 'req-7'],
    ]);
    await app.close();
  });
});
