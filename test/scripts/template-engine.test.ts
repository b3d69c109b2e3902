/** The generator's template engine: every construct, whitespace control and error positions. */
import { describe, expect, it } from 'vitest';
import { Inflector } from '../../scripts/lib/inflector.js';
import { TemplateEngine, TemplateError } from '../../scripts/lib/template-engine.js';

const engine = new TemplateEngine();
const render = (source: string, data: Record<string, unknown> = {}): string =>
  engine.render(source, data, 'test.tpl');

function errorOf(action: () => unknown): TemplateError {
  try {
    action();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('expected a TemplateError');
}

describe('TemplateEngine variables and filters', () => {
  it('renders variables and dotted paths', () => {
    expect(
      render('Hello {{name}} and {{ field.name }}!', { name: 'a', field: { name: 'b' } }),
    ).toBe('Hello a and b!');
  });

  it('renders numbers and booleans as text', () => {
    expect(render('{{n}} {{b}}', { n: 3, b: false })).toBe('3 false');
  });

  it.each([
    ['pascal', 'PaymentMethod'],
    ['camel', 'paymentMethod'],
    ['kebab', 'payment-method'],
    ['snake', 'payment_method'],
    ['plural', 'payment-methods'],
    ['upper', 'PAYMENT-METHOD'],
    ['lower', 'payment-method'],
    ['capitalize', 'Payment-method'],
  ])('applies the %s filter', (filter, expected) => {
    expect(render(`{{name | ${filter}}}`, { name: 'payment-method' })).toBe(expected);
  });

  it('applies singular and chained filters left to right', () => {
    expect(render('{{name | singular | pascal}}', { name: 'categories' })).toBe('Category');
    expect(render('{{name|plural|kebab}}', { name: 'PaymentStatus' })).toBe('payment-statuses');
    expect(render('{{name | snake | upper}}', { name: 'paymentMethod' })).toBe('PAYMENT_METHOD');
  });

  it('uses the inflector it was given, so --plural reaches the templates', () => {
    const custom = new TemplateEngine({
      inflector: new Inflector({ irregular: { person: 'persons' } }),
    });
    expect(custom.render('{{name | plural | pascal}}', { name: 'person' })).toBe('Persons');
  });

  it('accepts extra filters', () => {
    const custom = new TemplateEngine({ filters: { quote: (value) => `'${value}'` } });
    expect(custom.render('{{name | quote}}', { name: 'x' })).toBe("'x'");
  });

  it('renders a compiled template many times with different data', () => {
    const template = engine.compile('{{a}}', 'a.tpl');
    expect(template.file).toBe('a.tpl');
    expect([template.render({ a: 1 }), template.render({ a: 2 })]).toEqual(['1', '2']);
  });
});

describe('TemplateEngine blocks', () => {
  it('renders if, else if and else branches', () => {
    const source = '{{#if a}}A{{else if b}}B{{else}}C{{/if}}';
    expect(render(source, { a: true, b: true })).toBe('A');
    expect(render(source, { a: false, b: 1 })).toBe('B');
    expect(render(source, { a: '', b: 0 })).toBe('C');
  });

  it('treats empty arrays as false and negates with not and unless', () => {
    expect(render('{{#if xs}}some{{else}}none{{/if}}', { xs: [] })).toBe('none');
    expect(render('{{#if not xs}}none{{/if}}', { xs: [] })).toBe('none');
    expect(render('{{#unless ok}}bad{{else}}good{{/unless}}', { ok: true })).toBe('good');
    expect(render('{{#unless ok}}bad{{/unless}}', { ok: null })).toBe('bad');
  });

  it('iterates with this, @index, @first, @last and item fields', () => {
    const source =
      '{{#each xs}}{{@index}}:{{this}}{{#if @first}}^{{/if}}{{#unless @last}},{{/unless}}{{/each}}';
    expect(render(source, { xs: ['a', 'b', 'c'] })).toBe('0:a^,1:b,2:c');
    expect(
      render('{{#each fields}}{{name}}={{this.type}};{{/each}}', {
        fields: [
          { name: 'a', type: 'int' },
          { name: 'b', type: 'text' },
        ],
      }),
    ).toBe('a=int;b=text;');
  });

  it('looks names up in enclosing scopes and uses the innermost loop for @index', () => {
    const source = '{{#each rows}}{{#each cols}}{{entity}}{{@index}}{{/each}}|{{/each}}';
    expect(render(source, { entity: 'e', rows: [{ cols: [1, 2] }, { cols: [3] }] })).toBe(
      'e0e1|e0|',
    );
  });

  it('renders the else part of each for an empty list', () => {
    expect(render('{{#each xs}}x{{else}}empty{{/each}}', { xs: [] })).toBe('empty');
  });

  it('drops comments, including long ones that contain braces', () => {
    expect(render('a{{! note }}b{{!-- {{x}} --}}c')).toBe('abc');
  });

  it('renders \\{{ as literal braces', () => {
    expect(render('const x = \\{{ a: 1 }};', {})).toBe('const x = {{ a: 1 }};');
    expect(render('\\{{name}} {{name}}', { name: 'n' })).toBe('{{name}} n');
  });
});

describe('TemplateEngine whitespace control', () => {
  it('leaves no blank line for block tags alone on their lines', () => {
    const source = ['start', '  {{#if a}}', '  inside', '  {{/if}}', 'end', ''].join('\n');
    expect(render(source, { a: true })).toBe('start\n  inside\nend\n');
    expect(render(source, { a: false })).toBe('start\nend\n');
  });

  it('handles nested standalone blocks, each and comments line by line', () => {
    const source = [
      '{{! header comment }}',
      'fields:',
      '{{#each xs}}',
      '  {{#if @first}}',
      '  first',
      '  {{/if}}',
      '  - {{this}}',
      '{{/each}}',
      'done',
    ].join('\n');
    expect(render(source, { xs: ['a', 'b'] })).toBe('fields:\n  first\n  - a\n  - b\ndone');
  });

  it('drops standalone else lines too', () => {
    const source = [
      '{{#if a}}',
      'yes',
      '  {{else if b}}',
      'maybe',
      '{{else}}',
      'no',
      '{{/if}}',
      '',
    ].join('\n');
    expect([{ a: 1 }, { b: 1 }, {}].map((data) => render(source, { a: 0, b: 0, ...data }))).toEqual(
      ['yes\n', 'maybe\n', 'no\n'],
    );
  });

  it('keeps inline blocks and their surrounding text as written', () => {
    expect(render('a {{#if x}}b{{/if}} c\n', { x: true })).toBe('a b c\n');
    expect(render('  {{#if x}}b{{/if}}\nnext', { x: true })).toBe('  b\nnext');
  });

  it('keeps a line that holds a variable', () => {
    expect(render('  {{name}}\n', { name: 'n' })).toBe('  n\n');
  });

  it('strips CRLF lines and a final block without a newline', () => {
    expect(render('a\r\n{{#if x}}\r\nb\r\n{{/if}}\r\nc', { x: true })).toBe('a\r\nb\r\nc');
    expect(render('a\n{{#if x}}b{{/if}}', { x: false })).toBe('a\n');
    expect(render('a\n{{#if x}}\nb\n{{/if}}', { x: true })).toBe('a\nb\n');
  });
});

describe('TemplateEngine errors', () => {
  it('names the file, line and column of an unknown variable', () => {
    const error = errorOf(() =>
      engine.compile('line one\n    {{nmae}}\n', 'payment.service.ts.tpl').render({ name: 'x' }),
    );
    expect(error.message).toBe('payment.service.ts.tpl:2:7: unknown variable "nmae"');
    expect([error.file, error.line, error.column]).toEqual(['payment.service.ts.tpl', 2, 7]);
  });

  it('reports an unknown property of a known object', () => {
    expect(errorOf(() => render('{{field.nmae}}', { field: { name: 'a' } })).message).toBe(
      'test.tpl:1:3: unknown variable "field.nmae"',
    );
  });

  it('reports an unknown filter at compile time, pointing at the filter', () => {
    const error = errorOf(() => engine.compile('x\n{{ name | pascl }}', 'f.tpl'));
    expect(error.message).toMatch(/^f\.tpl:2:11: unknown filter "pascl" \(known filters: camel, /);
  });

  it('reports unclosed, mismatched and stray block tags with their positions', () => {
    expect(errorOf(() => render('a\n  {{#if x}}\nb')).message).toBe(
      'test.tpl:2:3: unclosed "{{#if}}": add "{{/if}}"',
    );
    expect(errorOf(() => render('{{#if x}}\n{{#each xs}}{{/if}}')).message).toBe(
      'test.tpl:2:13: "{{/if}}" does not match "{{#each}}" opened at 2:1',
    );
    expect(errorOf(() => render('{{/each}}')).message).toBe(
      'test.tpl:1:1: "{{/each}}" closes no open block',
    );
    expect(errorOf(() => render('{{else}}')).message).toBe(
      'test.tpl:1:1: "{{else}}" outside of a block',
    );
    expect(errorOf(() => render('{{#if a}}{{else}}{{else}}{{/if}}')).message).toContain(
      'a second "{{else}}"',
    );
    expect(errorOf(() => render('{{#each xs}}{{else if y}}{{/each}}')).message).toContain(
      'unexpected "{{else if y}}"',
    );
  });

  it('reports unknown blocks, missing arguments, bad names and unclosed tags', () => {
    expect(errorOf(() => render('{{#with x}}{{/with}}')).message).toContain(
      'unknown block "{{#with}}"',
    );
    expect(errorOf(() => render('{{#if}}{{/if}}')).message).toContain(
      '"{{#if}}" needs a condition',
    );
    expect(errorOf(() => render('{{ a..b }}')).message).toBe(
      'test.tpl:1:4: invalid variable "a..b"',
    );
    expect(errorOf(() => render('{{}}')).message).toContain('missing variable name');
    expect(errorOf(() => render('{{a |}}', { a: 1 })).message).toContain('missing filter name');
    expect(errorOf(() => render('ok\n  {{name')).message).toBe(
      'test.tpl:2:3: unclosed tag: "{{" without "}}"',
    );
  });

  it('rejects loop variables outside each and each over a non-array', () => {
    expect(errorOf(() => render('{{@index}}')).message).toContain(
      '"@index" is only defined inside',
    );
    expect(errorOf(() => render('{{#each x}}{{/each}}', { x: { a: 1 } })).message).toBe(
      'test.tpl:1:9: "{{#each x}}" needs an array, got an object',
    );
  });

  it('refuses to print objects, null and undefined', () => {
    expect(errorOf(() => render('{{x}}', { x: { a: 1 } })).message).toContain('"x" is an object');
    expect(errorOf(() => render('{{x}}', { x: null })).message).toContain('"x" is null');
    expect(errorOf(() => render('{{x}}', { x: undefined })).message).toContain('"x" is undefined');
  });

  it('does not treat inherited object members as data', () => {
    expect(errorOf(() => render('{{toString}}', {})).message).toContain(
      'unknown variable "toString"',
    );
  });
});

describe('TemplateEngine with typed data', () => {
  it('renders interfaces and class instances, including getters', () => {
    class Entity {
      readonly name = 'payment';
      get label(): string {
        return `the ${this.name}`;
      }
    }
    expect(engine.render('{{name | pascal}}: {{label}}', new Entity(), 'typed.tpl')).toBe(
      'Payment: the payment',
    );
  });
});
