/**
 * The OpenAPI 3.1 description of one partnership's Open Referral UK 3.0 feed: the UK profile's endpoints and
 * filters, with the UK profile's schemas for the bodies, and the HSDS 3.0 ones the profile leaves out
 * (/organizations, modified_after, organization_id, full, format=json).
 */

import { problemDetailsSchema } from '../../domain/shared/problem-details.js';

const profileSchemas = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema';

const parameter = (name: string, description: string, schema: Record<string, unknown>) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const paging = [
  parameter('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
  parameter('per_page', 'Items in a page, at most 200.', {
    type: 'integer',
    minimum: 1,
    maximum: 200,
    default: 50,
  }),
];

const filters = [
  parameter('search', 'Words that must all appear in the name, description or organisation name.', {
    type: 'string',
  }),
  parameter('taxonomy_term_id', 'Services with this taxonomy term (see /taxonomy_terms).', {
    type: 'string',
    format: 'uuid',
  }),
  parameter('taxonomy_id', 'Services with any term of this taxonomy (see /taxonomies).', {
    type: 'string',
    format: 'uuid',
  }),
  parameter('minimum_age', 'Services whose minimum age is at least this.', { type: 'number' }),
  parameter('maximum_age', 'Services whose maximum age is at most this.', { type: 'number' }),
  parameter('day', 'Services open on this day: MO, TU, WE, TH, FR, SA or SU.', { type: 'string' }),
  parameter('start_time', 'Services opening at or after this time (HH:MM).', { type: 'string' }),
  parameter('end_time', 'Services closing at or before this time (HH:MM).', { type: 'string' }),
];

/** HSDS 3.0 parameters that the UK profile leaves out, offered here too. */
const format = parameter('format', 'Only json (the default); ndjson is not offered.', {
  type: 'string',
  enum: ['json'],
});
const changes = [
  parameter(
    'modified_after',
    'Services changed on or after this moment (ISO 8601 date and time with a zone, or a date for its midnight in UTC).',
    { type: 'string', format: 'date-time' },
  ),
  parameter('organization_id', 'Services of this organisation (see /organizations).', {
    type: 'string',
    format: 'uuid',
  }),
];
const full = parameter('full', 'true for services in full, as /services/{id} gives them.', {
  type: 'boolean',
  default: false,
});

const near = [
  parameter('postcode', 'Places near this postcode, nearest first.', { type: 'string' }),
  parameter('latitude', 'Places near this point (with longitude), nearest first.', { type: 'number' }),
  parameter('longitude', 'Places near this point (with latitude), nearest first.', { type: 'number' }),
  parameter('proximity', 'How far from the postcode or point, in metres (at most 50,000, the default).', {
    type: 'number',
  }),
];

const json = (description: string, schema: Record<string, unknown>) => ({
  description,
  ...cached,
  content: { 'application/json': { schema } },
});

const page = (items: string) => ({
  allOf: [{ $ref: '#/components/schemas/Page' }],
  properties: { contents: { type: 'array', items: { $ref: `${profileSchemas}/${items}` } } },
});

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const cached = {
  headers: {
    ETag: {
      description: 'Send it back in If-None-Match to get 304 when nothing changed.',
      schema: { type: 'string' },
    },
    'Last-Modified': {
      description: 'When the directory last changed (on lists and records of services and organisations).',
      schema: { type: 'string' },
    },
  },
};

const errors = {
  '304': { description: 'Not modified: the If-None-Match or If-Modified-Since sent still holds.' },
  '400': problem('A query value is not valid; the detail says what to send.'),
  '404': problem('There is no such partnership feed or record.'),
};

const idParameter = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];

export function orukOpenApiDocument(feedUrl: string, partnershipName: string) {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: `${partnershipName}: Open Referral UK feed`,
      version: '3.0',
      description:
        'The public directory of services of this partnership, in the Open Referral UK 3.0 profile of HSDS 3.0. Read-only; no sign-in; any web page may read it (CORS). Answers carry an ETag, and Last-Modified where records date them; send them back to get 304 when nothing changed.',
    },
    servers: [{ url: feedUrl }],
    paths: {
      '/': {
        get: {
          operationId: 'getAPIMetaInformation',
          summary: 'About this feed',
          responses: {
            '200': json('The HSDS version, profile and this document.', {
              type: 'object',
              required: ['version', 'profile', 'openapi_url'],
              properties: {
                version: { type: 'string' },
                profile: { type: 'string', format: 'uri' },
                openapi_url: { type: 'string', format: 'uri' },
              },
            }),
          },
        },
      },
      '/services': {
        get: {
          operationId: 'getPaginatedListOfServices',
          summary: 'Services, a page at a time, by name',
          parameters: [...paging, ...filters, ...changes, full, format],
          responses: {
            '200': json(
              'A page of services: their one-to-one fields, or in full with full=true.',
              page('compiled/service_list.json'),
            ),
            ...errors,
          },
        },
      },
      '/services/{id}': {
        get: {
          operationId: 'getFullyNestedServiceById',
          parameters: idParameter,
          responses: {
            '200': json('One service in full.', { $ref: `${profileSchemas}/compiled/service.json` }),
            ...errors,
          },
        },
      },
      '/service_at_locations': {
        get: {
          operationId: 'getPaginatedListOfServiceAtLocation',
          summary: 'Services at their places (hidden places never appear)',
          parameters: [...paging, ...filters, ...changes, ...near, format],
          responses: {
            '200': json('A page of services at places.', page('compiled/service_at_location_list.json')),
            ...errors,
          },
        },
      },
      '/service_at_locations/{id}': {
        get: {
          operationId: 'getServiceAtLocationWithNestedDataById',
          parameters: idParameter,
          responses: {
            '200': json(
              'One service at one place, with the service in full; it carries the service’s name and status too, so it also meets the service schema the UK profile names here.',
              {
                allOf: [
                  { $ref: `${profileSchemas}/compiled/service_at_location.json` },
                  { $ref: `${profileSchemas}/compiled/service.json` },
                ],
              },
            ),
            ...errors,
          },
        },
      },
      '/organizations': {
        get: {
          operationId: 'getPaginatedListOfOrganizations',
          summary: 'The organisations that run the services, a page at a time, by name (HSDS 3.0)',
          parameters: [...paging, format],
          responses: {
            '200': json('A page of organisations.', page('compiled/organization_list.json')),
            ...errors,
          },
        },
      },
      '/organizations/{id}': {
        get: {
          operationId: 'getOrganizationById',
          summary: 'One organisation with its services’ one-to-one fields (HSDS 3.0)',
          parameters: idParameter,
          responses: {
            '200': json('One organisation.', { $ref: `${profileSchemas}/compiled/organization.json` }),
            ...errors,
          },
        },
      },
      '/taxonomies': {
        get: {
          operationId: 'getPaginatedListOfTaxonomies',
          parameters: [...paging, format],
          responses: { '200': json('A page of taxonomies.', page('taxonomy.json')), ...errors },
        },
      },
      '/taxonomies/{id}': {
        get: {
          operationId: 'getTaxonomyById',
          parameters: idParameter,
          responses: { '200': json('One taxonomy.', { $ref: `${profileSchemas}/taxonomy.json` }), ...errors },
        },
      },
      '/taxonomy_terms': {
        get: {
          operationId: 'getPaginatedListOfTaxonomyTerms',
          parameters: [...paging, format],
          responses: { '200': json('A page of taxonomy terms.', page('taxonomy_term.json')), ...errors },
        },
      },
      '/taxonomy_terms/{id}': {
        get: {
          operationId: 'getTaxonomyTermById',
          parameters: idParameter,
          responses: {
            '200': json('One taxonomy term.', { $ref: `${profileSchemas}/taxonomy_term.json` }),
            ...errors,
          },
        },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          required: [
            'total_items',
            'total_pages',
            'page_number',
            'size',
            'first_page',
            'last_page',
            'empty',
            'contents',
          ],
          properties: {
            total_items: { type: 'integer' },
            total_pages: { type: 'integer' },
            page_number: { type: 'integer' },
            size: { type: 'integer', description: 'Items in this page.' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean' },
            empty: { type: 'boolean' },
            contents: { type: 'array' },
          },
        },
        Error: problemDetailsSchema,
      },
    },
  };
}
