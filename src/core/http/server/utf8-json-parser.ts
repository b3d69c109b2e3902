/** A JSON body parser that refuses bytes that are not UTF-8 instead of storing U+FFFD for them. */
import { errorCodes, type FastifyInstance } from 'fastify';

// fatal: a malformed byte sequence throws instead of decoding to U+FFFD (RFC 8259: JSON is UTF-8).
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Replaces Fastify's `application/json` parser with one that reads the body as bytes, decodes
 * them strictly and hands the text to Fastify's own parser (same poisoning rules, same errors):
 * invalid UTF-8 is a 400 INVALID_JSON like any other body that is not JSON text.
 */
export function installUtf8JsonParser(server: FastifyInstance): void {
  const { onProtoPoisoning = 'error', onConstructorPoisoning = 'error' } = server.initialConfig;
  const parseJson = server.getDefaultJsonParser(onProtoPoisoning, onConstructorPoisoning);
  server.removeContentTypeParser('application/json');
  server.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = decoder.decode(body as Buffer);
    } catch {
      done(new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY(), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
