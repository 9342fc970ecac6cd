import type { Kysely } from 'kysely';
import type { ServiceEditStore } from '../../app/directory/service-edits-store.js';
import { isServiceField, type ServiceField } from '../../domain/directory/local-edits.js';
import type { Database } from '../schema.js';

/** Ids a query names at a time, well under both databases' limits on bound values. */
const idsPerQuery = 500;

export function serviceLocalEditsRepository(db: Kysely<Database>): ServiceEditStore {
  return {
    async markEdited(serviceId, fields, at) {
      const unique = [...new Set(fields)];
      if (unique.length === 0) return;
      await db
        .insertInto('service_local_edits')
        .values(unique.map((field) => ({ service_id: serviceId, field, edited_at: at })))
        .onConflict((c) => c.columns(['service_id', 'field']).doUpdateSet({ edited_at: at }))
        .execute();
    },
    async editedFields(partnershipId, serviceIds) {
      const found = new Map<string, ServiceField[]>();
      for (let start = 0; start < serviceIds.length; start += idsPerQuery) {
        const rows = await db
          .selectFrom('service_local_edits')
          .innerJoin('services', 'services.id', 'service_local_edits.service_id')
          .select(['service_local_edits.service_id', 'service_local_edits.field'])
          .where('services.partnership_id', '=', partnershipId)
          .where('service_local_edits.service_id', 'in', serviceIds.slice(start, start + idsPerQuery))
          .orderBy('service_local_edits.field')
          .execute();
        for (const row of rows) {
          if (!isServiceField(row.field)) continue;
          found.set(row.service_id, [...(found.get(row.service_id) ?? []), row.field]);
        }
      }
      return found;
    },
  };
}
