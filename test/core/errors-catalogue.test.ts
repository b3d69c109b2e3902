/** docs/errors.md and the code catalogues agree, and every builder's message links to its entry. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_ERROR_CODES, ConfigError, formatConfigError } from '../../src/app/config.errors.js';
import { DI_ERROR_CODES, MODULE_ERROR_CODES } from '../../src/core/di/di-error.js';
import * as di from '../../src/core/di/di-messages.js';
import * as modules from '../../src/core/di/module-errors.js';
import type { ModuleGraph } from '../../src/core/di/module-graph.js';
import type { ModuleRecord } from '../../src/core/di/module-record.js';
import * as events from '../../src/core/events/event-kernel-errors.js';
import * as http from '../../src/core/http/http-kernel-errors.js';
import * as i18n from '../../src/core/i18n/i18n-errors.js';
import * as ws from '../../src/core/ws/ws-kernel-errors.js';
import * as auth from '../../src/infra/auth/auth-errors.js';
import * as infra from '../../src/infra/infra-errors.js';
import * as rateLimit from '../../src/infra/rate-limit/rate-limit-errors.js';
import { OIDC_ERROR_CODES, OidcConfigError } from '../../src/modules/oidc/oidc.errors.js';

const CATALOGUES = {
  DI_ERROR_CODES,
  MODULE_ERROR_CODES,
  HTTP_ERROR_CODES: http.HTTP_ERROR_CODES,
  WS_ERROR_CODES: ws.WS_ERROR_CODES,
  EVENT_ERROR_CODES: events.EVENT_ERROR_CODES,
  INFRA_ERROR_CODES: infra.INFRA_ERROR_CODES,
  AUTH_ERROR_CODES: auth.AUTH_ERROR_CODES,
  RATE_LIMIT_ERROR_CODES: rateLimit.RATE_LIMIT_ERROR_CODES,
  OIDC_ERROR_CODES,
  I18N_ERROR_CODES: i18n.I18N_ERROR_CODES,
  CONFIG_ERROR_CODES,
};
const ALL_CODES = Object.values(CATALOGUES).flatMap((codes) => Object.values(codes) as string[]);

const host = { name: 'UserModule' } as ModuleRecord;
const graph = { exportersOf: () => [], hiddenProvidersOf: () => [] } as unknown as ModuleGraph;
const site = { consumer: 'Signup', host, position: di.parameterPosition(0), chain: ['Signup'] };
const duplicated = Object.assign(new Error("Method 'GET' already declared"), {
  code: 'FST_ERR_DUPLICATED_ROUTE',
});

type Sample = () => { code: string; message: string };

/** One call of every builder, by module and export name (a new builder must be added here). */
const SAMPLES: Record<string, Record<string, Sample[]>> = {
  di: {
    missingProvider: [() => di.missingProvider(site, Symbol('Mail'), graph)],
    untypedParameter: [
      () => di.untypedParameter(site, Object),
      () => di.untypedParameter(site, undefined),
    ],
    missingMetadata: [() => di.missingMetadata('Bare', host, 1)],
    providerCycle: [() => di.providerCycle(['A', 'B'], 'A')],
    forwardRefNotReady: [() => di.forwardRefNotReady('Pong', 'Ping')],
    unknownToken: [() => di.unknownToken('Nope', 'AppModule', true)],
    undefinedProvider: [() => di.undefinedProvider('UserModule')],
    providerWithoutToken: [() => di.providerWithoutToken('UserModule', '{}')],
    providerWithoutRecipe: [() => di.providerWithoutRecipe('UserModule', 'Ttl')],
    hookFailed: [() => di.hookFailed('Db.onModuleInit', new Error('refused'))],
    hookTimeout: [() => di.hookTimeout('Db.onModuleInit', 10)],
    unsupportedInjection: [() => di.unsupportedInjection('Signup', di.parameterPosition(0))],
    notVisibleInModule: [() => di.notVisibleInModule('Mail', 'UserModule')],
  },
  modules: {
    undefinedImport: [() => modules.undefinedImport('AppModule.imports[0]', 'AppModule')],
    notAModule: [() => modules.notAModule('AppModule.imports[0]', 'Mail')],
    duplicateImport: [() => modules.duplicateImport('AppModule', 'MailModule')],
    duplicateModule: [() => modules.duplicateModule('CacheModule', 'AppModule', 'UserModule')],
    moduleCycle: [() => modules.moduleCycle(['A', 'B', 'A'], 'A', 'B')],
    undefinedExport: [() => modules.undefinedExport('UserModule')],
    exportNotImported: [() => modules.exportNotImported('AppModule', 'MailModule')],
    exportNotProvided: [() => modules.exportNotProvided('AppModule', 'Secret')],
    circularImport: [
      () =>
        modules.circularImport({
          symbol: 'AModule',
          usedIn: 'src/b.module.ts',
          definedIn: undefined,
          original: "Cannot access 'AModule' before initialization",
        }),
    ],
  },
  http: {
    routeRejected: [
      () => http.routeRejected('UserController', 'list', 'GET', '/users', duplicated),
      () => http.routeRejected('UserController', 'list', 'GET', '/users', new Error('bad url')),
    ],
    notAMethod: [() => http.notAMethod('UserController', 'list')],
    paramOnConstructor: [() => http.paramOnConstructor('UserController', '@Body()', 0)],
    wrongContext: [() => http.wrongContext('switchToWs', 'http', 'route UserController.list')],
    noExecutionContext: [() => http.noExecutionContext()],
  },
  ws: {
    badGatewayPath: [() => ws.badGatewayPath('ws')],
    badEventName: [() => ws.badEventName('')],
    duplicateSubscription: [() => ws.duplicateSubscription('ChatGateway', 'join')],
    handlerNotAMethod: [() => ws.handlerNotAMethod('ChatGateway', 'join', 'join')],
    guardNotProvided: [() => ws.guardNotProvided('RoomGuard', 'ChatGateway', 'ChatModule')],
    duplicateGatewayPath: [() => ws.duplicateGatewayPath('A', 'B', '/ws')],
    badWsOptions: [() => ws.badWsOptions('origins must be a list')],
    badRoom: [() => ws.badRoom('', 256)],
  },
  events: { eventWithoutTopic: [() => events.eventWithoutTopic()] },
  i18n: {
    i18nDuplicateKey: [() => i18n.i18nDuplicateKey('user.notFound', 'en')],
    incompleteCatalog: [() => i18n.incompleteCatalog(['"es" is missing "gadget.b"'])],
    unknownMessageKey: [() => i18n.unknownMessageKey('user.notFound')],
  },
  infra: {
    unsupportedDatabaseUrl: [() => infra.unsupportedDatabaseUrl('mysql')],
    badDatabaseOption: [() => infra.badDatabaseOption('poolMax', 0)],
    databaseUnreachable: [() => infra.databaseUnreachable('db:5432/app', 'ECONNREFUSED', null)],
    databaseNotOpen: [() => infra.databaseNotOpen()],
    noUnitOfWork: [() => infra.noUnitOfWork('Orphan', 'work')],
    transactionalNotAMethod: [() => infra.transactionalNotAMethod('total')],
    unknownSortColumn: [() => infra.unknownSortColumn('UserRepository', 'age')],
    pgliteLocked: [
      () => infra.pgliteLocked('/srv/keel/.data/pglite', 4242, '/srv/keel/.data/pglite/keel.lock'),
    ],
    unknownDriver: [() => infra.unknownDriver('CacheModule', 'memcached', ['memory', 'redis'])],
    redisWithoutUrl: [() => infra.redisWithoutUrl()],
    redisNotRegistered: [() => infra.redisNotRegistered('RedisCache')],
    redisClosed: [() => infra.redisClosed('locks')],
  },
  auth: {
    noSigningKeys: [() => auth.noSigningKeys('./.data/keys'), () => auth.noSigningKeys(undefined)],
    badKeyMaterial: [() => auth.badKeyMaterial('.data/keys/k1.json', 'has no "kid"')],
  },
  rateLimit: {
    unknownRateLimitPolicy: [
      () => rateLimit.unknownRateLimitPolicy('UsersController.list', 'nope', ['shared']),
    ],
    badRateLimitPolicy: [() => rateLimit.badRateLimitPolicy("policy 'login'", 0, 60_000)],
  },
  oidc: { OidcConfigError: [() => new OidcConfigError(['provider "acme" has no clientId'])] },
  config: {
    ConfigError: [() => new ConfigError([{ variable: 'PORT', problem: '"abc" is not a port' }])],
  },
};

/** Exported functions of each catalogue that build no error. */
const NOT_BUILDERS = new Set(['parameterPosition']);
const MODULES: Record<string, object> = {
  di,
  modules,
  http,
  ws,
  events,
  infra,
  i18n,
  auth,
  rateLimit,
};

const link = (code: string) => `\n  See: docs/errors.md#${code.toLowerCase()}`;
const docs = readFileSync('docs/errors.md', 'utf8');
const documented = [...docs.matchAll(/^## (KEEL_[A-Z0-9_]+)\s*$/gm)].map((match) => match[1]);

describe('the error catalogue', () => {
  it('codes are unique, KEEL_-prefixed and upper snake case', () => {
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
    for (const code of ALL_CODES) expect(code).toMatch(/^KEEL_[A-Z0-9]+_[A-Z0-9_]+$/);
  });

  it('docs/errors.md has one `## CODE` entry per code and no entry for an unknown code', () => {
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...ALL_CODES].sort());
  });

  it('every exported builder has a sample below', () => {
    for (const [name, module] of Object.entries(MODULES)) {
      const builders = Object.entries(module)
        .filter(([key, value]) => typeof value === 'function' && /^[a-z]/.test(key))
        .map(([key]) => key)
        .filter((key) => !NOT_BUILDERS.has(key));
      expect(Object.keys(SAMPLES[name] ?? {}).sort(), name).toEqual(builders.sort());
    }
  });

  it('the samples cover every code, and each message ends with its code link', () => {
    const seen = new Set<string>();
    for (const [builder, samples] of Object.entries(SAMPLES).flatMap(([, b]) =>
      Object.entries(b),
    )) {
      for (const sample of samples) {
        const error = sample();
        expect(ALL_CODES, builder).toContain(error.code);
        expect(error.message.endsWith(link(error.code)), builder).toBe(true);
        expect(error.message.split('See: ').length, builder).toBe(2);
        seen.add(error.code);
      }
    }
    expect([...seen].sort()).toEqual([...ALL_CODES].sort());
  });

  it('the printed config error ends with its link too', () => {
    const error = new ConfigError([{ variable: 'PORT', problem: '"abc" is not a port' }]);
    expect(formatConfigError(error).endsWith(link('KEEL_CONFIG_INVALID'))).toBe(true);
  });

  it('lists the HTTP wire codes of DESIGN.md with their status', () => {
    const wire = docs.slice(docs.indexOf('# HTTP wire codes'));
    for (const [code, status] of [
      ['BAD_REQUEST', 400],
      ['VALIDATION_FAILED', 400],
      ['INVALID_JSON', 400],
      ['INVALID_DATA', 400],
      ['UNAUTHORIZED', 401],
      ['FORBIDDEN', 403],
      ['ROUTE_NOT_FOUND', 404],
      ['NOT_FOUND', 404],
      ['REQUEST_TIMEOUT', 408],
      ['CONFLICT', 409],
      ['PAYLOAD_TOO_LARGE', 413],
      ['URI_TOO_LONG', 414],
      ['UNSUPPORTED_MEDIA_TYPE', 415],
      ['EXPECTATION_FAILED', 417],
      ['UNPROCESSABLE_ENTITY', 422],
      ['TOO_MANY_REQUESTS', 429],
      ['REQUEST_HEADER_FIELDS_TOO_LARGE', 431],
      ['INTERNAL', 500],
      ['SERVICE_UNAVAILABLE', 503],
      ['DATABASE_UNAVAILABLE', 503],
      ['LOCK_TIMEOUT', 409],
      ['LOCK_LOST', 409],
      ['STALE_FENCE', 409],
      ['LOCK_UNAVAILABLE', 503],
    ] as const) {
      expect(wire).toContain(`| \`${code}\` | ${status} |`);
    }
  });
});
