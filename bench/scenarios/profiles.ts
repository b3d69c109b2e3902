/** Where a target is missed: Node CPU profiles of the Keel side and its baseline, side by side. */
import { profilesMarkdown, recordProfile } from '../lib/cpu-profile.js';
import type { Section } from '../lib/report.js';
import type { BenchSettings } from '../lib/settings.js';
import { APP, appEnv, deleteUser, seedUser } from './app-env.js';
import { HTTP_CONFIGS, type HttpRoute } from './http-configs.js';

function entryOf(name: 'keel' | 'matched'): string {
  return HTTP_CONFIGS.find((config) => config.name === name)!.entry;
}

/** Profiles the Keel and matched servers under load on each route (scenarios 1-2). */
export async function profileHttpRoutes(
  routes: readonly HttpRoute[],
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Section> {
  const parts: string[] = [];
  for (const route of routes) {
    log(`profiling ${route.method} ${route.path} on node (keel, then matched)`);
    const load = { ...route, plan: settings.http, durationS: settings.profileS };
    const [keel, matched] = [
      await recordProfile({
        label: 'Keel controller',
        server: { name: 'profile-keel', entry: entryOf('keel'), probePath: '/hello' },
        load,
      }),
      await recordProfile({
        label: 'matched baseline',
        server: { name: 'profile-matched', entry: entryOf('matched'), probePath: '/hello' },
        load,
      }),
    ];
    parts.push(`### ${route.method} ${route.path}`, '', profilesMarkdown([keel, matched]), '');
  }
  return {
    title: 'CPU profiles on Node (--cpu-prof), scenarios 1-2',
    markdown: parts.join('\n'),
    checks: [],
  };
}

/** Profiles the boot of the example app (Postgres, memory adapters) and of plain Fastify. */
export async function profileBoot(log: (line: string) => void): Promise<Section> {
  log('profiling the boot of the example app and of plain Fastify on node');
  const app = await recordProfile({
    label: 'example app boot',
    server: {
      name: 'profile-app-boot',
      ...APP,
      env: appEnv({ DATABASE_URL: process.env.DATABASE_URL }),
    },
  });
  const plain = await recordProfile({
    label: 'plain Fastify boot',
    server: {
      name: 'profile-plain-boot',
      entry: 'bench/servers/plain-fastify.server.ts',
      probePath: '/hello',
    },
  });
  return {
    title: 'CPU profile of the boot on Node (--cpu-prof), scenario 5',
    markdown: profilesMarkdown([app, plain]),
    checks: [],
  };
}

/** Profiles a memory-cache hit on GET /users/:id against Keel's GET /hello (scenario 3). */
export async function profileCacheHit(
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Section> {
  log('profiling a memory cache hit (GET /users/:id) and Keel GET /hello on node');
  const plan = settings.data;
  const durationS = settings.profileS;
  const database = process.env.DATABASE_URL || 'pglite://memory';
  let id = '';
  const hit = await recordProfile({
    label: 'cache hit, memory',
    server: { name: 'profile-cache-hit', ...APP, env: appEnv({ DATABASE_URL: database }) },
    load: {
      path: async (server) => {
        id = await seedUser(server);
        return `/users/${id}`;
      },
      plan,
      durationS,
    },
    beforeStop: (server) => (id ? deleteUser(server, id) : Promise.resolve()),
  });
  const hello = await recordProfile({
    label: 'Keel GET /hello',
    server: { name: 'profile-keel-hello', entry: entryOf('keel'), probePath: '/hello' },
    load: { path: '/hello', plan, durationS },
  });
  return {
    title: 'CPU profiles on Node (--cpu-prof), scenario 3',
    markdown: profilesMarkdown([hit, hello]),
    checks: [],
  };
}
