import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validators for the Open Referral UK 3.0 profile's schemas (../shared/data/oruk/uk-profile-3.0/schema, every
 * file loaded, since they $ref their siblings) and the HSDS 3.0 `Page` envelope
 * (../shared/data/oruk/hsds-3.0/schema/openapi.json).
 */
const dataDir = path.resolve('../shared/data/oruk');
const profileDir = path.join(dataDir, 'uk-profile-3.0', 'schema');
const base = 'https://uk-profile.test/schema/';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export interface OrukValidators {
  readonly serviceList: ValidateFunction;
  readonly service: ValidateFunction;
  readonly serviceAtLocationList: ValidateFunction;
  readonly serviceAtLocation: ValidateFunction;
  readonly organizationList: ValidateFunction;
  readonly organization: ValidateFunction;
  readonly taxonomy: ValidateFunction;
  readonly taxonomyTerm: ValidateFunction;
  readonly page: ValidateFunction;
}

export function orukValidators(): OrukValidators {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const folder of ['', 'compiled/']) {
    for (const file of fs.readdirSync(path.join(profileDir, folder))) {
      if (!file.endsWith('.json') || file === 'openapi.json') continue;
      ajv.addSchema({ ...readJson(path.join(profileDir, folder, file)), $id: `${base}${folder}${file}` });
    }
  }
  const hsds = readJson(path.join(dataDir, 'hsds-3.0', 'schema', 'openapi.json')) as {
    components: { schemas: { Page: Record<string, unknown> } };
  };
  const get = (name: string) => {
    const validate = ajv.getSchema(`${base}${name}`);
    if (!validate) throw new Error(`No schema ${name}`);
    return validate;
  };
  return {
    serviceList: get('compiled/service_list.json'),
    service: get('compiled/service.json'),
    serviceAtLocationList: get('compiled/service_at_location_list.json'),
    serviceAtLocation: get('compiled/service_at_location.json'),
    organizationList: get('compiled/organization_list.json'),
    organization: get('compiled/organization.json'),
    taxonomy: get('taxonomy.json'),
    taxonomyTerm: get('taxonomy_term.json'),
    page: ajv.compile({ ...hsds.components.schemas.Page, required: pageFields }),
  };
}

/** Every field of the HSDS page envelope, which our feed always sends. */
export const pageFields = [
  'total_items',
  'total_pages',
  'page_number',
  'size',
  'first_page',
  'last_page',
  'empty',
  'contents',
];

/** The errors of the last validation, short, for a failing expectation. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
