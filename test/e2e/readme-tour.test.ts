/** README's "20-line tour", run as written: the real pipeline with one provider swapped. */
import { expect, it } from 'vitest';
import { createTestingModule } from '#core';
import { BusModule } from '#infra/bus';
import { CacheModule } from '#infra/cache';
import { UserModule } from '#modules/user';
import { UserRepository } from '../../src/modules/user/user.repository.js';

const alice = {
  id: '0b6f2c1e-8d7a-4f3b-9c2e-5a1d4e6f7a8b',
  name: 'Alice',
  email: 'alice@example.com',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};
const aliceRow = {
  ...alice,
  createdAt: new Date(alice.createdAt),
  updatedAt: new Date(alice.updatedAt),
};

it('serves GET /users/:id from a swapped repository', async () => {
  const app = await createTestingModule({
    imports: [
      CacheModule.forRoot({ driver: 'memory' }),
      BusModule.forRoot({ driver: 'memory' }),
      UserModule,
    ],
  })
    .overrideProvider(UserRepository)
    .useValue({ findById: async () => aliceRow })
    .compile();
  try {
    expect((await app.inject(`/users/${alice.id}`)).json()).toEqual(alice);
  } finally {
    await app.close();
  }
});
