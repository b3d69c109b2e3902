/** Where a target is missed: Node CPU profiles of the Keel side and its baseline, side by side. */
import { profilesMarkdown, recordProfile } from '../lib/cpu-profile.js';
import type { Section } from '../lib/report.js';
import type { BenchSettings } from '../lib/settings.js';
import { APP, appEnv, deleteUser, seedUser } from './app-env.js';
import { HTTP_ROUTES, type HttpConfigName, httpConfig } from './http-configs.js';
import type { ProfileRequest } from './http-overhead.scenario.js';

/** What `--profile` records on each route: Keel against plain Fastify, defaults against off. */
export function everyProfile(scenarios: ReadonlySet<number>): ProfileRequest[] {
  const pairs: [HttpConfigName, HttpConfigName][] = [
    ['keel', 'plain'],
    ['keel-defaults', 'keel'],
  ];
  return HTTP_ROUTES.filter((route) => scenarios.has(route.scenario)).flatMap((route) =>
    pairs.map((pair) => ({ route, pair })),
  );
}

/** Profiles each pair of servers under load on its route (scenarios 1-2), each pair once. */
export async function profileHttpRoutes(
  requests: readonly ProfileRequest[],
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Section> {
  const unique = new Map(requests.map((r) => [`${r.route.path} ${r.pair.join(' ')}`, r]));
  const parts: string[] = [];
  for (const { route, pair } of unique.values()) {
    log(`profiling ${route.method} ${route.path} on node (${pair.join(', then ')})`);
    const load = { ...route, plan: settings.http, durationS: settings.profileS };
    const profiles = [];
    for (const name of pair) {
      const { label, entry } = httpConfig(name);
      const server = { name: `profile-${name}`, entry, probePath: '/hello' };
      profiles.push(await recordProfile({ label, server, load }));
    }
    const heading = `### ${route.method} ${route.path}: ${profiles.map((p) => p.label).join(' vs ')}`;
    parts.push(heading, '', profilesMarkdown(profiles), '');
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
  log('profiling a memory cache hit (GET /users/:id) and Keel GET /hello (logging off) on node');
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
    label: 'Keel GET /hello, logging off',
    server: { name: 'profile-keel-hello', entry: httpConfig('keel').entry, probePath: '/hello' },
    load: { path: '/hello', plan, durationS },
  });
  return {
    title: 'CPU profiles on Node (--cpu-prof), scenario 3',
    markdown: profilesMarkdown([hit, hello]),
    checks: [],
  };
}
