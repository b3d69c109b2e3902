/** The allocation-free text check agrees with the path-finding one, at any depth. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badTextPaths, hasBadText } from '../../../../src/core/http/compiler/schema/bad-text.js';

function nested(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

describe('hasBadText', () => {
  it('finds a NUL or a lone surrogate 10 000 levels down without overflowing the stack', () => {
    expect(hasBadText(nested(10_000, 'a\u0000'))).toBe(true);
    expect(hasBadText(nested(10_000, '\udc00'))).toBe(true);
    expect(hasBadText(nested(10_000, 'fine 😀'))).toBe(false);
  });

  it('stops at a cycle deeper than its recursion', () => {
    const root: Record<string, unknown> = {};
    let node = root;
    for (let i = 0; i < 50; i++) node = node.k = {};
    node.loop = root;
    expect(hasBadText(root)).toBe(false);
  });

  it('checks keys as well as values, and skips class instances', () => {
    expect(hasBadText({ 'k\u0000': 1 })).toBe(true);
    expect(hasBadText(new Date(0))).toBe(false);
  });

  it('says yes exactly when badTextPaths finds a path, for any JSON value', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 4 }),
      fc.constantFrom('\u0000', '\ud800'),
    );
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(text, tie('value'), { maxKeys: 3 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(hasBadText(value)).toBe(badTextPaths(value).length > 0);
      }),
    );
  });
});
