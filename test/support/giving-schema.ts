import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

export const givingFolder = path.resolve(import.meta.dirname, '../../../shared/data/360giving');
const schemaFolder = path.join(givingFolder, 'schema');

type Json = Record<string, unknown>;

/** A schema file; its "$schema" says http:// where ajv knows the 2020-12 meta-schema as https://. */
const readJson = (file: string) => {
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  return { ...schema, $schema: 'https://json-schema.org/draft/2020-12/schema' } as Json;
};

export const grantSchema = () => readJson(path.join(schemaFolder, '360-giving-schema.json'));

/** The package schema, with the grant schema it points to (it names version 1.4.2's address; the file is 1.4.3). */
export function packageValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  formatsPlugin.default(ajv);
  const packageSchema = readJson(path.join(schemaFolder, '360-giving-package-schema.json'));
  const items = (packageSchema.properties as { grants: { items: { $ref: string } } }).grants.items;
  ajv.addSchema({ ...grantSchema(), $id: items.$ref });
  return ajv.compile(packageSchema);
}

/**
 * Every value of a grant at a path the 360Giving grant schema defines ("recipientOrganization.0.postalCode"),
 * read by walking the schema itself, so what counts as standard does not depend on the code under test.
 */
export function standardLeaves(grant: unknown, schema: Json = grantSchema()): Map<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const resolve = (node: Json): Json =>
    typeof node.$ref === 'string' && node.$ref.startsWith('#/$defs/')
      ? resolve(defs[node.$ref.slice('#/$defs/'.length)] ?? {})
      : node;
  const leaves = new Map<string, unknown>();
  const walk = (value: unknown, node: Json, at: string) => {
    const shape = resolve(node);
    if (value === null || value === undefined || value === '') return;
    if (Array.isArray(value)) {
      const items = (shape.items ?? {}) as Json;
      value.forEach((item, index) => walk(item, items, `${at}.${index}`));
      return;
    }
    if (typeof value === 'object') {
      const properties = (shape.properties ?? {}) as Record<string, Json>;
      for (const [key, inner] of Object.entries(value as Json)) {
        const property = properties[key];
        if (property) walk(inner, property, at ? `${at}.${key}` : key);
      }
      return;
    }
    leaves.set(at, value);
  };
  walk(grant, schema, '');
  return leaves;
}
