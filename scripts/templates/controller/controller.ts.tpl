/** `{{route}}`: routes of the {{module.words}} module; the logic lives in its services. */
import { Controller } from '#core';

/** Routes under `{{route}}`, listed in the OpenAPI document under `{{entities.kebab}}`. */
@Controller('{{route}}', { tags: ['{{entities.kebab}}'] })
export class {{entity.pascal}}Controller {}
