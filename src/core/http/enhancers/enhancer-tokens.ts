/** App-wide guards, interceptors and filters are providers under these multi-tokens. */
import { createMultiToken } from '../../di/multi-token.js';
import type { CanActivate } from './can-activate.js';
import type { ExceptionFilter } from './exception-filter.js';
import type { Interceptor } from './interceptor.js';

/** `{ provide: APP_GUARD, useClass: AuthGuard }` in any module guards every route and gateway. */
export const APP_GUARD = createMultiToken<CanActivate>('APP_GUARD');
/** `{ provide: APP_INTERCEPTOR, useClass: TimingInterceptor }` wraps every handler. */
export const APP_INTERCEPTOR = createMultiToken<Interceptor>('APP_INTERCEPTOR');
/** `{ provide: APP_FILTER, useClass: MyFilter }` catches errors of every route. */
export const APP_FILTER = createMultiToken<ExceptionFilter>('APP_FILTER');
