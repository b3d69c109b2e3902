/** Guards of the WebSocket upgrade: they run before the handshake completes. */
import { createMultiToken } from '../di/multi-token.js';
import type { WsHandshake } from './ws-handshake.js';

/**
 * Decides whether an upgrade request may open a connection. `false` answers HTTP 401 before the
 * upgrade; a thrown HttpError answers its own status (e.g. UnauthorizedError, ForbiddenError).
 */
export interface WsUpgradeGuard {
  canUpgrade(request: WsHandshake): boolean | Promise<boolean>;
}

/** `{ provide: WS_UPGRADE_GUARD, useClass: TokenUpgradeGuard }` in any module guards every gateway. */
export const WS_UPGRADE_GUARD = createMultiToken<WsUpgradeGuard>('WS_UPGRADE_GUARD');
