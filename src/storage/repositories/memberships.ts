import type { Kysely } from 'kysely';
import type { MemberView, MembershipRecord, Store } from '../../app/ports.js';
import type { PartnershipRole } from '../../domain/accounts/roles.js';
import type { Database } from '../schema.js';

interface MembershipRow {
  id: string;
  partnership_id: string;
  user_id: string;
  role: string;
  organisation_id: string | null;
  created_at: string;
}

function toMembership(row: MembershipRow): MembershipRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    userId: row.user_id,
    role: row.role as PartnershipRole,
    organisationId: row.organisation_id,
    createdAt: row.created_at,
  };
}

export function membershipsRepository(db: Kysely<Database>): Store['memberships'] {
  const memberViews = (partnershipId: string) =>
    db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .selectAll('memberships')
      .select(['users.email', 'users.display_name', 'organisations.name as organisation_name'])
      .where('memberships.partnership_id', '=', partnershipId);

  const toView = (
    row: MembershipRow & { email: string; display_name: string; organisation_name: string | null },
  ): MemberView => ({
    ...toMembership(row),
    email: row.email,
    displayName: row.display_name,
    organisationName: row.organisation_name,
  });

  return {
    async find(partnershipId, userId) {
      const row = await db
        .selectFrom('memberships')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row && toMembership(row);
    },
    async findById(partnershipId, id) {
      const row = await memberViews(partnershipId).where('memberships.id', '=', id).executeTakeFirst();
      return row && toView(row);
    },
    async listByPartnership(partnershipId) {
      const rows = await memberViews(partnershipId).orderBy('users.display_name').execute();
      return rows.map(toView);
    },
    async countAdmins(partnershipId) {
      const row = await db
        .selectFrom('memberships')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('partnership_id', '=', partnershipId)
        .where('role', '=', 'partnership-admin')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insert(membership) {
      await db
        .insertInto('memberships')
        .values({
          id: membership.id,
          partnership_id: membership.partnershipId,
          user_id: membership.userId,
          role: membership.role,
          organisation_id: membership.organisationId,
          created_at: membership.createdAt,
        })
        .execute();
    },
    async update(partnershipId, id, change) {
      await db
        .updateTable('memberships')
        .set({ role: change.role, organisation_id: change.organisationId })
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .execute();
    },
    async remove(partnershipId, id) {
      await db
        .deleteFrom('memberships')
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .execute();
    },
  };
}
