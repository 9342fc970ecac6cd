/**
 * Keeps only the component schemas that the paths reach, directly or through other components. The generator
 * writes every schema registered with an id (and an input copy of each), whichever document uses it.
 */
export function keepReferencedSchemas<T extends { paths?: unknown; components?: { schemas?: object } }>(
  document: T,
): T {
  const schemas = (document.components?.schemas ?? {}) as Record<string, unknown>;
  const kept = new Set<string>();
  const visit = (value: unknown): void => {
    for (const match of JSON.stringify(value ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      const name = match[1] ?? '';
      if (kept.has(name) || !(name in schemas)) continue;
      kept.add(name);
      visit(schemas[name]);
    }
  };
  visit(document.paths);
  const reached = Object.fromEntries(Object.entries(schemas).filter(([name]) => kept.has(name)));
  return { ...document, components: { ...document.components, schemas: reached } };
}

type Operation = { requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } };

/**
 * Fastify validates a missing body as null, so a route whose body may be left out accepts null; the generator
 * still marks every body required. Such a body is written as optional, with the schema of the body when sent.
 */
export function optionalNullableBodies<T extends { paths?: object }>(document: T): T {
  for (const operations of Object.values(document.paths ?? {}) as Record<string, Operation>[]) {
    for (const { requestBody } of Object.values(operations)) {
      const media = Object.values(requestBody?.content ?? {});
      if (!requestBody || media.length === 0) continue;
      const sent = media.map(({ schema }) => withoutNull(schema));
      if (sent.some((schema) => schema === undefined)) continue;
      requestBody.required = false;
      media.forEach((entry, index) => (entry.schema = sent[index]));
    }
  }
  return document;
}

const withoutNull = (schema: unknown): unknown => {
  const anyOf = (schema as { anyOf?: unknown[] } | undefined)?.anyOf;
  if (anyOf?.length !== 2) return undefined;
  const rest = anyOf.filter((branch) => JSON.stringify(branch) !== '{"type":"null"}');
  return rest.length === 1 ? rest[0] : undefined;
};
