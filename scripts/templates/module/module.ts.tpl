/** The {{entity.words}} module: its routes, actions and table. */
import { Module } from '#core';
import { {{entity.pascal}}Controller } from './{{entity.kebab}}.controller.js';
import { {{entity.camel}}Messages } from './{{entity.kebab}}.messages.js';
import { {{entity.pascal}}Repository } from './{{entity.kebab}}.repository.js';
import { {{entity.pascal}}Service } from './{{entity.kebab}}.service.js';

/** Needs the global database, cache and bus modules (wired in AppModule). */
@Module({
  controllers: [{{entity.pascal}}Controller],
  providers: [{{entity.pascal}}Service, {{entity.pascal}}Repository],
  exports: [{{entity.pascal}}Service],
  messages: [{{entity.camel}}Messages],
})
export class {{entity.pascal}}Module {}
