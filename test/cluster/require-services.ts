/** Checked as `npm run test:cluster` loads its config: no run without a real Postgres and Redis. */

/** Throws a message that says what to set when DATABASE_URL or REDIS_URL is missing. */
export function requireServices(): void {
  const missing: string[] = [];
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
    missing.push('DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  if (!/^rediss?:\/\//.test(process.env.REDIS_URL ?? '')) {
    missing.push('REDIS_URL (e.g. redis://127.0.0.1:6379)');
  }
  if (missing.length === 0) return;
  throw new Error(
    `npm run test:cluster runs several workers, which need a real Postgres and Redis (PGlite is ` +
      `single-process). Set ${missing.join(' and ')}; the test creates and drops its own ` +
      `scratch database next to DATABASE_URL's.`,
  );
}
