/** `@Injectable()`: marks a class as constructible by the kernel (and emits its metadata). */
import { INJECTABLE } from './metadata-keys.js';

/** Marks a provider class. TypeScript emits `design:paramtypes` only for decorated classes. */
export function Injectable(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(INJECTABLE, true, target);
  };
}
