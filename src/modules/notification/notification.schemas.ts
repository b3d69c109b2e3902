/** Zod schemas of the notification gateway's frames and of the events it pushes. */
import { z } from 'zod';

/** `join` / `leave` data: `{ room }`, 1..64 characters, no other keys. */
export const RoomBody = z.strictObject({
  room: z.string().min(1, 'notification.roomLength').max(64, 'notification.roomLength'),
});
/** Inferred `{ room }`. */
export type RoomBody = z.infer<typeof RoomBody>;

/** What clients of the `users` room receive for `user.created`: never the e-mail address. */
export const UserCreatedPush = z.object({
  id: z.string(),
  name: z.string().optional(),
  createdAt: z.string().optional(),
});
/** Inferred push payload. */
export type UserCreatedPush = z.infer<typeof UserCreatedPush>;
