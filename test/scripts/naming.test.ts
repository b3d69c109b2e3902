/** Naming helpers: case conversions, the pluralisation table and caller overrides. */
import { describe, expect, it } from 'vitest';
import {
  deriveNames,
  Inflector,
  nameForms,
  pluralize,
  singularize,
  splitWords,
  toCamelCase,
  toKebabCase,
  toPascalCase,
  toSnakeCase,
} from '../../scripts/lib/naming.js';

describe('case conversions', () => {
  it.each([
    ['payment-method', 'PaymentMethod', 'paymentMethod', 'payment-method', 'payment_method'],
    ['PaymentMethod', 'PaymentMethod', 'paymentMethod', 'payment-method', 'payment_method'],
    ['payment_method', 'PaymentMethod', 'paymentMethod', 'payment-method', 'payment_method'],
    ['paymentMethod', 'PaymentMethod', 'paymentMethod', 'payment-method', 'payment_method'],
    ['HTTPServer', 'HttpServer', 'httpServer', 'http-server', 'http_server'],
    ['oauth2-client', 'Oauth2Client', 'oauth2Client', 'oauth2-client', 'oauth2_client'],
    ['user', 'User', 'user', 'user', 'user'],
  ])('converts %s', (input, pascal, camel, kebab, snake) => {
    expect([
      toPascalCase(input),
      toCamelCase(input),
      toKebabCase(input),
      toSnakeCase(input),
    ]).toEqual([pascal, camel, kebab, snake]);
  });

  it('splits words on separators, case changes and acronyms', () => {
    expect(splitWords('  API key__Rotation-v2 ')).toEqual(['api', 'key', 'rotation', 'v2']);
  });

  it('builds every form of a name', () => {
    expect(nameForms('payment-method')).toEqual({
      kebab: 'payment-method',
      pascal: 'PaymentMethod',
      camel: 'paymentMethod',
      snake: 'payment_method',
      constant: 'PAYMENT_METHOD',
      words: 'payment method',
    });
  });
});

describe('pluralisation', () => {
  const table: [string, string][] = [
    ['user', 'users'],
    ['category', 'categories'],
    ['status', 'statuses'],
    ['person', 'people'],
    ['box', 'boxes'],
    ['leaf', 'leaves'],
    ['child', 'children'],
    ['address', 'addresses'],
    ['bus', 'buses'],
    ['quiz', 'quizzes'],
    ['day', 'days'],
    ['news', 'news'],
    ['series', 'series'],
    ['church', 'churches'],
    ['dish', 'dishes'],
    ['buzz', 'buzzes'],
    ['hero', 'heroes'],
    ['photo', 'photos'],
    ['knife', 'knives'],
    ['roof', 'roofs'],
    ['analysis', 'analyses'],
    ['key', 'keys'],
    ['movie', 'movies'],
    ['cache', 'caches'],
    ['alias', 'aliases'],
    ['house', 'houses'],
    ['size', 'sizes'],
    ['mouse', 'mice'],
  ];

  it.each(table)('pluralises %s as %s', (singular, plural) => {
    expect(pluralize(singular)).toBe(plural);
  });

  it.each(table)('singularises back from %s (%s)', (singular, plural) => {
    expect(singularize(plural)).toBe(singular);
  });

  it('inflects only the last word and keeps the case style', () => {
    expect(pluralize('payment-method')).toBe('payment-methods');
    expect(pluralize('PaymentCategory')).toBe('PaymentCategories');
    expect(pluralize('salesPerson')).toBe('salesPeople');
    expect(pluralize('order_status')).toBe('order_statuses');
    expect(pluralize('PERSON')).toBe('PEOPLE');
    expect(pluralize('LINE_ITEM')).toBe('LINE_ITEMS');
    expect(singularize('PaymentMethods')).toBe('PaymentMethod');
    expect(singularize('Children')).toBe('Child');
  });

  it('leaves words that already look singular alone when singularising', () => {
    expect(['status', 'address', 'user', 'analysis'].map(singularize)).toEqual([
      'status',
      'address',
      'user',
      'analysis',
    ]);
  });

  it('lets the caller override single words and whole multiword names', () => {
    const inflector = new Inflector({
      irregular: { person: 'persons', 'payment-method': 'payment-methodz' },
    });
    expect(inflector.plural('sales-person')).toBe('sales-persons');
    expect(inflector.plural('PaymentMethod')).toBe('PaymentMethodz');
    expect(inflector.singular('payment_methodz')).toBe('payment_method');
    expect(inflector.plural('method')).toBe('methods');
  });
});

describe('deriveNames', () => {
  it('derives the plural with the inflector unless one is given', () => {
    expect(deriveNames('payment-category').plural.pascal).toBe('PaymentCategories');
    const names = deriveNames('person', { plural: 'persons' });
    expect([names.singular.pascal, names.plural.camel, names.plural.snake]).toEqual([
      'Person',
      'persons',
      'persons',
    ]);
  });
});
