/** Request ids: accept a sane incoming `x-request-id`, otherwise generate a UUID. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header that carries the request id in and out. */
export const REQUEST_ID_HEADER = 'x-request-id';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The incoming id if it is 1..128 characters of `[A-Za-z0-9._:-]`, else undefined. */
export function saneRequestId(value: unknown): string | undefined {
  const id = Array.isArray(value) ? value[0] : value;
  return typeof id === 'string' && SANE_ID.test(id) ? id : undefined;
}

/** Builds a Fastify `genReqId` reading `header`; Fastify's own log lines then carry the same id. */
export function createGenReqId(
  header: string = REQUEST_ID_HEADER,
): (req: IncomingMessage) => string {
  const name = header.toLowerCase();
  return (req) => saneRequestId(req.headers[name]) ?? randomUUID();
}

/** The `genReqId` Fastify option for the `x-request-id` header. */
export const genReqId: (req: IncomingMessage) => string = createGenReqId();
