/** `{{route}}`: routes of the {{module.words}} module; the logic lives in its services. */
{{#if isPublic}}
import { Controller, Public } from '#core';

/** Routes under `{{route}}`, open to anyone (`--public`), listed in the OpenAPI document under `{{entities.kebab}}`. */
@Public()
{{else}}
import { Controller } from '#core';

/** Routes under `{{route}}` (each needs a bearer token), listed in the OpenAPI document under `{{entities.kebab}}`. */
{{/if}}
@Controller('{{route}}', { tags: ['{{entities.kebab}}'] })
export class {{entity.pascal}}Controller {}
