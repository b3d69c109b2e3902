/** The structure of a module's source file as a list of facts, so two files compare line by line. */
import ts from 'typescript';

/**
 * One string per structural fact of `source`: each imported binding (with its style), each
 * export, each top-level declaration, each class with its heritage, decorators, constructor and
 * members, the columns of a `pgTable`, the keys of `z.object` schemas and of `defineMessages`
 * catalogs. Comments, formatting, quotes and trailing commas are not facts; bodies are not read.
 */
export function moduleShape(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const facts: string[] = [];
  for (const statement of file.statements) facts.push(...statementFacts(statement));
  facts.push(...callFacts(file));
  return facts.sort();
}

/** Only the imports of `source` (for files whose other contents are their own behaviour). */
export function importShape(source: string, fileName = 'file.ts'): string[] {
  return moduleShape(source, fileName).filter((fact) => fact.startsWith('import '));
}

const printer = ts.createPrinter({ removeComments: true });

const STRING = /('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)/;

/** An expression or type as one line: spaces only between words, no trailing commas, '' quotes. */
function text(node: ts.Node): string {
  const printed = printer.printNode(ts.EmitHint.Unspecified, node, node.getSourceFile());
  return printed
    .split(STRING)
    .map((part, index) => (index % 2 === 1 ? quoted(part) : compact(part)))
    .join('');
}

function quoted(literal: string): string {
  return literal.startsWith('"') && !literal.includes("'") ? `'${literal.slice(1, -1)}'` : literal;
}

function compact(code: string): string {
  return code
    .replace(/\s+/g, ' ')
    .replace(/,\s*(?=[\])}>])/g, '')
    .replace(/\s*([()[\]{}<>,:;=|]|=>)\s*/g, '$1');
}

function statementFacts(statement: ts.Statement): string[] {
  if (ts.isImportDeclaration(statement)) return importFacts(statement);
  if (ts.isExportDeclaration(statement)) return reExportFacts(statement);
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword) ? 'export ' : '';
  if (ts.isClassDeclaration(statement)) return classFacts(statement, exported);
  if (ts.isFunctionDeclaration(statement)) {
    return [`${exported}function ${statement.name?.text}${signature(statement)}`];
  }
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.map(
      (declaration) => `${exported}const ${declaration.name.getText()}`,
    );
  }
  if (ts.isTypeAliasDeclaration(statement)) {
    return [`${exported}type ${statement.name.text} = ${text(statement.type)}`];
  }
  if (ts.isInterfaceDeclaration(statement)) return [`${exported}interface ${statement.name.text}`];
  return [`statement ${ts.SyntaxKind[statement.kind]}`];
}

function importFacts(node: ts.ImportDeclaration): string[] {
  const from = `from ${text(node.moduleSpecifier)}`;
  const clause = node.importClause;
  if (!clause) return [`import ${text(node.moduleSpecifier)} (side effect)`];
  const declaration = clause.isTypeOnly ? 'import type' : 'import';
  const facts: string[] = [];
  if (clause.name) facts.push(`${declaration} default ${clause.name.text} ${from}`);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    facts.push(`${declaration} * as ${bindings.name.text} ${from}`);
  } else if (bindings) {
    for (const element of bindings.elements) {
      const type = element.isTypeOnly ? 'type ' : '';
      facts.push(`${declaration} { ${type}${element.getText().replace(/^type\s+/, '')} } ${from}`);
    }
  }
  return facts;
}

function reExportFacts(node: ts.ExportDeclaration): string[] {
  const from = node.moduleSpecifier ? ` from ${text(node.moduleSpecifier)}` : '';
  const declaration = node.isTypeOnly ? 'export type' : 'export';
  const clause = node.exportClause;
  if (!clause || !ts.isNamedExports(clause)) return [`${declaration} *${from}`];
  return clause.elements.map((element) => {
    const type = element.isTypeOnly ? 'type ' : '';
    return `${declaration} { ${type}${element.name.text} }${from}`;
  });
}

function classFacts(node: ts.ClassDeclaration, exported: string): string[] {
  const name = node.name?.text ?? '(anonymous)';
  const heritage = (node.heritageClauses ?? []).map((clause) => ` ${text(clause)}`).join('');
  const facts = [`${exported}class ${name}${heritage}`];
  for (const decorator of ts.getDecorators(node) ?? []) facts.push(`${name} ${text(decorator)}`);
  for (const member of node.members) {
    const facet = memberFacet(member);
    if (facet === undefined) continue;
    facts.push(`${name} ${facet}`);
    const decorators = ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : [];
    for (const decorator of decorators) facts.push(`${name} ${facet} ${text(decorator)}`);
  }
  return facts;
}

function memberFacet(member: ts.ClassElement): string | undefined {
  if (ts.isConstructorDeclaration(member)) {
    return `constructor(${member.parameters.map((parameter) => text(parameter)).join(',')})`;
  }
  if (ts.isMethodDeclaration(member)) {
    const modifiers = member.modifiers?.filter((m) => !ts.isDecorator(m)).map((m) => m.getText());
    const prefix = modifiers?.length ? `${modifiers.join(' ')} ` : '';
    return `method ${prefix}${member.name.getText()}${signature(member)}`;
  }
  if (ts.isPropertyDeclaration(member)) return `property ${member.name.getText()}`;
  if (ts.isGetAccessorDeclaration(member)) return `get ${member.name.getText()}`;
  return undefined;
}

function signature(node: ts.SignatureDeclarationBase): string {
  const parameters = node.parameters.map((parameter) => text(parameter)).join(',');
  return `(${parameters})${node.type ? `:${text(node.type)}` : ''}`;
}

/** Facts of the calls that shape a module's data: `pgTable`, `z.object`, `defineMessages`. */
function callFacts(file: ts.SourceFile): string[] {
  const facts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) facts.push(...shapingCallFacts(node));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return facts;
}

function shapingCallFacts(call: ts.CallExpression): string[] {
  const callee = text(call.expression);
  const [first, second, third] = call.arguments;
  if (callee === 'pgTable' && first && second && ts.isObjectLiteralExpression(second)) {
    const table = text(first);
    const columns = second.properties.map((p) => `table ${table} column ${text(p)}`);
    return third ? [...columns, `table ${table} extra ${text(third)}`] : columns;
  }
  if (callee === 'z.object' && first && ts.isObjectLiteralExpression(first)) {
    const owner = ownerName(call);
    return first.properties.map((p) => `schema ${owner} key ${p.name?.getText() ?? text(p)}`);
  }
  if (callee === 'defineMessages' && first && ts.isObjectLiteralExpression(first)) {
    return first.properties.flatMap((language) => {
      if (!ts.isPropertyAssignment(language)) return [`messages ${text(language)}`];
      const lang = text(language.name);
      const keys = ts.isObjectLiteralExpression(language.initializer)
        ? language.initializer.properties.map((p) => p.name?.getText() ?? text(p))
        : [text(language.initializer)];
      return keys.map((key) => `messages ${lang} key ${key.replace(/"/g, "'")}`);
    });
  }
  return [];
}

/** The variable a call's value is assigned to (through chained calls such as `.meta(...)`). */
function ownerName(node: ts.Node): string {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isVariableDeclaration(current)) return current.name.getText();
    if (ts.isPropertyAssignment(current)) return `${ownerName(current)}.${current.name.getText()}`;
  }
  return '(expression)';
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}
