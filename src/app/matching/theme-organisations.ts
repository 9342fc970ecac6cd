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

/**
 * SEAM (issue 14, organisation themes): organisations whose work matches the theme. Until organisations carry
 * their own classified themes, this reads the theme links that already exist: organisations bidding for funding
 * on the theme, and organisations whose services have the theme but cannot help here (closed, or with no place
 * in reach). When organisation themes land, add the organisations classified to the theme (potential provision)
 * here, and every caller (who can help) shows them.
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
  return organisations
    .filter((o) => !o.isPlaceholder)
    .map((o) => ({ id: o.id, name: o.name, why: (found.get(o.id)?.why ?? []).join('; ') }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .slice(0, organisationsOffered);
}
