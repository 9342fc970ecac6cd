import type { Store } from '../ports.js';
import type { SupplyService } from './matching-supply.js';

/** An organisation whose work matches a theme, with the evidence for it in plain words. */
export interface ThemeOrganisation {
  readonly id: string;
  readonly name: string;
  /** Why it is offered: "Runs Debt advice (not open at the moment)", "Bidding for the Warm Homes Fund". */
  readonly why: string;
}

/** How many organisations "who can help" offers when no service can help. */
export const organisationsOffered = 5;

/** Organisations that work on a theme but list no service: potential provision, never counted as services. */
export interface PotentialOrganisations {
  /** How many there are in the partnership. */
  readonly total: number;
  /** The first few, by name, each with the evidence. */
  readonly organisations: readonly ThemeOrganisation[];
}

const quoted = (words: readonly string[]) => words.map((w) => `“${w}”`).join(', ');

/** The partnership's organisations whose themes (suggested from their own words, or confirmed) include this one. */
export async function potentialProvisionFor(
  store: Store,
  partnershipId: string,
  theme: string,
): Promise<PotentialOrganisations> {
  const rows = await store.organisationThemes.withoutServices(partnershipId, theme);
  return {
    total: rows.length,
    organisations: rows.slice(0, organisationsOffered).map((row) => ({
      id: row.organisationId,
      name: row.organisationName,
      why:
        row.matched.length > 0
          ? `Lists no service; its own words match ${quoted(row.matched)}`
          : 'Lists no service; a member says it works on this',
    })),
  };
}

/**
 * Organisations whose work matches the theme: organisations bidding for funding on the theme, organisations
 * whose services have the theme but cannot help here (closed, or with no place in reach), then organisations
 * whose own words match the theme but which list no service (potential provision).
 */
export async function organisationsWorkingOn(
  store: Store,
  partnershipId: string,
  theme: string,
  themeServices: readonly SupplyService[],
): Promise<ThemeOrganisation[]> {
  const found = new Map<string, { why: string[] }>();
  const note = (organisationId: string, why: string) => {
    const entry = found.get(organisationId) ?? { why: [] };
    if (!entry.why.includes(why)) entry.why.push(why);
    found.set(organisationId, entry);
  };
  const [opportunities, interests] = await Promise.all([
    store.funding.listOpportunities(partnershipId),
    store.funding.listInterests(partnershipId),
  ]);
  const onTheme = new Map(
    opportunities.filter((o) => o.themes.includes(theme)).map((o) => [o.id, `${o.funder}: ${o.fundName}`]),
  );
  for (const interest of interests) {
    const fund = onTheme.get(interest.opportunityId);
    if (fund) note(interest.organisationId, `Bidding for ${fund}`);
  }
  const records = await store.directory.servicesWithIds(
    partnershipId,
    themeServices.filter((s) => s.themes.includes(theme)).map((s) => s.id),
    'fields',
  );
  const openById = new Map(themeServices.map((s) => [s.id, s.open]));
  for (const record of records) {
    const open = openById.get(record.id) ?? false;
    note(record.organisationId, `Runs ${record.details.name}${open ? '' : ' (not open at the moment)'}`);
  }
  const organisations = await store.directory.organisationsWithIds(partnershipId, [...found.keys()]);
  const linked = organisations
    .filter((o) => !o.isPlaceholder)
    .map((o) => ({ id: o.id, name: o.name, why: (found.get(o.id)?.why ?? []).join('; ') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  const potential = (await potentialProvisionFor(store, partnershipId, theme)).organisations.filter(
    (o) => !found.has(o.id),
  );
  return [...linked, ...potential].slice(0, organisationsOffered);
}
