/** Builds the kernel's boot error messages: culprit, position, token and the fix. */
import { DiError } from './di-error.js';
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
    'MISSING_PROVIDER',
    `Cannot resolve ${site.consumer} in ${module}: ${site.position} needs ${name}, which is not visible in ${module}.\n  Fix: ${fix}${chainLine(site.chain)}`,
  );
}

/** The parameter's emitted type is not a usable token (interface, type alias, `import type`). */
export function untypedParameter(site: DependencySite, emitted: unknown): DiError {
  if (emitted === undefined) {
    return new DiError(
      'UNDEFINED_PARAMETER_TYPE',
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
    'UNTYPED_PARAMETER',
    `Cannot resolve ${site.consumer} in ${site.host.name}: ${site.position} ${why}.\n  Fix: inject it by token with @Inject(TOKEN) (e.g. @Inject(CACHE) cache: Cache)${isPrimitive ? ' and a { provide: TOKEN, useValue } provider' : ', or import the class with a value import (not `import type`)'}.${chainLine(site.chain)}`,
  );
}

/** A class with constructor parameters but no decorator metadata. */
export function missingMetadata(consumer: string, host: ModuleRecord, arity: number): DiError {
  return new DiError(
    'MISSING_METADATA',
    `Cannot resolve ${consumer} in ${host.name}: its constructor takes ${arity} parameter(s) but has no decorator metadata.\n  Fix: decorate ${consumer} with @Injectable(), and keep "emitDecoratorMetadata": true in tsconfig.json.`,
  );
}

/** A provider depends on itself through a chain. */
export function providerCycle(chain: readonly string[], repeated: string): DiError {
  const loop = [...chain.slice(chain.indexOf(repeated)), repeated].join(' -> ');
  return new DiError(
    'PROVIDER_CYCLE',
    `Provider cycle: ${loop}.\n  Fix: move the shared logic into a third provider, or inject one side with @Inject(forwardRef(() => ${repeated})) and do not use it inside the constructor.`,
  );
}

function chainLine(chain: readonly string[]): string {
  return chain.length > 1 ? `\n  Resolution path: ${chain.join(' -> ')}` : '';
}
