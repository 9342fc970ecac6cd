import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ServiceFilter } from '../../app/ports.js';
import type { Database } from '../schema.js';

export const words = (text: string | undefined): string[] =>
  (text ?? '')
    .toLowerCase()
    .replace(/[%_\\]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);

/** The conditions of an Open Referral UK feed filter on the `services` table (see ServiceFilter). */
export function serviceConditions(
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
