/**
 * Configuration "nest": the scenario 1/2 routes as a NestJS 12 app on its Fastify adapter, the body
 * validated by a Zod pipe. Its packages live in bench/node_modules (`npm ci --prefix bench`).
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { listenFromEnv, runServer } from '../listen-from-env.js';
import { AppModule } from './app.module.js';

runServer(async () => {
  // Logging off as in the plain servers: Nest's logger (boot lines) and Fastify's (off by default).
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter({ logger: false }),
    { logger: false },
  );
  await listenFromEnv(app);
});
