/** The service the NestJS controller injects, as `keel/greeting.service.ts` is for Keel's. */
import { Injectable } from '@nestjs/common';
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
