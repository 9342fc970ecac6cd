import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ServiceRecord } from '../../app/ports.js';
import { serviceAtLocationId } from '../../domain/directory/oruk-location.js';
import type {
  CapacityPeriod,
  LocationVisibility,
  ServiceArea,
  ServiceStatus,
  Weekday,
} from '../../domain/directory/model.js';
import type { Database } from '../schema.js';
import type { ServicesTable } from '../schema-directory.js';
import { chunks } from './batches.js';

/** Services as rows: a record to its `services` row and child rows, and rows back to full records. */

export function serviceRow(s: ServiceRecord): Insertable<ServicesTable> {
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

export const childTables = [
  'service_themes',
  'service_locations',
  'service_areas',
  'service_schedules',
  'service_contacts',
] as const;

export async function insertServiceChildren(
  db: Kysely<Database>,
  services: readonly ServiceRecord[],
): Promise<void> {
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
export async function assembleServices(
  db: Kysely<Database>,
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
    (part: string[]) => db.selectFrom('service_themes').selectAll().where('service_id', 'in', part).execute(),
    (a, b) => a.theme_id.localeCompare(b.theme_id),
  );
  const locations = await group(
    (part: string[]) =>
      db.selectFrom('service_locations').selectAll().where('service_id', 'in', part).execute(),
    byPosition,
  );
  const areas = await group(
    (part: string[]) => db.selectFrom('service_areas').selectAll().where('service_id', 'in', part).execute(),
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
