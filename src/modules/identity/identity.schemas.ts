/** Zod schemas of the `/auth` routes; the types are inferred from them. No example holds a secret. */
import { z } from 'zod';

const email = z.email().max(254).describe('Email address (compared and stored lowercase)');
const newPassword = z.string().min(12).max(128).describe('Password: 12 to 128 characters');
const anyPassword = z.string().min(1).max(128).describe('The password');
const accessToken = z.string().describe('JWT access token: send it as `Authorization: Bearer ...`');
const refreshToken = z
  .string()
  .describe('Opaque refresh token, usable once: POST it to /auth/refresh for a new pair');
const expiresIn = z.number().int().describe('Seconds until the access token expires');

/** Body of `POST /auth/sign-up`. */
export const SignUpBody = z.object({
  email,
  password: newPassword,
  name: z.string().trim().min(1).max(100).describe('Name: 1 to 100 characters'),
});

/** Body of `POST /auth/sign-in`. */
export const SignInBody = z.object({ email, password: anyPassword });

/** Body of `POST /auth/refresh`. */
export const RefreshBody = z.object({
  refreshToken: z.string().min(1).max(256).describe('The refresh token'),
});

/** Body of `POST /auth/change-password`. */
export const ChangePasswordBody = z.object({
  currentPassword: anyPassword,
  newPassword,
});

/** What sign-in and refresh answer. */
export const TokenPairDto = z
  .object({ accessToken, refreshToken, expiresIn, tokenType: z.literal('Bearer') })
  .meta({ id: 'TokenPair' });

/** What sign-up answers: the new account and its first tokens. */
export const SignedUpDto = z
  .object({
    user: z.object({ id: z.uuid(), email: z.email(), name: z.string() }),
    accessToken,
    refreshToken,
    expiresIn,
  })
  .meta({ id: 'SignedUp' });

/** `GET /auth/me`. */
export const MeDto = z
  .object({
    id: z.uuid(),
    email: z.email(),
    name: z.string(),
    roles: z.array(z.string()).describe('Roles checked by @Roles(...)'),
  })
  .meta({ id: 'Me' });

/** The (empty) 204 answer of sign-out, sign-out-all and change-password. */
export const NoContent = z.null().describe('No content');

/** A valid sign-up body. */
export type SignUp = z.infer<typeof SignUpBody>;
/** A valid sign-in body. */
export type SignIn = z.infer<typeof SignInBody>;
/** A valid change-password body. */
export type ChangePassword = z.infer<typeof ChangePasswordBody>;
/** The sign-up answer. */
export type SignedUp = z.infer<typeof SignedUpDto>;
/** The `/auth/me` answer. */
export type Me = z.infer<typeof MeDto>;
