/** Public surface of the {{entity.words}} module. */
export { {{#each enums}}{{constName}}, {{/each}}{{tableConst}} } from './{{entity.kebab}}.entity.js';
export { {{entity.pascal}}NotFoundError } from './{{entity.kebab}}.errors.js';
export { {{entity.pascal}}Module } from './{{entity.kebab}}.module.js';
export type { Create{{entity.pascal}}, Update{{entity.pascal}}, {{entity.pascal}}, {{entity.pascal}}Page } from './{{entity.kebab}}.schemas.js';
export { {{entity.pascal}}Service } from './{{entity.kebab}}.service.js';
