import { describe, expect, it } from 'vitest';
import { keepReferencedSchemas, optionalNullableBodies } from './tidy-document.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('keepReferencedSchemas', () => {
  it.each([
    { name: 'nothing referenced', paths: {}, kept: [] },
    { name: 'a direct reference', paths: { '/a': { get: ref('A') } }, kept: ['A'] },
    { name: 'a reference through another component', paths: { '/b': { get: ref('B') } }, kept: ['B', 'C'] },
    { name: 'a reference to a missing component', paths: { '/x': { get: ref('Missing') } }, kept: [] },
  ])('keeps what the paths reach: $name', ({ paths, kept }) => {
    const document = { paths, components: { schemas: { A: {}, AInput: {}, B: { items: ref('C') }, C: {} } } };
    expect(Object.keys(keepReferencedSchemas(document).components.schemas ?? {}).sort()).toEqual(kept);
  });
});

describe('optionalNullableBodies', () => {
  const body = (schema: unknown) => ({
    paths: {
      '/a': { post: { requestBody: { required: true, content: { 'application/json': { schema } } } } },
    },
  });
  const object = { type: 'object', properties: { n: { type: 'number' } } };

  it.each([
    {
      name: 'an object or null',
      schema: { anyOf: [object, { type: 'null' }] },
      required: false,
      sent: object,
    },
    { name: 'an object', schema: object, required: true, sent: object },
    {
      name: 'one of two objects',
      schema: { anyOf: [object, { type: 'string' }] },
      required: true,
      sent: { anyOf: [object, { type: 'string' }] },
    },
  ])('makes a body optional only when it may be null: $name', ({ schema, required, sent }) => {
    const { requestBody } = optionalNullableBodies(body(schema)).paths['/a'].post;
    expect(requestBody).toEqual({ required, content: { 'application/json': { schema: sent } } });
  });
});
