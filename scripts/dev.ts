/** `bun scripts/dev.ts` (`npm run dev`): the app and `tsc --watch`, prefixed, until Ctrl-C. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DevSupervisor } from './lib/dev-supervisor.js';

const supervisor = new DevSupervisor({
  // The project is the folder that holds scripts/, wherever the command is started from.
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  bun: process.execPath,
  stdout: process.stdout,
  stderr: process.stderr,
});

let stopping = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (stopping) {
    supervisor.kill();
    process.exit(1);
  }
  stopping = true;
  supervisor.stop(signal).then(() => process.exit(0));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// The children have their own process groups: never leave them behind.
process.on('exit', () => supervisor.kill());

supervisor.start();
