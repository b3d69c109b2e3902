/** The Node bundle of `npm run build`: class names, decorator metadata and lazy imports survive it. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleForNode, NODE_BUNDLE_EXTERNALS } from '../../scripts/lib/node-bundle.js';

// Inside the repository, so the bundle's external imports resolve from its node_modules.
const root = mkdtempSync(join(process.cwd(), 'test/fixtures/tmp-node-bundle-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// tsc's decorator helpers, as it emits them in every decorated file.
const HELPERS = `var __decorate = function (decorators, target) {
  for (let i = decorators.length - 1; i >= 0; i--) target = decorators[i](target) || target;
  return target;
};
var __metadata = function (k, v) {
  if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
const Injectable = () => (target) => target;`;

function write(path: string, text: string): void {
  mkdirSync(join(root, 'dist', path, '..'), { recursive: true });
  writeFileSync(join(root, 'dist', path), text);
}

// The shape of tsc's output: two files declaring the same class name, a class injected by type,
// an import() of a file that imports an external package, reflect-metadata imported first.
function writeTscLikeOutput(): void {
  write('a/clock.js', 'export class Clock { now() { return 1; } }\n');
  write('b/clock.js', 'export class Clock { now() { return 2; } }\n');
  write(
    'service.js',
    `${HELPERS}
import { Clock } from './a/clock.js';
let Service = class Service { constructor(clock) { this.clock = clock; } };
Service = __decorate([Injectable(), __metadata("design:paramtypes", [Clock])], Service);
export { Service };
`,
  );
  write(
    'lazy.js',
    "import { PGlite } from '@electric-sql/pglite';\nexport const lazy = typeof PGlite;\n",
  );
  write(
    'main.js',
    `import 'reflect-metadata';
import { Clock as ClockA } from './a/clock.js';
import { Clock as ClockB } from './b/clock.js';
import { Service } from './service.js';
const [type] = Reflect.getMetadata('design:paramtypes', Service);
const report = { names: [ClockA.name, ClockB.name, Service.name], injected: type === ClockA };
if (process.argv[2] === 'lazy') report.lazy = (await import('./lazy.js')).lazy;
console.log(JSON.stringify(report));
`,
  );
}

describe('bundleForNode', () => {
  it('keeps class names and design:paramtypes, and leaves import() targets out of the entry', async () => {
    writeTscLikeOutput();
    const outdir = join(root, 'dist');
    await bundleForNode({ entry: join(outdir, 'main.js'), outdir });
    const run = (...args: string[]) =>
      JSON.parse(execFileSync('node', [join(outdir, 'main.js'), ...args], { encoding: 'utf8' }));
    expect(run()).toEqual({ names: ['Clock', 'Clock', 'Service'], injected: true });
    expect(run('lazy')).toMatchObject({ lazy: 'function' });
    const entry = readFileSync(join(outdir, 'main.js'), 'utf8');
    expect(entry).not.toContain('@electric-sql/pglite');
    expect(entry).toContain('import("./chunks/');
  });

  it('keeps out the packages that read files next to their own code or load on demand', () => {
    expect(Object.keys(NODE_BUNDLE_EXTERNALS)).toEqual(
      expect.arrayContaining([
        '@electric-sql/pglite',
        '@fastify/swagger-ui',
        'pino',
        'ioredis',
        '@node-rs/argon2',
        'reflect-metadata',
      ]),
    );
  });
});
