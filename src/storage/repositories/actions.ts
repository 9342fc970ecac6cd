import type { Kysely, Selectable } from 'kysely';
import type { ActionRecord, Store } from '../../app/ports.js';
import type { ActionSide, ActionStatus } from '../../domain/actions/actions.js';
import type { Database } from '../schema.js';
import type { ActionsTable } from '../schema-actions.js';

function toAction(row: Selectable<ActionsTable>, indicatorCodes: string[]): ActionRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    roundId: row.round_id,
    title: row.title,
    description: row.description,
    indicatorCodes,
    side: row.side as ActionSide,
    ownerOrganisationId: row.owner_organisation_id,
    leadName: row.lead_name,
    dueOn: row.due_on,
    status: row.status as ActionStatus,
    source: row.source,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function actionsRepository(db: Kysely<Database>): Store['actions'] {
  const indicatorsFor = async (actionIds: readonly string[]) => {
    const codes = new Map<string, string[]>();
    if (actionIds.length === 0) return codes;
    const rows = await db
      .selectFrom('action_indicators')
      .select(['action_id', 'indicator_code'])
      .where('action_id', 'in', actionIds)
      .orderBy('action_id')
      .orderBy('indicator_code')
      .execute();
    for (const row of rows) {
      const list = codes.get(row.action_id) ?? [];
      list.push(row.indicator_code);
      codes.set(row.action_id, list);
    }
    return codes;
  };

  const writeIndicators = async (trx: Kysely<Database>, action: ActionRecord) => {
    await trx.deleteFrom('action_indicators').where('action_id', '=', action.id).execute();
    const codes = [...new Set(action.indicatorCodes)];
    if (codes.length === 0) return;
    await trx
      .insertInto('action_indicators')
      .values(codes.map((code) => ({ action_id: action.id, indicator_code: code })))
      .execute();
  };

  /** Runs in the caller's transaction, or in a new one, so an action and its indicators are written together. */
  const run = (work: (trx: Kysely<Database>) => Promise<void>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

  return {
    async insert(action) {
      await run(async (trx) => {
        await trx
          .insertInto('actions')
          .values({
            id: action.id,
            partnership_id: action.partnershipId,
            round_id: action.roundId,
            title: action.title,
            description: action.description,
            side: action.side,
            owner_organisation_id: action.ownerOrganisationId,
            lead_name: action.leadName,
            due_on: action.dueOn,
            status: action.status,
            source: action.source,
            created_at: action.createdAt,
            updated_at: action.updatedAt,
          })
          .execute();
        await writeIndicators(trx, action);
      });
    },
    async update(action) {
      await run(async (trx) => {
        const result = await trx
          .updateTable('actions')
          .set({
            title: action.title,
            description: action.description,
            side: action.side,
            owner_organisation_id: action.ownerOrganisationId,
            lead_name: action.leadName,
            due_on: action.dueOn,
            status: action.status,
            updated_at: action.updatedAt,
          })
          .where('partnership_id', '=', action.partnershipId)
          .where('id', '=', action.id)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) await writeIndicators(trx, action);
      });
    },
    async find(partnershipId, id) {
      const row = await db
        .selectFrom('actions')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const codes = await indicatorsFor([row.id]);
      return toAction(row, codes.get(row.id) ?? []);
    },
    async list(partnershipId) {
      const rows = await db
        .selectFrom('actions')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const codes = await indicatorsFor(rows.map((row) => row.id));
      return rows.map((row) => toAction(row, codes.get(row.id) ?? []));
    },
    async addNote(note) {
      await db
        .insertInto('action_progress_notes')
        .values({
          id: note.id,
          action_id: note.actionId,
          note: note.note,
          noted_on: note.notedOn,
          author_label: note.authorLabel,
          created_at: note.createdAt,
        })
        .execute();
    },
    async notes(actionId) {
      const rows = await db
        .selectFrom('action_progress_notes')
        .selectAll()
        .where('action_id', '=', actionId)
        .orderBy('noted_on', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        actionId: row.action_id,
        note: row.note,
        notedOn: row.noted_on,
        authorLabel: row.author_label,
        createdAt: row.created_at,
      }));
    },
  };
}
