/** `GET /health/live` and `GET /health/ready`. */
import type { FastifyReply } from 'fastify';
import { Controller, Get, Public, Res } from '#core';
import { LivenessDto, type Readiness, ReadinessDto } from './health.schemas.js';
import { HealthService } from './health.service.js';

/** Liveness for the process manager, readiness for the load balancer. */
@Public()
@Controller('/health', { tags: ['health'] })
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('/live', { summary: 'The process is running', response: { 200: LivenessDto } })
  live() {
    return { status: 'ok' as const, uptime: process.uptime() };
  }

  @Get('/ready', {
    summary: 'Every dependency answers (degraded still serves)',
    response: { 200: ReadinessDto, 503: ReadinessDto },
  })
  async ready(@Res() reply: FastifyReply): Promise<Readiness> {
    const readiness = await this.health.readiness();
    reply.code(readiness.status === 'down' ? 503 : 200);
    return readiness;
  }
}
