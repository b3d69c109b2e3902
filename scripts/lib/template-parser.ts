/** Builds the syntax tree from tokens, checking that every block is opened and closed in order. */
import { TemplateError, type TemplateLocation } from './generator-errors.js';
import type { EachNode, IfNode, TemplateNode } from './template-ast.js';
import {
  type ExpressionContext,
  parseCondition,
  parseOutput,
  parsePath,
} from './template-expression.js';
import type { TagToken, TokenStream } from './template-lexer.js';

type BlockKind = 'if' | 'unless' | 'each';
type Branch = IfNode['branches'][number];

interface Frame {
  kind: BlockKind;
  loc: TemplateLocation;
  node: IfNode | EachNode;
  target: TemplateNode[];
  elseSeen: boolean;
}

function at(loc: TemplateLocation): string {
  return `${loc.line}:${loc.column}`;
}

/** Parses a token stream into nodes; `filters` are the names a pipe may use. */
export function parseTemplate(stream: TokenStream, filters: ReadonlySet<string>): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: Frame[] = [];
  const target = (): TemplateNode[] => stack.at(-1)?.target ?? root;
  const context = (): ExpressionContext => ({
    filters,
    loopDepth: stack.filter((frame) => frame.kind === 'each').length,
  });
  stream.tags.forEach((tag, i) => {
    const text = stream.texts[i] ?? '';
    if (text !== '') target().push({ type: 'text', value: text });
    if (tag.kind === 'output')
      target().push({ type: 'output', ...parseOutput(tag.body, tag.bodyLoc, context()) });
    if (tag.kind === 'open') stack.push(openBlock(tag, target(), context()));
    if (tag.kind === 'else') elseBranch(tag, stack.at(-1), context());
    if (tag.kind === 'close') closeBlock(tag, stack);
  });
  const last = stream.texts.at(-1) ?? '';
  if (last !== '') target().push({ type: 'text', value: last });
  const open = stack.at(-1);
  if (open !== undefined) {
    throw new TemplateError(open.loc, `unclosed "{{#${open.kind}}}": add "{{/${open.kind}}}"`);
  }
  return root;
}

function openBlock(tag: TagToken, parent: TemplateNode[], context: ExpressionContext): Frame {
  const match = /^(\S+)\s*([\s\S]*)$/.exec(tag.body);
  const keyword = match?.[1] ?? '';
  const argument = match?.[2] ?? '';
  if (keyword !== 'if' && keyword !== 'unless' && keyword !== 'each') {
    throw new TemplateError(tag.loc, `unknown block "{{#${keyword}}}": use #if, #unless or #each`);
  }
  if (argument.trim() === '') {
    throw new TemplateError(
      tag.loc,
      `"{{#${keyword}}}" needs ${keyword === 'each' ? 'a list' : 'a condition'}`,
    );
  }
  const argLoc = { ...tag.bodyLoc, column: tag.bodyLoc.column + tag.body.length - argument.length };
  let node: IfNode | EachNode;
  let target: TemplateNode[];
  if (keyword === 'each') {
    node = { type: 'each', path: parsePath(argument, argLoc, context), body: [], otherwise: [] };
    target = node.body;
  } else {
    const condition = parseCondition(argument, argLoc, context);
    if (keyword === 'unless') condition.negate = !condition.negate;
    const branch: Branch = { condition, body: [] };
    node = { type: 'if', branches: [branch], otherwise: [] };
    target = branch.body;
  }
  parent.push(node);
  return { kind: keyword, loc: tag.loc, node, target, elseSeen: false };
}

function elseBranch(tag: TagToken, frame: Frame | undefined, context: ExpressionContext): void {
  if (frame === undefined) throw new TemplateError(tag.loc, '"{{else}}" outside of a block');
  const opened = `"{{#${frame.kind}}}" opened at ${at(frame.loc)}`;
  if (frame.elseSeen) throw new TemplateError(tag.loc, `a second "{{else}}" in ${opened}`);
  if (tag.body === '') {
    frame.elseSeen = true;
    frame.target = frame.node.otherwise;
    return;
  }
  const elseIf = /^if\s+/.exec(tag.body);
  if (elseIf === null || frame.node.type !== 'if') {
    throw new TemplateError(tag.loc, `unexpected "{{else ${tag.body}}}" in ${opened}`);
  }
  const argLoc = { ...tag.bodyLoc, column: tag.bodyLoc.column + elseIf[0].length };
  const branch: Branch = {
    condition: parseCondition(tag.body.slice(elseIf[0].length), argLoc, context),
    body: [],
  };
  frame.node.branches.push(branch);
  frame.target = branch.body;
}

function closeBlock(tag: TagToken, stack: Frame[]): void {
  const frame = stack.pop();
  if (frame === undefined)
    throw new TemplateError(tag.loc, `"{{/${tag.body}}}" closes no open block`);
  if (frame.kind !== tag.body) {
    throw new TemplateError(
      tag.loc,
      `"{{/${tag.body}}}" does not match "{{#${frame.kind}}}" opened at ${at(frame.loc)}`,
    );
  }
}
