/** Refuses feature names whose identifiers would collide with what the generated files import or declare. */
import { ArgsError } from './generator-errors.js';
import type { Names } from './naming.js';

/**
 * Identifiers the module templates import or declare next to the feature's own bare names
 * (`Payment` in the service, `payments` in the entity, repository and tests, `payment` as a local).
 */
export const TEMPLATE_IDENTIFIERS: ReadonlySet<string> = new Set([
  // src/core, src/infra and zod
  'App',
  'AuthModule',
  'BaseRepository',
  'Body',
  'BusEnvelope',
  'BusModule',
  'CacheEvict',
  'CacheModule',
  'Cacheable',
  'Controller',
  'DatabaseModule',
  'Db',
  'Delete',
  'Get',
  'Inject',
  'Injectable',
  'MessageBus',
  'Module',
  'NotFoundError',
  'Param',
  'Patch',
  'Post',
  'Public',
  'Query',
  'Roles',
  'UnitOfWork',
  'z',
  // drizzle-orm/pg-core builders
  'bigint',
  'boolean',
  'char',
  'date',
  'doublePrecision',
  'integer',
  'jsonb',
  'numeric',
  'pgEnum',
  'pgTable',
  'text',
  'timestamp',
  'uuid',
  'varchar',
  // locals of the service and the generated test
  'anonymous',
  'app',
  'create',
  'database',
  'driver',
  'id',
  'input',
  'modules',
  'page',
  'patch',
  'published',
  'query',
  'reader',
  'requiredBody',
  'row',
  'validBody',
  'wasPublished',
  // vitest
  'afterAll',
  'beforeAll',
  'describe',
  'expect',
  'it',
]);

/**
 * Throws when a bare form of the name (`Payment`, `payment`, `Payments`, `payments`) or its module
 * class (`AuthModule` next to `#infra/auth`'s in the generated test) is taken.
 */
export function checkNameClashes(names: Names, what = 'name'): void {
  const forms = [
    names.singular.pascal,
    names.singular.camel,
    names.plural.pascal,
    names.plural.camel,
    `${names.singular.pascal}Module`,
  ];
  const clash = forms.find((form) => TEMPLATE_IDENTIFIERS.has(form));
  if (clash === undefined) return;
  throw new ArgsError(
    `${what} "${names.singular.kebab}" would become "${clash}", which the generated code already uses: pick a more specific name, e.g. "${names.singular.kebab}-item"`,
  );
}
