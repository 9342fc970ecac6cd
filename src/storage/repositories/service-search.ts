import { sql, type Kysely, type Selectable } from 'kysely';
import type { DirectoryRepository, ServiceSummary } from '../../app/ports.js';
import type { ServiceStatus } from '../../domain/directory/model.js';
import type { Database } from '../schema.js';
import type { ServicesTable } from '../schema-directory.js';
import { chunks } from './batches.js';
import { keptCount } from './feed-counts.js';
import { assembleServices } from './service-records.js';
import { serviceConditions, words } from './service-filters.js';

/** Finding services: the directory's search, the feed's filters and how many services each theme has. */
export function serviceSearch(
  db: Kysely<Database>,
): Pick<DirectoryRepository, 'searchServices' | 'filterServices' | 'servicesWithIds' | 'themeCounts'> {
  const assemble = (rows: readonly Selectable<ServicesTable>[], withChildren = true) =>
    assembleServices(db, rows, withChildren);
  return {
    async searchServices(partnershipId, query) {
      let base = db
        .selectFrom('services')
        .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
        .where('services.partnership_id', '=', partnershipId);
      for (const word of words(query.text)) {
        const pattern = `%${word}%`;
        base = base.where((eb) =>
          eb.or([
            eb(sql`lower(services.name)`, 'like', pattern),
            eb(sql`lower(services.description)`, 'like', pattern),
            eb(sql`lower(organisations.name)`, 'like', pattern),
          ]),
        );
      }
      if (query.theme) {
        const theme = query.theme;
        base = base.where('services.id', 'in', (eb) =>
          eb
            .selectFrom('service_themes')
            .select('service_themes.service_id')
            .where('service_themes.theme_id', '=', theme),
        );
      }
      if (query.organisationId) base = base.where('services.organisation_id', '=', query.organisationId);
      if (query.ids) {
        if (query.ids.length === 0) return { total: 0, items: [] };
        base = base.where('services.id', 'in', [...query.ids]);
      }
      if (query.checkedBefore) {
        const before = query.checkedBefore;
        base = base.where((eb) =>
          eb.or([eb('services.last_checked_at', 'is', null), eb('services.last_checked_at', '<', before)]),
        );
      }
      const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .select([
          'services.id',
          'services.name',
          'services.description',
          'services.status',
          'services.organisation_id',
          'organisations.name as organisation_name',
          'services.last_checked_at',
        ])
        .orderBy(sql`lower(services.name)`)
        .orderBy('services.id')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      const themes = new Map<string, string[]>();
      if (rows.length > 0) {
        const found = await db
          .selectFrom('service_themes')
          .selectAll()
          .where(
            'service_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('theme_id')
          .execute();
        for (const t of found) themes.set(t.service_id, [...(themes.get(t.service_id) ?? []), t.theme_id]);
      }
      const items: ServiceSummary[] = rows.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        status: r.status as ServiceStatus,
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        themes: themes.get(r.id) ?? [],
        lastCheckedAt: r.last_checked_at,
      }));
      return { total: Number(counted.n), items };
    },
    async themeCounts(partnershipId) {
      const rows = await db
        .selectFrom('service_themes')
        .innerJoin('services', 'services.id', 'service_themes.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .select(['service_themes.theme_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('service_themes.theme_id')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.theme_id, Number(r.n)]));
    },
    async filterServices(partnershipId, filter, page, depth = 'full') {
      const base = db.selectFrom('services').where((eb) => serviceConditions(eb, partnershipId, filter));
      const total = await keptCount(db, partnershipId, { list: 'services', filter }, async () =>
        Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      );
      if (page.offset >= total) return { total, items: [] };
      // The page's ids first, from the name index alone; then only those rows in full.
      const ids = await base
        .select('services.id')
        .orderBy('services.name')
        .orderBy('services.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const rows = await rowsInOrder(
        ids.map((r) => r.id),
        (part) => db.selectFrom('services').selectAll().where('services.id', 'in', part).execute(),
      );
      return { total, items: await assemble(rows, depth === 'full') };
    },
    async servicesWithIds(partnershipId, ids, depth = 'full') {
      const found: Selectable<ServicesTable>[] = [];
      for (const part of chunks([...new Set(ids)], 1)) {
        found.push(
          ...(await db
            .selectFrom('services')
            .selectAll()
            .where('partnership_id', '=', partnershipId)
            .where('id', 'in', part)
            .execute()),
        );
      }
      return assemble(found, depth === 'full');
    },
  };
}

/** The rows with these ids, in the order of the ids (fetched a chunk at a time). */
async function rowsInOrder<R extends { id: string }>(
  ids: readonly string[],
  fetch: (part: string[]) => Promise<R[]>,
): Promise<R[]> {
  const byId = new Map<string, R>();
  for (const part of chunks([...ids], 1)) for (const row of await fetch(part)) byId.set(row.id, row);
  return ids.flatMap((id) => byId.get(id) ?? []);
}
