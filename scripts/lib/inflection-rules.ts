/** English pluralisation data: uncountables, irregular pairs and the suffix rules between them. */

/** Words with one form for both numbers. */
export const UNCOUNTABLE: ReadonlySet<string> = new Set([
  'aircraft',
  'data',
  'deer',
  'equipment',
  'feedback',
  'fish',
  'hardware',
  'information',
  'metadata',
  'money',
  'moose',
  'news',
  'rice',
  'series',
  'sheep',
  'software',
  'species',
]);

/** Singular to plural pairs no suffix rule gets right. */
export const IRREGULAR: Readonly<Record<string, string>> = {
  alias: 'aliases',
  analysis: 'analyses',
  atlas: 'atlases',
  axis: 'axes',
  bias: 'biases',
  canvas: 'canvases',
  child: 'children',
  crisis: 'crises',
  criterion: 'criteria',
  diagnosis: 'diagnoses',
  foot: 'feet',
  gas: 'gases',
  goose: 'geese',
  hypothesis: 'hypotheses',
  man: 'men',
  mouse: 'mice',
  ox: 'oxen',
  person: 'people',
  phenomenon: 'phenomena',
  quiz: 'quizzes',
  synopsis: 'synopses',
  thesis: 'theses',
  tooth: 'teeth',
  woman: 'women',
};

/** Words ending in f/fe whose plural ends in -ves (roof, chief, belief keep -s). */
export const F_TO_VES: Readonly<Record<string, string>> = {
  calf: 'calves',
  elf: 'elves',
  half: 'halves',
  knife: 'knives',
  leaf: 'leaves',
  life: 'lives',
  loaf: 'loaves',
  self: 'selves',
  shelf: 'shelves',
  thief: 'thieves',
  wife: 'wives',
  wolf: 'wolves',
};

/** Words ending in -o that take -es (photo, video, memo take -s). */
export const O_TO_OES: ReadonlySet<string> = new Set([
  'echo',
  'hero',
  'potato',
  'tomato',
  'torpedo',
  'veto',
]);

/** Singulars ending in -ie or -che, so that -ies/-ches plurals only lose their -s. */
export const KEEP_E_SINGULARS: ReadonlySet<string> = new Set([
  'avalanche',
  'cache',
  'calorie',
  'cookie',
  'headache',
  'movie',
  'niche',
  'pie',
  'rookie',
  'tie',
  'zombie',
]);
