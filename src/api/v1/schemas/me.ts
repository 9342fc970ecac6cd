import { z } from 'zod';
import { list, uuid } from './common.js';

export const meSchema = z
  .object({
    id: uuid,
    email: z.string().meta({ format: 'email' }),
    name: z.string(),
    nationalAdmin: z.boolean(),
    partnerships: list(
      z.object({
        slug: z.string(),
        name: z.string(),
        localAuthorityCode: z.string(),
        role: z.enum(['partnership-admin', 'council-member', 'vcs-member', 'viewer']),
      }),
    ),
  })
  .meta({ id: 'Me' });
