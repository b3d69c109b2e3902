/** {{entity.words | capitalize}} actions of the {{module.words}} module. */
import { Injectable } from '#core';

/** Business logic of the {{module.words}} module about {{entities.words}}; controllers stay thin. */
@Injectable()
export class {{entity.pascal}}Service {}
