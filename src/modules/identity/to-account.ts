/** Maps a stored account row to the `Account` services hand out (without the password hash). */
import type { AccountRow } from './identity.entity.js';
import type { Account } from './identity.types.js';

/** The account as services see it. */
export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: [...row.roles],
    createdAt: row.createdAt,
  };
}
