/** {{entity.words | capitalize}} actions: create, read (cached), list, update and delete, each announced on the bus. */
import { Inject, Injectable, MESSAGE_BUS, type MessageBus } from '#core';
import { Cacheable, CacheEvict } from '#infra/cache';
import type { {{entity.pascal}}Row } from './{{entity.kebab}}.entity.js';
import { {{entity.pascal}}NotFoundError } from './{{entity.kebab}}.errors.js';
import { {{entity.pascal}}Repository } from './{{entity.kebab}}.repository.js';
import type {
  Create{{entity.pascal}},
  {{entity.pascal}},
  {{entity.pascal}}Page,
  List{{entities.pascal}},
  Update{{entity.pascal}},
} from './{{entity.kebab}}.schemas.js';

// A cached {{entity.words}} lives this long even if an eviction is missed (e.g. while Redis was down).
const {{entity.constant}}_TTL_MS = 60_000;

/** The {{entity.words}} module's business logic; controllers stay thin. */
@Injectable()
export class {{entity.pascal}}Service {
  constructor(
    private readonly {{entities.camel}}: {{entity.pascal}}Repository,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  /** Creates {{aEntity}}. */
  async create(input: Create{{entity.pascal}}): Promise<{{entity.pascal}}> {
    const row = await this.{{entities.camel}}.create({
{{#each fields}}
      {{name}}: input.{{name}},
{{/each}}
    });
    const {{entity.camel}} = to{{entity.pascal}}(row);
    await this.bus.publish('{{topic}}.created', {{entity.camel}});
    return {{entity.camel}};
  }

  /** The {{entity.words}}, from the cache when it is there. */
  @Cacheable({ key: '{{cacheKey}}:{0}', ttl: {{entity.constant}}_TTL_MS })
  async findById(id: string): Promise<{{entity.pascal}}> {
    const row = await this.{{entities.camel}}.findById(id);
    if (!row) throw new {{entity.pascal}}NotFoundError(id);
    return to{{entity.pascal}}(row);
  }

  /** One page of {{entities.words}}, oldest first. */
  async list(query: List{{entities.pascal}}): Promise<{{entity.pascal}}Page> {
    const page = await this.{{entities.camel}}.findMany({ limit: query.limit, cursor: query.cursor });
    return { items: page.items.map(to{{entity.pascal}}), nextCursor: page.nextCursor };
  }

  /** Changes the given fields; the others keep their values. An empty patch changes nothing. */
  @CacheEvict({ keys: ['{{cacheKey}}:{0}'] })
  async update(id: string, patch: Update{{entity.pascal}}): Promise<{{entity.pascal}}> {
    const row = await this.{{entities.camel}}.update(id, {
{{#each fields}}
      {{name}}: patch.{{name}},
{{/each}}
    });
    if (!row) throw new {{entity.pascal}}NotFoundError(id);
    const {{entity.camel}} = to{{entity.pascal}}(row);
    await this.bus.publish('{{topic}}.updated', {{entity.camel}});
    return {{entity.camel}};
  }

  /** Deletes the {{entity.words}}. */
  @CacheEvict({ keys: ['{{cacheKey}}:{0}'] })
  async delete(id: string): Promise<void> {
    if (!(await this.{{entities.camel}}.delete(id))) throw new {{entity.pascal}}NotFoundError(id);
    await this.bus.publish('{{topic}}.deleted', { id });
  }
}

/** Timestamps and bigints as strings: what the wire carries and what a cache can store as JSON. */
function to{{entity.pascal}}(row: {{entity.pascal}}Row): {{entity.pascal}} {
  return {
    id: row.id,
{{#each fields}}
    {{name}}: {{rowValue}},
{{/each}}
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
