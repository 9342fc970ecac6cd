import type { OrganisationThemeDeps } from './directory-deps.js';
import type { ThemedOrganisationWithoutServices } from './organisation-themes-store.js';

/** Potential provision for one theme: organisations whose work matches it but which list no service. */
export interface PotentialProvision {
  readonly themeId: string;
  readonly organisations: readonly ThemedOrganisationWithoutServices[];
}

/**
 * Organisations without services, by theme, that count as potential provision (separate from confirmed
 * services): every theme of the vocabulary, in its order, with the organisations (by name) whose themes include
 * it, confirmed or suggested. For gaps ("thin provision"), the map and who-can-help.
 */
export async function potentialProvision(
  deps: OrganisationThemeDeps,
  partnershipId: string,
  themeId?: string,
): Promise<PotentialProvision[]> {
  const rows = await deps.store.organisationThemes.withoutServices(partnershipId, themeId);
  const byTheme = new Map<string, ThemedOrganisationWithoutServices[]>();
  for (const row of rows) byTheme.set(row.themeId, [...(byTheme.get(row.themeId) ?? []), row]);
  return deps.themes.themes
    .filter((t) => themeId === undefined || t.id === themeId)
    .map((t) => ({ themeId: t.id, organisations: byTheme.get(t.id) ?? [] }));
}

/** What the partnership's directory holds for one theme, to tell missing data from unmet need. */
export interface ThemeProvisionData {
  readonly themeId: string;
  /** Services in the directory with the theme. */
  readonly services: number;
  /** Organisations that count for the theme (confirmed or suggested), with or without services. */
  readonly organisations: number;
  /** Of those, how many list no service: potential provision. */
  readonly organisationsWithoutServices: number;
  /**
   * False when the whole partnership has no service and no organisation for the theme: its gaps are "no
   * provision data" (import or add them), not unmet need.
   */
  readonly hasProvisionData: boolean;
}

/** Every theme of the vocabulary, in its order, with how many services and organisations the partnership has. */
export async function provisionDataByTheme(
  deps: OrganisationThemeDeps,
  partnershipId: string,
): Promise<ThemeProvisionData[]> {
  const [serviceCounts, organisationCounts] = await Promise.all([
    deps.store.directory.themeCounts(partnershipId),
    deps.store.organisationThemes.countsByTheme(partnershipId),
  ]);
  const byTheme = new Map(organisationCounts.map((c) => [c.themeId, c]));
  return deps.themes.themes.map((t) => {
    const services = serviceCounts[t.id] ?? 0;
    const counted = byTheme.get(t.id);
    return {
      themeId: t.id,
      services,
      organisations: counted?.organisations ?? 0,
      organisationsWithoutServices: counted?.withoutServices ?? 0,
      hasProvisionData: services + (counted?.organisations ?? 0) > 0,
    };
  });
}
