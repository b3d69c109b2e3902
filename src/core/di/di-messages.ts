/** The DI catalogue's builders: each names the culprit, the position, the token and the fix. */
import { KeelError, withoutSeeLine } from '../errors/keel-error.js';
import { DI_ERROR_CODES as CODES, DiError } from './di-error.js';
import { type InjectionToken, tokenName } from './injection-token.js';
import type { ModuleGraph } from './module-graph.js';
import type { ModuleRecord } from './module-record.js';

/** Where a dependency was asked for. */
export interface DependencySite {
  consumer: string;
  host: ModuleRecord;
  /** 'constructor parameter #2 (index 1)' or 'factory inject[0]'. */
  position: string;
  chain: readonly string[];
}

/** Describes a constructor position the way the messages print it. */
export function parameterPosition(index: number): string {
  return `constructor parameter #${index + 1} (index ${index})`;
}

/** The token is not visible from the consumer's module. */
export function missingProvider(
  site: DependencySite,
  token: InjectionToken,
  graph: ModuleGraph,
): DiError {
  const name = tokenName(token);
  const module = site.host.name;
  const exporters = graph.exportersOf(token).filter((m) => m !== site.host);
  const hidden = graph.hiddenProvidersOf(token).filter((m) => m !== site.host);
  let fix: string;
  if (exporters.length > 0) {
    fix = `import ${exporters.map((m) => m.name).join(' or ')} into ${module} (it exports ${name}).`;
  } else if (hidden.length > 0) {
    const owner = hidden[0]!.name;
    fix = `${owner} provides ${name} but does not export it: add ${name} to the exports of ${owner}, then import ${owner} into ${module}.`;
  } else {
    fix = `add ${name} to the providers of ${module}, or import a module that provides and exports it.`;
  }
  return new DiError(
    CODES.MISSING_PROVIDER,
    `Cannot resolve ${site.consumer} in ${module}: ${site.position} needs ${name}, which is not visible in ${module}.\n  Fix: ${fix}${chainLine(site.chain)}`,
  );
}

/** The parameter's emitted type is not a usable token (interface, type alias, `import type`). */
export function untypedParameter(site: DependencySite, emitted: unknown): DiError {
  if (emitted === undefined) {
    return new DiError(
      CODES.UNDEFINED_PARAMETER_TYPE,
      `Cannot resolve ${site.consumer} in ${site.host.name}: the type of ${site.position} was undefined when the class was decorated. Its class is declared later in the file or comes from a circular file import.\n  Fix: write @Inject(forwardRef(() => TheClass)) on that parameter, or break the file cycle.${chainLine(site.chain)}`,
    );
  }
  const shown = typeof emitted === 'function' ? emitted.name : String(emitted);
  const isPrimitive = [
    'String',
    'Number',
    'Boolean',
    'Array',
    'Symbol',
    'BigInt',
    'Promise',
  ].includes(shown);
  const why = isPrimitive
    ? `is typed ${shown}; only classes are injected by type`
    : `has no runtime type (TypeScript emitted ${shown}): its type is an interface or a type alias, or a class imported with \`import type\``;
  return new DiError(
    CODES.UNTYPED_PARAMETER,
    `Cannot resolve ${site.consumer} in ${site.host.name}: ${site.position} ${why}.\n  Fix: inject it by token with @Inject(TOKEN) (e.g. @Inject(CACHE) cache: Cache)${isPrimitive ? ' and a { provide: TOKEN, useValue } provider' : ', or import the class with a value import (not `import type`)'}.${chainLine(site.chain)}`,
  );
}

/** A class with constructor parameters but no decorator metadata. */
export function missingMetadata(consumer: string, host: ModuleRecord, arity: number): DiError {
  return new DiError(
    CODES.MISSING_METADATA,
    `Cannot resolve ${consumer} in ${host.name}: its constructor takes ${arity} parameter(s) but has no decorator metadata.\n  Fix: decorate ${consumer} with @Injectable(), and keep "emitDecoratorMetadata": true in tsconfig.json.`,
  );
}

/** A provider depends on itself through a chain. */
export function providerCycle(chain: readonly string[], repeated: string): DiError {
  const loop = [...chain.slice(chain.indexOf(repeated)), repeated].join(' -> ');
  return new DiError(
    CODES.CYCLE,
    `Provider cycle: ${loop}.\n  Fix: move the shared logic into a third provider, or inject one side with @Inject(forwardRef(() => ${repeated})) and do not use it inside the constructor.`,
  );
}

/** A forwardRef dependency used inside its consumer's constructor, before it exists. */
export function forwardRefNotReady(name: string, consumer: string): DiError {
  return new DiError(
    CODES.FORWARD_REF_NOT_READY,
    `${consumer} used ${name} (injected with forwardRef) inside its constructor, before ${name} was constructed. Fix: use it later (in methods or onModuleInit), not in the constructor.`,
  );
}

/** `app.get(token)` found no constructed provider (`strict`: only what the root module sees). */
export function unknownToken(tokenName: string, rootName: string, strict: boolean): DiError {
  const where = strict ? `visible from ${rootName}` : 'provided by any module';
  return new DiError(
    CODES.UNKNOWN_TOKEN,
    `app.get(${tokenName}): no provider ${where}. Fix: add it to the providers of a module (and export it to reach it from ${rootName}).`,
  );
}

/** An `undefined` entry in a module's providers (what a circular file import leaves behind). */
export function undefinedProvider(moduleName: string): DiError {
  return new DiError(
    CODES.UNDEFINED_PROVIDER,
    `${moduleName} has an undefined entry in its providers. This is what a circular file import leaves behind (the file had not finished loading). Fix: break the file cycle, or import the class from the file that defines it rather than an index that re-exports it.`,
  );
}

/** A provider object without `provide`; `shown` is the object as the message prints it. */
export function providerWithoutToken(moduleName: string, shown: string): DiError {
  return new DiError(
    CODES.BAD_PROVIDER,
    `${moduleName} has a provider without \`provide\`: ${shown}. Fix: write { provide: TOKEN, useClass | useValue | useFactory | useExisting }.`,
  );
}

/** A provider object with `provide` but no recipe. */
export function providerWithoutRecipe(moduleName: string, tokenName: string): DiError {
  return new DiError(
    CODES.BAD_PROVIDER,
    `${moduleName}: the provider for ${tokenName} has none of useClass, useValue, useFactory or useExisting. Fix: add one of them.`,
  );
}

/** A boot lifecycle hook (`Db.onModuleInit`) threw or timed out; the boot stops. */
export function hookFailed(hook: string, cause: unknown): DiError {
  // A kernel error (the hook timeout) brings its own fix; any other error gets the generic one.
  if (cause instanceof KeelError) {
    return new DiError(CODES.HOOK_FAILED, `${hook} failed: ${withoutSeeLine(cause.message)}`, {
      cause,
    });
  }
  const reason = (cause as Error | undefined)?.message ?? String(cause);
  return new DiError(
    CODES.HOOK_FAILED,
    `${hook} failed: ${reason}\n  Fix: make ${hook} succeed (its error is this error's cause), or catch the failure inside the hook if the app can run without it.`,
    { cause },
  );
}

/** A lifecycle hook did not settle within the hook timeout. */
export function hookTimeout(hook: string, timeoutMs: number): DiError {
  return new DiError(
    CODES.HOOK_TIMEOUT,
    `${hook} did not finish within ${timeoutMs} ms (hook timeout).\n  Fix: bound the slow work inside ${hook} (give its connections their own timeouts), or raise createApp's hookTimeoutMs.`,
  );
}

/** A tsyringe `@injectAll` or transform injection in a class the kernel builds. */
export function unsupportedInjection(consumer: string, position: string): DiError {
  return new DiError(
    CODES.UNSUPPORTED_INJECTION,
    `Cannot resolve ${consumer}: ${position} uses tsyringe's @injectAll or a transform, which module visibility cannot check.\n  Fix: inject a multi-token with DiscoveryService.getMultiProviders(TOKEN), or a provider that does the transform, with @Inject(TOKEN).`,
  );
}

/** `moduleRef.get(token)`: the module cannot see the token. */
export function notVisibleInModule(tokenName: string, moduleName: string): DiError {
  return new DiError(
    CODES.UNKNOWN_TOKEN,
    `moduleRef.get(${tokenName}) in ${moduleName}: no provider of that token is visible in ${moduleName}.\n  Fix: add it to the providers of ${moduleName}, or import a module that exports it.`,
  );
}

function chainLine(chain: readonly string[]): string {
  return chain.length > 1 ? `\n  Resolution path: ${chain.join(' -> ')}` : '';
}
