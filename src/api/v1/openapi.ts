import { problemDetailsSchema } from '../../domain/shared/problem-details.js';
import { matchingPaths, matchingSchemas } from './openapi-matching.js';

/** The OpenAPI 3.1 description of the v1 API. Later issues add their paths here. */
export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Common Ground API',
      version: '1.0.0',
      description:
        'Read and write partnership data as yourself. Create a personal access token on your account page and send it as "Authorization: Bearer <token>". A token can do what its owner can do, in the owner’s partnerships only.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    security: [{ bearerAuth: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A personal access token' },
      },
      schemas: {
        ...matchingSchemas,
        Error: problemDetailsSchema,
        Me: {
          type: 'object',
          required: ['id', 'email', 'name', 'nationalAdmin', 'partnerships'],
          properties: {
            id: { type: 'string', format: 'uuid' },
            email: { type: 'string', format: 'email' },
            name: { type: 'string' },
            nationalAdmin: { type: 'boolean' },
            partnerships: {
              type: 'array',
              items: {
                type: 'object',
                required: ['slug', 'name', 'localAuthorityCode', 'role'],
                properties: {
                  slug: { type: 'string' },
                  name: { type: 'string' },
                  localAuthorityCode: { type: 'string' },
                  role: {
                    type: 'string',
                    enum: ['partnership-admin', 'council-member', 'vcs-member', 'viewer'],
                  },
                },
              },
            },
          },
        },
        RoundResultsResponse: {
          type: 'object',
          required: ['round', 'results', 'trends'],
          properties: {
            round: {
              type: 'object',
              required: ['id', 'name', 'kind', 'status', 'threshold', 'frameworkVersion'],
              properties: {
                id: { type: 'string', format: 'uuid' },
                name: { type: 'string' },
                kind: { type: 'string', enum: ['quick', 'full'] },
                status: { type: 'string', enum: ['scheduled', 'open', 'closed'] },
                threshold: {
                  type: 'integer',
                  minimum: 3,
                  description:
                    'The anonymity threshold: a group needs this many submitted responses to have figures',
                },
                frameworkVersion: { type: 'string' },
              },
            },
            results: { $ref: '#/components/schemas/RoundResults' },
            trends: {
              description:
                'Changes since the partnership’s previous round on the indicators both rounds share, or null when there is no previous round',
              oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/RoundTrends' }],
            },
          },
        },
        RoundResults: {
          type: 'object',
          description:
            'Aggregated results. Medians are multiples of 0.5 (principle medians of 0.25); absent figures are null. There are no individual answers, and a group below the anonymity threshold has no figures at all.',
          required: [
            'threshold',
            'principles',
            'indicators',
            'groups',
            'sides',
            'gaps',
            'strengths',
            'priorities',
          ],
          properties: {
            threshold: { type: 'integer' },
            principles: {
              type: 'array',
              items: {
                type: 'object',
                required: ['principleCode', 'name', 'indicatorCodes', 'councilMedian', 'communityMedian'],
                properties: {
                  principleCode: { type: 'string' },
                  name: { type: 'string' },
                  indicatorCodes: { type: 'array', items: { type: 'string' } },
                  councilMedian: { type: ['number', 'null'] },
                  communityMedian: { type: ['number', 'null'] },
                },
              },
            },
            indicators: {
              type: 'array',
              items: {
                type: 'object',
                required: [
                  'indicatorCode',
                  'principleCode',
                  'councilMedian',
                  'communityMedian',
                  'difference',
                  'perceptionGap',
                ],
                properties: {
                  indicatorCode: { type: 'string' },
                  principleCode: { type: 'string' },
                  councilMedian: { type: ['number', 'null'] },
                  communityMedian: { type: ['number', 'null'] },
                  difference: {
                    type: ['number', 'null'],
                    description: 'Community median minus council median',
                  },
                  perceptionGap: {
                    type: 'boolean',
                    description: 'Whether the sides differ by 1 level or more',
                  },
                },
              },
            },
            groups: {
              type: 'array',
              items: {
                oneOf: [
                  {
                    type: 'object',
                    description:
                      'A group below the anonymity threshold: how many more responses it needs, and nothing else',
                    required: ['groupId', 'groupName', 'side', 'status', 'respondents', 'needed'],
                    properties: {
                      groupId: { type: 'string', format: 'uuid' },
                      groupName: { type: 'string' },
                      side: { $ref: '#/components/schemas/Side' },
                      status: { const: 'below-threshold' },
                      respondents: { type: 'integer' },
                      needed: { type: 'integer' },
                    },
                  },
                  {
                    type: 'object',
                    required: [
                      'groupId',
                      'groupName',
                      'side',
                      'status',
                      'respondents',
                      'indicators',
                      'principles',
                    ],
                    properties: {
                      groupId: { type: 'string', format: 'uuid' },
                      groupName: { type: 'string' },
                      side: { $ref: '#/components/schemas/Side' },
                      status: { const: 'meets-threshold' },
                      respondents: { type: 'integer' },
                      indicators: { type: 'array', items: { $ref: '#/components/schemas/IndicatorFigures' } },
                      principles: { type: 'array', items: { $ref: '#/components/schemas/PrincipleFigures' } },
                    },
                  },
                ],
              },
            },
            sides: {
              type: 'object',
              required: ['council', 'community'],
              properties: {
                council: { $ref: '#/components/schemas/SideResult' },
                community: { $ref: '#/components/schemas/SideResult' },
              },
            },
            gaps: {
              type: 'array',
              description: 'Perception gaps, biggest first',
              items: {
                type: 'object',
                required: [
                  'indicatorCode',
                  'principleCode',
                  'councilMedian',
                  'communityMedian',
                  'difference',
                ],
                properties: {
                  indicatorCode: { type: 'string' },
                  principleCode: { type: 'string' },
                  councilMedian: { type: 'number' },
                  communityMedian: { type: 'number' },
                  difference: { type: 'number' },
                },
              },
            },
            strengths: { type: 'array', items: { $ref: '#/components/schemas/RankedIndicator' } },
            priorities: { type: 'array', items: { $ref: '#/components/schemas/RankedIndicator' } },
          },
        },
        Side: { type: 'string', enum: ['council', 'community'] },
        IndicatorFigures: {
          type: 'object',
          required: [
            'indicatorCode',
            'answered',
            'dontKnow',
            'notApplicable',
            'dontKnowRate',
            'median',
            'spread',
          ],
          properties: {
            indicatorCode: { type: 'string' },
            answered: { type: 'integer' },
            dontKnow: { type: 'integer' },
            notApplicable: { type: 'integer' },
            dontKnowRate: { type: ['number', 'null'] },
            median: { type: ['number', 'null'] },
            spread: {
              oneOf: [
                { type: 'null' },
                {
                  type: 'object',
                  required: ['min', 'max', 'lowerQuartile', 'upperQuartile', 'interquartileRange'],
                  properties: {
                    min: { type: 'number' },
                    max: { type: 'number' },
                    lowerQuartile: { type: 'number' },
                    upperQuartile: { type: 'number' },
                    interquartileRange: { type: 'number' },
                  },
                },
              ],
            },
          },
        },
        PrincipleFigures: {
          type: 'object',
          required: ['principleCode', 'median', 'indicatorsWithMedian', 'indicatorCount'],
          properties: {
            principleCode: { type: 'string' },
            median: { type: ['number', 'null'] },
            indicatorsWithMedian: { type: 'integer' },
            indicatorCount: { type: 'integer' },
          },
        },
        SideResult: {
          oneOf: [
            {
              type: 'object',
              required: ['side', 'status'],
              properties: { side: { $ref: '#/components/schemas/Side' }, status: { const: 'no-data' } },
            },
            {
              type: 'object',
              description: 'Pooled from the side’s groups that meet the threshold, and only those',
              required: ['side', 'status', 'groupIds', 'respondents', 'indicators', 'principles'],
              properties: {
                side: { $ref: '#/components/schemas/Side' },
                status: { const: 'has-data' },
                groupIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
                respondents: { type: 'integer' },
                indicators: {
                  type: 'array',
                  items: {
                    allOf: [
                      { $ref: '#/components/schemas/IndicatorFigures' },
                      {
                        type: 'object',
                        required: ['comments'],
                        properties: {
                          comments: {
                            type: 'array',
                            description: 'The side’s comments, alphabetical and unattributed',
                            items: { type: 'string' },
                          },
                        },
                      },
                    ],
                  },
                },
                principles: { type: 'array', items: { $ref: '#/components/schemas/PrincipleFigures' } },
              },
            },
          ],
        },
        RankedIndicator: {
          type: 'object',
          required: [
            'indicatorCode',
            'principleCode',
            'councilMedian',
            'communityMedian',
            'lowestMedian',
            'gap',
          ],
          properties: {
            indicatorCode: { type: 'string' },
            principleCode: { type: 'string' },
            councilMedian: { type: ['number', 'null'] },
            communityMedian: { type: ['number', 'null'] },
            lowestMedian: { type: 'number' },
            gap: { type: 'number' },
          },
        },
        RoundTrends: {
          type: 'object',
          required: ['previousRound', 'sharedIndicatorCodes', 'council', 'community'],
          properties: {
            previousRound: {
              type: 'object',
              required: ['id', 'name'],
              properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
            },
            sharedIndicatorCodes: { type: 'array', items: { type: 'string' } },
            council: { type: 'array', items: { $ref: '#/components/schemas/IndicatorTrend' } },
            community: { type: 'array', items: { $ref: '#/components/schemas/IndicatorTrend' } },
          },
        },
        IndicatorTrend: {
          type: 'object',
          required: ['indicatorCode', 'principleCode', 'previousMedian', 'currentMedian', 'change'],
          properties: {
            indicatorCode: { type: 'string' },
            principleCode: { type: 'string' },
            previousMedian: { type: 'number' },
            currentMedian: { type: 'number' },
            change: { type: 'number', description: 'Current minus previous: positive is an improvement' },
          },
        },
      },
    },
    paths: {
      ...matchingPaths,
      '/me': {
        get: {
          summary: 'The account that owns the token, and its partnerships and roles',
          operationId: 'getMe',
          responses: {
            '200': {
              description: 'The account',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Me' } } },
            },
            '401': {
              description: 'No token, or a revoked or unknown one',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
      '/partnerships/{slug}/rounds/{roundId}/results': {
        get: {
          summary: 'A round’s aggregated results, with trends against the previous round',
          description:
            'For members of the partnership only. Results are aggregated: there are no individual answers, comments are pooled per side and unattributed, and a group below the anonymity threshold appears only with how many more responses it needs.',
          operationId: 'getRoundResults',
          parameters: [
            {
              name: 'slug',
              in: 'path',
              required: true,
              schema: { type: 'string' },
              description: 'The partnership’s short name',
            },
            { name: 'roundId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: {
            '200': {
              description: 'The round and its results',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/RoundResultsResponse' } },
              },
            },
            '401': {
              description: 'No token, or a revoked or unknown one',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
            '404': {
              description:
                'No such partnership or round, or the token’s owner is not a member of the partnership',
              content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
    },
  };
}
