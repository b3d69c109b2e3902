/** Scenario 1/2 routes as a Keel controller: no guard, no interceptor, Zod schemas on POST. */
import { Body, Controller, Get, Post } from '#core';
import { type CreateItem, CreateItemBody, type Item, ItemDto } from '../bench-routes.js';
import { GreetingService } from './greeting.service.js';

/** GET /hello and POST /items, served through `GreetingService`. */
@Controller('')
export class GreetingController {
  constructor(private readonly greetings: GreetingService) {}

  /** Scenario 1. */
  @Get('/hello')
  hello() {
    return this.greetings.hello();
  }

  /** Scenario 2 (201 by default for POST). */
  @Post('/items', { body: CreateItemBody, response: { 201: ItemDto } })
  create(@Body() body: CreateItem): Item {
    return this.greetings.create(body);
  }
}
