/** Zod schemas of the user routes; the types are inferred from them. */
import { z } from 'zod';

/** Body of `POST /users`. */
export const CreateUserBody = z.object({
  name: z.string().trim().min(1).max(100).describe('Name: text of 1 to 100 characters'),
  email: z.email().max(254).describe('Email address, unique regardless of case'),
});

/** Body of `PATCH /users/:id`: any subset of the fields. */
export const UpdateUserBody = CreateUserBody.partial();

/** Path parameters: a non-UUID id is a 400. */
export const UserIdParams = z.object({ id: z.uuid() });

/** Query of `GET /users`. */
export const ListUsersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
  // The example's one filter (not generated): `?email=` matches regardless of case.
  email: z.email().optional(),
});

/** One user on the wire. */
export const UserDto = z
  .object({
    id: z.uuid(),
    name: z.string().describe('Name: text of 1 to 100 characters'),
    email: z.email().describe('Email address, stored lowercase'),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'User' });

/** One page of users. */
export const UserPageDto = z.object({ items: z.array(UserDto), nextCursor: z.string().nullable() });

/** A valid `POST /users` body. */
export type CreateUser = z.infer<typeof CreateUserBody>;
/** A valid `PATCH /users/:id` body. */
export type UpdateUser = z.infer<typeof UpdateUserBody>;
/** A valid `GET /users` query. */
export type ListUsers = z.infer<typeof ListUsersQuery>;
/** One user as the API returns it. */
export type User = z.infer<typeof UserDto>;
/** One page of users. */
export type UserPage = z.infer<typeof UserPageDto>;
