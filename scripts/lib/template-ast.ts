/** The template syntax tree: what the parser builds once and the renderer walks for every render. */
import type { TemplateLocation } from './generator-errors.js';

/** A variable path: `name`, `field.name`, `this`, `this.name`, `@index`, `@first`, `@last`. */
export interface PathExpression {
  /** The path as written, for error messages. */
  raw: string;
  segments: readonly string[];
  loc: TemplateLocation;
}

/** A filter in a pipe chain, e.g. `pascal` in `{{name | pascal}}`. */
export interface FilterCall {
  name: string;
  loc: TemplateLocation;
}

/** Literal text, already stripped of standalone block lines and escapes. */
export interface TextNode {
  type: 'text';
  value: string;
}

/** `{{path | filter | filter}}`. */
export interface OutputNode {
  type: 'output';
  path: PathExpression;
  filters: readonly FilterCall[];
}

/** A tested path: `cond` or `not cond` (`{{#unless cond}}` is a negated `if`). */
export interface Condition {
  path: PathExpression;
  negate: boolean;
}

/** `{{#if}}` / `{{#unless}}` with its `{{else if}}` branches and its `{{else}}`. */
export interface IfNode {
  type: 'if';
  branches: { condition: Condition; body: TemplateNode[] }[];
  otherwise: TemplateNode[];
}

/** `{{#each items}}...{{else}}...{{/each}}`: the `else` part renders for an empty list. */
export interface EachNode {
  type: 'each';
  path: PathExpression;
  body: TemplateNode[];
  otherwise: TemplateNode[];
}

/** Any node of a parsed template. */
export type TemplateNode = TextNode | OutputNode | IfNode | EachNode;
