/**
 * The module templates and the example (src/modules/user) stay in step: a `user` module generated
 * with the example's fields and `--public` (the example is the public tour) has the example's
 * files, imports, exports, classes, decorators, constructors, methods, columns, schema keys and
 * message keys, except for the short lists below.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGenerateArgs } from '../../scripts/lib/args.js';
import { biomeFormatter } from '../../scripts/lib/code-formatter.js';
import { planModule } from '../../scripts/lib/module-generator.js';
import { importShape, moduleShape } from './module-shape.js';
import { PROJECT_ROOT } from './project-copy.js';

// The example's fields (src/modules/user/user.entity.ts), in the generator's syntax.
const FIELDS = 'name:string(100),email:string(254)';
const EXAMPLE_DIRS = ['src/modules/user', 'test/modules/user'];
// Its cases are the module's own behaviour: only how the test file imports is compared.
const IMPORTS_ONLY = new Set(['test/modules/user/user.api.test.ts']);
// Files of the example's AUTH_PROTECT_EXAMPLES switch (writes need the admin role), which no
// generated module has; each must still exist.
const EXAMPLE_ONLY: Readonly<Record<string, string>> = {
  'src/modules/user/user-writes.guard.ts': 'the guard of the protected writes',
  'test/modules/user/user-protect-examples.test.ts': 'its test, on the whole app',
};
// The facts the switch adds to the example's other files.
const WRITES_GUARD = /UserWritesGuard|USER_MODULE_OPTIONS|UserModuleOptions|USER_ADMIN_ROLE/;

/** A difference the example may have from a generated module; each must still apply somewhere. */
interface AllowedDifference {
  file: string;
  why: string;
  /** Facts only the example has. */
  drop?: RegExp;
  /** A rewrite of the example's facts into the generated ones. */
  rewrite?: [RegExp, string];
  /** Facts only the generated file has. */
  extra?: RegExp;
}

// The example's API test builds its app without AuthModule, so it does not show that the
// routes stay open with the global guard on, as the generated `--public` test does.
// Everything else here follows from one field-specific rule of the example: emails are unique (stored
// lowercase), so it has a 409 of its own, looks users up by email and filters the list by it.
const ALLOWED: AllowedDifference[] = [
  {
    file: 'user.api.test.ts',
    extra: /AuthModule/,
    why: 'the example test runs without the global AuthGuard',
  },
  { file: 'index.ts', drop: /UserEmailTakenError/, why: 'exports its 409 error' },
  { file: 'index.ts', drop: WRITES_GUARD, why: 'exports the writes guard and its options' },
  {
    file: 'user.controller.ts',
    drop: /UseGuards|UserWritesGuard/,
    why: 'the writes guard on POST, PATCH and DELETE',
  },
  {
    file: 'user.module.ts',
    rewrite: [/,UserWritesGuard\]/, ']'],
    why: 'provides the writes guard',
  },
  {
    file: 'user.module.ts',
    drop: /DynamicModule|forRoot|UserWritesGuard|USER_MODULE_OPTIONS|UserModuleOptions/,
    why: 'UserModule.forRoot({ protectWrites })',
  },
  {
    file: 'user.errors.ts',
    drop: /UserEmailTakenError|ConflictError/,
    why: '409 USER_EMAIL_TAKEN',
  },
  { file: 'user.messages.ts', drop: /'user\.emailTaken'/, why: 'the 409 message' },
  { file: 'user.entity.ts', drop: /uniqueIndex/, why: 'the unique index on email' },
  {
    file: 'user.controller.ts',
    rewrite: [/(errorResponses\([^)]*?)409,/g, '$1'],
    why: 'POST and PATCH document the 409',
  },
  {
    file: 'user.repository.ts',
    drop: /findByEmail|emailIs|UserRow|\{ eq \}/,
    why: 'the lookup by email and the ?email= filter',
  },
  { file: 'user.schemas.ts', drop: /^schema ListUsersQuery key email$/, why: 'the ?email= filter' },
  {
    file: 'user.service.ts',
    drop: /rethrowEmailTaken|UniqueViolation|UserEmailTakenError/,
    why: 'maps the unique violation on email to its 409',
  },
];

/** Files of the example, relative to the project root (`all`: the example-only ones too). */
function exampleFiles(all = false): string[] {
  return EXAMPLE_DIRS.flatMap((dir) =>
    readdirSync(join(PROJECT_ROOT, dir)).map((name) => `${dir}/${name}`),
  )
    .filter((path) => all || EXAMPLE_ONLY[path] === undefined)
    .sort();
}

function shapeOf(path: string, source: string): string[] {
  return IMPORTS_ONLY.has(path) ? importShape(source, path) : moduleShape(source, path);
}

function baseName(path: string): string {
  return path.split('/').at(-1) ?? path;
}

describe('the module templates and the example module (user)', () => {
  const generated = new Map<string, string>();
  const used = new Set<AllowedDifference>();
  let root: string;

  beforeAll(async () => {
    // A project with an AppModule and no user module, so the generator plans every file.
    root = mkdtempSync(join(tmpdir(), 'keel-example-drift-'));
    mkdirSync(join(root, 'src', 'app'), { recursive: true });
    writeFileSync(
      join(root, 'src/app/app.module.ts'),
      "import { Module } from '#core';\n\n@Module({ imports: [] })\nexport class AppModule {}\n",
    );
    const command = parseGenerateArgs(['module', 'user', '--fields', FIELDS, '--public']);
    if (command.help) throw new Error('unexpected --help');
    const context = {
      root,
      templatesDir: join(PROJECT_ROOT, 'scripts', 'templates'),
      formatter: biomeFormatter(PROJECT_ROOT),
    };
    const { plan } = await planModule(command, context);
    for (const change of plan.resolve()) {
      if (change.path.startsWith('src/app/')) continue;
      generated.set(change.path, change.contents);
    }
  }, 60_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('generates exactly the files the example has', () => {
    expect([...generated.keys()].sort()).toEqual(exampleFiles());
  });

  it.each(exampleFiles())(
    '%s has the generated structure, but for the allowed differences',
    (path) => {
      const template = generated.get(path);
      expect(template, `the templates generate no ${path}`).toBeDefined();
      let example = shapeOf(path, readFileSync(join(PROJECT_ROOT, path), 'utf8'));
      let expected = shapeOf(path, template ?? '');
      for (const rule of ALLOWED.filter((allowed) => allowed.file === baseName(path))) {
        const before = example.join('\n');
        const { drop, rewrite, extra } = rule;
        if (drop) example = example.filter((fact) => !drop.test(fact));
        if (rewrite) example = example.map((fact) => fact.replace(rewrite[0], rewrite[1]));
        if (example.join('\n') !== before) used.add(rule);
        const only =
          extra && expected.filter((fact) => extra.test(fact) && !example.includes(fact));
        if (only?.length) {
          expected = expected.filter((fact) => !only.includes(fact));
          used.add(rule);
        }
      }
      expect(example.sort()).toEqual(expected);
    },
  );

  it('lists no allowed difference the example no longer has', () => {
    const stale = ALLOWED.filter((rule) => !used.has(rule)).map(
      (rule) => `${rule.file}: ${rule.why}`,
    );
    const files = exampleFiles(true);
    for (const [path, why] of Object.entries(EXAMPLE_ONLY)) {
      if (!files.includes(path)) stale.push(`${path}: ${why}`);
    }
    expect(stale).toEqual([]);
  });
});

describe('moduleShape (what the comparison sees)', () => {
  it('tells import styles, renamed classes and new decorators apart', () => {
    const base = "import { Module } from '#core';\n@Module({})\nexport class UserModule {}\n";
    const relative = base.replace("'#core'", "'../../core/index.js'");
    const renamed = base.replace('UserModule', 'UsersModule');
    const decorated = base.replace('@Module({})', '@Module({})\n@Global()');
    for (const variant of [relative, renamed, decorated]) {
      expect(moduleShape(variant)).not.toEqual(moduleShape(base));
    }
    expect(moduleShape(base.replace('{})', '{ }) // same'))).toEqual(moduleShape(base));
  });
});
