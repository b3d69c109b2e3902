/** Renders a parsed template against data, strictly: unknown or missing values are errors. */
import { TemplateError } from './generator-errors.js';
import type {
  Condition,
  EachNode,
  IfNode,
  OutputNode,
  PathExpression,
  TemplateNode,
} from './template-ast.js';

/** A filter turns a string into a string, e.g. `pascal`. */
export type TemplateFilter = (value: string) => string;

/** One level of scope: the root data, or the current item of an `{{#each}}`. */
interface Scope {
  value: unknown;
  loop?: { index: number; length: number };
}

/** Renders `nodes`; `filters` must hold every filter the parser accepted. */
export function renderNodes(
  nodes: readonly TemplateNode[],
  data: unknown,
  filters: Readonly<Record<string, TemplateFilter>>,
): string {
  return new Renderer(filters).render(nodes, [{ value: data }]);
}

function hasKey(value: unknown, key: string): value is Record<string, unknown> {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  // Inherited members of plain objects (`toString`, `constructor`) are never template data.
  return Object.hasOwn(value, key) || (key in value && !(key in Object.prototype));
}

function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

class Renderer {
  constructor(private readonly filters: Readonly<Record<string, TemplateFilter>>) {}

  render(nodes: readonly TemplateNode[], scopes: readonly Scope[]): string {
    let out = '';
    for (const node of nodes) {
      if (node.type === 'text') out += node.value;
      else if (node.type === 'output') out += this.output(node, scopes);
      else if (node.type === 'if') out += this.branch(node, scopes);
      else out += this.each(node, scopes);
    }
    return out;
  }

  private output(node: OutputNode, scopes: readonly Scope[]): string {
    const value = this.resolve(node.path, scopes);
    if (
      value === null ||
      value === undefined ||
      typeof value === 'object' ||
      typeof value === 'function'
    ) {
      throw new TemplateError(
        node.path.loc,
        `variable "${node.path.raw}" is ${describe(value)}, not text`,
      );
    }
    let text = String(value);
    for (const filter of node.filters) text = this.filters[filter.name]!(text);
    return text;
  }

  private branch(node: IfNode, scopes: readonly Scope[]): string {
    const taken = node.branches.find((branch) => this.test(branch.condition, scopes));
    return this.render(taken === undefined ? node.otherwise : taken.body, scopes);
  }

  private test(condition: Condition, scopes: readonly Scope[]): boolean {
    return truthy(this.resolve(condition.path, scopes)) !== condition.negate;
  }

  private each(node: EachNode, scopes: readonly Scope[]): string {
    const list = this.resolve(node.path, scopes);
    if (!Array.isArray(list)) {
      throw new TemplateError(
        node.path.loc,
        `"{{#each ${node.path.raw}}}" needs an array, got ${describe(list)}`,
      );
    }
    if (list.length === 0) return this.render(node.otherwise, scopes);
    return list
      .map((item, index) =>
        this.render(node.body, [...scopes, { value: item, loop: { index, length: list.length } }]),
      )
      .join('');
  }

  private resolve(path: PathExpression, scopes: readonly Scope[]): unknown {
    const [head = '', ...rest] = path.segments;
    const innermost = scopes.at(-1)!;
    let value: unknown;
    if (head.startsWith('@')) return this.loopVariable(head, scopes);
    if (head === 'this') value = innermost.value;
    else {
      const scope = scopes.findLast((candidate) => hasKey(candidate.value, head));
      if (scope === undefined) throw new TemplateError(path.loc, `unknown variable "${path.raw}"`);
      value = (scope.value as Record<string, unknown>)[head];
    }
    for (const segment of rest) {
      if (!hasKey(value, segment))
        throw new TemplateError(path.loc, `unknown variable "${path.raw}"`);
      value = value[segment];
    }
    return value;
  }

  private loopVariable(name: string, scopes: readonly Scope[]): unknown {
    const loop = scopes.findLast((scope) => scope.loop !== undefined)!.loop!;
    if (name === '@index') return loop.index;
    if (name === '@first') return loop.index === 0;
    return loop.index === loop.length - 1;
  }
}
