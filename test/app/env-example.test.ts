/** .env.example documents every variable the config reads, and its values are the defaults. */
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../src/app/config/env.schema.js';
import { loadConfig } from '../../src/app/config.js';

const text = readFileSync('.env.example', 'utf8');
// Lines like `# PORT=3000`: a documented variable with its value.
const documented = [...text.matchAll(/^# ([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(
  ([, name = '', value = '']) => ({
    name,
    value,
  }),
);

const WITHOUT_DEFAULT = [
  'DATABASE_URL',
  'REDIS_URL',
  'AUTH_PRIVATE_KEY',
  'AUTH_JWKS_URL',
  'AUTH_JWKS_ISSUER',
];

describe('.env.example', () => {
  it('documents exactly the variables the config reads', () => {
    expect(documented.map(({ name }) => name).sort()).toEqual([...ENV_NAMES].sort());
  });

  it('changes nothing when copied to .env as it is', () => {
    expect(parse(text)).toEqual({});
  });

  it('shows the default of every variable that has one', () => {
    // These have no default (unset means PGlite, no Redis, no outside IdP): the file shows an example.
    const examples = new Set(WITHOUT_DEFAULT);
    const uncommented = Object.fromEntries(
      documented.filter(({ name }) => !examples.has(name)).map(({ name, value }) => [name, value]),
    );
    const defaults = loadConfig({}, { envFile: false });
    expect(loadConfig(uncommented, { envFile: false })).toEqual(defaults);
  });

  it('gives valid examples for the variables without a default', () => {
    const examples = Object.fromEntries(
      documented
        .filter(({ name }) => WITHOUT_DEFAULT.includes(name))
        .map(({ name, value }) => [name, value]),
    );
    expect(() => loadConfig(examples, { envFile: false })).not.toThrow();
  });
});
