/** `npm run build`'s last step: bundles tsc's `dist/main.js` in place, so Node loads a few files, not 800. */
import { bundleForNode } from './lib/node-bundle.js';

async function main(): Promise<void> {
  const started = performance.now();
  const result = await bundleForNode({ entry: 'dist/main.js', outdir: 'dist' });
  const outputs = Object.entries(result.metafile?.outputs ?? {}).filter(([file]) =>
    file.endsWith('.js'),
  );
  const bytes = outputs.reduce((sum, [, output]) => sum + output.bytes, 0);
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `Bundled dist/main.js: ${outputs.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB, in ${ms} ms.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`Bundling failed: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(1);
});
