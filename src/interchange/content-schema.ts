import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsPlugin from 'ajv-formats';

/** content/ at the root of the project, seen from src/interchange or a build of it. */
export const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

const compiled = new Map<string, Promise<ValidateFunction>>();

/** The validator for one of content/schema/*.json, compiled once per process. */
export function contentSchema(name: string): Promise<ValidateFunction> {
  let validator = compiled.get(name);
  if (!validator) {
    validator = fs.readFile(path.join(contentDir, 'schema', name), 'utf8').then((text) => {
      const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
      formatsPlugin.default(ajv, ['date', 'uuid']);
      return ajv.compile(JSON.parse(text) as object);
    });
    compiled.set(name, validator);
  }
  return validator;
}
