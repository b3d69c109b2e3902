/** Splits a template into text and tags, resolves `\{{` escapes and drops standalone tag lines. */
import { TemplateError, type TemplateLocation } from './generator-errors.js';

/** What a tag does, decided by its first character or keyword. */
export type TagKind = 'output' | 'open' | 'else' | 'close' | 'comment';

/** One `{{...}}` tag; `body` is the text between the braces without its sigil, trimmed. */
export interface TagToken {
  kind: TagKind;
  body: string;
  /** Where the `{{` is. */
  loc: TemplateLocation;
  /** Where `body` starts, to point errors at the exact name. */
  bodyLoc: TemplateLocation;
}

/** The template as alternating text and tags: `texts.length === tags.length + 1`. */
export interface TokenStream {
  texts: string[];
  tags: TagToken[];
}

/** Turns source offsets into 1-based lines and columns. */
function locator(source: string, file: string): (offset: number) => TemplateLocation {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { file, line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

/** The tag's kind and where its body starts inside `inner` (after the sigil and spaces). */
function classify(inner: string): { kind: TagKind; body: string; skip: number } {
  const text = inner.trim();
  const lead = inner.length - inner.trimStart().length;
  const after = (sigilLength: number): number => {
    const rest = inner.slice(lead + sigilLength);
    return lead + sigilLength + rest.length - rest.trimStart().length;
  };
  const sigil = text.charAt(0);
  if (sigil === '!') return { kind: 'comment', body: '', skip: lead };
  if (sigil === '#') return { kind: 'open', body: text.slice(1).trim(), skip: after(1) };
  if (sigil === '/') return { kind: 'close', body: text.slice(1).trim(), skip: after(1) };
  if (text === 'else' || text.startsWith('else ')) {
    return { kind: 'else', body: text.slice(4).trim(), skip: after(4) };
  }
  return { kind: 'output', body: text, skip: lead };
}

/** Scans `source` into texts and tags; an unclosed `{{` is a TemplateError. */
export function tokenize(source: string, file: string): TokenStream {
  const locate = locator(source, file);
  const texts: string[] = [];
  const tags: TagToken[] = [];
  let text = '';
  let cursor = 0;
  for (;;) {
    const open = source.indexOf('{{', cursor);
    if (open === -1) break;
    if (source[open - 1] === '\\') {
      text += `${source.slice(cursor, open - 1)}{{`;
      cursor = open + 2;
      continue;
    }
    const long = source.startsWith('{{!--', open);
    const close = source.indexOf(long ? '--}}' : '}}', open + 2);
    if (close === -1) throw new TemplateError(locate(open), 'unclosed tag: "{{" without "}}"');
    const inner = source.slice(open + 2, close);
    const { kind, body, skip } = classify(inner);
    texts.push(text + source.slice(cursor, open));
    tags.push({ kind, body, loc: locate(open), bodyLoc: locate(open + 2 + skip) });
    text = '';
    cursor = close + (long ? 4 : 2);
  }
  texts.push(text + source.slice(cursor));
  stripStandaloneLines(texts, tags);
  return { texts, tags };
}

/**
 * A block or comment tag alone on its line (only spaces around it) takes the whole line with it,
 * so templates can indent blocks freely without leaving blank lines in the output.
 */
function stripStandaloneLines(texts: string[], tags: readonly TagToken[]): void {
  const cutStart = texts.map(() => 0);
  const cutEnd = texts.map(() => 0);
  tags.forEach((tag, i) => {
    if (tag.kind === 'output') return;
    const before = texts[i] ?? '';
    const after = texts[i + 1] ?? '';
    const lineStart = /(^|\n)[ \t]*$/.exec(before);
    if (lineStart === null || (lineStart[1] === '' && i > 0)) return;
    const lineEnd =
      i + 1 === tags.length ? /^[ \t]*(\r?\n|$)/.exec(after) : /^[ \t]*\r?\n/.exec(after);
    if (lineEnd === null) return;
    cutEnd[i] = lineStart[0].length - lineStart[1]!.length;
    cutStart[i + 1] = lineEnd[0].length;
  });
  for (let i = 0; i < texts.length; i++) {
    const value = texts[i] ?? '';
    texts[i] = value.slice(
      cutStart[i],
      Math.max(cutStart[i] ?? 0, value.length - (cutEnd[i] ?? 0)),
    );
  }
}
