import type { Kysely, Selectable } from 'kysely';
import type { RoundInvitationRecord, Store } from '../../app/ports.js';
import type { Database } from '../schema.js';
import type { RoundInvitationsTable } from '../schema-assessments.js';

function toInvitation(row: Selectable<RoundInvitationsTable>): RoundInvitationRecord {
  return {
    id: row.id,
    roundId: row.round_id,
    groupId: row.group_id,
    email: row.email,
    tokenHash: row.token_hash,
    createdAt: row.created_at,
    source: row.source === 'membership' ? 'membership' : 'invitation',
  };
}

export function roundInvitationsRepository(db: Kysely<Database>): Store['roundInvitations'] {
  return {
    async insert(invitation) {
      await db
        .insertInto('round_invitations')
        .values({
          id: invitation.id,
          round_id: invitation.roundId,
          group_id: invitation.groupId,
          email: invitation.email,
          token_hash: invitation.tokenHash,
          created_at: invitation.createdAt,
          source: invitation.source ?? 'invitation',
        })
        .execute();
    },
    async findByTokenHash(tokenHash) {
      const row = await db
        .selectFrom('round_invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async findByEmail(roundId, email) {
      const row = await db
        .selectFrom('round_invitations')
        .selectAll()
        .where('round_id', '=', roundId)
        .where('email', '=', email)
        .executeTakeFirst();
      return row && toInvitation(row);
    },
    async listByEmail(email) {
      const rows = await db.selectFrom('round_invitations').selectAll().where('email', '=', email).execute();
      return rows.map(toInvitation);
    },
    async replaceTokenHash(id, tokenHash) {
      await db.updateTable('round_invitations').set({ token_hash: tokenHash }).where('id', '=', id).execute();
    },
    async countByGroup(roundId) {
      const rows = await db
        .selectFrom('round_invitations')
        .select(['group_id', (eb) => eb.fn.countAll().as('n')])
        .where('round_id', '=', roundId)
        .where('source', '=', 'invitation')
        .groupBy('group_id')
        .execute();
      return Object.fromEntries(rows.map((row) => [row.group_id, Number(row.n)]));
    },
  };
}
