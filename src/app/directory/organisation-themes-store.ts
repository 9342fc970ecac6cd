import type { OrganisationThemeAssignment } from '../../domain/directory/organisation-themes.js';

/** An organisation that lists no service, counting for a theme (suggested or confirmed). */
export interface ThemedOrganisationWithoutServices {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly themeId: string;
  readonly status: 'suggested' | 'confirmed';
  readonly matched: readonly string[];
}

/** How many organisations count for a theme (not set aside), and how many of them list no service. */
export interface OrganisationThemeCount {
  readonly themeId: string;
  readonly organisations: number;
  readonly withoutServices: number;
}

/** The themes organisations work on, as suggested by the classifier and decided by members. */
export interface OrganisationThemeStore {
  /** The assignments of these organisations of the partnership, or of all its organisations. */
  list(partnershipId: string, organisationIds?: readonly string[]): Promise<OrganisationThemeAssignment[]>;
  /** Writes assignments, replacing any for the same organisation and theme. */
  save(partnershipId: string, assignments: readonly OrganisationThemeAssignment[]): Promise<void>;
  /** Removes these themes of an organisation. */
  remove(partnershipId: string, organisationId: string, themeIds: readonly string[]): Promise<void>;
  /**
   * Organisations of the partnership that list no service in the directory, with each theme they count for (not
   * set aside), by organisation name: potential provision. With `themeId`, only that theme.
   */
  withoutServices(partnershipId: string, themeId?: string): Promise<ThemedOrganisationWithoutServices[]>;
  /** For each theme any organisation of the partnership counts for, by theme id: one query, for the gaps. */
  countsByTheme(partnershipId: string): Promise<OrganisationThemeCount[]>;
  /** The themes of each organisation's services (one row per organisation and theme), for the export. */
  serviceThemes(partnershipId: string): Promise<{ organisationId: string; themeId: string }[]>;
}
