import { randomUUID } from 'node:crypto';
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { DirectoryRepository, ServiceFilter, ServiceRecord, ServiceSummary } from '../../app/ports.js';
import { serviceAtLocationId } from '../../domain/directory/oruk-export.js';
import type {
  CapacityPeriod,
  LocationVisibility,
  ServiceArea,
  ServiceStatus,
  Weekday,
} from '../../domain/directory/model.js';
import type { Database, ServicesTable } from '../schema.js';
import { chunks } from './batches.js';
import { directoryOrganisations } from './directory-organisations.js';

const words = (text: string | undefined): string[] =>
  (text ?? '')
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);

/** The conditions of an Open Referral UK feed filter on the `services` table (see ServiceFilter). */
function serviceConditions(
  eb: ExpressionBuilder<Database, 'services'>,
  partnershipId: string,
  filter: ServiceFilter,
): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('services.partnership_id', '=', partnershipId)];
  for (const word of words(filter.text)) {
    const pattern = `%${word}%`;
    parts.push(
      eb.or([
        eb(sql`lower(services.name)`, 'like', pattern),
        eb(sql`lower(services.description)`, 'like', pattern),
        eb(
          'services.organisation_id',
          'in',
          eb
            .selectFrom('organisations')
            .select('organisations.id')
            .where('organisations.partnership_id', '=', partnershipId)
            .where(sql`lower(organisations.name)`, 'like', pattern),
        ),
      ]),
    );
  }
  if (filter.themes) {
    if (filter.themes.length === 0) return sql<SqlBool>`1 = 0`;
    parts.push(
      eb(
        'services.id',
        'in',
        eb
          .selectFrom('service_themes')
          .select('service_themes.service_id')
          .where('service_themes.theme_id', 'in', [...filter.themes]),
      ),
    );
  }
  if (filter.organisationId !== undefined)
    parts.push(eb('services.organisation_id', '=', filter.organisationId));
  if (filter.changedSince !== undefined) parts.push(eb('services.updated_at', '>=', filter.changedSince));
  if (filter.minimumAgeAtLeast !== undefined)
    parts.push(eb('services.minimum_age', '>=', filter.minimumAgeAtLeast));
  if (filter.maximumAgeAtMost !== undefined)
    parts.push(eb('services.maximum_age', '<=', filter.maximumAgeAtMost));
  const opening = filter.opening;
  if (opening && (opening.day || opening.opensAtOrAfter || opening.closesAtOrBefore)) {
    let schedules = eb.selectFrom('service_schedules').select('service_schedules.service_id');
    if (opening.day) schedules = schedules.where('service_schedules.day', '=', opening.day);
    if (opening.opensAtOrAfter)
      schedules = schedules.where('service_schedules.opens', '>=', opening.opensAtOrAfter);
    if (opening.closesAtOrBefore)
      schedules = schedules.where('service_schedules.closes', '<=', opening.closesAtOrBefore);
    parts.push(eb('services.id', 'in', schedules));
  }
  return eb.and(parts);
}

function serviceRow(s: ServiceRecord): Insertable<ServicesTable> {
  const d = s.details;
  return {
    id: s.id,
    partnership_id: s.partnershipId,
    organisation_id: s.organisationId,
    name: d.name,
    description: d.description,
    url: d.url,
    email: d.email,
    phone: d.phone,
    status: d.status,
    eligibility_description: d.eligibility.description,
    minimum_age: d.eligibility.minimumAge,
    maximum_age: d.eligibility.maximumAge,
    cost: d.cost,
    how_to_access: d.howToAccess,
    languages: JSON.stringify(d.languages),
    accessibility: d.accessibility,
    capacity_people: d.capacity?.people ?? null,
    capacity_period: d.capacity?.period ?? null,
    source_kind: s.provenance.sourceKind,
    source_id: s.provenance.sourceId,
    last_checked_at: s.lastCheckedAt,
    last_checked_by: s.lastCheckedBy,
    last_checked_by_user_id: s.lastCheckedByUserId,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
  };
}

const childTables = [
  'service_themes',
  'service_locations',
  'service_areas',
  'service_schedules',
  'service_contacts',
] as const;

export function directoryRepository(db: Kysely<Database>): DirectoryRepository {
  async function insertChildren(services: readonly ServiceRecord[]): Promise<void> {
    const themes = services.flatMap((s) =>
      [...new Set(s.details.themes)].map((theme) => ({ service_id: s.id, theme_id: theme })),
    );
    const locations = services.flatMap((s) =>
      s.details.locations.map((l, position) => ({
        id: serviceAtLocationId(s.id, position),
        service_id: s.id,
        position,
        source_id: l.sourceId,
        name: l.name,
        address: l.address,
        postcode: l.postcode,
        latitude: l.latitude,
        longitude: l.longitude,
        visibility: l.visibility,
      })),
    );
    const areas = services.flatMap((s) =>
      s.details.areas.map((a, position) => ({
        id: randomUUID(),
        service_id: s.id,
        position,
        kind: a.kind,
        area_code: a.kind === 'area' ? a.areaCode : null,
        geojson: a.kind === 'polygon' ? a.geojson : null,
        name: a.name,
      })),
    );
    const schedules = services.flatMap((s) =>
      s.details.schedules.map((o, position) => ({ id: randomUUID(), service_id: s.id, position, ...o })),
    );
    const contacts = services.flatMap((s) =>
      s.details.contacts.map((c, position) => ({ id: randomUUID(), service_id: s.id, position, ...c })),
    );
    for (const part of chunks(themes, 2)) await db.insertInto('service_themes').values(part).execute();
    for (const part of chunks(locations, 10)) await db.insertInto('service_locations').values(part).execute();
    for (const part of chunks(areas, 7)) await db.insertInto('service_areas').values(part).execute();
    for (const part of chunks(schedules, 6)) await db.insertInto('service_schedules').values(part).execute();
    for (const part of chunks(contacts, 7)) await db.insertInto('service_contacts').values(part).execute();
  }

  /** Full records for the service rows given, children loaded in a few queries. */
  async function assemble(
    rows: readonly Selectable<ServicesTable>[],
    withChildren = true,
  ): Promise<ServiceRecord[]> {
    if (rows.length === 0) return [];
    // Without children no child query runs (no ids to ask for), and each list is empty.
    const ids = withChildren ? rows.map((r) => r.id) : [];
    const group = async <R extends { service_id: string }>(
      fetch: (part: string[]) => Promise<R[]>,
      order: (a: NoInfer<R>, b: NoInfer<R>) => number,
    ): Promise<Map<string, R[]>> => {
      const byService = new Map<string, R[]>();
      for (const part of chunks(ids, 1)) {
        for (const row of await fetch(part)) {
          const list = byService.get(row.service_id) ?? [];
          list.push(row);
          byService.set(row.service_id, list);
        }
      }
      for (const list of byService.values()) list.sort(order);
      return byService;
    };
    const byPosition = (a: { position: number }, b: { position: number }) =>
      Number(a.position) - Number(b.position);
    const themes = await group(
      (part: string[]) =>
        db.selectFrom('service_themes').selectAll().where('service_id', 'in', part).execute(),
      (a, b) => a.theme_id.localeCompare(b.theme_id),
    );
    const locations = await group(
      (part: string[]) =>
        db.selectFrom('service_locations').selectAll().where('service_id', 'in', part).execute(),
      byPosition,
    );
    const areas = await group(
      (part: string[]) =>
        db.selectFrom('service_areas').selectAll().where('service_id', 'in', part).execute(),
      byPosition,
    );
    const schedules = await group(
      (part: string[]) =>
        db.selectFrom('service_schedules').selectAll().where('service_id', 'in', part).execute(),
      byPosition,
    );
    const contacts = await group(
      (part: string[]) =>
        db.selectFrom('service_contacts').selectAll().where('service_id', 'in', part).execute(),
      byPosition,
    );
    return rows.map((row) => ({
      id: row.id,
      partnershipId: row.partnership_id,
      organisationId: row.organisation_id,
      provenance: { sourceKind: row.source_kind, sourceId: row.source_id },
      lastCheckedAt: row.last_checked_at,
      lastCheckedBy: row.last_checked_by,
      lastCheckedByUserId: row.last_checked_by_user_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      details: {
        name: row.name,
        description: row.description,
        url: row.url,
        email: row.email,
        phone: row.phone,
        status: row.status as ServiceStatus,
        themes: (themes.get(row.id) ?? []).map((t) => t.theme_id),
        eligibility: {
          description: row.eligibility_description,
          minimumAge: row.minimum_age === null ? null : Number(row.minimum_age),
          maximumAge: row.maximum_age === null ? null : Number(row.maximum_age),
        },
        cost: row.cost,
        howToAccess: row.how_to_access,
        languages: JSON.parse(row.languages) as string[],
        accessibility: row.accessibility,
        capacity:
          row.capacity_people !== null && row.capacity_period !== null
            ? { people: Number(row.capacity_people), period: row.capacity_period as CapacityPeriod }
            : null,
        locations: (locations.get(row.id) ?? []).map((l) => ({
          sourceId: l.source_id,
          name: l.name,
          address: l.address,
          postcode: l.postcode,
          latitude: l.latitude === null ? null : Number(l.latitude),
          longitude: l.longitude === null ? null : Number(l.longitude),
          visibility: l.visibility as LocationVisibility,
        })),
        areas: (areas.get(row.id) ?? []).map((a): ServiceArea =>
          a.kind === 'polygon'
            ? { kind: 'polygon', geojson: a.geojson ?? '', name: a.name }
            : { kind: 'area', areaCode: a.area_code ?? '', name: a.name },
        ),
        schedules: (schedules.get(row.id) ?? []).map((o) => ({
          day: o.day as Weekday,
          opens: o.opens,
          closes: o.closes,
        })),
        contacts: (contacts.get(row.id) ?? []).map((c) => ({
          name: c.name,
          role: c.role,
          email: c.email,
          phone: c.phone,
        })),
      },
    }));
  }

  return {
    ...directoryOrganisations(db),
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
    async locatedServices(partnershipId, box) {
      const rows = await db
        .selectFrom('service_locations')
        .innerJoin('services', 'services.id', 'service_locations.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .where('service_locations.visibility', '!=', 'hidden')
        .where('service_locations.latitude', '>=', box.minLatitude)
        .where('service_locations.latitude', '<=', box.maxLatitude)
        .where('service_locations.longitude', '>=', box.minLongitude)
        .where('service_locations.longitude', '<=', box.maxLongitude)
        .select(['service_locations.service_id', 'service_locations.latitude', 'service_locations.longitude'])
        .execute();
      return rows.map((r) => ({
        serviceId: r.service_id,
        latitude: Number(r.latitude),
        longitude: Number(r.longitude),
      }));
    },
    async serviceAreasCovering(partnershipId, areaCodes) {
      const rows = await db
        .selectFrom('service_areas')
        .innerJoin('services', 'services.id', 'service_areas.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .where((eb) =>
          eb.or([
            eb('service_areas.kind', '=', 'polygon'),
            ...(areaCodes.length > 0 ? [eb('service_areas.area_code', 'in', [...areaCodes])] : []),
          ]),
        )
        .select(['service_areas.service_id', 'service_areas.area_code', 'service_areas.geojson'])
        .orderBy('service_areas.service_id')
        .orderBy('service_areas.position')
        .execute();
      return rows.map((r) => ({ serviceId: r.service_id, areaCode: r.area_code, geojson: r.geojson }));
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
      const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .selectAll()
        .orderBy('services.name')
        .orderBy('services.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total: Number(counted.n), items: await assemble(rows, depth === 'full') };
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
    async shownPlaces(partnershipId, filter, page) {
      const near = filter.near;
      // Distances on a flat map scaled by the cosine of the latitude: close enough within 50 km, and plain
      // arithmetic that SQLite and PostgreSQL both do.
      const scale = near ? Math.cos((near.latitude * Math.PI) / 180) : 1;
      const squared = near
        ? sql<number>`((service_locations.latitude - ${near.latitude}) * (service_locations.latitude - ${near.latitude}) + (service_locations.longitude - ${near.longitude}) * ${scale} * (service_locations.longitude - ${near.longitude}) * ${scale})`
        : undefined;
      let base = db
        .selectFrom('service_locations')
        .innerJoin('services', 'services.id', 'service_locations.service_id')
        .where('service_locations.visibility', '!=', 'hidden')
        .where((eb) =>
          serviceConditions(eb as unknown as ExpressionBuilder<Database, 'services'>, partnershipId, filter),
        );
      if (near && squared) {
        const degrees = near.withinKm / 111.195;
        // Only places whose point is published: ranking area-only places by distance would give them away.
        base = base
          .where('service_locations.visibility', '=', 'public')
          .where('service_locations.latitude', '>=', near.latitude - degrees)
          .where('service_locations.latitude', '<=', near.latitude + degrees)
          .where('service_locations.longitude', '>=', near.longitude - degrees / Math.max(scale, 0.01))
          .where('service_locations.longitude', '<=', near.longitude + degrees / Math.max(scale, 0.01))
          .where(squared, '<=', degrees * degrees);
      }
      const counted = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      let ordered = base.select([
        'service_locations.id',
        'service_locations.service_id',
        'service_locations.position',
      ]);
      ordered = squared
        ? ordered.orderBy(squared).orderBy('service_locations.id')
        : ordered.orderBy('services.name').orderBy('services.id').orderBy('service_locations.position');
      const rows = await ordered.limit(page.limit).offset(page.offset).execute();
      return {
        total: Number(counted.n),
        items: rows.map((r) => ({ id: r.id, serviceId: r.service_id, position: Number(r.position) })),
      };
    },
    async findShownPlace(partnershipId, id) {
      const row = await db
        .selectFrom('service_locations')
        .innerJoin('services', 'services.id', 'service_locations.service_id')
        .where('services.partnership_id', '=', partnershipId)
        .where('service_locations.id', '=', id)
        .where('service_locations.visibility', '!=', 'hidden')
        .select(['service_locations.id', 'service_locations.service_id', 'service_locations.position'])
        .executeTakeFirst();
      return row && { id: row.id, serviceId: row.service_id, position: Number(row.position) };
    },
  };
}
