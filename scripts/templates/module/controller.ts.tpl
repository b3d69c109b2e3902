/** `{{route}}`: routes with Zod schemas; no business logic here. */
import {
  Body,
  Controller,
  Delete,
  errorResponses,
  Get,
  Param,
  Patch,
  Post,
{{#if isPublic}}
  Public,
{{/if}}
  Query,
{{#if writeRoles}}
  Roles,
{{/if}}
} from '#core';
import {
  type Create{{entity.pascal}},
  Create{{entity.pascal}}Body,
  {{entity.pascal}}Dto,
  {{entity.pascal}}IdParams,
  {{entity.pascal}}PageDto,
  type List{{entities.pascal}},
  List{{entities.pascal}}Query,
  type Update{{entity.pascal}},
  Update{{entity.pascal}}Body,
} from './{{entity.kebab}}.schemas.js';
import { {{entity.pascal}}Service } from './{{entity.kebab}}.service.js';

{{#if isPublic}}
/** CRUD over {{entities.words}}, open to anyone (`--public`): no token needed. */
@Public()
{{else if writeRoles}}
/** CRUD over {{entities.words}}; every route needs a bearer token, writes one with a role of `@Roles`. */
{{else}}
/** CRUD over {{entities.words}}; every route needs a bearer token (the app's AuthGuard). */
{{/if}}
@Controller('{{route}}', { tags: ['{{entities.kebab}}'] })
export class {{entity.pascal}}Controller {
  constructor(private readonly {{entities.camel}}: {{entity.pascal}}Service) {}

{{#if writeRoles}}
  @Roles({{writeRoles}})
{{/if}}
  @Post('/', {
    summary: 'Create {{aEntity}}',
    body: Create{{entity.pascal}}Body,
    response: { 201: {{entity.pascal}}Dto, ...errorResponses(503) },
  })
  create(@Body() body: Create{{entity.pascal}}) {
    return this.{{entities.camel}}.create(body);
  }

  @Get('/', {
    summary: 'List {{entities.words}}, oldest first (cursor pagination)',
    query: List{{entities.pascal}}Query,
    response: { 200: {{entity.pascal}}PageDto, ...errorResponses(503) },
  })
  list(@Query() query: List{{entities.pascal}}) {
    return this.{{entities.camel}}.list(query);
  }

  @Get('/:id', {
    summary: 'Get {{aEntity}}',
    params: {{entity.pascal}}IdParams,
    response: { 200: {{entity.pascal}}Dto, ...errorResponses(404, 503) },
  })
  findOne(@Param('id') id: string) {
    return this.{{entities.camel}}.findById(id);
  }

{{#if writeRoles}}
  @Roles({{writeRoles}})
{{/if}}
  @Patch('/:id', {
    summary: 'Change some fields of {{aEntity}}',
    params: {{entity.pascal}}IdParams,
    body: Update{{entity.pascal}}Body,
    response: { 200: {{entity.pascal}}Dto, ...errorResponses(404, 503) },
  })
  update(@Param('id') id: string, @Body() body: Update{{entity.pascal}}) {
    return this.{{entities.camel}}.update(id, body);
  }

{{#if writeRoles}}
  @Roles({{writeRoles}})
{{/if}}
  @Delete('/:id', {
    summary: 'Delete {{aEntity}}',
    params: {{entity.pascal}}IdParams,
    response: { ...errorResponses(404, 503) },
  })
  async remove(@Param('id') id: string): Promise<void> {
    await this.{{entities.camel}}.delete(id);
  }
}
