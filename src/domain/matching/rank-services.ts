import { monthsBefore } from '../directory/freshness.js';
import type {
  LeftOutService,
  MatchService,
  RankedService,
  RankQuery,
  RankReason,
  ServiceRanking,
} from './allocation-types.js';
import { coversArea, effectiveCapacity, ineligibility, nearestPlaceKm, reachOf } from './feasibility.js';

/**
 * "Who can help" with one need: every service that could take the person, scored out of 100 with a reason for
 * each part of the score, and every other service with the first reason it could not help. The points:
 * distance 25, capacity 15, theme fit 10, eligibility 10, language 10, opening hours 10, how recently checked 10,
 * coverage 5, access 5. The same rules as the allocation decide who can take the person.
 */

const round1 = (value: number) => Math.round(value * 10) / 10;
const km = (value: number) => `${value.toFixed(1)} km`;

function leftOut(
  service: MatchService,
  query: RankQuery,
  covers: boolean,
  nearestKm: number | null,
): LeftOutService | null {
  const base = { serviceId: service.id, name: service.name };
  if (!service.open) return { ...base, reason: 'closed', text: 'It is not open at the moment.' };
  if (!service.themes.includes(query.theme)) {
    return { ...base, reason: 'different theme', text: 'It does not work on this theme.' };
  }
  const why = ineligibility(service, query.circumstances);
  if (why === 'age') {
    const { minimumAge, maximumAge } = service.eligibility;
    return { ...base, reason: 'age', text: `It is for people ${ageRange(minimumAge, maximumAge)}.` };
  }
  if (why === 'language') {
    return { ...base, reason: 'language', text: `It works in ${service.languages.join(', ')} only.` };
  }
  if (reachOf(covers, nearestKm, query.maxTravelKm) !== null) return null;
  if (nearestKm === null) {
    return { ...base, reason: 'out of range', text: 'It has no places and does not cover this area.' };
  }
  return {
    ...base,
    reason: 'out of range',
    text: `Its nearest place is ${km(nearestKm)} away, beyond ${km(query.maxTravelKm)}, and it does not cover this area.`,
    distanceKm: Math.round(nearestKm * 1000) / 1000,
  };
}

function ageRange(minimumAge: number | null, maximumAge: number | null): string {
  if (minimumAge !== null && maximumAge !== null) return `aged ${minimumAge} to ${maximumAge}`;
  if (minimumAge !== null) return `aged ${minimumAge} or over`;
  if (maximumAge !== null) return `aged ${maximumAge} or under`;
  return 'of any age';
}

function themeReason(service: MatchService): RankReason {
  const count = new Set(service.themes).size;
  const points = count === 1 ? 10 : count === 2 ? 7 : 5;
  const text =
    count === 1 ? 'It works only on this theme.' : `It works on this theme and ${count - 1} other(s).`;
  return { factor: 'theme', points, text };
}

function languageReason(service: MatchService, query: RankQuery): RankReason {
  const spoken = query.circumstances?.languages ?? [];
  if (spoken.length === 0) return { factor: 'language', points: 10, text: 'No language was given.' };
  if (service.languages.length === 0) {
    return { factor: 'language', points: 5, text: 'Its languages are not recorded.' };
  }
  const offered = new Set(service.languages.map((l) => l.trim().toLowerCase()));
  const shared = spoken.filter((l) => offered.has(l.trim().toLowerCase()));
  return { factor: 'language', points: 10, text: `It works in ${shared.join(', ')}.` };
}

function capacityReason(service: MatchService, query: RankQuery): RankReason {
  if (service.capacity === null && query.unknownCapacity === undefined) {
    return { factor: 'capacity', points: 0, text: 'Its capacity is not recorded.' };
  }
  const capacity = effectiveCapacity(service, query.unknownCapacity ?? 0);
  const load = query.loads?.get(service.id) ?? 0;
  if (capacity <= 0) return { factor: 'capacity', points: 0, text: 'It has no capacity recorded.' };
  const room = Math.max(0, capacity - load);
  const text =
    room === 0
      ? `It is full: ${load} of ${capacity} places used.`
      : `It has room for ${room} more (${load} of ${capacity} places used).`;
  return { factor: 'capacity', points: round1((15 * room) / capacity), text };
}

function hoursReason(service: MatchService): RankReason {
  if (service.hoursPerWeek === null) {
    return { factor: 'hours', points: 0, text: 'Its opening hours are not recorded.' };
  }
  const points = round1(10 * Math.min(1, Math.max(0, service.hoursPerWeek) / 40));
  return { factor: 'hours', points, text: `It is open ${service.hoursPerWeek} hours a week.` };
}

function checkedReason(service: MatchService, today: string): RankReason {
  const checked = service.lastCheckedOn ? Date.parse(service.lastCheckedOn) : Number.NaN;
  if (Number.isNaN(checked))
    return { factor: 'checked', points: 0, text: 'Its details have never been checked.' };
  const now = new Date(today);
  const on = new Date(checked).toISOString().slice(0, 10);
  if (checked > monthsBefore(now, 6).getTime()) {
    return { factor: 'checked', points: 10, text: `Its details were checked on ${on}, within 6 months.` };
  }
  if (checked > monthsBefore(now, 12).getTime()) {
    return { factor: 'checked', points: 5, text: `Its details were checked on ${on}, within 12 months.` };
  }
  return { factor: 'checked', points: 0, text: `Its details were last checked on ${on}, over a year ago.` };
}

function accessReason(service: MatchService, query: RankQuery): RankReason {
  const needs = query.circumstances?.accessNeeds ?? [];
  if (needs.length === 0) return { factor: 'access', points: 5, text: 'No access needs were given.' };
  if (!service.accessibility) {
    return { factor: 'access', points: 0, text: 'Its accessibility is not recorded: ask before referring.' };
  }
  return {
    factor: 'access',
    points: 5,
    text: `Access needs: ${needs.join(', ')}. Its accessibility: ${service.accessibility}`,
  };
}

function rank(
  service: MatchService,
  query: RankQuery,
  covers: boolean,
  nearestKm: number | null,
): RankedService {
  const reach = reachOf(covers, nearestKm, query.maxTravelKm);
  const isCovering = reach?.reach === 'covers the area';
  const distance: RankReason = isCovering
    ? { factor: 'distance', points: 25, text: 'It serves people where they are in this area.' }
    : {
        factor: 'distance',
        points: round1(25 * Math.max(0, 1 - (nearestKm ?? 0) / Math.max(query.maxTravelKm, 1e-9))),
        text: `Its nearest place is ${km(nearestKm ?? 0)} away.`,
      };
  const { minimumAge, maximumAge } = service.eligibility;
  const age = query.circumstances?.age;
  const reasons: RankReason[] = [
    themeReason(service),
    {
      factor: 'eligibility',
      points: 10,
      text:
        age === undefined
          ? `It is for people ${ageRange(minimumAge, maximumAge)}; no age was given.`
          : `It is for people ${ageRange(minimumAge, maximumAge)}, which includes age ${age}.`,
    },
    languageReason(service, query),
    isCovering
      ? { factor: 'coverage', points: 5, text: 'It covers this area.' }
      : { factor: 'coverage', points: 0, text: 'It does not cover this area; people travel to it.' },
    distance,
    hoursReason(service),
    capacityReason(service, query),
    checkedReason(service, query.today),
    accessReason(service, query),
  ];
  return {
    serviceId: service.id,
    name: service.name,
    score: round1(reasons.reduce((sum, r) => sum + r.points, 0)),
    distanceKm: nearestKm === null ? null : Math.round(nearestKm * 1000) / 1000,
    reach: reach?.reach ?? 'nearby',
    reasons,
  };
}

export function rankServicesFor(query: RankQuery): ServiceRanking {
  const ranked: RankedService[] = [];
  const out: LeftOutService[] = [];
  for (const service of query.services) {
    const nearestKm = nearestPlaceKm(service, query.point);
    const covers = coversArea(service, query.areaCode, query.relatedAreaCodes);
    const excluded = leftOut(service, query, covers, nearestKm);
    if (excluded) out.push(excluded);
    else ranked.push(rank(service, query, covers, nearestKm));
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
  out.sort((a, b) => a.name.localeCompare(b.name));
  return { ranked, leftOut: out };
}
