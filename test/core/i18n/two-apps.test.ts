/** Two apps in one process keep their own languages, catalogs and app-wide enhancers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_GUARD,
  type App,
  Controller,
  createTestingModule,
  defineMessages,
  Get,
  HttpError,
  I18n,
  Module,
  t,
} from '#core';

const aMessages = defineMessages({
  en: { 'greet.hello': 'Hello from A' },
  es: { 'greet.hello': 'Hola desde A' },
  'pt-BR': { 'greet.hello': 'Olá de A' },
});
// The same key with other texts: each app speaks only the catalogs of its own modules.
const bMessages = defineMessages({
  en: { 'greet.hello': 'Hello from B' },
  es: { 'greet.hello': 'Hola desde B' },
  'pt-BR': { 'greet.hello': 'Olá de B' },
});

class GreetingError extends HttpError {
  constructor() {
    super(418, 'GREETING', { messageKey: 'greet.hello' });
  }
}

@Controller('/greet')
class GreetController {
  @Get('/')
  greet() {
    return { text: t('greet.hello') };
  }

  @Get('/error')
  fail() {
    throw new GreetingError();
  }
}

@Module({ controllers: [GreetController], messages: [aMessages] })
class AModule {}

@Module({ controllers: [GreetController], messages: [bMessages] })
class BModule {}

let spanish: App;
let english: App;

beforeAll(async () => {
  spanish = await createTestingModule({
    imports: [AModule],
    providers: [{ provide: APP_GUARD, useValue: { canActivate: () => true } }],
  }).compile({ http: { defaultLang: 'es' } });
  english = await createTestingModule({ imports: [BModule] }).compile({
    http: { defaultLang: 'en' },
  });
});

afterAll(async () => {
  await spanish.close();
  await english.close();
});

describe('two apps in one process', () => {
  it('answer kernel errors in their own default language', async () => {
    expect((await spanish.inject('/nowhere')).json().message).toMatch(/^Ninguna ruta coincide/);
    expect((await english.inject('/nowhere')).json().message).toMatch(/^No route matches/);
  });

  it('translate the same key with their own catalogs, in handlers and in errors', async () => {
    expect((await spanish.inject('/greet')).json()).toEqual({ text: 'Hola desde A' });
    expect((await english.inject('/greet')).json()).toEqual({ text: 'Hello from B' });
    expect((await spanish.inject('/greet/error')).json().message).toBe('Hola desde A');
    const asked = await english.inject({
      url: '/greet/error',
      headers: { 'accept-language': 'pt' },
    });
    expect(asked.json().message).toBe('Olá de B');
  });

  it('each have their own injectable I18n', () => {
    expect(spanish.get(I18n).defaultLang).toBe('es');
    expect(english.get(I18n).t('greet.hello')).toBe('Hello from B');
    expect(spanish.get(I18n)).not.toBe(english.get(I18n));
  });

  it('keep app-wide enhancers to themselves', async () => {
    const denying = await createTestingModule({
      imports: [AModule],
      providers: [{ provide: APP_GUARD, useValue: { canActivate: () => false } }],
    }).compile();
    try {
      expect((await denying.inject('/greet')).statusCode).toBe(403);
      expect((await spanish.inject('/greet')).statusCode).toBe(200);
      expect((await english.inject('/greet')).statusCode).toBe(200);
    } finally {
      await denying.close();
    }
  });
});
