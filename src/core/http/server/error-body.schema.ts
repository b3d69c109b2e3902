/** The `ErrorBody` Zod schema: the one error shape, for routes' error responses and OpenAPI. */
import { z } from 'zod';

/** `{ statusCode, code, message, details?, requestId }`, registered as the `ErrorBody` component. */
export const ErrorBody = z
  .object({
    statusCode: z.number().int().min(400).max(599).describe('HTTP status code'),
    code: z.string().describe('Machine-readable error code, e.g. VALIDATION_FAILED'),
    message: z.string().describe("Human-readable message in the request's language"),
    details: z.unknown().optional().describe('Structured details, e.g. [{ path, message }]'),
    requestId: z.string().describe('Correlation id, also in the x-request-id header'),
  })
  .meta({ id: 'ErrorBody', description: 'The body of every error response' });

/** The wire shape of an error response. */
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `{ [status]: ErrorBody }` for a route's `response` schema, e.g. `errorResponses(400, 404)`. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBody> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorBody]));
}
