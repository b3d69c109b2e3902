/** `@Injectable()`: a class tsyringe can construct (TypeScript emits its parameter types). */
import { injectable } from 'tsyringe';

/** Marks a provider class; registers its constructor's tokens with tsyringe. */
export function Injectable(): ClassDecorator {
  return (target) => {
    injectable()(target as unknown as new (...args: never[]) => unknown);
  };
}
