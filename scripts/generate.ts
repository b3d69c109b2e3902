/** `bun scripts/generate.ts <module|controller|service|repository|gateway|guard> <name> [options]`: scaffolding. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGenerate } from './lib/generate-runner.js';

const scripts = dirname(fileURLToPath(import.meta.url));

// The project is the folder that holds scripts/, wherever the command is started from.
runGenerate(process.argv.slice(2), {
  root: join(scripts, '..'),
  templatesDir: join(scripts, 'templates'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `generate failed unexpectedly: ${(error as Error)?.stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
