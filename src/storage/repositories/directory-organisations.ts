import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DirectoryOrganisationRecord, DirectoryRepository } from '../../app/ports.js';
import type { OrganisationKind } from '../../domain/partnerships/organisation-kinds.js';
import type { Database } from '../schema.js';
import type { OrganisationsTable } from '../schema-partnerships.js';
import { chunks } from './batches.js';
import { directoryWritten, keptCount } from './feed-counts.js';

/** The directory's view of organisations: the same table as `organisations`, with the directory fields. */
function toOrganisation(row: Selectable<OrganisationsTable>): DirectoryOrganisationRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    identifier: row.identifier,
    createdAt: row.created_at,
    details: {
      description: row.description,
      url: row.url,
      email: row.email,
      phone: row.phone,
      address: row.address,
      postcode: row.postcode,
    },
    provenance:
      row.source_kind && row.source_id ? { sourceKind: row.source_kind, sourceId: row.source_id } : null,
    isPlaceholder: Number(row.is_placeholder) === 1,
    lastCheckedAt: row.last_checked_at,
    lastCheckedBy: row.last_checked_by,
    ...(row.updated_at ? { updatedAt: row.updated_at } : {}),
  };
}

function organisationRow(o: DirectoryOrganisationRecord): Insertable<OrganisationsTable> {
  return {
    id: o.id,
    partnership_id: o.partnershipId,
    name: o.name,
    kind: o.kind,
    identifier: o.identifier,
    created_at: o.createdAt,
    description: o.details.description,
    url: o.details.url,
    email: o.details.email,
    phone: o.details.phone,
    address: o.details.address,
    postcode: o.details.postcode,
    source_kind: o.provenance?.sourceKind ?? null,
    source_id: o.provenance?.sourceId ?? null,
    is_placeholder: o.isPlaceholder ? 1 : 0,
    last_checked_at: o.lastCheckedAt,
    last_checked_by: o.lastCheckedBy,
    updated_at: o.updatedAt ?? null,
  };
}

type OrganisationPart = Pick<
  DirectoryRepository,
  | 'listOrganisations'
  | 'findOrganisation'
  | 'insertOrganisations'
  | 'updateOrganisation'
  | 'organisationsWithIds'
  | 'organisationsWithServices'
  | 'directoryChangedAt'
>;

export function directoryOrganisations(db: Kysely<Database>): OrganisationPart {
  const runningServices = (partnershipId: string) =>
    db.selectFrom('services').select('organisation_id').where('partnership_id', '=', partnershipId);

  return {
    async listOrganisations(partnershipId) {
      const rows = await db
        .selectFrom('organisations')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('name')
        .execute();
      return rows.map(toOrganisation);
    },
    async findOrganisation(partnershipId, id) {
      const row = await db
        .selectFrom('organisations')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toOrganisation(row);
    },
    async insertOrganisations(organisations) {
      for (const part of chunks(organisations.map(organisationRow), 17)) {
        await db.insertInto('organisations').values(part).execute();
      }
      await directoryWritten(
        db,
        organisations.map((o) => o.partnershipId),
      );
    },
    async updateOrganisation(organisation) {
      const { id, partnership_id, created_at, ...change } = organisationRow(organisation);
      await db
        .updateTable('organisations')
        .set(change)
        .where('partnership_id', '=', partnership_id)
        .where('id', '=', id)
        .execute();
      void created_at;
      await directoryWritten(db, [partnership_id]);
    },
    async organisationsWithIds(partnershipId, ids) {
      const found: DirectoryOrganisationRecord[] = [];
      for (const part of chunks([...new Set(ids)], 1)) {
        const rows = await db
          .selectFrom('organisations')
          .selectAll()
          .where('partnership_id', '=', partnershipId)
          .where('id', 'in', part)
          .execute();
        found.push(...rows.map(toOrganisation));
      }
      return found;
    },
    async organisationsWithServices(partnershipId, page) {
      const base = db
        .selectFrom('organisations')
        .where('partnership_id', '=', partnershipId)
        .where('id', 'in', runningServices(partnershipId));
      const total = await keptCount(db, partnershipId, { list: 'organizations' }, async () =>
        Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
      );
      if (page.offset >= total) return { total, items: [] };
      const rows = await base
        .selectAll()
        .orderBy('name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total, items: rows.map(toOrganisation) };
    },
    async directoryChangedAt(partnershipId) {
      const services = await db
        .selectFrom('services')
        .where('partnership_id', '=', partnershipId)
        .select((eb) => eb.fn.max('updated_at').as('at'))
        .executeTakeFirst();
      const organisations = await db
        .selectFrom('organisations')
        .where('partnership_id', '=', partnershipId)
        .where('id', 'in', runningServices(partnershipId))
        .select((eb) => [
          eb.fn.max('created_at').as('created'),
          eb.fn.max('last_checked_at').as('checked'),
          eb.fn.max('updated_at').as('updated'),
        ])
        .executeTakeFirst();
      const times = [
        services?.at,
        organisations?.created,
        organisations?.checked,
        organisations?.updated,
      ].filter((t): t is string => typeof t === 'string');
      return times.length === 0 ? null : times.reduce((a, b) => (a > b ? a : b));
    },
  };
}
