import type { Kysely, Selectable } from 'kysely';
import type { PartnershipRecord, Store } from '../../app/ports.js';
import type { PartnershipRole } from '../../domain/accounts/roles.js';
import type { Database } from '../schema.js';
import type { PartnershipsTable } from '../schema-partnerships.js';

function toPartnership(row: Selectable<PartnershipsTable>): PartnershipRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    localAuthorityCode: row.local_authority_code,
    createdAt: row.created_at,
  };
}

export function partnershipsRepository(db: Kysely<Database>): Store['partnerships'] {
  return {
    async findById(id) {
      const row = await db.selectFrom('partnerships').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPartnership(row);
    },
    async findBySlug(slug) {
      const row = await db.selectFrom('partnerships').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toPartnership(row);
    },
    async insert(partnership) {
      await db
        .insertInto('partnerships')
        .values({
          id: partnership.id,
          slug: partnership.slug,
          name: partnership.name,
          local_authority_code: partnership.localAuthorityCode,
          created_at: partnership.createdAt,
        })
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('partnerships').selectAll().orderBy('name').execute();
      return rows.map(toPartnership);
    },
    async listForUser(userId) {
      const rows = await db
        .selectFrom('partnerships')
        .innerJoin('memberships', 'memberships.partnership_id', 'partnerships.id')
        .selectAll('partnerships')
        .select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('partnerships.name')
        .execute();
      return rows.map((row) => ({ ...toPartnership(row), role: row.role as PartnershipRole }));
    },
    async reachRule(id) {
      const row = await db
        .selectFrom('partnerships')
        .select(['reach_urban_km', 'reach_town_km', 'reach_rural_km'])
        .where('id', '=', id)
        .executeTakeFirst();
      return {
        urban: row?.reach_urban_km ?? null,
        town: row?.reach_town_km ?? null,
        rural: row?.reach_rural_km ?? null,
      };
    },
    async setReachRule(id, rule) {
      await db
        .updateTable('partnerships')
        .set({ reach_urban_km: rule.urban, reach_town_km: rule.town, reach_rural_km: rule.rural })
        .where('id', '=', id)
        .execute();
    },
  };
}
