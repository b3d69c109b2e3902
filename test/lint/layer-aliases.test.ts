/** Application code names other layers by their package.json aliases, never by `../../` chains. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYERS = ['app', 'infra', 'modules'] as const;
const SPECIFIER = /from '((?:\.\.?\/)+(?:\.\.\/)*(?:core|infra|modules|app)\/[^']*)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative specifiers of `file` that leave its own layer (`src/<layer>/`). */
function crossLayerRelativeImports(file: string, text: string): string[] {
  const layer = file.split('/')[1];
  const depth = file.split('/').length - 2;
  return [...text.matchAll(SPECIFIER)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => {
      const ups = specifier.split('/').filter((part) => part === '..').length;
      return ups >= depth && !specifier.split('/').includes(layer ?? '');
    });
}

describe('layer aliases', () => {
  it('finds a relative import of the kernel (the check can fail)', () => {
    const text = "import { Module } from '../../core/index.js';";
    expect(crossLayerRelativeImports('src/modules/user/user.module.ts', text)).toEqual([
      '../../core/index.js',
    ]);
    expect(crossLayerRelativeImports('src/modules/user/user.module.ts', "from './x.js'")).toEqual(
      [],
    );
  });

  it.each(LAYERS)(
    'src/%s imports other layers only through #core, #infra/*, #modules/*',
    (layer) => {
      const offenders = sources(join('src', layer)).flatMap((file) =>
        crossLayerRelativeImports(file, readFileSync(file, 'utf8')).map((s) => `${file}: ${s}`),
      );
      expect(offenders).toEqual([]);
    },
  );
});
