import type { Kysely } from 'kysely';
import type {
  AreaStore,
  IndicatorDefinition,
  IndicatorValue,
  PopulationRecord,
} from '../../app/areas/area-records.js';
import type { Database } from '../schema.js';
import { batches, toValue } from './area-rows.js';

/** Statistics about areas: populations, indicators and their values. */
export function areaStatistics(
  db: Kysely<Database>,
): Pick<
  AreaStore,
  | 'upsertPopulations'
  | 'listPopulations'
  | 'upsertIndicator'
  | 'listIndicators'
  | 'upsertIndicatorValues'
  | 'listIndicatorValues'
  | 'valuesForAreas'
> {
  return {
    async upsertPopulations(records) {
      for (const batch of batches(records, 4)) {
        await db
          .insertInto('area_populations')
          .values(
            batch.map((r) => ({
              area_code: r.areaCode,
              period: r.period,
              population: r.population,
              source: r.source,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['area_code', 'period']).doUpdateSet((eb) => ({
              population: eb.ref('excluded.population'),
              source: eb.ref('excluded.source'),
            })),
          )
          .execute();
      }
    },
    async listPopulations(codes) {
      const read = async (subset?: readonly string[]): Promise<PopulationRecord[]> => {
        let query = db.selectFrom('area_populations').selectAll();
        if (subset) query = query.where('area_code', 'in', subset);
        const rows = await query.orderBy('area_code').orderBy('period').execute();
        return rows.map((r) => ({
          areaCode: r.area_code,
          period: r.period,
          population: Number(r.population),
          source: r.source,
        }));
      };
      if (!codes) return read();
      const out: PopulationRecord[] = [];
      for (const batch of batches(codes, 1)) out.push(...(await read(batch)));
      return out;
    },

    async upsertIndicator(definition) {
      const row = {
        key: definition.key,
        name: definition.name,
        unit: definition.unit,
        source: definition.source,
        edition: definition.edition,
        published_on: definition.publishedOn,
        geography_edition: definition.geographyEdition,
        higher_is_more_need: definition.higherIsMoreNeed ? 1 : 0,
      };
      const { key: _key, ...change } = row;
      await db
        .insertInto('indicator_definitions')
        .values(row)
        .onConflict((oc) => oc.column('key').doUpdateSet(change))
        .execute();
    },
    async listIndicators(): Promise<IndicatorDefinition[]> {
      const rows = await db.selectFrom('indicator_definitions').selectAll().orderBy('key').execute();
      return rows.map((r) => ({
        key: r.key,
        name: r.name,
        unit: r.unit,
        source: r.source,
        edition: r.edition,
        publishedOn: r.published_on,
        geographyEdition: r.geography_edition,
        higherIsMoreNeed: r.higher_is_more_need === 1,
      }));
    },
    async upsertIndicatorValues(values) {
      for (const batch of batches(values, 5)) {
        await db
          .insertInto('indicator_values')
          .values(
            batch.map((v) => ({
              indicator_key: v.indicatorKey,
              area_code: v.areaCode,
              value: v.value,
              rank: v.rank,
              decile: v.decile,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['indicator_key', 'area_code']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              rank: eb.ref('excluded.rank'),
              decile: eb.ref('excluded.decile'),
            })),
          )
          .execute();
      }
    },
    async listIndicatorValues(keys) {
      if (keys.length === 0) return [];
      const rows = await db
        .selectFrom('indicator_values')
        .selectAll()
        .where('indicator_key', 'in', keys)
        .execute();
      return rows.map(toValue);
    },
    async valuesForAreas(codes) {
      const out: IndicatorValue[] = [];
      for (const batch of batches(codes, 1)) {
        const rows = await db
          .selectFrom('indicator_values')
          .selectAll()
          .where('area_code', 'in', batch)
          .orderBy('indicator_key')
          .orderBy('area_code')
          .execute();
        out.push(...rows.map(toValue));
      }
      return out;
    },
  };
}
