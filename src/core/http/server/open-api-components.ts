/** Trims the OpenAPI components fastify-type-provider-zod emits, and Keel's Swagger UI branding. */

/** The part of an OpenAPI document this module reads. */
interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
}

const REF = '#/components/schemas/';

/**
 * Removes the `<Id>Input` copies of registered schemas (`ErrorBodyInput`, `UserInput`) that no
 * operation or kept component refers to. fastify-type-provider-zod emits an input and an output
 * variant of every schema with `.meta({ id })`; one used only in responses needs no input twin.
 */
export function withoutUnusedInputSchemas<T extends object>(input: T): T {
  const document = input as OpenApiDocument;
  const schemas = document.components?.schemas;
  if (schemas === undefined) return input;
  const isTwin = (name: string) =>
    name.endsWith('Input') && Object.hasOwn(schemas, name.slice(0, -5));
  const { components, ...rest } = document;
  const used = new Set<string>();
  const pending = [...refsIn({ ...rest, components: { ...components, schemas: {} } })];
  for (const [name, schema] of Object.entries(schemas)) {
    if (!isTwin(name)) pending.push(...refsIn(schema));
  }
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  const kept = Object.entries(schemas).filter(([name]) => !isTwin(name) || used.has(name));
  return { ...document, components: { ...components, schemas: Object.fromEntries(kept) } } as T;
}

// Component names behind every `$ref` in `value`.
function refsIn(value: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(value, (key, inner: unknown) => {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith(REF)) {
      found.push(decodeURIComponent(inner.slice(REF.length)));
    }
    return inner;
  });
  return found;
}

/** The top bar logo of Swagger UI at `/docs` (in place of Fastify's). */
export const KEEL_LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40" role="img" aria-label="Keel">
<title>Keel</title>
<path d="M4 8h32l-6 18H10z" fill="#38bdf8"/><path d="M18 26h4v8h-4z" fill="#e2e8f0"/>
<text x="46" y="29" font-family="system-ui, sans-serif" font-size="24" font-weight="700" fill="#f8fafc">Keel</text>
</svg>`;
