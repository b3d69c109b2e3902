/** The composition root: which modules the app runs and which adapters back the ports. */
import { type DynamicModule, Module } from '../core/index.js';
import { HealthModule } from '../modules/health/index.js';
import type { AppConfig } from './config.js';
import { ConfigModule } from './config.module.js';

/** `createApp(AppModule.forRoot(loadConfig()))`: everything wired from one validated config. */
@Module({})
export class AppModule {
  /** The whole app for `config`. */
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), HealthModule],
    };
  }
}
