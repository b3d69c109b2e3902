/** Wire shapes of the health endpoints (DESIGN.md "Wire formats"). */
import { z } from 'zod';

/** One indicator's result. */
export const HealthCheckDto = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** `/health/ready`: 200 for ok and degraded, 503 for down. */
export const ReadinessDto = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  checks: z.record(z.string(), HealthCheckDto),
});

/** `/health/live`: 200 while the process runs. */
export const LivenessDto = z.object({
  status: z.literal('ok'),
  uptime: z.number().describe('Seconds since the process started'),
});

export type Readiness = z.infer<typeof ReadinessDto>;
