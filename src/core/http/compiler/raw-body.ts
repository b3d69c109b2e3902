/** Keeps the raw request body for routes with `rawBody: true` (webhook signature checks). */
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';

/** A preParsing hook: buffers the payload, stores it on `request.rawBody`, re-streams it. */
export async function captureRawBody(
  request: FastifyRequest,
  _reply: unknown,
  payload: NodeJS.ReadableStream,
): Promise<NodeJS.ReadableStream> {
  const limit = request.routeOptions.bodyLimit ?? Number.POSITIVE_INFINITY;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    chunks.push(buffer);
    // Stop reading early: Fastify's own limit check then answers 413 from receivedEncodedLength.
    if (size > limit) break;
  }
  const raw = Buffer.concat(chunks);
  (request as FastifyRequest & { rawBody?: Buffer }).rawBody = raw;
  const stream = Readable.from([raw]) as Readable & { receivedEncodedLength?: number };
  stream.receivedEncodedLength = size;
  return stream;
}
