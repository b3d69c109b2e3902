/** Parameter decorators: `@Body @Param @Query @Headers @Req @Res @RawBody`. */
import type { ExecutionContext } from '../execution-context.js';
import { paramOnConstructor } from '../http-kernel-errors.js';
import { ROUTE_PARAMS } from '../metadata-keys.js';

/** Where a handler argument comes from. */
export type ParamKind =
  | 'body'
  | 'params'
  | 'query'
  | 'headers'
  | 'req'
  | 'res'
  | 'rawBody'
  | 'custom';

/** One decorated handler parameter. */
export interface ParamSpec {
  index: number;
  kind: ParamKind;
  key?: string;
  factory?: (data: unknown, ctx: ExecutionContext) => unknown;
  data?: unknown;
}

/** Records a parameter spec on the method. */
export function addParam(target: object, key: string | symbol | undefined, spec: ParamSpec): void {
  if (key === undefined) {
    const className = typeof target === 'function' ? target.name : target.constructor.name;
    throw paramOnConstructor(className, decoratorName(spec.kind), spec.index);
  }
  const params: ParamSpec[] = [...(Reflect.getOwnMetadata(ROUTE_PARAMS, target, key) ?? []), spec];
  Reflect.defineMetadata(ROUTE_PARAMS, params, target, key);
}

function decoratorName(kind: ParamKind): string {
  if (kind === 'custom') return 'custom parameter';
  if (kind === 'params') return '@Param()';
  return `@${kind.charAt(0).toUpperCase()}${kind.slice(1)}()`;
}

function source(kind: ParamKind) {
  return (key?: string): ParameterDecorator =>
    (target, method, index) => {
      addParam(target, method, key === undefined ? { index, kind } : { index, kind, key });
    };
}

/** The validated body, or one of its fields. */
export const Body = source('body');
/** The validated path parameters, or one of them. */
export const Param = source('params');
/** The validated query string, or one of its keys. */
export const Query = source('query');
/** The request headers, or one of them (lower-case name). */
export const Headers = source('headers');
/** The Fastify request. */
export const Req = (): ParameterDecorator => source('req')();
/** The Fastify reply: the handler then sends the response itself. */
export const Res = (): ParameterDecorator => source('res')();
/** The raw body Buffer (the route needs `rawBody: true`). */
export const RawBody = (): ParameterDecorator => source('rawBody')();
