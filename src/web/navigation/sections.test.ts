import { describe, expect, it } from 'vitest';
import { partnershipRoles, type PartnershipRole } from '../../domain/accounts/roles.js';
import { breadcrumbsFor } from './breadcrumbs.js';
import { locate, partnershipNavigation, sections, visibleSections } from './sections.js';

const base = '/p/northmoor';

/** The menu before the information architecture was redone (issue 13): 15 to 19 items in two or three rows. */
const everyone = [
  '',
  'rounds',
  'actions',
  'organisations',
  'directory',
  'needs',
  'needs/map',
  'needs/gaps',
  'matching',
  'grants',
  'funding',
  'areas',
  '/guidance',
];
const oldMenu: Record<PartnershipRole, readonly string[]> = {
  'partnership-admin': [...everyone, 'members', 'audit', 'emails', 'imports'],
  'council-member': everyone,
  'vcs-member': everyone,
  viewer: everyone,
};
/** The old "Funding pipeline" item was a page of three links; those three pages are now in the Funding section. */
const pipelineLinks = ['funding/opportunities', 'commissioning', 'evidence'];

/** Where each page's link is now: the top-level item it is, or the section whose sub-navigation lists it. */
function reachable(role: PartnershipRole): Map<string, string> {
  const found = new Map<string, string>();
  for (const section of visibleSections(role)) {
    for (const page of section.pages) found.set(page.href ?? page.path, section.label);
  }
  return found;
}

describe('the partnership menu', () => {
  it.each(partnershipRoles)('has at most 7 top-level items for a %s', (role) => {
    const { items } = partnershipNavigation(role, base, '');
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(7);
    expect(items.map((item) => item.text)).toEqual(visibleSections(role).map((section) => section.label));
  });

  it.each([
    {
      role: 'partnership-admin',
      menu: 'Home Assessment Action plan Needs and resources Funding Guidance Settings',
    },
    { role: 'council-member', menu: 'Home Assessment Action plan Needs and resources Funding Guidance' },
    { role: 'vcs-member', menu: 'Home Assessment Action plan Needs and resources Funding Guidance' },
    { role: 'viewer', menu: 'Home Assessment Action plan Needs and resources Funding Guidance' },
  ] as const)('names the sections a $role sees', ({ role, menu }) => {
    expect(
      partnershipNavigation(role, base, '')
        .items.map((item) => item.text)
        .join(' '),
    ).toBe(menu);
  });

  it.each(partnershipRoles)('keeps every page of the old menu in some section for a %s', (role) => {
    const now = reachable(role);
    for (const target of [...oldMenu[role], ...pipelineLinks]) expect(now.get(target), target).toBeDefined();
  });

  it.each(partnershipRoles)('shows a %s no page their role cannot open', (role) => {
    const hidden = ['members', 'audit', 'emails', 'imports', 'settings/retention'];
    const now = reachable(role);
    for (const target of hidden) expect(now.has(target)).toBe(role === 'partnership-admin');
  });

  it('lists every page once, in exactly one section', () => {
    const addresses = sections.flatMap((section) => section.pages.map((page) => page.href ?? page.path));
    expect(new Set(addresses).size).toBe(addresses.length);
  });
});

describe('where an address belongs', () => {
  it.each([
    { path: '', section: 'Home', page: '' },
    { path: 'dashboard/print', section: 'Home', page: undefined },
    { path: 'rounds', section: 'Assessment', page: 'rounds' },
    { path: 'rounds/r1/workshop/P1', section: 'Assessment', page: 'rounds' },
    { path: 'actions/summary', section: 'Action plan', page: 'actions/summary' },
    { path: 'actions/a1/edit', section: 'Action plan', page: 'actions' },
    { path: 'needs/map', section: 'Needs and resources', page: 'needs/map' },
    { path: 'needs/mapping', section: 'Needs and resources', page: 'needs' },
    { path: 'needs/settings', section: 'Settings', page: 'needs/settings' },
    { path: 'postcode', section: 'Needs and resources', page: undefined },
    { path: 'funding/opportunities/o1', section: 'Funding', page: 'funding/opportunities' },
    { path: 'funding', section: 'Funding', page: 'funding' },
    { path: 'grants/matches', section: 'Funding', page: 'grants' },
    { path: '/guidance/warm-spaces', section: 'Guidance', page: '' },
    { path: 'imports/j1', section: 'Settings', page: 'imports' },
  ])('puts $path in $section', ({ path, section, page }) => {
    const located = locate(path);
    expect(located && sections[located.sectionIndex]?.label).toBe(section);
    expect(located?.page?.path).toBe(page);
  });

  it('marks the current section for the page itself and for the pages below it', () => {
    const onLanding = partnershipNavigation('viewer', base, 'needs').items;
    expect(onLanding.filter((item) => item.current)).toEqual([
      { href: `${base}/needs`, text: 'Needs and resources', current: 'page' },
    ]);
    const below = partnershipNavigation('viewer', base, 'needs/gaps').items;
    expect(below.filter((item) => item.current).map((item) => item.current)).toEqual(['true']);
    expect(partnershipNavigation('viewer', base, 'account/unknown').items.some((i) => i.current)).toBe(false);
  });

  it("lists a round's own pages under it, without the workshop for someone who cannot run it", () => {
    const forAdmin = partnershipNavigation('partnership-admin', base, 'rounds/r1/results', () => 'Autumn');
    const rounds = forAdmin.subNavigation.find((link) => link.text === 'Assessment rounds');
    expect(rounds?.children?.map((child) => [child.text, child.current ?? ''])).toEqual([
      ['Autumn', ''],
      ['Results', 'page'],
      ['Lead-member summary', ''],
      ['Workshop', ''],
      ['Full report', ''],
    ]);
    const forViewer = partnershipNavigation('viewer', base, 'rounds/r1', () => 'Autumn');
    const children = forViewer.subNavigation.find((link) => link.children)?.children ?? [];
    expect(children.map((child) => child.text)).not.toContain('Workshop');
    expect(partnershipNavigation('viewer', base, 'rounds/new').subNavigation.some((l) => l.children)).toBe(
      false,
    );
  });
});

describe('breadcrumbs', () => {
  const crumbs = (path: string, title?: string, name?: string) => {
    const navigation = partnershipNavigation('partnership-admin', base, path, () => name);
    return breadcrumbsFor(base, path, navigation, title, () => name)
      .map((crumb) => (crumb.href ? `${crumb.text} <${crumb.href.replace(base, '')}>` : crumb.text))
      .join(' / ');
  };

  it.each([
    { path: '', title: 'Home', expected: '' },
    { path: 'needs', title: 'Needs', expected: '' },
    {
      path: 'needs/map',
      title: 'Needs map',
      expected: 'Home </> / Needs and resources </needs> / Needs map',
    },
    {
      path: 'funding/opportunities/o1',
      title: 'Warm Homes',
      expected: 'Home </> / Funding </funding/opportunities> / Warm Homes',
    },
    {
      path: 'rounds/r1/results',
      title: 'Results',
      name: 'Autumn',
      expected: 'Home </> / Assessment </rounds> / Autumn </rounds/r1> / Results',
    },
    {
      path: 'needs/gaps/E05000001/food',
      title: 'Food in Moorside',
      expected: 'Home </> / Needs and resources </needs> / Gaps </needs/gaps> / Food in Moorside',
    },
    {
      path: 'members/invite',
      title: 'Invite someone',
      expected: 'Home </> / Settings </members> / Invite someone',
    },
    {
      path: '/guidance/warm-spaces',
      title: 'Warm spaces',
      expected: 'Home </> / Guidance </guidance> / Warm spaces',
    },
    { path: 'account', title: 'Your account', expected: '' },
  ])('gives $path the crumbs "$expected"', ({ path, title, name, expected }) => {
    expect(crumbs(path, title, name)).toBe(expected);
  });
});
