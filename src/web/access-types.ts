import type { PartnershipAccess } from '../app/partnerships/partnerships.js';
import type { LiveSession } from '../app/services.js';
import type { PartnershipRecord, UserRecord } from '../app/ports.js';
import type { PartnershipRole } from '../domain/accounts/roles.js';
import type { Access } from '../app/access.js';

export type { Access };

export interface RouteTableEntry {
  readonly method: string;
  readonly url: string;
  readonly access: Access;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    live: LiveSession | undefined;
    partnershipAccess: PartnershipAccess | undefined;
    apiUser: UserRecord | undefined;
  }
  interface FastifyReply {
    page(template: string, context?: Record<string, unknown>, statusCode?: number): Promise<void>;
  }
  interface FastifyInstance {
    routeTable: RouteTableEntry[];
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person's partnerships, loaded once per request for the account bar and switcher. */
    viewerPartnerships: (PartnershipRecord & { role: PartnershipRole })[] | undefined;
  }
}
