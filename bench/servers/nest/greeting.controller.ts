/** Scenario 1/2 routes as a NestJS controller: the body goes through the Zod pipe. */
import { Body, Controller, Get, Post } from '@nestjs/common';
import { type CreateItem, CreateItemBody, type Item } from '../bench-routes.js';
import { GreetingService } from './greeting.service.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

/** GET /hello and POST /items (201, Nest's default for POST), served through `GreetingService`. */
@Controller()
export class GreetingController {
  constructor(private readonly greetings: GreetingService) {}

  /** Scenario 1. */
  @Get('hello')
  hello() {
    return this.greetings.hello();
  }

  /** Scenario 2: Nest has no response schema; Fastify sends the object with JSON.stringify. */
  @Post('items')
  create(@Body(new ZodValidationPipe(CreateItemBody)) body: CreateItem): Item {
    return this.greetings.create(body);
  }
}
