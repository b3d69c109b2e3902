/** A zero-dependency template engine for the generator: parse once into a tree, render many times. */
import { defaultInflector, type Inflector } from './inflector.js';
import { createDefaultFilters } from './template-filters.js';
import { tokenize } from './template-lexer.js';
import { parseTemplate } from './template-parser.js';
import { renderNodes, type TemplateFilter } from './template-renderer.js';

export { TemplateError } from './generator-errors.js';
export type { TemplateFilter } from './template-renderer.js';

/** Extra filters (they win over built-ins) and the inflector behind `plural`/`singular`. */
export interface TemplateEngineOptions {
  filters?: Readonly<Record<string, TemplateFilter>>;
  inflector?: Inflector;
}

/** A parsed template, ready to render with any data. */
export interface CompiledTemplate {
  /** The file name used in error messages. */
  readonly file: string;
  /** Renders with `data`; unknown variables and non-text values throw a TemplateError. */
  render(data: object): string;
}

/**
 * Syntax: `{{path | filter}}`, `{{#if x}}`/`{{#if not x}}`/`{{#unless x}}` with `{{else if y}}` and
 * `{{else}}`, `{{#each xs}}` with `{{this}}`, `{{@index}}`, `{{@first}}`, `{{@last}}`, comments
 * `{{! ... }}`, and `\{{` for literal braces. A block tag alone on its line leaves no blank line.
 */
export class TemplateEngine {
  private readonly filters: Readonly<Record<string, TemplateFilter>>;
  private readonly filterNames: ReadonlySet<string>;

  constructor(options: TemplateEngineOptions = {}) {
    this.filters = {
      ...createDefaultFilters(options.inflector ?? defaultInflector),
      ...options.filters,
    };
    this.filterNames = new Set(Object.keys(this.filters));
  }

  /** Parses `source` once; syntax errors and unknown filters throw here, naming `file:line:col`. */
  compile(source: string, file = 'inline.tpl'): CompiledTemplate {
    const nodes = parseTemplate(tokenize(source, file), this.filterNames);
    const filters = this.filters;
    return { file, render: (data) => renderNodes(nodes, data, filters) };
  }

  /** Compiles and renders in one step. */
  render(source: string, data: object, file?: string): string {
    return this.compile(source, file).render(data);
  }
}
