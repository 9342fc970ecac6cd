import type { Kysely, Selectable } from 'kysely';
import type { DirectoryRepository, ServiceRecord } from '../../app/ports.js';
import type { Database } from '../schema.js';
import type { ServicesTable } from '../schema-directory.js';
import { chunks } from './batches.js';
import { directoryOrganisations } from './directory-organisations.js';
import { directoryWritten } from './feed-counts.js';
import { assembleServices, childTables, insertServiceChildren, serviceRow } from './service-records.js';
import { servicePlaces } from './service-places.js';
import { serviceSearch } from './service-search.js';

/** The directory: organisations, services (kept whole, children and all), their search and their places. */
export function directoryRepository(db: Kysely<Database>): DirectoryRepository {
  const assemble = (rows: readonly Selectable<ServicesTable>[]) => assembleServices(db, rows);
  const insertChildren = (services: readonly ServiceRecord[]) => insertServiceChildren(db, services);
  return {
    ...directoryOrganisations(db),
    ...serviceSearch(db),
    ...servicePlaces(db),
    async servicesFromSource(partnershipId, sourceKind) {
      const rows = await db
        .selectFrom('services')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('source_kind', '=', sourceKind)
        .orderBy('name')
        .execute();
      return assemble(rows);
    },
    async servicesWithSourceIds(partnershipId, sourceKind, sourceIds) {
      if (sourceIds.length === 0) return [];
      const rows = await db
        .selectFrom('services')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('source_kind', '=', sourceKind)
        .where('source_id', 'in', [...sourceIds])
        .execute();
      return assemble(rows);
    },
    async findService(partnershipId, id) {
      const rows = await db
        .selectFrom('services')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .execute();
      return (await assemble(rows))[0];
    },
    async insertServices(services) {
      // A thousand services at a time, so a large import never holds every row of every table at once.
      for (let start = 0; start < services.length; start += 1000) {
        const some = services.slice(start, start + 1000);
        for (const part of chunks(some.map(serviceRow), 26))
          await db.insertInto('services').values(part).execute();
        await insertChildren(some);
      }
      await directoryWritten(
        db,
        services.map((s) => s.partnershipId),
      );
    },
    async updateService(service) {
      const { id, partnership_id, created_at, source_kind, source_id, ...change } = serviceRow(service);
      void created_at;
      void source_kind;
      void source_id;
      await db
        .updateTable('services')
        .set(change)
        .where('partnership_id', '=', partnership_id)
        .where('id', '=', id)
        .execute();
      for (const table of childTables) await db.deleteFrom(table).where('service_id', '=', id).execute();
      await insertChildren([service]);
      await directoryWritten(db, [partnership_id]);
    },
    async markServiceChecked(partnershipId, id, check) {
      const result = await db
        .updateTable('services')
        .set({ last_checked_at: check.at, last_checked_by: check.by, last_checked_by_user_id: check.userId })
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
