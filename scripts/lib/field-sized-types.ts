/** The field types with arguments: `string(N)`, `decimal(p,s)` and `enum(a|b|c)`, plus plain `string`. */
import { tsString, tsStringArray } from './code-literal.js';
import {
  type FieldSamples,
  type FieldTraits,
  type FieldTypeInput,
  integerArg,
  simple,
  textSamples,
} from './field-traits.js';
import { FieldSpecError } from './generator-errors.js';

const MAX_VARCHAR = 10_485_760;
const MAX_NUMERIC_PRECISION = 1000;
const MAX_IDENTIFIER = 63;

/**
 * `string(N)`: varchar(N), 1 to N characters (at most N); `string(M..N)`: M to N characters
 * (`string(3..3)`: exactly 3); plain `string` without the parentheses.
 */
export function varchar(input: FieldTypeInput): FieldTraits {
  if (input.args === null) return stringType(input);
  const range = /^([^.]*)\.\.([^.]*)$/.exec(input.args);
  const min = range ? integerArg(input, range[1] ?? '', 'the minimum in string(M..N)') : 1;
  const max = integerArg(input, range ? (range[2] ?? '') : input.args, 'the length in string(N)');
  if (max < 1 || max > MAX_VARCHAR) {
    throw new FieldSpecError(
      `field "${input.field}": string(N) needs 1 <= N <= ${MAX_VARCHAR}, got ${max}`,
      input.field,
    );
  }
  if (min > max) {
    throw new FieldSpecError(
      `field "${input.field}": string(M..N) needs M <= N, got string(${min}..${max}); for exactly N characters write string(${max}..${max}) or char(${max})`,
      input.field,
    );
  }
  return {
    type: 'varchar',
    tsType: 'string',
    drizzleImport: 'varchar',
    column: `varchar(${tsString(input.column)}, { length: ${max} })`,
    zodCreate: min === max ? `z.string().length(${max})` : `z.string().min(${min}).max(${max})`,
    zodResponse: 'z.string()',
    description: lengthDescription(min, max),
    samples: sizedSamples(input.words, min, max),
    enumValues: null,
  };
}

/** `char(N)`: Postgres char(N), exactly N characters (codes such as `currency:char(3)`). */
export function fixedChar(input: FieldTypeInput): FieldTraits {
  const length = integerArg(input, input.args ?? '', 'the length in char(N)');
  if (length < 1 || length > MAX_VARCHAR) {
    throw new FieldSpecError(
      `field "${input.field}": char(N) needs 1 <= N <= ${MAX_VARCHAR}, got ${length}`,
      input.field,
    );
  }
  return {
    type: 'char',
    tsType: 'string',
    drizzleImport: 'char',
    column: `char(${tsString(input.column)}, { length: ${length} })`,
    zodCreate: `z.string().length(${length})`,
    zodResponse: 'z.string()',
    description: lengthDescription(length, length),
    samples: sizedSamples(input.words, length, length),
    enumValues: null,
  };
}

function lengthDescription(min: number, max: number): string {
  if (min === max) return `text of exactly ${max} characters`;
  return `text of ${min} to ${max} characters`;
}

// Samples of min..max characters: the usual texts cut to `max` and padded with "x" up to `min`.
function sizedSamples(words: string, min: number, max: number): FieldSamples {
  const sized = (text: string): string => {
    const cut = text.slice(0, max);
    const missing = min - cut.length;
    return missing > 0 ? `${tsString(cut)} + 'x'.repeat(${missing})` : tsString(cut);
  };
  return {
    valid: sized(`Sample ${words}`),
    alternative: sized(`Changed ${words}`),
    invalid: `'x'.repeat(${max + 1})`,
  };
}

function stringType(input: FieldTypeInput): FieldTraits {
  return simple(input, {
    type: 'string',
    tsType: 'string',
    drizzleImport: 'text',
    column: `text(${tsString(input.column)})`,
    zodCreate: 'z.string().min(1)',
    zodResponse: 'z.string()',
    description: 'text of at least 1 character',
    samples: textSamples(input.words, Number.POSITIVE_INFINITY, "''"),
  });
}

/** `decimal(p,s)`: numeric(p,s), exchanged as a string so no precision is lost. */
export function decimal(input: FieldTypeInput): FieldTraits {
  const match = /^\s*([^,]*?)\s*(?:,\s*([^,]*?)\s*)?$/.exec(input.args ?? '');
  if (input.args === null || match === null) {
    throw new FieldSpecError(
      `field "${input.field}": decimal needs a precision and a scale, e.g. decimal(10,2)`,
      input.field,
    );
  }
  const precision = integerArg(input, match[1] ?? '', 'the precision in decimal(p,s)');
  const scale = integerArg(input, match[2] ?? '0', 'the scale in decimal(p,s)');
  if (precision < 1 || precision > MAX_NUMERIC_PRECISION || scale > precision) {
    throw new FieldSpecError(
      `field "${input.field}": decimal(p,s) needs 1 <= p <= ${MAX_NUMERIC_PRECISION} and 0 <= s <= p, got decimal(${precision},${scale})`,
      input.field,
    );
  }
  const whole = precision - scale === 0 ? '0' : `\\d{1,${precision - scale}}`;
  const fraction = scale === 0 ? '' : `(\\.\\d{1,${scale}})?`;
  const sampleWhole = precision - scale >= 2 ? '12' : precision - scale === 1 ? '7' : '0';
  const sample = (digit: string): string =>
    tsString(scale === 0 ? sampleWhole : `${sampleWhole}.${digit.repeat(scale)}`);
  return {
    type: 'decimal',
    tsType: 'string',
    drizzleImport: 'numeric',
    column: `numeric(${tsString(input.column)}, { precision: ${precision}, scale: ${scale} })`,
    zodCreate: `z.string().regex(/^-?${whole}${fraction}$/)`,
    zodResponse: 'z.string()',
    description: `decimal number as a string, up to ${precision} digits with ${scale} after the point`,
    samples: {
      valid: sample('5'),
      alternative: sample('2').replace("'", "'-"),
      invalid: "'not a number'",
    },
    enumValues: null,
  };
}

/** The values of `enum(a|b|c)`: non-empty, distinct, and valid Postgres enum labels. */
function enumValues(input: FieldTypeInput): string[] {
  const values = (input.args ?? '').split('|').map((value) => value.trim());
  const fail = (problem: string): never => {
    throw new FieldSpecError(`field "${input.field}": ${problem}`, input.field);
  };
  if (input.args === null || values.every((value) => value === '')) {
    fail('enum needs values, e.g. enum(pending|paid)');
  }
  const invalid = values.find(
    (value) => !/^[A-Za-z0-9_-]+$/.test(value) || value.length > MAX_IDENTIFIER,
  );
  if (invalid !== undefined) {
    fail(`enum value "${invalid}" must be 1 to ${MAX_IDENTIFIER} letters, digits, "_" or "-"`);
  }
  const duplicate = values.find((value, i) => values.indexOf(value) !== i);
  if (duplicate !== undefined) fail(`enum value "${duplicate}" appears twice`);
  return values;
}

/** `enum(a|b|c)`: a Postgres enum type named after the table and the field. */
export function enumType(input: FieldTypeInput): FieldTraits {
  const values = enumValues(input);
  const zod = `z.enum(${tsStringArray(values)})`;
  return {
    type: 'enum',
    tsType: values.map(tsString).join(' | '),
    drizzleImport: 'pgEnum',
    column: `${input.enumConst}(${tsString(input.column)})`,
    zodCreate: zod,
    zodResponse: zod,
    description: `one of ${values.join(', ')}`,
    samples: {
      valid: tsString(values[0] ?? ''),
      alternative: tsString(values[1] ?? values[0] ?? ''),
      invalid: tsString(`not a valid ${input.words}`),
    },
    enumValues: values,
  };
}
