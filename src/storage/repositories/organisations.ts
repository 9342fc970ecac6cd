import type { Kysely, Selectable } from 'kysely';
import type { OrganisationRecord, Store } from '../../app/ports.js';
import type { OrganisationKind } from '../../domain/partnerships/organisation-kinds.js';
import type { Database } from '../schema.js';
import type { OrganisationsTable } from '../schema-partnerships.js';

function toOrganisation(row: Selectable<OrganisationsTable>): OrganisationRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    name: row.name,
    kind: row.kind as OrganisationKind,
    identifier: row.identifier,
    createdAt: row.created_at,
  };
}

export function organisationsRepository(db: Kysely<Database>): Store['organisations'] {
  return {
    async listByPartnership(partnershipId) {
      const rows = await db
        .selectFrom('organisations')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('name')
        .execute();
      return rows.map(toOrganisation);
    },
    async findById(partnershipId, id) {
      const row = await db
        .selectFrom('organisations')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toOrganisation(row);
    },
    async insert(organisation) {
      await db
        .insertInto('organisations')
        .values({
          id: organisation.id,
          partnership_id: organisation.partnershipId,
          name: organisation.name,
          kind: organisation.kind,
          identifier: organisation.identifier,
          created_at: organisation.createdAt,
        })
        .execute();
    },
    async update(partnershipId, id, change) {
      await db
        .updateTable('organisations')
        .set({ kind: change.kind, identifier: change.identifier, updated_at: change.updatedAt })
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .execute();
    },
  };
}
