/** Adds an element to a bracketed list in source code, following the list's own layout. */
import { listItems, type Span } from './ts-source-scan.js';

/** The brackets of a list: offsets of its opening and closing bracket. */
export interface ListBrackets {
  open: number;
  close: number;
}

/** A list inside a file: the file, its masked twin (see `maskNonCode`) and the list's brackets. */
export interface SourceList extends ListBrackets {
  source: string;
  masked: string;
}

/** Whether an item of the list is `name`, or starts with it (`PaymentModule.forRoot()`). */
export function listHas(list: SourceList, name: string): boolean {
  const { source, masked } = list;
  const escaped = name.replace(/[$]/g, '\\$');
  const pattern = new RegExp(`^${escaped}(?![\\w$])`);
  return listItems(masked, list.open, list.close).some((item) =>
    pattern.test(source.slice(item.start, item.end)),
  );
}

/** Inserts `text` at several offsets of the original string; inserts at one offset keep their order. */
function spliceAll(source: string, inserts: readonly { at: number; text: string }[]): string {
  const ordered = inserts.map((insert, index) => ({ ...insert, index }));
  ordered.sort((a, b) => b.at - a.at || b.index - a.index);
  let out = source;
  for (const insert of ordered) out = out.slice(0, insert.at) + insert.text + out.slice(insert.at);
  return out;
}

/**
 * Appends `element`: `[]` -> `[X]`, `[A, B]` -> `[A, B, X]`, and in a multiline list a new line
 * with the last item's indentation, keeping (or not) a trailing comma as the list does.
 */
export function appendToList(list: SourceList, element: string): string {
  const { source, masked } = list;
  const items = listItems(masked, list.open, list.close);
  const last: Span | undefined = items.at(-1);
  if (last === undefined) {
    const pad = source[list.open] === '{' ? ' ' : '';
    return `${source.slice(0, list.open + 1)}${pad}${element}${pad}${source.slice(list.close)}`;
  }
  const after = masked.slice(last.end, list.close);
  const trailing = after.trimStart().startsWith(',');
  const commaEnd = trailing ? last.end + after.indexOf(',') + 1 : last.end;
  if (!source.slice(list.open, list.close).includes('\n')) {
    return spliceAll(source, [{ at: commaEnd, text: trailing ? ` ${element},` : `, ${element}` }]);
  }
  const lineStart = source.lastIndexOf('\n', last.start) + 1;
  const indent = /^[ \t]*/.exec(source.slice(lineStart))?.[0] ?? '';
  // Insert at the end of the last item's line, so a trailing `// comment` stays where it was.
  const newline = source.indexOf('\n', commaEnd);
  const lineEnd = newline === -1 || newline > list.close ? list.close : newline;
  return spliceAll(source, [
    ...(trailing ? [] : [{ at: last.end, text: ',' }]),
    { at: lineEnd, text: `\n${indent}${element}${trailing ? ',' : ''}` },
  ]);
}
