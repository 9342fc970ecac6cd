import type { Kysely, Selectable } from 'kysely';
import type { OrganisationThemeStore } from '../../app/directory/organisation-themes-store.js';
import type {
  OrganisationThemeAssignment,
  ThemeAssignmentStatus,
} from '../../domain/directory/organisation-themes.js';
import type { Database } from '../schema.js';
import type { OrganisationThemesTable } from '../schema-organisation-themes.js';
import { chunks } from './batches.js';

const wordsOf = (matched: string): string[] => (matched === '' ? [] : matched.split('\n'));

function toAssignment(row: Selectable<OrganisationThemesTable>): OrganisationThemeAssignment {
  return {
    organisationId: row.organisation_id,
    themeId: row.theme_id,
    status: row.status as ThemeAssignmentStatus,
    matched: wordsOf(row.matched),
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/** Ids a query names at a time, well under both databases' limits on bound values. */
const idsPerQuery = 500;

export function organisationThemesRepository(db: Kysely<Database>): OrganisationThemeStore {
  return {
    async list(partnershipId, organisationIds) {
      const query = db
        .selectFrom('organisation_themes')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('organisation_id')
        .orderBy('theme_id');
      if (!organisationIds) return (await query.execute()).map(toAssignment);
      const found: OrganisationThemeAssignment[] = [];
      for (let start = 0; start < organisationIds.length; start += idsPerQuery) {
        const some = organisationIds.slice(start, start + idsPerQuery);
        if (some.length > 0)
          found.push(...(await query.where('organisation_id', 'in', some).execute()).map(toAssignment));
      }
      return found;
    },
    async save(partnershipId, assignments) {
      for (const some of chunks(assignments, 7)) {
        await db
          .insertInto('organisation_themes')
          .values(
            some.map((a) => ({
              organisation_id: a.organisationId,
              partnership_id: partnershipId,
              theme_id: a.themeId,
              status: a.status,
              matched: a.matched.join('\n'),
              decided_by: a.decidedBy,
              decided_at: a.decidedAt,
            })),
          )
          .onConflict((c) =>
            c.columns(['organisation_id', 'theme_id']).doUpdateSet((eb) => ({
              status: eb.ref('excluded.status'),
              matched: eb.ref('excluded.matched'),
              decided_by: eb.ref('excluded.decided_by'),
              decided_at: eb.ref('excluded.decided_at'),
            })),
          )
          .execute();
      }
    },
    async remove(partnershipId, organisationId, themeIds) {
      if (themeIds.length === 0) return;
      await db
        .deleteFrom('organisation_themes')
        .where('partnership_id', '=', partnershipId)
        .where('organisation_id', '=', organisationId)
        .where('theme_id', 'in', [...themeIds])
        .execute();
    },
    async serviceThemes(partnershipId) {
      const rows = await db
        .selectFrom('service_themes')
        .innerJoin('services', 'services.id', 'service_themes.service_id')
        .select(['services.organisation_id', 'service_themes.theme_id'])
        .distinct()
        .where('services.partnership_id', '=', partnershipId)
        .orderBy('services.organisation_id')
        .orderBy('service_themes.theme_id')
        .execute();
      return rows.map((row) => ({ organisationId: row.organisation_id, themeId: row.theme_id }));
    },
    async countsByTheme(partnershipId) {
      const rows = await db
        .selectFrom('organisation_themes')
        .select((eb) => [
          'organisation_themes.theme_id',
          eb.fn.countAll<string | number>().as('organisations'),
          eb.fn
            .sum<string | number | null>(
              eb
                .case()
                .when(
                  eb.exists(
                    eb
                      .selectFrom('services')
                      .select('services.id')
                      .whereRef('services.organisation_id', '=', 'organisation_themes.organisation_id'),
                  ),
                )
                .then(0)
                .else(1)
                .end(),
            )
            .as('without_services'),
        ])
        .where('organisation_themes.partnership_id', '=', partnershipId)
        .where('organisation_themes.status', '!=', 'rejected')
        .groupBy('organisation_themes.theme_id')
        .orderBy('organisation_themes.theme_id')
        .execute();
      return rows.map((row) => ({
        themeId: row.theme_id,
        organisations: Number(row.organisations),
        withoutServices: Number(row.without_services ?? 0),
      }));
    },
    async withoutServices(partnershipId, themeId) {
      let query = db
        .selectFrom('organisation_themes')
        .innerJoin('organisations', 'organisations.id', 'organisation_themes.organisation_id')
        .select([
          'organisation_themes.organisation_id',
          'organisations.name',
          'organisation_themes.theme_id',
          'organisation_themes.status',
          'organisation_themes.matched',
        ])
        .where('organisation_themes.partnership_id', '=', partnershipId)
        .where('organisation_themes.status', '!=', 'rejected')
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('services')
                .select('services.id')
                .whereRef('services.organisation_id', '=', 'organisation_themes.organisation_id'),
            ),
          ),
        )
        .orderBy('organisations.name')
        .orderBy('organisation_themes.theme_id');
      if (themeId !== undefined) query = query.where('organisation_themes.theme_id', '=', themeId);
      return (await query.execute()).map((row) => ({
        organisationId: row.organisation_id,
        organisationName: row.name,
        themeId: row.theme_id,
        status: row.status === 'confirmed' ? 'confirmed' : 'suggested',
        matched: wordsOf(row.matched),
      }));
    },
  };
}
