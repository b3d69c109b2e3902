/** .env.example documents every variable the config reads, and its values are the defaults. */
import { readFileSync } from 'node:fs';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import { ENV_NAMES } from '../../src/app/config/env.schema.js';
import { loadConfig } from '../../src/app/config.js';

const text = readFileSync('.env.example', 'utf8');
// Lines like `# PORT=3000`: a documented variable with its value.
const documented = [...text.matchAll(/^# ([A-Z_]+)=(.*)$/gm)].map(([, name = '', value = '']) => ({
  name,
  value,
}));

describe('.env.example', () => {
  it('documents exactly the variables the config reads', () => {
    expect(documented.map(({ name }) => name).sort()).toEqual([...ENV_NAMES].sort());
  });

  it('changes nothing when copied to .env as it is', () => {
    expect(parse(text)).toEqual({});
  });

  it('shows the default of every variable that has one', () => {
    // These two have no default (unset means PGlite / no Redis): the file shows an example.
    const examples = new Set(['DATABASE_URL', 'REDIS_URL']);
    const uncommented = Object.fromEntries(
      documented.filter(({ name }) => !examples.has(name)).map(({ name, value }) => [name, value]),
    );
    const defaults = loadConfig({}, { envFile: false });
    expect(loadConfig(uncommented, { envFile: false })).toEqual(defaults);
  });

  it('gives valid examples for the variables without a default', () => {
    const examples = Object.fromEntries(
      documented
        .filter(({ name }) => name === 'DATABASE_URL' || name === 'REDIS_URL')
        .map(({ name, value }) => [name, value]),
    );
    expect(() => loadConfig(examples, { envFile: false })).not.toThrow();
  });
});
