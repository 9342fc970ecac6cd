/** The matching part of the v1 OpenAPI document: who can help, and allocation runs. */

const error = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const json = (description: string, ref: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});
const slug = {
  name: 'slug',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'The partnership’s short name',
};
const query = (name: string, description: string, type = 'string') => ({
  name,
  in: 'query',
  required: false,
  schema: { type },
  description,
});
const unauthorised = error('No token, or a revoked or unknown one');
const notMember = error(
  'No such partnership (or run), or the token’s owner is not a member of the partnership',
);
const invalid = error('The request is not valid: the message says what to change');

export const matchingSchemas = {
  RankReason: {
    type: 'object',
    required: ['factor', 'points', 'text'],
    properties: {
      factor: {
        type: 'string',
        enum: [
          'theme',
          'eligibility',
          'language',
          'coverage',
          'distance',
          'hours',
          'capacity',
          'checked',
          'access',
        ],
      },
      points: { type: 'number' },
      text: { type: 'string' },
    },
  },
  WhoCanHelpResponse: {
    type: 'object',
    required: ['theme', 'about', 'areaCode', 'maxKm', 'ranked', 'leftOut'],
    properties: {
      theme: { type: 'string' },
      about: { type: 'string', description: 'The need in words' },
      areaCode: { type: 'string' },
      maxKm: { type: 'number' },
      ranked: {
        type: 'array',
        description: 'Best first',
        items: {
          type: 'object',
          required: ['serviceId', 'name', 'score', 'distanceKm', 'reach', 'reasons'],
          properties: {
            serviceId: { type: 'string' },
            name: { type: 'string' },
            score: { type: 'number', description: '0 to 100, the sum of the reasons’ points' },
            distanceKm: { type: ['number', 'null'] },
            reach: { type: 'string', enum: ['nearby', 'covers the area'] },
            reasons: { type: 'array', items: { $ref: '#/components/schemas/RankReason' } },
          },
        },
      },
      leftOut: {
        type: 'array',
        items: {
          type: 'object',
          required: ['serviceId', 'name', 'reason', 'text'],
          properties: {
            serviceId: { type: 'string' },
            name: { type: 'string' },
            reason: {
              type: 'string',
              enum: ['closed', 'different theme', 'age', 'language', 'out of range'],
            },
            text: { type: 'string' },
            distanceKm: { type: 'number', description: 'For a service out of range: to its nearest place' },
          },
        },
      },
      reachRule: {
        type: ['string', 'null'],
        description: 'The reach rule in words when it set maxKm; null when maxKm was asked for',
      },
      beyondReach: {
        type: 'array',
        description: 'When no service can help: the nearest services beyond the reach, nearest first',
        items: {
          type: 'object',
          required: ['serviceId', 'name', 'distanceKm'],
          properties: {
            serviceId: { type: 'string' },
            name: { type: 'string' },
            distanceKm: { type: 'number' },
          },
        },
      },
      organisations: {
        type: 'array',
        description: 'When no service can help: organisations whose work matches the theme, and why',
        items: {
          type: 'object',
          required: ['id', 'name', 'why'],
          properties: { id: { type: 'string' }, name: { type: 'string' }, why: { type: 'string' } },
        },
      },
    },
  },
  MatchingRunRequest: {
    type: 'object',
    properties: {
      themes: { type: 'array', items: { type: 'string' }, description: 'Default: every theme with needs' },
      maxKm: {
        type: 'number',
        minimum: 0.1,
        maximum: 100,
        description:
          'Everyone travels at most this far; by default each need takes the partnership’s reach rule for its area',
      },
    },
  },
  MatchingRunSummary: {
    type: 'object',
    required: ['id', 'themes', 'maxKm', 'needUnits', 'metUnits', 'unmetUnits', 'totalCost', 'createdAt'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      themes: { type: 'array', items: { type: 'string' } },
      maxKm: { type: 'number' },
      needUnits: { type: 'integer', description: 'People with a need (one person with one need each)' },
      metUnits: { type: 'integer' },
      unmetUnits: { type: 'integer' },
      serviceCount: { type: 'integer' },
      totalCost: { type: 'number' },
      greedyCost: { type: ['number', 'null'] },
      createdByName: { type: ['string', 'null'] },
      createdAt: { type: 'string', format: 'date-time' },
    },
  },
  MatchingRunCreated: {
    type: 'object',
    required: ['run'],
    properties: { run: { $ref: '#/components/schemas/MatchingRunSummary' } },
  },
  MatchingRun: {
    type: 'object',
    required: ['run', 'assumptions', 'totals', 'unmetByTheme', 'unmetByAreaAndTheme', 'loads'],
    properties: {
      run: { $ref: '#/components/schemas/MatchingRunSummary' },
      assumptions: { type: 'object', description: 'Defaults used where records were silent' },
      totals: { type: 'object' },
      unmetByTheme: { type: 'array', items: { type: 'object' } },
      unmetByAreaAndTheme: { type: 'array', items: { type: 'object' } },
      loads: {
        type: 'array',
        items: { type: 'object' },
        description: 'Each service’s load against its capacity',
      },
    },
  },
};

export const matchingPaths = {
  '/partnerships/{slug}/who-can-help': {
    get: {
      summary: 'Services ranked for one need, with reasons, and those left out with theirs',
      description:
        'Give a need id, or an area code and theme, or a postcode and theme. Age, language and access needs narrow the list. For members of the partnership.',
      operationId: 'whoCanHelp',
      parameters: [
        slug,
        query('need', 'A needs record id'),
        query('area', 'An area code (LSOA, ward or the authority)'),
        query('postcode', 'A postcode in the partnership'),
        query('theme', 'A theme id (not needed with need)'),
        query('age', 'The person’s age in years', 'integer'),
        query('language', 'A language the person speaks'),
        query('access', 'The person’s access needs'),
        query(
          'maxKm',
          'Furthest the person can travel (default: the partnership’s reach rule for the area)',
          'number',
        ),
      ],
      responses: {
        '200': json('The ranking', 'WhoCanHelpResponse'),
        '400': invalid,
        '401': unauthorised,
        '404': notMember,
      },
    },
  },
  '/partnerships/{slug}/matching/runs': {
    post: {
      summary: 'Run and save an allocation of the needs register to services',
      description: 'For partnership admins and council members.',
      operationId: 'startMatchingRun',
      parameters: [slug],
      requestBody: {
        required: false,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/MatchingRunRequest' } } },
      },
      responses: {
        '201': json('The saved run', 'MatchingRunCreated'),
        '400': invalid,
        '401': unauthorised,
        '403': error('The token’s owner may not start runs in this partnership'),
        '404': notMember,
      },
    },
  },
  '/partnerships/{slug}/matching/runs/{runId}': {
    get: {
      summary: 'A saved allocation run: totals, unmet need by theme and by area, each service’s load',
      operationId: 'getMatchingRun',
      parameters: [
        slug,
        { name: 'runId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      ],
      responses: { '200': json('The run', 'MatchingRun'), '401': unauthorised, '404': notMember },
    },
  },
};
