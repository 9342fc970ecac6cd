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
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: { error: { type: 'string' }, message: { type: 'string' } },
        },
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
      },
    },
    paths: {
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
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
            },
          },
        },
      },
    },
  };
}
