import type { Kysely, Selectable } from 'kysely';
import type { InvitationRecord, Store } from '../../app/ports.js';
import type { PartnershipRole } from '../../domain/accounts/roles.js';
import type { Database } from '../schema.js';
import type { InvitationsTable } from '../schema-accounts.js';

function toInvitation(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    partnershipId: row.partnership_id,
    email: row.email,
    role: row.role as PartnershipRole,
    organisationId: row.organisation_id,
    invitedByUserId: row.invited_by_user_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    acceptedAt: row.accepted_at,
    revokedAt: row.revoked_at,
  };
}

export function invitationsRepository(db: Kysely<Database>): Store['invitations'] {
  return {
    async insert(invitation) {
      await db
        .insertInto('invitations')
        .values({
          id: invitation.id,
          token_hash: invitation.tokenHash,
          partnership_id: invitation.partnershipId,
          email: invitation.email,
          role: invitation.role,
          organisation_id: invitation.organisationId,
          invited_by_user_id: invitation.invitedByUserId,
          created_at: invitation.createdAt,
          expires_at: invitation.expiresAt,
          accepted_at: invitation.acceptedAt,
          revoked_at: invitation.revokedAt,
        })
        .execute();
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async listPending(partnershipId, now) {
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toInvitation);
    },
    async markAccepted(id, acceptedAt) {
      const result = await db
        .updateTable('invitations')
        .set({ accepted_at: acceptedAt })
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revoke(partnershipId, id, revokedAt) {
      const result = await db
        .updateTable('invitations')
        .set({ revoked_at: revokedAt })
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
