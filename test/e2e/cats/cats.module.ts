/** The Nest cats sample as a Keel module: controller, service and schemas. */
import { z } from 'zod';
import {
  Body,
  Controller,
  Get,
  Injectable,
  Module,
  NotFoundError,
  Param,
  Post,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '#core';
import {
  CAT_LOG,
  HttpExceptionFilter,
  LoggingInterceptor,
  Roles,
  RolesGuard,
  TransformInterceptor,
} from './cats.enhancers.js';

/** A cat on the wire. */
export const CatDto = z.object({ name: z.string(), age: z.number().int(), breed: z.string() });
/** Body of `POST /cats`. */
export const CreateCatBody = z.object({
  name: z.string().min(1),
  age: z.number().int().min(0),
  breed: z.string().min(1),
});
/** A cat. */
export type Cat = z.infer<typeof CatDto>;

/** Keeps cats in memory. */
@Injectable()
export class CatsService {
  private readonly cats: Cat[] = [];

  create(cat: Cat): Cat {
    this.cats.push(cat);
    return cat;
  }

  findAll(): Cat[] {
    return this.cats;
  }

  findOne(name: string): Cat {
    const cat = this.cats.find((candidate) => candidate.name === name);
    if (!cat) throw new NotFoundError();
    return cat;
  }
}

/** `/cats`, guarded by roles, logged, wrapped in `{ data }`, errors in the filter's shape. */
@Controller('/cats')
@UseGuards(RolesGuard)
@UseInterceptors(LoggingInterceptor, TransformInterceptor)
@UseFilters(HttpExceptionFilter)
export class CatsController {
  constructor(private readonly cats: CatsService) {}

  @Post('/', { body: CreateCatBody, response: { 201: CatDto } })
  @Roles('admin')
  create(@Body() body: Cat) {
    return this.cats.create(body);
  }

  @Get('/', { response: { 200: z.array(CatDto) } })
  findAll() {
    return this.cats.findAll();
  }

  @Get('/:name', { params: z.object({ name: z.string() }), response: { 200: CatDto } })
  findOne(@Param('name') name: string) {
    return this.cats.findOne(name);
  }
}

/** The cats feature; the log sink is a value so tests can read what was logged. */
@Module({
  controllers: [CatsController],
  providers: [CatsService, { provide: CAT_LOG, useValue: [] }],
})
export class CatsModule {}
