/**
 * `#core` for the bench's TypeScript (Bun, tsc). bench/package.json scopes bench/, and a package's
 * `imports` may only point inside it, so the name lands here; Node's build maps it to `.build/src`.
 */
export * from '../../src/core/index.js';
