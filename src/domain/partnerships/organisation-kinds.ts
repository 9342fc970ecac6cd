export const organisationKinds = [
  'council',
  'vcs',
  'infrastructure',
  'faith',
  'social-enterprise',
  'health',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  council: 'Council',
  vcs: 'Voluntary or community organisation',
  infrastructure: 'Infrastructure body (for example a council for voluntary service)',
  faith: 'Faith group',
  'social-enterprise': 'Social enterprise',
  health: 'Health body',
};

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (organisationKinds as readonly string[]).includes(value);
}
