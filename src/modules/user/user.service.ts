/** User actions: create, read (cached), list, update and delete, each announced on the bus. */
import { Inject, Injectable, MESSAGE_BUS, type MessageBus } from '#core';
import { Cacheable, CacheEvict } from '#infra/cache';
import { UniqueViolation } from '#infra/database';
import type { UserRow } from './user.entity.js';
import { UserEmailTakenError, UserNotFoundError } from './user.errors.js';
import { UserRepository } from './user.repository.js';
import type { CreateUser, ListUsers, UpdateUser, User, UserPage } from './user.schemas.js';

// A cached user lives this long even if an eviction is missed (e.g. while Redis was down).
const USER_TTL_MS = 60_000;

/** The user module's business logic; controllers stay thin. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  /** Creates a user; the email is unique regardless of case. */
  async create(input: CreateUser): Promise<User> {
    const row = await this.users
      .create({ name: input.name, email: input.email.toLowerCase() })
      .catch(rethrowEmailTaken);
    const user = toUser(row);
    await this.bus.publish('user.created', user);
    return user;
  }

  /** The user, from the cache when it is there. */
  @Cacheable({ key: 'user:{0}', ttl: USER_TTL_MS })
  async findById(id: string): Promise<User> {
    const row = await this.users.findById(id);
    if (!row) throw new UserNotFoundError(id);
    return toUser(row);
  }

  /** One page of users, oldest first. */
  async list(query: ListUsers): Promise<UserPage> {
    const page = await this.users.findMany({
      where: this.users.emailIs(query.email),
      limit: query.limit,
      cursor: query.cursor,
    });
    return { items: page.items.map(toUser), nextCursor: page.nextCursor };
  }

  /** Changes the given fields; the others keep their values. An empty patch changes nothing. */
  @CacheEvict({ keys: ['user:{0}'] })
  async update(id: string, patch: UpdateUser): Promise<User> {
    const row = await this.users
      .update(id, { name: patch.name, email: patch.email?.toLowerCase() })
      .catch(rethrowEmailTaken);
    if (!row) throw new UserNotFoundError(id);
    const user = toUser(row);
    await this.bus.publish('user.updated', user);
    return user;
  }

  /** Deletes the user. */
  @CacheEvict({ keys: ['user:{0}'] })
  async delete(id: string): Promise<void> {
    if (!(await this.users.delete(id))) throw new UserNotFoundError(id);
    await this.bus.publish('user.deleted', { id });
  }
}

/** Dates as ISO strings: what the wire carries and what a cache can store as JSON. */
function toUser(row: UserRow): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The unique index on email is the one conflict this module names; others stay DatabaseErrors. */
function rethrowEmailTaken(error: unknown): never {
  if (error instanceof UniqueViolation && error.field === 'email') {
    throw new UserEmailTakenError(error);
  }
  throw error;
}
