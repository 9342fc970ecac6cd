import { roleAllows, type Permission, type PartnershipRole } from '../../domain/accounts/roles.js';

/** A page listed in a section's sub-navigation. `path` is relative to the partnership, such as `needs/map`. */
export interface SectionPage {
  readonly path: string;
  readonly label: string;
  readonly permission?: Permission;
  /** An address outside the partnership (guidance is shared by every partnership). */
  readonly href?: string;
  /** Pages about one record below this page, listed under it when the address is about that record. */
  readonly record?: RecordPages;
}

/** The pages about one record, such as a round's results, summary and workshop. */
export interface RecordPages {
  /** The record's address, such as `rounds/:roundId`. */
  readonly pattern: string;
  readonly pages: readonly {
    readonly path: string;
    readonly label: string;
    readonly permission?: Permission;
  }[];
}

export interface Section {
  readonly label: string;
  /** The first page the role can see is the section's landing page, where its top-level link goes. */
  readonly pages: readonly SectionPage[];
  /** Other addresses that belong to the section without being listed in it. */
  readonly alsoCovers?: readonly string[];
}

/** The partnership's information architecture: every top-level item, and the pages inside each. */
export const sections: readonly Section[] = [
  { label: 'Home', pages: [{ path: '', label: 'Home' }], alsoCovers: ['dashboard'] },
  {
    label: 'Assessment',
    pages: [
      {
        path: 'rounds',
        label: 'Assessment rounds',
        record: {
          pattern: 'rounds/:roundId',
          pages: [
            { path: '', label: 'Overview' },
            { path: 'results', label: 'Results' },
            { path: 'summary', label: 'Lead-member summary' },
            { path: 'workshop', label: 'Workshop', permission: 'manage-members' },
            { path: 'report', label: 'Full report' },
          ],
        },
      },
      { path: 'benchmarks', label: 'National benchmarks' },
    ],
  },
  {
    label: 'Action plan',
    pages: [
      { path: 'actions', label: 'Action plan' },
      { path: 'actions/summary', label: 'Progress summary' },
    ],
  },
  {
    label: 'Needs and resources',
    pages: [
      { path: 'needs', label: 'Needs' },
      { path: 'needs/map', label: 'Needs map' },
      { path: 'needs/gaps', label: 'Gaps' },
      { path: 'matching', label: 'Matching' },
      { path: 'who-can-help', label: 'Who can help' },
      { path: 'organisations', label: 'Organisations' },
      { path: 'directory', label: 'Directory' },
      { path: 'areas', label: 'Areas' },
    ],
    alsoCovers: ['postcode'],
  },
  {
    label: 'Funding',
    pages: [
      { path: 'funding/opportunities', label: 'Funding opportunities' },
      { path: 'funding', label: 'Funding against need' },
      { path: 'grants', label: 'Grants' },
      { path: 'commissioning', label: 'Commissioning intentions' },
      { path: 'evidence', label: 'Evidence packs' },
    ],
  },
  { label: 'Guidance', pages: [{ path: '', href: '/guidance', label: 'Guidance' }] },
  {
    label: 'Settings',
    pages: [
      { path: 'members', label: 'Members', permission: 'manage-members' },
      { path: 'imports', label: 'Imports', permission: 'import-data' },
      { path: 'needs/settings', label: 'Needs map settings', permission: 'manage-settings' },
      { path: 'settings/retention', label: 'How long answers are kept', permission: 'manage-settings' },
      { path: 'settings/national', label: 'National settings', permission: 'manage-settings' },
      { path: 'audit', label: 'Audit log', permission: 'read-audit-log' },
      { path: 'emails', label: 'Emails sent', permission: 'read-outbox' },
    ],
  },
];

export interface NavigationLink {
  readonly href: string;
  readonly text: string;
  /** `page` when the address is this page, `true` when it is below it. */
  readonly current?: 'page' | 'true';
}

export interface SubNavigationLink extends NavigationLink {
  readonly children?: readonly NavigationLink[];
}

export interface PartnershipNavigation {
  readonly items: readonly NavigationLink[];
  /** The section the address belongs to, if the role can see it. */
  readonly section?: {
    readonly label: string;
    readonly landingHref: string;
    readonly landingPath: string;
    /** The section's page the address is, or is below. */
    readonly page?: SectionPage;
  };
  /** The section's pages, shown only when it has more than one. */
  readonly subNavigation: readonly SubNavigationLink[];
}

const visible = (role: PartnershipRole, page: { readonly permission?: Permission }) =>
  !page.permission || roleAllows(role, page.permission);

export function visibleSections(role: PartnershipRole): { label: string; pages: SectionPage[] }[] {
  return sections
    .map((section) => ({ label: section.label, pages: section.pages.filter((page) => visible(role, page)) }))
    .filter((section) => section.pages.length > 0);
}

/** Whether `path` is `prefix` or below it, segment by segment (`needs/mapping` is not below `needs/map`). */
export function isWithin(path: string, prefix: string): boolean {
  if (prefix === '') return path === '';
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Matches `rounds/:roundId` against the start of an address, giving the record's own address. */
export function matchRecord(path: string, pattern: string): string | undefined {
  const wanted = pattern.split('/');
  const given = path.split('/');
  if (given.length < wanted.length) return undefined;
  // `rounds/new` is the form for a new round, not a round.
  const matches = wanted.every((segment, i) =>
    segment.startsWith(':') ? given[i] !== 'new' : segment === given[i],
  );
  return matches ? given.slice(0, wanted.length).join('/') : undefined;
}

interface Located {
  readonly sectionIndex: number;
  readonly page?: SectionPage;
}

/** The section an address belongs to: the longest page address it falls within. */
export function locate(path: string): Located | undefined {
  let best: { located: Located; length: number } | undefined;
  sections.forEach((section, sectionIndex) => {
    for (const page of section.pages) {
      // A page outside the partnership (guidance) is matched by its own address, which starts with a slash.
      const address = page.href ?? page.path;
      if (isWithin(path, address) && (!best || address.length >= best.length))
        best = { located: { sectionIndex, page }, length: address.length };
    }
    for (const covered of section.alsoCovers ?? []) {
      if (isWithin(path, covered) && (!best || covered.length > best.length))
        best = { located: { sectionIndex }, length: covered.length };
    }
  });
  return best?.located;
}

type Currentness = NavigationLink['current'];

function navigationLink(href: string, text: string, current: Currentness): NavigationLink {
  return current ? { href, text, current } : { href, text };
}

function hrefOf(base: string, page: SectionPage): string {
  return page.href ?? `${base}/${page.path}`;
}

/**
 * The navigation for one role at one address (`path` relative to the partnership's `base`, no query).
 * `recordName` names the record the address is about (a round's name), for its pages in the sub-navigation.
 */
export function partnershipNavigation(
  role: PartnershipRole,
  base: string,
  path: string,
  recordName?: (recordPath: string) => string | undefined,
): PartnershipNavigation {
  const located = locate(path);
  const own = located && sections[located.sectionIndex];
  const shown = visibleSections(role);
  const items = shown.map((section) => {
    const landing = section.pages[0] as SectionPage;
    const isOwn = own?.label === section.label;
    const current: Currentness = isOwn
      ? path === (landing.href ?? landing.path)
        ? 'page'
        : 'true'
      : undefined;
    return navigationLink(hrefOf(base, landing), section.label, current);
  });
  const ownVisible = own && shown.find((section) => section.label === own.label);
  if (!ownVisible) return { items, subNavigation: [] };
  const landing = ownVisible.pages[0] as SectionPage;
  const page = located?.page && ownVisible.pages.includes(located.page) ? located.page : undefined;
  const section = {
    label: ownVisible.label,
    landingHref: hrefOf(base, landing),
    landingPath: landing.href ?? landing.path,
    page,
  };
  const subNavigation =
    ownVisible.pages.length < 2
      ? []
      : ownVisible.pages.map((page) => subNavigationLink(role, base, path, page, located?.page, recordName));
  return { items, section, subNavigation };
}

function subNavigationLink(
  role: PartnershipRole,
  base: string,
  path: string,
  page: SectionPage,
  currentPage: SectionPage | undefined,
  recordName?: (recordPath: string) => string | undefined,
): SubNavigationLink {
  const href = hrefOf(base, page);
  const isCurrent = currentPage === page;
  const link = navigationLink(
    href,
    page.label,
    isCurrent ? (path === page.path ? 'page' : 'true') : undefined,
  );
  const recordPath = isCurrent && page.record ? matchRecord(path, page.record.pattern) : undefined;
  if (!page.record || !recordPath) return link;
  const name = recordName?.(recordPath);
  const children = page.record.pages
    .filter((child) => visible(role, child))
    .map((child) => {
      const childPath = child.path ? `${recordPath}/${child.path}` : recordPath;
      const here: Currentness =
        path === childPath ? 'page' : isWithin(path, childPath) && child.path ? 'true' : undefined;
      return navigationLink(`${base}/${childPath}`, child.path === '' && name ? name : child.label, here);
    });
  return { ...link, children };
}
