/** The `{{wsPath}}` WebSocket gateway of the {{module.words}} module (needs WsModule in AppModule). */
import { Gateway } from '#core';

/** Frames on `{{wsPath}}`: `{ "event": string, "data": any }`, handled by `@Subscribe` methods. */
@Gateway('{{wsPath}}')
export class {{entity.pascal}}Gateway {}
