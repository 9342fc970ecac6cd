import type { MatchDemand, MatchService } from '../src/domain/matching/allocation-types.js';
import { seededRandom, type EnglandLsoa } from './gaps-data.js';

/**
 * The matching benchmark's inputs: seeded synthetic demands and services placed on real LSOA points (from
 * ../shared/data via gaps-data.ts), so every run solves the same instances.
 */

/** The ten Greater Manchester boroughs (metropolitan county): 1,700-odd LSOAs. */
export const greaterManchester = Array.from(
  { length: 10 },
  (_, i) => `E080000${String(i + 1).padStart(2, '0')}`,
);

/**
 * About `units` need units in groups of 1 to 9 people (a needs record each) at LSOA points, one theme each; a
 * third with an age, a fifth with a language other than English.
 */
export function syntheticDemands(
  lsoas: readonly EnglandLsoa[],
  themes: readonly { id: string }[],
  units: number,
  seed = 11,
): MatchDemand[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const demands: MatchDemand[] = [];
  let total = 0;
  while (total < units) {
    const lsoa = pick(lsoas);
    const size = Math.min(units - total, 1 + Math.floor(random() * 9));
    total += size;
    const age = random() < 0.33 ? 5 + Math.floor(random() * 85) : undefined;
    const language = random() < 0.2 ? pick(['Urdu', 'Polish', 'Punjabi', 'Arabic']) : undefined;
    demands.push({
      id: `demand-${demands.length}`,
      needId: `need-${demands.length}`,
      areaCode: lsoa.code,
      relatedAreaCodes: [lsoa.wardCode, lsoa.authorityCode].filter((c) => c !== ''),
      theme: pick(themes).id,
      point: lsoa.point,
      units: size,
      circumstances: {
        ...(age === undefined ? {} : { age }),
        ...(language === undefined
          ? {}
          : { languages: [language, 'English'].slice(0, random() < 0.5 ? 1 : 2) }),
      },
    });
  }
  return demands;
}

/**
 * `count` services: one to three themes, a place within about 300 m of an LSOA point (a fifth with a second
 * place), 5% closed, capacity 1 to 12 people (10% unknown), 4% covering their ward and 2% their authority, 15%
 * with an age limit, 20% working in listed languages.
 */
export function syntheticMatchServices(
  lsoas: readonly EnglandLsoa[],
  themes: readonly { id: string }[],
  count: number,
  seed = 12,
): MatchService[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const near = (lsoa: EnglandLsoa) => ({
    lat: lsoa.point.lat + (random() - 0.5) * 0.006,
    lng: lsoa.point.lng + (random() - 0.5) * 0.009,
  });
  return Array.from({ length: count }, (_, i): MatchService => {
    const home = pick(lsoas);
    const serviceThemes = new Set<string>();
    const themeCount = 1 + Math.floor(random() * 3);
    while (serviceThemes.size < themeCount) serviceThemes.add(pick(themes).id);
    const coverage = random();
    const ageLimited = random() < 0.15;
    return {
      id: `service-${i}`,
      name: `Service ${i}`,
      themes: [...serviceThemes],
      open: random() >= 0.05,
      points: random() < 0.2 ? [near(home), near(pick(lsoas))] : [near(home)],
      areaCodes: coverage < 0.04 ? [home.wardCode] : coverage < 0.06 ? [home.authorityCode] : [],
      capacity: random() < 0.1 ? null : 1 + Math.floor(random() * 12),
      eligibility: ageLimited
        ? random() < 0.5
          ? { minimumAge: 60, maximumAge: null }
          : { minimumAge: null, maximumAge: 25 }
        : { minimumAge: null, maximumAge: null },
      languages: random() < 0.2 ? ['English', pick(['Urdu', 'Polish', 'Punjabi', 'Arabic'])] : [],
      hoursPerWeek: 2 + Math.floor(random() * 58),
      lastCheckedOn: '2026-06-01',
    };
  });
}
