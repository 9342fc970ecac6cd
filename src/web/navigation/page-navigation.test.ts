import { describe, expect, it } from 'vitest';
import { pageNavigation, pathWithin, publicNavigation } from './page-navigation.js';

describe('the address below a partnership', () => {
  it.each([
    { url: '/p/x/', path: '' },
    { url: '/p/x', path: '' },
    { url: '/p/x/needs/map/?theme=food', path: 'needs/map' },
    { url: '/p/x/rounds/r1/results', path: 'rounds/r1/results' },
    { url: '/guidance/warm-spaces?q=1', path: '/guidance/warm-spaces' },
  ])('is "$path" for $url', ({ url, path }) => {
    expect(pathWithin(url, '/p/x')).toBe(path);
  });
});

describe('the menu outside a partnership', () => {
  it.each([
    { url: '/', current: 'Home', crumbs: '' },
    { url: '/guidance', current: 'Guidance', crumbs: '' },
    { url: '/guidance/warm-spaces', current: 'Guidance', crumbs: 'Home / Guidance / Warm spaces' },
    { url: '/guidances', current: '', crumbs: '' },
    { url: '/sign-in', current: '', crumbs: '' },
  ])('on $url marks "$current" and gives crumbs "$crumbs"', ({ url, current, crumbs }) => {
    const navigation = publicNavigation(url, { title: 'Warm spaces' });
    expect(navigation.nav.items.map((item) => item.text)).toEqual(['Home', 'Guidance']);
    const marked = navigation.nav.items.filter((item) => item.active || item.current);
    expect(marked.map((item) => item.text).join('')).toBe(current);
    expect(navigation.breadcrumbs.map((crumb) => crumb.text).join(' / ')).toBe(crumbs);
  });
});

describe('a partnership page', () => {
  const input = {
    partnership: { slug: 'x', name: 'Northmoor' },
    role: 'viewer' as const,
    url: '/p/x/rounds/r1/results',
    context: { title: 'Results', view: { round: { id: 'r1', name: 'Autumn check' } } },
    isErrorPage: false,
  };

  it('names the round in the crumbs from what the page shows, and hides a back link that repeats a crumb', () => {
    const navigation = pageNavigation({
      ...input,
      context: { ...input.context, backLink: { href: '/p/x/rounds' } },
    });
    expect(navigation.breadcrumbs.map((crumb) => crumb.text)).toEqual([
      'Home',
      'Assessment',
      'Autumn check',
      'Results',
    ]);
    expect(navigation.backLinkIsCrumb).toBe(true);
    expect(navigation.subNavigation?.label).toBe('Assessment');
    expect(navigation.nav.items.filter((item) => item.active).map((item) => item.text)).toEqual([
      'Assessment',
    ]);
  });

  it('gives an error page the menu but no crumbs', () => {
    const navigation = pageNavigation({ ...input, isErrorPage: true });
    expect(navigation.breadcrumbs).toEqual([]);
    expect(navigation.nav.items.length).toBe(6);
  });
});
