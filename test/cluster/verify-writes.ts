/** After a load run: is every acknowledged write readable through the API, and nothing more stored? */
import postgres from 'postgres';
import type { CreatedUser, UserLoadReport } from './user-load.js';

/** What the check found. */
export interface WriteCheck {
  /** Users answered 201 that GET /users/:id does not return with the same email. */
  lost: CreatedUser[];
  /** Rows the load wrote (emails `load-...@load.test`). */
  stored: number;
  /** Rows written by requests still in flight when the load stopped (no answer expected). */
  storedCutByEnd: number;
  /** Other rows without a 201: a write whose answer never reached the client mid-run. */
  storedUnacknowledged: number;
}

const CONCURRENCY = 8;

async function readable(baseUrl: string, user: CreatedUser): Promise<boolean> {
  const response = await fetch(`${baseUrl}/users/${user.id}`);
  if (response.status !== 200) return false;
  const body = (await response.json()) as { email?: string };
  return body.email === user.email;
}

async function findLost(baseUrl: string, created: readonly CreatedUser[]): Promise<CreatedUser[]> {
  const lost: CreatedUser[] = [];
  let next = 0;
  const reader = async () => {
    while (next < created.length) {
      const user = created[next++] as CreatedUser;
      if (!(await readable(baseUrl, user))) lost.push(user);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, reader));
  return lost;
}

async function storedEmails(databaseUrl: string): Promise<string[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ email: string }[]>`select email from users where email like 'load-%'`;
    return rows.map((row) => row.email);
  } finally {
    await sql.end();
  }
}

/** Reads every created user back through the API (8 at a time) and accounts for every row. */
export async function verifyWrites(
  baseUrl: string,
  databaseUrl: string,
  report: UserLoadReport,
): Promise<WriteCheck> {
  const lost = await findLost(baseUrl, report.created);
  const acknowledged = new Set(report.created.map((user) => user.email));
  // The load writes `<request id>@load.test`, so each row names the request that wrote it.
  const cutByEnd = new Set(report.inFlightWriteIds);
  let storedCutByEnd = 0;
  let storedUnacknowledged = 0;
  const emails = await storedEmails(databaseUrl);
  for (const email of emails) {
    if (acknowledged.has(email)) continue;
    if (cutByEnd.has(email.split('@')[0] ?? '')) storedCutByEnd += 1;
    else storedUnacknowledged += 1;
  }
  return { lost, stored: emails.length, storedCutByEnd, storedUnacknowledged };
}
