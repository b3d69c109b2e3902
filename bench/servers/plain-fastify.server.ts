/** Baseline "plain": Fastify alone, JSON Schema validation (Ajv) and fast-json-stringify. */
import Fastify from 'fastify';
import {
  type CreateItem,
  createItem,
  createItemBodyJsonSchema,
  HELLO,
  itemJsonSchema,
} from './bench-routes.js';
import { listenFromEnv, runServer } from './listen-from-env.js';

runServer(async () => {
  const server = Fastify({ logger: false });
  server.get('/hello', async () => HELLO);
  server.post<{ Body: CreateItem }>(
    '/items',
    { schema: { body: createItemBodyJsonSchema, response: { 201: itemJsonSchema } } },
    async (request, reply) => {
      reply.code(201);
      return createItem(request.body);
    },
  );
  await listenFromEnv(server);
});
