/** Registers the scenario 1/2 routes with fastify-type-provider-zod, as Keel's controller would. */
import type { FastifyInstance } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { CreateItemBody, createItem, HELLO, ItemDto } from './bench-routes.js';

/** Sets the Zod compilers and adds GET /hello and POST /items to `server`. */
export function registerZodRoutes(server: FastifyInstance): void {
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  const typed = server.withTypeProvider<ZodTypeProvider>();
  typed.get('/hello', async () => HELLO);
  typed.post(
    '/items',
    { schema: { body: CreateItemBody, response: { 201: ItemDto } } },
    async (request, reply) => {
      reply.code(201);
      return createItem(request.body);
    },
  );
}
