/** The notification gateway: rooms over /ws and the user.created push to the `users` room. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type App, createApp, MESSAGE_BUS, type MessageBus, Module } from '#core';
import { BusModule } from '#infra/bus';
import { WsModule } from '#infra/ws';
import { NotificationModule, USERS_ROOM } from '#modules/notification';
import { TestClient, wsBase } from '../../infra/ws/ws-test-client.js';

@Module({
  imports: [
    WsModule.forRoot({ origins: '*' }),
    BusModule.forRoot({ driver: 'memory' }),
    NotificationModule,
  ],
})
class NotificationTestModule {}

let app: App;
let url: string;
const clients: TestClient[] = [];

async function connect(query = ''): Promise<TestClient> {
  const client = await TestClient.connect(`${url}${query}`);
  clients.push(client);
  return client;
}

beforeEach(async () => {
  app = await createApp(NotificationTestModule, { logger: false });
  url = `${wsBase(await app.listen())}/ws`;
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await app.close();
});

const user = {
  id: '5a0c2f4e-8a0b-4b1e-9a57-1a2b3c4d5e6f',
  name: 'Ada',
  email: 'ada@example.com',
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('NotificationGateway', () => {
  it('pushes user.created to the users room, without the e-mail address', async () => {
    const member = await connect();
    const outsider = await connect();
    expect(await member.request({ event: 'join', data: { room: USERS_ROOM } })).toEqual({
      event: 'join',
      data: { room: USERS_ROOM },
    });
    await app.get<MessageBus>(MESSAGE_BUS).publish('user.created', user);
    expect(await member.next()).toEqual({
      event: 'user.created',
      data: { id: user.id, name: 'Ada', createdAt: user.createdAt },
    });
    expect(await outsider.receivesNothingWithin(150)).toBe(true);
  });

  it('stops pushing after the client leaves the room', async () => {
    const client = await connect();
    await client.request({ event: 'join', data: { room: USERS_ROOM } });
    expect(await client.request({ event: 'leave', data: { room: USERS_ROOM } })).toEqual({
      event: 'leave',
      data: { room: USERS_ROOM },
    });
    await app.get<MessageBus>(MESSAGE_BUS).publish('user.created', user);
    expect(await client.receivesNothingWithin(150)).toBe(true);
  });

  it('rejects a room name over 64 characters with a translated VALIDATION_FAILED frame', async () => {
    const client = await connect('?lang=es');
    const error = await client.request({ event: 'join', data: { room: 'r'.repeat(65) } });
    expect(error).toMatchObject({
      event: 'error',
      data: {
        code: 'VALIDATION_FAILED',
        details: [
          { path: 'data.room', message: 'El nombre de una sala tiene de 1 a 64 caracteres.' },
        ],
      },
    });
    expect(await client.request({ event: 'join', data: { room: 'ok' } })).toEqual({
      event: 'join',
      data: { room: 'ok' },
    });
  });

  it('rejects extra keys and an empty room', async () => {
    const client = await connect();
    const extra = await client.request({ event: 'join', data: { room: 'a', admin: true } });
    expect(extra).toMatchObject({ event: 'error', data: { code: 'VALIDATION_FAILED' } });
    const empty = await client.request({ event: 'leave', data: { room: '' } });
    expect(empty).toMatchObject({
      event: 'error',
      data: { details: [{ path: 'data.room', message: 'A room name has 1 to 64 characters.' }] },
    });
  });
});
