/** The OpenAPI document and Swagger UI in a Fastify instance of their own, built on first use. */
import Fastify, { type FastifyInstance } from 'fastify';
import type { RecordedRoutes } from './open-api-routes.js';

/**
 * A Fastify instance with `plugins` (@fastify/swagger, Swagger UI) registered, then the recorded
 * routes added again so @fastify/swagger sees them as it would have on the app's server. Those
 * routes only feed the document: nothing there is validated, serialized or called.
 */
export async function buildDocsApp(
  recorded: RecordedRoutes,
  plugins: (docs: FastifyInstance) => Promise<void>,
): Promise<FastifyInstance> {
  const docs = Fastify({ logger: false, exposeHeadRoutes: false });
  docs.setValidatorCompiler(() => () => true);
  docs.setSerializerCompiler(() => (data) => JSON.stringify(data));
  for (const schema of recorded.schemas()) docs.addSchema(schema);
  try {
    await plugins(docs);
    for (const route of recorded.routes()) docs.route(route);
    await docs.ready();
  } catch (error) {
    await docs.close().catch(() => undefined);
    throw error;
  }
  return docs;
}
