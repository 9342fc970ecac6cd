import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import {
  orukValidators as compileValidators,
  pageFields as pageFieldsIn,
  type OrukValidators,
} from '../../src/platform/open-referral-schemas.js';

/**
 * The Open Referral UK validators the service's feed health check uses (src/platform/open-referral-schemas.ts),
 * compiled from the standard's files in ../shared/data/oruk.
 */
export const orukSchemasDir = path.resolve('../shared/data/oruk');

export const orukValidators = (): OrukValidators => compileValidators(orukSchemasDir);

export type { OrukValidators };

/** Every field of the HSDS page envelope, which our feed always sends. */
export const pageFields = pageFieldsIn(orukSchemasDir);

/** The errors of the last validation, short, for a failing expectation. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
