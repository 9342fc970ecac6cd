import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OrukSchemaChecker, OrukSchemaName } from '../app/feeds/feed-health-ports.js';
import type { SchemaIssue } from '../domain/directory/feed-health.js';

/**
 * Validators for the Open Referral UK 3.0 profile's schemas (`uk-profile-3.0/schema`, every file loaded, since
 * they $ref their siblings), the HSDS 3.0 `Page` envelope (`hsds-3.0/schema/openapi.json`) and the ORUK 1.0
 * service (`oruk-1.0-schemas/service_list.json`), all read from one folder holding the standard's published
 * files. The schemas are CC BY-SA and not shipped with the service: ORUK_SCHEMAS_DIR says where they are.
 */
const base = 'https://uk-profile.test/schema/';

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

export type OrukValidators = Readonly<Record<OrukSchemaName, ValidateFunction>>;

type HsdsOpenApi = { components: { schemas: { Page: { properties: Record<string, unknown> } } } };

const hsdsPage = (dataDir: string) =>
  (readJson(path.join(dataDir, 'hsds-3.0', 'schema', 'openapi.json')) as HsdsOpenApi).components.schemas.Page;

/** Every field of the HSDS page envelope (its paging fields and `contents`), which our feed always sends. */
export const pageFields = (dataDir: string) => [...Object.keys(hsdsPage(dataDir).properties), 'contents'];

/** Compiles the validators from the folder of the standard's files; throws when a file is missing. */
export function orukValidators(dataDir: string): OrukValidators {
  const profileDir = path.join(dataDir, 'uk-profile-3.0', 'schema');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  for (const folder of ['', 'compiled/']) {
    for (const file of fs.readdirSync(path.join(profileDir, folder))) {
      if (!file.endsWith('.json') || file === 'openapi.json') continue;
      ajv.addSchema({ ...readJson(path.join(profileDir, folder, file)), $id: `${base}${folder}${file}` });
    }
  }
  const get = (name: string) => {
    const validate = ajv.getSchema(`${base}${name}`);
    if (!validate) throw new Error(`No schema ${name}`);
    return validate;
  };
  const v1List = readJson(path.join(dataDir, 'oruk-1.0-schemas', 'service_list.json')) as {
    properties: { content: { items: Record<string, unknown> } };
  };
  const { $schema: _draft, ...v1Service } = v1List.properties.content.items;
  const draft07 = new Ajv({ strict: false, allErrors: true });
  addFormats.default(draft07);
  return {
    serviceList: get('compiled/service_list.json'),
    service: get('compiled/service.json'),
    serviceAtLocationList: get('compiled/service_at_location_list.json'),
    serviceAtLocation: get('compiled/service_at_location.json'),
    organizationList: get('compiled/organization_list.json'),
    organization: get('compiled/organization.json'),
    taxonomy: get('taxonomy.json'),
    taxonomyTerm: get('taxonomy_term.json'),
    page: ajv.compile({ ...hsdsPage(dataDir), required: pageFields(dataDir) }),
    v1Service: draft07.compile(v1Service),
  };
}

const issueOf = (error: ErrorObject): SchemaIssue => ({
  path: error.instancePath,
  rule: error.keyword,
  details: error.params as Record<string, unknown>,
  message: error.message ?? 'does not match the standard',
});

/** The checker feed health uses, over the compiled validators. */
export function orukSchemaChecker(validators: OrukValidators): OrukSchemaChecker {
  return {
    check(schema, value) {
      const validate = validators[schema];
      return validate(value) ? [] : (validate.errors ?? []).map(issueOf);
    },
  };
}

/**
 * The checker for the schemas in `dataDir`, compiled on first use (it takes a moment, and most runs of the
 * service never check a feed); undefined when no folder is set or it holds no profile schemas.
 */
export function installedOrukSchemaChecker(dataDir: string | null): OrukSchemaChecker | undefined {
  if (!dataDir || !fs.existsSync(path.join(dataDir, 'uk-profile-3.0', 'schema'))) return undefined;
  let checker: OrukSchemaChecker | undefined;
  return {
    check(schema, value) {
      checker ??= orukSchemaChecker(orukValidators(dataDir));
      return checker.check(schema, value);
    },
  };
}
