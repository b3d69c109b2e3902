import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineMessages,
  I18n,
  KERNEL_CATALOGS,
  translateZodIssue,
} from '../../../src/core/i18n/index.js';

const Schema = z.strictObject({
  email: z.email(),
  age: z.number().int().min(18),
  nickname: z.string().refine((value) => value !== 'admin', { message: 'profile.reserved' }),
  motto: z.string().refine((value) => value.length > 3, { message: 'Write a longer motto' }),
});

function issuesOf(input: unknown) {
  const result = Schema.safeParse(input);
  if (result.success) throw new Error('expected a validation failure');
  return result.error.issues;
}

const profileMessages = defineMessages({
  en: { 'profile.reserved': 'This nickname is reserved' },
  es: { 'profile.reserved': 'Este apodo está reservado' },
  'pt-BR': { 'profile.reserved': 'Este apelido é reservado' },
});
const i18n = new I18n({ catalogs: [...KERNEL_CATALOGS, profileMessages] });

describe('translateZodIssue', () => {
  const issues = issuesOf({ email: 'nope', age: 'old', nickname: 'admin', motto: 'hi', x: 1 });
  const byPath = (path: string) => {
    const issue = issues.find((candidate) => candidate.path.join('.') === path);
    if (!issue) throw new Error(`no issue at ${path}`);
    return issue;
  };

  it('translates built-in issues with zod locales', () => {
    const email = byPath('email');
    expect(translateZodIssue(email, 'en')).toBe('Invalid email address');
    expect(translateZodIssue(email, 'es')).toBe('Inválido dirección de correo electrónico');
    expect(translateZodIssue(email, 'pt-BR')).toBe('Formato do endereço de e-mail inválido');
  });

  it('keeps the received type of invalid_type issues although zod drops the input', () => {
    const age = byPath('age');
    expect(translateZodIssue(age, 'en')).toBe('Invalid input: expected number, received string');
    expect(translateZodIssue(age, 'es')).toBe(
      'Entrada inválida: se esperaba número, recibido texto',
    );
  });

  it('translates unrecognized keys', () => {
    expect(translateZodIssue(byPath(''), 'pt-BR')).toContain('"x"');
    expect(translateZodIssue(byPath(''), 'es')).toMatch(/^Llave desconocida/);
  });

  it('translates a custom message that is a catalog key', () => {
    expect(translateZodIssue(byPath('nickname'), 'es', i18n)).toBe('Este apodo está reservado');
  });

  it('keeps any other custom message as written', () => {
    expect(translateZodIssue(byPath('motto'), 'es')).toBe('Write a longer motto');
  });
});
