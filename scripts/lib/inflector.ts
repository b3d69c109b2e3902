/** Pluralises and singularises English words; callers may add their own pairs (`--plural`). */
import {
  F_TO_VES,
  IRREGULAR,
  KEEP_E_SINGULARS,
  O_TO_OES,
  UNCOUNTABLE,
} from './inflection-rules.js';
import { formatWordsLike, splitWords } from './word-case.js';

/** Extra singular to plural pairs; keys and values may be multiword (`payment-method`). */
export interface InflectorOptions {
  irregular?: Readonly<Record<string, string>>;
}

/** Turns the last word of a name into its plural or singular, keeping the name's case style. */
export class Inflector {
  private readonly toPlural = new Map<string, string>();
  private readonly toSingular = new Map<string, string>();

  constructor(options: InflectorOptions = {}) {
    for (const [singular, plural] of Object.entries({ ...IRREGULAR, ...F_TO_VES })) {
      this.addPair(singular, plural);
    }
    for (const [singular, plural] of Object.entries(options.irregular ?? {})) {
      this.addPair(singular, plural);
    }
  }

  /** `payment-method` -> `payment-methods`, `Person` -> `People`, `news` -> `news`. */
  plural(text: string): string {
    return this.inflect(text, this.toPlural, pluralizeWord);
  }

  /** `categories` -> `category`, `PaymentMethods` -> `PaymentMethod`, `series` -> `series`. */
  singular(text: string): string {
    return this.inflect(text, this.toSingular, singularizeWord);
  }

  private addPair(singular: string, plural: string): void {
    const from = splitWords(singular).join('-');
    const to = splitWords(plural).join('-');
    this.toPlural.set(from, to);
    this.toSingular.set(to, from);
  }

  private inflect(text: string, pairs: Map<string, string>, rule: (w: string) => string): string {
    const words = splitWords(text);
    const last = words.at(-1);
    if (last === undefined) return text;
    const whole = pairs.get(words.join('-'));
    if (whole !== undefined) return formatWordsLike(text, whole.split('-'));
    const replaced = pairs.get(last) ?? rule(last);
    return formatWordsLike(text, [...words.slice(0, -1), ...replaced.split('-')]);
  }
}

/** Suffix rules for a lowercase singular word. */
function pluralizeWord(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (O_TO_OES.has(word)) return `${word}es`;
  return `${word}s`;
}

/** Suffix rules for a lowercase plural word; words that look singular come back unchanged. */
function singularizeWord(word: string): string {
  if (UNCOUNTABLE.has(word)) return word;
  if (word.endsWith('ies') && !KEEP_E_SINGULARS.has(word.slice(0, -1))) {
    return `${word.slice(0, -3)}y`;
  }
  if (word.endsWith('oes') && O_TO_OES.has(word.slice(0, -2))) return word.slice(0, -2);
  if (/(ss|x|zz|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ches') && !KEEP_E_SINGULARS.has(word.slice(0, -1))) return word.slice(0, -2);
  // "statuses" -> "status" but "causes" -> "cause": only a consonant before -uses drops -es.
  if (/[^aeiou]uses$/.test(word)) return word.slice(0, -2);
  if (/(ss|us|is)$/.test(word) || !word.endsWith('s')) return word;
  return word.slice(0, -1);
}

/** The inflector without caller overrides. */
export const defaultInflector: Inflector = new Inflector();
