import { matchRecord, sections, type PartnershipNavigation } from './sections.js';

export interface Breadcrumb {
  readonly text: string;
  /** Absent on the last crumb: the page itself. */
  readonly href?: string;
}

/**
 * Addresses between a section's pages and the page itself that deserve a crumb, with a label for when the page
 * does not name its record. Addresses missing here (such as `directory/services`) have no page of their own.
 */
export const crumbLabels: Readonly<Record<string, string>> = {
  'rounds/:roundId': 'Round',
  'rounds/:roundId/results': 'Results',
  'rounds/:roundId/summary': 'Lead-member summary',
  'rounds/:roundId/report': 'Full report',
  'rounds/:roundId/workshop': 'Workshop',
  'rounds/:roundId/workshop/summary': 'Workshop summary',
  'actions/:actionId': 'Action',
  'areas/:code': 'Area',
  'commissioning/:intentionId': 'Commissioning intention',
  'directory/organisations/:organisationId': 'Organisation',
  'directory/services/:serviceId': 'Service',
  'funding/opportunities/:opportunityId': 'Funding opportunity',
  'matching/runs/:runId': 'Allocation run',
  'needs/gaps/:areaCode/:theme': 'Gap explained',
  'imports/:jobId': 'Import',
  'dashboard/print': 'Print view',
};

function labelledPattern(prefix: string): string | undefined {
  return Object.keys(crumbLabels).find((pattern) => matchRecord(prefix, pattern) === prefix);
}

/** The address's ancestors: `rounds/1/results` gives `rounds`, `rounds/1`, `rounds/1/results`. */
function prefixesOf(path: string): string[] {
  const segments = path.split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}

/**
 * Breadcrumbs for a page below the top level: Home, its section, the pages between, and the page itself
 * (named by `title`). None on the home page or a section's landing page, nor outside any visible section.
 * `recordName` names a record from its address (`rounds/1` gives the round's name) when the page knows it.
 */
export function breadcrumbsFor(
  base: string,
  path: string,
  navigation: PartnershipNavigation,
  title: string | undefined,
  recordName: (recordPath: string) => string | undefined = () => undefined,
): Breadcrumb[] {
  const section = navigation.section;
  if (path === '' || !section || path === section.landingPath) return [];
  const home = sections[0]?.pages[0];
  const crumbs: Breadcrumb[] = [{ text: home?.label ?? 'Home', href: `${base}/` }];
  if (section.landingPath !== '') crumbs.push({ text: section.label, href: section.landingHref });
  // A section outside the partnership (guidance) has no pages between its landing page and this one.
  if (section.landingPath.startsWith('/')) return title ? [...crumbs, { text: title }] : crumbs;
  for (const prefix of prefixesOf(path)) {
    if (prefix === section.landingPath) continue;
    const isLast = prefix === path;
    // Other pages of the section are beside this one, not above it: only the page it sits under is a crumb.
    const page = section.page && section.page.path === prefix ? section.page : undefined;
    const pattern = page ? undefined : labelledPattern(prefix);
    const text = crumbText(prefix, isLast, page?.label, pattern, title, recordName);
    if (!text || (!page && !pattern && !isLast)) continue;
    crumbs.push(isLast ? { text } : { text, href: `${base}/${prefix}` });
  }
  return crumbs;
}

function crumbText(
  prefix: string,
  isLast: boolean,
  pageLabel: string | undefined,
  pattern: string | undefined,
  title: string | undefined,
  recordName: (recordPath: string) => string | undefined,
): string | undefined {
  if (pageLabel) return pageLabel;
  if (!pattern) return isLast ? title : undefined;
  const isRecord = pattern.split('/').at(-1)?.startsWith(':') ?? false;
  if (!isRecord) return crumbLabels[pattern];
  return recordName(prefix) ?? (isLast ? title : undefined) ?? crumbLabels[pattern];
}
