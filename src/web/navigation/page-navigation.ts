import type { PartnershipRole } from '../../domain/accounts/roles.js';
import { breadcrumbsFor, type Breadcrumb } from './breadcrumbs.js';
import { recordNamesFrom } from './record-names.js';
import { partnershipNavigation, type NavigationLink, type SubNavigationLink } from './sections.js';

export interface PageNavigationInput {
  readonly partnership: { readonly slug: string; readonly name: string };
  readonly role: PartnershipRole;
  /** The address asked for, with or without its query. */
  readonly url: string;
  /** What the page's template is given: its title, and the records it shows (to name them in crumbs). */
  readonly context: Record<string, unknown>;
  /** Error pages get the menu but no breadcrumbs: they are not a place in the service. */
  readonly isErrorPage: boolean;
}

/** What base.njk renders: the service navigation, the section's sub-navigation and the breadcrumbs. */
export interface PageNavigation {
  readonly nav: {
    /** The menu's accessible name: "Partnership menu" inside a partnership. */
    readonly label: string;
    /** The partnership's name; none outside a partnership, where the header already says Common Ground. */
    readonly serviceName?: string;
    readonly serviceUrl: string;
    readonly items: readonly { href: string; text: string; active: boolean; current: boolean }[];
  };
  readonly subNavigation?: { readonly label: string; readonly items: readonly SubNavigationLink[] };
  readonly breadcrumbs: readonly Breadcrumb[];
  /** The page's back link goes where a crumb goes, so saying it twice is left out. */
  readonly backLinkIsCrumb: boolean;
}

/** The address below the partnership, without query or trailing slash: `/p/x/needs/map/?a=1` gives `needs/map`. */
export function pathWithin(url: string, base: string): string {
  const pathname = url.split('?')[0] ?? '';
  if (!pathname.startsWith(`${base}/`)) return pathname === base ? '' : pathname;
  return pathname.slice(base.length + 1).replace(/\/+$/, '');
}

const serviceNavigationItem = (link: NavigationLink) => ({
  href: link.href,
  text: link.text,
  active: link.current === 'true',
  current: link.current === 'page',
});

export function pageNavigation(input: PageNavigationInput): PageNavigation {
  const base = `/p/${input.partnership.slug}`;
  const path = pathWithin(input.url, base);
  const recordName = recordNamesFrom(input.context);
  const navigation = partnershipNavigation(input.role, base, path, recordName);
  const title = typeof input.context['title'] === 'string' ? input.context['title'] : undefined;
  const sectionLabel = navigation.section?.label;
  const breadcrumbs = input.isErrorPage ? [] : breadcrumbsFor(base, path, navigation, title, recordName);
  const backLink = input.context['backLink'] as { href?: unknown } | undefined;
  return {
    nav: {
      label: 'Partnership menu',
      serviceName: input.partnership.name,
      serviceUrl: `${base}/`,
      items: navigation.items.map(serviceNavigationItem),
    },
    ...(sectionLabel && navigation.subNavigation.length
      ? { subNavigation: { label: sectionLabel, items: navigation.subNavigation } }
      : {}),
    breadcrumbs,
    backLinkIsCrumb: breadcrumbs.some((crumb) => crumb.href !== undefined && crumb.href === backLink?.href),
  };
}

/** Pages a signed-out visitor can open from the menu: the start page and the public guidance. */
const publicSections = [
  { href: '/', text: 'Home' },
  { href: '/guidance', text: 'Guidance' },
] as const;

/**
 * The menu on pages outside any partnership for someone with no partnership to show (signed out, say), with
 * breadcrumbs on a guidance article.
 */
export function publicNavigation(url: string, context: Record<string, unknown> = {}): PageNavigation {
  const pathname = url.split('?')[0] ?? '';
  const items = publicSections.map((link) => {
    const isWithin = link.href === '/' ? pathname === '/' : isWithinAddress(pathname, link.href);
    const current = pathname === link.href;
    return { href: link.href, text: link.text, active: isWithin && !current, current: isWithin && current };
  });
  const title = typeof context['title'] === 'string' ? context['title'] : undefined;
  const breadcrumbs =
    pathname.startsWith('/guidance/') && title
      ? [{ text: 'Home', href: '/' }, { text: 'Guidance', href: '/guidance' }, { text: title }]
      : [];
  const backLink = context['backLink'] as { href?: unknown } | undefined;
  return {
    nav: { label: 'Menu', serviceUrl: '/', items },
    breadcrumbs,
    backLinkIsCrumb: breadcrumbs.some((crumb) => crumb.href !== undefined && crumb.href === backLink?.href),
  };
}

const isWithinAddress = (pathname: string, address: string) =>
  pathname === address || pathname.startsWith(`${address}/`);
