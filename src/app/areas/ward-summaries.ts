import { aggregateFigures } from '../../domain/areas/aggregate.js';
import { currentLsoaEdition } from '../../domain/areas/editions.js';
import type { PartnershipRecord } from '../partnerships/partnership-store.js';
import type { Store } from '../ports.js';
import type { AreaRecord } from './area-records.js';
import { partnershipAreas } from './area-profile.js';

export interface WardSummary {
  readonly ward: AreaRecord;
  /** People in the ward: its own estimate, or the sum of its LSOAs' when every one is known. */
  readonly population: number | null;
  readonly lsoas: number;
  /** The overall deprivation score from its LSOAs (population-weighted where known), and how many are in the 20% most deprived. */
  readonly deprivation: {
    readonly score: number | null;
    readonly mostDeprived: number;
    readonly known: number;
  } | null;
}

export interface PartnershipOverview {
  readonly authority: AreaRecord | undefined;
  readonly wards: readonly WardSummary[];
  /** The edition of the deprivation figures, such as "IMD 2025", when there are any. */
  readonly deprivationEdition: string | null;
}

/** The partnership's authority and a line per ward: population, LSOAs and overall deprivation. */
export async function partnershipOverview(
  store: Store,
  partnership: PartnershipRecord,
): Promise<PartnershipOverview> {
  const { authority, wards } = await partnershipAreas(store, partnership);
  const lsoasByWard = new Map<string, AreaRecord[]>();
  for (const ward of wards)
    lsoasByWard.set(ward.code, await store.areas.children(ward.code, currentLsoaEdition));
  const lsoaCodes = [...lsoasByWard.values()].flat().map((l) => l.code);
  const codes = [...wards.map((w) => w.code), ...lsoaCodes];
  const [definitions, values, populations] = await Promise.all([
    store.areas.listIndicators(),
    store.areas.valuesForAreas(lsoaCodes),
    store.areas.listPopulations(codes),
  ]);
  const population = new Map<string, { period: string; population: number }>();
  for (const p of populations) {
    const before = population.get(p.areaCode);
    if (!before || p.period > before.period) population.set(p.areaCode, p);
  }
  const withValues = new Set(values.map((v) => v.indicatorKey));
  const overall = definitions
    .filter(
      (d) => d.key.endsWith('/imd') && d.geographyEdition === currentLsoaEdition && withValues.has(d.key),
    )
    .sort((a, b) => b.edition.localeCompare(a.edition))[0];
  const overallValues = new Map(
    values.filter((v) => v.indicatorKey === overall?.key).map((v) => [v.areaCode, v]),
  );
  return {
    authority,
    deprivationEdition: overall?.edition ?? null,
    wards: wards.map((ward) => {
      const lsoas = lsoasByWard.get(ward.code) ?? [];
      const lsoaPopulations = lsoas.map((l) => population.get(l.code)?.population ?? null);
      const summed =
        lsoas.length > 0 && lsoaPopulations.every((p) => p !== null)
          ? lsoaPopulations.reduce<number>((a, b) => a + (b ?? 0), 0)
          : null;
      const rows = lsoas.flatMap((l, i) => {
        const value = overallValues.get(l.code);
        return value ? [{ value, population: lsoaPopulations[i] ?? null }] : [];
      });
      const aggregate = aggregateFigures(
        rows.flatMap((r) =>
          r.value.value === null ? [] : [{ value: r.value.value, population: r.population }],
        ),
      );
      return {
        ward,
        population: population.get(ward.code)?.population ?? summed,
        lsoas: lsoas.length,
        deprivation: overall
          ? {
              score: aggregate?.value ?? null,
              mostDeprived: rows.filter((r) => r.value.decile !== null && r.value.decile <= 2).length,
              known: rows.length,
            }
          : null,
      };
    }),
  };
}
