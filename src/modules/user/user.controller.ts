/** `/users`: routes with Zod schemas; no business logic here. */
import {
  Body,
  Controller,
  Delete,
  errorResponses,
  Get,
  Param,
  Patch,
  Post,
  Public,
  Query,
  UseGuards,
} from '#core';
import {
  type CreateUser,
  CreateUserBody,
  type ListUsers,
  ListUsersQuery,
  type UpdateUser,
  UpdateUserBody,
  UserDto,
  UserIdParams,
  UserPageDto,
} from './user.schemas.js';
import { UserService } from './user.service.js';
import { UserWritesGuard } from './user-writes.guard.js';

/** CRUD over users. */
@Public()
@Controller('/users', { tags: ['users'] })
export class UserController {
  constructor(private readonly users: UserService) {}

  @UseGuards(UserWritesGuard)
  @Post('/', {
    summary: 'Create a user',
    body: CreateUserBody,
    response: { 201: UserDto, ...errorResponses(409, 503) },
  })
  create(@Body() body: CreateUser) {
    return this.users.create(body);
  }

  @Get('/', {
    summary: 'List users, oldest first (cursor pagination)',
    query: ListUsersQuery,
    response: { 200: UserPageDto, ...errorResponses(503) },
  })
  list(@Query() query: ListUsers) {
    return this.users.list(query);
  }

  @Get('/:id', {
    summary: 'Get a user',
    params: UserIdParams,
    response: { 200: UserDto, ...errorResponses(404, 503) },
  })
  findOne(@Param('id') id: string) {
    return this.users.findById(id);
  }

  @UseGuards(UserWritesGuard)
  @Patch('/:id', {
    summary: 'Change some fields of a user',
    params: UserIdParams,
    body: UpdateUserBody,
    response: { 200: UserDto, ...errorResponses(404, 409, 503) },
  })
  update(@Param('id') id: string, @Body() body: UpdateUser) {
    return this.users.update(id, body);
  }

  @UseGuards(UserWritesGuard)
  @Delete('/:id', {
    summary: 'Delete a user',
    params: UserIdParams,
    response: { ...errorResponses(404, 503) },
  })
  async remove(@Param('id') id: string): Promise<void> {
    await this.users.delete(id);
  }
}
