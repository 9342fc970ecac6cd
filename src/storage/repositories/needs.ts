import type { Insertable, Kysely, Selectable } from 'kysely';
import type { NeedStore } from '../../app/ports.js';
import type { NeedRecord, NeedSeverity, NeedSource } from '../../domain/needs/model.js';
import type { Database } from '../schema.js';
import type { NeedsTable } from '../schema-needs.js';
import { chunks } from './batches.js';

function toNeed(row: Selectable<NeedsTable>): NeedRecord {
  return {
    id: row.id,
    partnershipId: row.partnership_id,
    areaCode: row.area_code,
    theme: row.theme,
    severity: Number(row.severity) as NeedSeverity,
    peopleAffected: row.people_affected === null ? null : Number(row.people_affected),
    evidence: row.evidence,
    source: row.source as NeedSource,
    reportingOrganisationId: row.reporting_organisation_id,
    reportedOn: row.reported_on,
    sourceId: row.source_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function needRow(need: NeedRecord): Insertable<NeedsTable> {
  return {
    id: need.id,
    partnership_id: need.partnershipId,
    area_code: need.areaCode,
    theme: need.theme,
    severity: need.severity,
    people_affected: need.peopleAffected,
    evidence: need.evidence,
    source: need.source,
    reporting_organisation_id: need.reportingOrganisationId,
    reported_on: need.reportedOn,
    source_id: need.sourceId,
    created_by: need.createdBy,
    created_at: need.createdAt,
    updated_at: need.updatedAt,
  };
}

const columnCount = 14;
/** Source ids looked up per statement, under both databases' limits on bound values. */
const lookupBatch = 500;

export function needsRepository(db: Kysely<Database>): NeedStore {
  return {
    async insert(records) {
      for (const batch of chunks(records, columnCount)) {
        if (batch.length > 0) await db.insertInto('needs').values(batch.map(needRow)).execute();
      }
    },
    async update(need) {
      await db
        .updateTable('needs')
        .set({
          area_code: need.areaCode,
          theme: need.theme,
          severity: need.severity,
          people_affected: need.peopleAffected,
          evidence: need.evidence,
          source: need.source,
          reporting_organisation_id: need.reportingOrganisationId,
          reported_on: need.reportedOn,
          source_id: need.sourceId,
          updated_at: need.updatedAt,
        })
        .where('partnership_id', '=', need.partnershipId)
        .where('id', '=', need.id)
        .execute();
    },
    async delete(partnershipId, id) {
      const result = await db
        .deleteFrom('needs')
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async find(partnershipId, id) {
      const row = await db
        .selectFrom('needs')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toNeed(row) : undefined;
    },
    async listForPartnership(partnershipId, filter = {}) {
      let query = db.selectFrom('needs').selectAll().where('partnership_id', '=', partnershipId);
      if (filter.theme) query = query.where('theme', '=', filter.theme);
      if (filter.areaCodes && filter.areaCodes.length > 0) {
        query = query.where('area_code', 'in', [...new Set(filter.areaCodes)]);
      }
      const rows = await query
        .orderBy('reported_on', 'desc')
        .orderBy('area_code')
        .orderBy('theme')
        .orderBy('id')
        .execute();
      return rows.map(toNeed);
    },
    async withSourceIds(partnershipId, sourceIds) {
      const unique = [...new Set(sourceIds)];
      const found: NeedRecord[] = [];
      for (let start = 0; start < unique.length; start += lookupBatch) {
        const rows = await db
          .selectFrom('needs')
          .selectAll()
          .where('partnership_id', '=', partnershipId)
          .where('source_id', 'in', unique.slice(start, start + lookupBatch))
          .execute();
        found.push(...rows.map(toNeed));
      }
      return found;
    },
  };
}
