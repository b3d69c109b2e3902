/** The service the scenario 1/2 controller injects, so its routes go through DI like a real one. */
import { Injectable } from '#core';
import { type CreateItem, createItem, HELLO, type Item } from '../bench-routes.js';

/** Produces the responses of GET /hello and POST /items. */
@Injectable()
export class GreetingService {
  /** The small JSON object of scenario 1. */
  hello(): typeof HELLO {
    return HELLO;
  }

  /** The created item of scenario 2. */
  create(body: CreateItem): Item {
    return createItem(body);
  }
}
