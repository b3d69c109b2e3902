/** Idempotent edits of TypeScript files: imports and module arrays, robust to comments and strings. */
import { describe, expect, it } from 'vitest';
import { SourceEditError } from '../../scripts/lib/generator-errors.js';
import { addArrayEntry, addNamedImport, registerModule } from '../../scripts/lib/ts-source-edit.js';
import { maskNonCode } from '../../scripts/lib/ts-source-scan.js';

const APP_MODULE = `/** The composition root. */
import { type DynamicModule, Module } from '#core';
import { HealthModule } from '#modules/health';
import type { AppConfig } from './config.js';
import { ConfigModule } from './config.module.js';

/** Everything wired from one validated config. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), HealthModule],
    };
  }
}
`;

const PAYMENT = { name: 'PaymentModule', from: '#modules/payment' };

describe('registerModule', () => {
  it('adds the import in Biome order and the module to the imports array', () => {
    const edited = registerModule(APP_MODULE, PAYMENT);
    expect(edited).toBe(
      APP_MODULE.replace(
        "import type { AppConfig } from './config.js';",
        "import { PaymentModule } from '#modules/payment';\nimport type { AppConfig } from './config.js';",
      ).replace('HealthModule],', 'HealthModule, PaymentModule],'),
    );
  });

  it('changes nothing the second time', () => {
    const once = registerModule(APP_MODULE, PAYMENT);
    expect(registerModule(once, PAYMENT)).toBe(once);
  });

  it('adds to a multiline array on a new line with the same indentation', () => {
    const source = `import { A } from './a.js';\n@Module({\n  imports: [\n    A,\n    B, // keep me\n  ],\n})\nclass M {}\n`;
    const edited = registerModule(source, { name: 'C', from: './c.js' });
    expect(edited).toBe(
      `import { A } from './a.js';\nimport { C } from './c.js';\n@Module({\n  imports: [\n    A,\n    B, // keep me\n    C,\n  ],\n})\nclass M {}\n`,
    );
    expect(registerModule(edited, { name: 'C', from: './c.js' })).toBe(edited);
  });
});

describe('addArrayEntry', () => {
  const entry = { property: 'imports', element: 'PaymentModule' };

  it('fills an empty array and appends to a multiline array without a trailing comma', () => {
    expect(addArrayEntry('@Module({ imports: [] })', entry)).toBe(
      '@Module({ imports: [PaymentModule] })',
    );
    expect(addArrayEntry('x = { imports: [\n  A,\n  B\n] }', entry)).toBe(
      'x = { imports: [\n  A,\n  B,\n  PaymentModule\n] }',
    );
  });

  it('counts PaymentModule.forRoot() as present, but not a name in a comment or string', () => {
    const withCall = '({ imports: [PaymentModule.forRoot({ a: 1 })] })';
    expect(addArrayEntry(withCall, entry)).toBe(withCall);
    expect(addArrayEntry("({ imports: [A /* PaymentModule */, 'PaymentModule'] })", entry)).toBe(
      "({ imports: [A /* PaymentModule */, 'PaymentModule', PaymentModule] })",
    );
    expect(addArrayEntry('({ imports: [PaymentModuleV2] })', entry)).toBe(
      '({ imports: [PaymentModuleV2, PaymentModule] })',
    );
  });

  it('ignores arrays inside comments, strings and template literals', () => {
    const source =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template literal
      '// imports: [X]\nconst s = `imports: [${"imports: [Y]"}]`;\n@Module({ imports: [A] })\nclass M {}';
    expect(addArrayEntry(source, entry)).toContain('@Module({ imports: [A, PaymentModule] })');
  });

  it('creates the property in @Module when there is no array', () => {
    expect(addArrayEntry('@Module({})\nclass M {}', entry)).toBe(
      '@Module({ imports: [PaymentModule] })\nclass M {}',
    );
    expect(addArrayEntry('@Module({ providers: [S] })', entry)).toBe(
      '@Module({ imports: [PaymentModule], providers: [S] })',
    );
    expect(addArrayEntry('@Module({\n  providers: [S],\n})', entry)).toBe(
      '@Module({\n  imports: [PaymentModule],\n  providers: [S],\n})',
    );
  });

  it('refuses when the target is ambiguous or missing', () => {
    expect(() => addArrayEntry('a = { imports: [A] };\nb = { imports: [B] };', entry)).toThrow(
      /found 2 "imports" arrays \(lines 1, 2\): add PaymentModule to the right one by hand/,
    );
    expect(() => addArrayEntry('export class Plain {}', entry)).toThrow(SourceEditError);
  });
});

describe('addNamedImport', () => {
  it('appends to the braces of an import from the same path', () => {
    expect(addNamedImport("import { A } from './x.js';\n", { name: 'B', from: './x.js' })).toBe(
      "import { A, B } from './x.js';\n",
    );
  });

  it('is unchanged when the name is already imported from that path', () => {
    const source = "import { A, PaymentModule } from '#modules/payment';\n";
    expect(addNamedImport(source, PAYMENT)).toBe(source);
  });

  it('refuses a name already imported from elsewhere', () => {
    expect(() =>
      addNamedImport("import { X as PaymentModule } from './other.js';\n", PAYMENT),
    ).toThrow("PaymentModule is already imported from './other.js' (line 1)");
  });

  it('puts packages before paths and adds after the last import otherwise', () => {
    const source = "import { a } from 'a-pkg';\nimport { b } from './b.js';\n\ncode();\n";
    expect(addNamedImport(source, { name: 'z', from: 'z-pkg' })).toBe(
      "import { a } from 'a-pkg';\nimport { z } from 'z-pkg';\nimport { b } from './b.js';\n\ncode();\n",
    );
    expect(addNamedImport(source, { name: 'c', from: './c.js' })).toBe(
      "import { a } from 'a-pkg';\nimport { b } from './b.js';\nimport { c } from './c.js';\n\ncode();\n",
    );
  });

  it('adds the first import after the file comment and ignores commented-out imports', () => {
    const source =
      "/** Doc. */\n// import { PaymentModule } from '#modules/payment';\nexport const x = 1;\n";
    expect(addNamedImport(source, PAYMENT)).toBe(
      "/** Doc. */\n// import { PaymentModule } from '#modules/payment';\nimport { PaymentModule } from '#modules/payment';\n\nexport const x = 1;\n",
    );
  });
});

describe('maskNonCode', () => {
  it('blanks comments and literal text but keeps code, quotes and line breaks', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template literal
    const source = "a('x{', `t ${b({ c: '}' })} u`) // [\n/* ] */ d";
    const masked = maskNonCode(source);
    expect(masked).toHaveLength(source.length);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template literal
    expect(masked).toBe("a('  ', `  ${b({ c: ' ' })}  `)     \n        d");
  });
});
