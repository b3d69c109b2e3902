/** Zod schemas of the user routes; the types are inferred from them. */
import { z } from 'zod';

/** Body of `POST /users`. */
export const CreateUserBody = z.object({
  name: z.string().trim().min(1).max(100),
  email: z.email().max(254),
});

/** Body of `PATCH /users/:id`: any subset of the fields. */
export const UpdateUserBody = CreateUserBody.partial();

/** Path parameters: a non-UUID id is a 400. */
export const UserIdParams = z.object({ id: z.uuid() });

/** Query of `GET /users`. */
export const ListUsersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
  email: z.email().optional(),
});

/** A user on the wire. */
export const UserDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.email(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'User' });

/** One page of users. */
export const UserPageDto = z.object({ items: z.array(UserDto), nextCursor: z.string().nullable() });

export type CreateUser = z.infer<typeof CreateUserBody>;
export type UpdateUser = z.infer<typeof UpdateUserBody>;
export type ListUsers = z.infer<typeof ListUsersQuery>;
export type User = z.infer<typeof UserDto>;
export type UserPage = z.infer<typeof UserPageDto>;
