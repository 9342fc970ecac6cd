/**
 * The partnership's reach rule: how far from an area a service still counts for it, by the area's rural-urban
 * class. One rule for every page (needs map, gaps, who can help, allocation, commissioning), so a service that
 * counts on one page counts on all. docs/needs-scoring.md gives the defaults and why.
 */

/** An area's settlement class, from the 2021 Rural-Urban Classification of its LSOAs. */
export const reachClasses = ['urban', 'town', 'rural'] as const;
export type ReachClass = (typeof reachClasses)[number];

/** Kilometres for each class. */
export type ReachRule = { readonly [K in ReachClass]: number };

/**
 * A 40-minute walk or a short bus ride in towns and cities; a short bus or car journey from a small town or
 * larger village; a longer drive from smaller villages and the countryside.
 */
export const defaultReachRule: ReachRule = { urban: 3, town: 6, rural: 10 };

/** How each class is named on the pages. */
export const reachClassNames: Readonly<Record<ReachClass, string>> = {
  urban: 'towns and cities',
  town: 'small towns and larger villages',
  rural: 'smaller villages and the countryside',
};

/** The reach for an area of this class; an area whose class is not known is treated as urban. */
export function reachKmFor(rule: ReachRule, reachClass: ReachClass | null | undefined): number {
  return rule[reachClass ?? 'urban'];
}

/**
 * The class from the share of an area that is rural, as the Rural-Urban Classification indicator stores it
 * (0 urban, 0.5 larger rural, 1 smaller rural; a ward or authority holds its LSOAs' population-weighted mean).
 */
export function reachClassOf(ruralShare: number | null | undefined): ReachClass | null {
  if (ruralShare === null || ruralShare === undefined || !Number.isFinite(ruralShare)) return null;
  if (ruralShare < 0.25) return 'urban';
  if (ruralShare < 0.75) return 'town';
  return 'rural';
}

const kmText = (km: number) => `${km.toLocaleString('en-GB', { maximumFractionDigits: 2 })} km`;

/** The whole rule in one sentence, for pages about every area. */
export function describeReachRule(rule: ReachRule): string {
  const [urban, town, rural] = reachClasses.map((c) => `${kmText(rule[c])} in ${reachClassNames[c]}`);
  return `Services count for an area when they are within ${urban}, ${town} and ${rural}: the partnership’s reach rule.`;
}

/** The rule for one area, for pages about one area or one need. */
export function describeReachHere(rule: ReachRule, reachClass: ReachClass | null | undefined): string {
  const c = reachClass ?? 'urban';
  return `Services count within ${kmText(rule[c])} of this area (${reachClassNames[c]}): the partnership’s reach rule.`;
}
