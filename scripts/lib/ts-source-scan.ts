/** Light scanning of TypeScript source: hide comments and strings, match brackets, split lists. */
import { SourceEditError } from './generator-errors.js';

/** A half-open range of source offsets. */
export interface Span {
  start: number;
  end: number;
}

const OPENERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/** Walks the source once, blanking comment text and the contents of string and template literals. */
class Masker {
  private readonly out: string[];
  /** Brace depth at which each open `${` expression started. */
  private readonly templates: number[] = [];
  private depth = 0;

  constructor(private readonly source: string) {
    this.out = source.split('');
  }

  run(): string {
    const { source } = this;
    let i = 0;
    while (i < source.length) i = this.step(i, source[i] ?? '', source[i + 1] ?? '');
    return this.out.join('');
  }

  private step(i: number, char: string, next: string): number {
    if (char === '/' && next === '/') return this.blank(i, this.until('\n', i, 0));
    if (char === '/' && next === '*') return this.blank(i, this.until('*/', i + 2, 2));
    if (char === "'" || char === '"') return this.quoted(i, char);
    if (char === '`') return this.template(i + 1);
    if (char === '{') this.depth++;
    if (char === '}') {
      if (this.templates.at(-1) === this.depth) {
        this.templates.pop();
        return this.template(i + 1);
      }
      this.depth--;
    }
    return i + 1;
  }

  private until(token: string, from: number, extra: number): number {
    const found = this.source.indexOf(token, from);
    return found === -1 ? this.source.length : found + extra;
  }

  /** Blanks `[from, to)` keeping newlines (so lines and columns stay put) and returns `to`. */
  private blank(from: number, to: number): number {
    for (let k = from; k < to; k++) if (this.out[k] !== '\n') this.out[k] = ' ';
    return to;
  }

  private quoted(open: number, quote: string): number {
    let k = open + 1;
    while (k < this.source.length && this.source[k] !== quote && this.source[k] !== '\n') {
      k += this.source[k] === '\\' ? 2 : 1;
    }
    this.blank(open + 1, k);
    return Math.min(k + 1, this.source.length);
  }

  /** From inside a template literal to its closing backtick or to its next `${`. */
  private template(start: number): number {
    let k = start;
    while (k < this.source.length) {
      const char = this.source[k];
      if (char === '\\') k += 2;
      else if (char === '`') return this.blank(start, k) + 1;
      else if (char === '$' && this.source[k + 1] === '{') {
        this.blank(start, k);
        this.templates.push(this.depth);
        return k + 2;
      } else k++;
    }
    return this.blank(start, this.source.length);
  }
}

/** `source` with comment text and string contents replaced by spaces; offsets are unchanged. */
export function maskNonCode(source: string): string {
  return new Masker(source).run();
}

/** The offset of the bracket that closes the one at `open` in masked source. */
export function findClosing(masked: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < masked.length; i++) {
    const char = masked[i] ?? '';
    const closer = OPENERS[char];
    if (closer !== undefined) stack.push(closer);
    else if (char === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  throw new SourceEditError(
    `unbalanced "${masked[open]}" at offset ${open}: the file does not parse`,
  );
}

/** The trimmed, comma-separated items between the brackets at `open` and `close`. */
export function listItems(masked: string, open: number, close: number): Span[] {
  const items: Span[] = [];
  let start = open + 1;
  for (let i = open + 1; i <= close; i++) {
    const char = masked[i] ?? '';
    if (OPENERS[char] !== undefined) {
      i = findClosing(masked, i);
      continue;
    }
    if (char !== ',' && i !== close) continue;
    const text = masked.slice(start, i);
    const lead = text.length - text.trimStart().length;
    if (text.trim() !== '') items.push({ start: start + lead, end: start + text.trimEnd().length });
    start = i + 1;
  }
  return items;
}

/** The 1-based line of `offset`. */
export function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}
