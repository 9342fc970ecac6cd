import { ukDate } from '../../domain/assessment/round-rules.js';
import { councilTypeOf, regionOf } from '../../domain/national/council-types.js';
import { summariseUptake, type Uptake, type UptakePartnership } from '../../domain/national/uptake.js';
import type { Clock } from '../shared/system-ports.js';
import type { Store } from '../ports.js';

/** Every partnership known only by council type, region and whether it benchmarks: no names. */
export async function nationalPartnerships(store: Store): Promise<(UptakePartnership & { slug: string })[]> {
  const [partnerships, profiles] = await Promise.all([store.partnerships.list(), store.national.profiles()]);
  const byId = new Map(profiles.map((p) => [p.partnershipId, p]));
  return partnerships.map((p) => {
    const profile = byId.get(p.id);
    return {
      id: p.id,
      slug: p.slug,
      councilType: councilTypeOf(p.localAuthorityCode),
      region: regionOf(p.localAuthorityCode, profile?.region ?? null),
      benchmarkOptIn: profile?.benchmarkOptIn ?? false,
    };
  });
}

/** Uptake across the country, counts only (see src/domain/national/uptake.ts for the small-number rule). */
export async function nationalUptake(deps: { store: Store; clock: Clock }): Promise<Uptake> {
  const [partnerships, rounds, respondents, activeActions] = await Promise.all([
    nationalPartnerships(deps.store),
    deps.store.national.uptakeRounds(),
    deps.store.national.respondentCounts(),
    deps.store.national.activeActionCounts(),
  ]);
  return summariseUptake({
    today: ukDate(deps.clock.now()),
    partnerships,
    rounds,
    respondents,
    activeActions,
  });
}
