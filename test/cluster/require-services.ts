/** Checked as a suite's config loads (`test:cluster`, `test:load`): no run without real services. */

/** What a suite needs and why (the reason ends the error message). */
export interface RequiredServices {
  suite: string;
  redis: boolean;
  why: string;
}

const CLUSTER: RequiredServices = {
  suite: 'npm run test:cluster',
  redis: true,
  why: 'runs several workers, which need a real Postgres and Redis (PGlite is single-process)',
};

/** Throws a message that says what to set when DATABASE_URL (or REDIS_URL) is missing. */
export function requireServices(required: RequiredServices = CLUSTER): void {
  const missing: string[] = [];
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
    missing.push('DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  }
  if (required.redis && !/^rediss?:\/\//.test(process.env.REDIS_URL ?? '')) {
    missing.push('REDIS_URL (e.g. redis://127.0.0.1:6379)');
  }
  if (missing.length === 0) return;
  throw new Error(
    `${required.suite} ${required.why}. Set ${missing.join(' and ')}; the test creates and ` +
      `drops its own scratch database next to DATABASE_URL's.`,
  );
}
