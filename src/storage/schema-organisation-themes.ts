/** Row shape of the organisations' themes (migration 0030). */

export interface OrganisationThemesTable {
  organisation_id: string;
  partnership_id: string;
  theme_id: string;
  /** suggested, confirmed or rejected. */
  status: string;
  /** The words that matched, joined by a newline (words never hold one); empty when a member added the theme. */
  matched: string;
  decided_by: string | null;
  decided_at: string | null;
}
