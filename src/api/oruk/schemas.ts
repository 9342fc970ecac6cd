import { z } from 'zod';
import type { FeedEndpoint } from '../../domain/directory/oruk-query.js';
import { defaultPerPage, maxPerPage, maxProximityMetres } from '../../domain/directory/oruk-query.js';

/**
 * The zod schemas of the Open Referral UK feed's routes, from which its OpenAPI document is generated. Bodies
 * are the UK profile's own schemas, referred to by address; the query strings are checked by parseFeedQuery
 * (whose messages say what to send), so these schemas document them. Ids start with "Oruk" so that they never
 * meet the v1 document's in zod's global registry.
 */

const profileSchemas = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema';

/** One of the UK profile's schemas, by its published address. */
const profile = (file: string) => z.unknown().meta({ $ref: `${profileSchemas}/${file}` });

const uuid = z.string().meta({ format: 'uuid' });

const paging = {
  page: z.int().min(1).default(1).describe('Page number, from 1.'),
  per_page: z
    .int()
    .min(1)
    .max(maxPerPage)
    .default(defaultPerPage)
    .describe(`Items in a page, at most ${maxPerPage}.`),
};

const filters = {
  search: z
    .string()
    .optional()
    .describe('Words that must all appear in the name, description or organisation name.'),
  taxonomy_term_id: uuid.optional().describe('Services with this taxonomy term (see /taxonomy_terms).'),
  taxonomy_id: uuid.optional().describe('Services with any term of this taxonomy (see /taxonomies).'),
  minimum_age: z.number().optional().describe('Services whose minimum age is at least this.'),
  maximum_age: z.number().optional().describe('Services whose maximum age is at most this.'),
  day: z.string().optional().describe('Services open on this day: MO, TU, WE, TH, FR, SA or SU.'),
  start_time: z.string().optional().describe('Services opening at or after this time (HH:MM).'),
  end_time: z.string().optional().describe('Services closing at or before this time (HH:MM).'),
};

/** HSDS 3.0 parameters that the UK profile leaves out, offered here too. */
const changes = {
  modified_after: z
    .string()
    .meta({ format: 'date-time' })
    .optional()
    .describe(
      'Services changed on or after this moment (ISO 8601 date and time with a zone, or a date for its midnight in UTC).',
    ),
  organization_id: uuid.optional().describe('Services of this organisation (see /organizations).'),
};
const format = {
  format: z.enum(['json']).optional().describe('Only json (the default); ndjson is not offered.'),
};

const near = {
  postcode: z.string().optional().describe('Places near this postcode, nearest first.'),
  latitude: z.number().optional().describe('Places near this point (with longitude), nearest first.'),
  longitude: z.number().optional().describe('Places near this point (with latitude), nearest first.'),
  proximity: z
    .number()
    .optional()
    .describe(
      `How far from the postcode or point, in metres (at most ${maxProximityMetres.toLocaleString('en-GB')}, the default).`,
    ),
};

export const listQueries: Record<FeedEndpoint, z.ZodType> = {
  services: z.object({
    ...paging,
    ...filters,
    ...changes,
    full: z.boolean().default(false).describe('true for services in full, as /services/{id} gives them.'),
    ...format,
  }),
  service_at_locations: z.object({ ...paging, ...filters, ...changes, ...near, ...format }),
  organizations: z.object({ ...paging, ...format }),
  taxonomies: z.object({ ...paging, ...format }),
  taxonomy_terms: z.object({ ...paging, ...format }),
};

export const idParams = z.object({ id: uuid });

export const aboutSchema = z.object({
  version: z.string(),
  profile: z.url(),
  openapi_url: z.url(),
});

const pageEnvelope = z
  .object({
    total_items: z.int(),
    total_pages: z.int(),
    page_number: z.int(),
    size: z.int().describe('Items in this page.'),
    first_page: z.boolean(),
    last_page: z.boolean(),
    empty: z.boolean(),
    contents: z.array(z.unknown()),
  })
  .meta({ id: 'OrukPage' });

const page = (items: string) =>
  z.intersection(pageEnvelope, z.looseObject({ contents: z.array(profile(items)) }));

export const problemSchema = z
  .looseObject({
    type: z.string().meta({ format: 'uri-reference' }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    error: z.string(),
    message: z.string(),
  })
  .meta({
    id: 'OrukError',
    description: 'Problem details (RFC 9457); error and message repeat a short label and the detail.',
  });

export const listBodies: Record<FeedEndpoint, { description: string; schema: z.ZodType }> = {
  services: {
    description: 'A page of services: their one-to-one fields, or in full with full=true.',
    schema: page('compiled/service_list.json'),
  },
  service_at_locations: {
    description: 'A page of services at places.',
    schema: page('compiled/service_at_location_list.json'),
  },
  organizations: { description: 'A page of organisations.', schema: page('compiled/organization_list.json') },
  taxonomies: { description: 'A page of taxonomies.', schema: page('taxonomy.json') },
  taxonomy_terms: { description: 'A page of taxonomy terms.', schema: page('taxonomy_term.json') },
};

export const recordBodies: Record<FeedEndpoint, { description: string; schema: z.ZodType }> = {
  services: { description: 'One service in full.', schema: profile('compiled/service.json') },
  service_at_locations: {
    description:
      'One service at one place, with the service in full; it carries the service’s name and status too, so it also meets the service schema the UK profile names here.',
    schema: z.intersection(profile('compiled/service_at_location.json'), profile('compiled/service.json')),
  },
  organizations: { description: 'One organisation.', schema: profile('compiled/organization.json') },
  taxonomies: { description: 'One taxonomy.', schema: profile('taxonomy.json') },
  taxonomy_terms: { description: 'One taxonomy term.', schema: profile('taxonomy_term.json') },
};

/** Each list and record operation's id and summary, as the UK profile's OpenAPI names them. */
export const operations: Record<
  FeedEndpoint,
  { list: { operationId: string; summary?: string }; record: { operationId: string; summary?: string } }
> = {
  services: {
    list: { operationId: 'getPaginatedListOfServices', summary: 'Services, a page at a time, by name' },
    record: { operationId: 'getFullyNestedServiceById' },
  },
  service_at_locations: {
    list: {
      operationId: 'getPaginatedListOfServiceAtLocation',
      summary: 'Services at their places (hidden places never appear)',
    },
    record: { operationId: 'getServiceAtLocationWithNestedDataById' },
  },
  organizations: {
    list: {
      operationId: 'getPaginatedListOfOrganizations',
      summary: 'The organisations that run the services, a page at a time, by name (HSDS 3.0)',
    },
    record: {
      operationId: 'getOrganizationById',
      summary: 'One organisation with its services’ one-to-one fields (HSDS 3.0)',
    },
  },
  taxonomies: {
    list: { operationId: 'getPaginatedListOfTaxonomies' },
    record: { operationId: 'getTaxonomyById' },
  },
  taxonomy_terms: {
    list: { operationId: 'getPaginatedListOfTaxonomyTerms' },
    record: { operationId: 'getTaxonomyTermById' },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const json = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

const notModified = z
  .null()
  .describe('Not modified: the If-None-Match or If-Modified-Since sent still holds.');
const notFound = problem('There is no such partnership feed or record.');

/** The answers a list operation may give besides its 200. */
export const listErrors = {
  304: notModified,
  400: problem('A query value is not valid; the detail says what to send.'),
  404: notFound,
};

/** The answers a record operation may give besides its 200. */
export const recordErrors = { 304: notModified, 404: notFound };
