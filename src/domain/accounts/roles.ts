/** Roles a person holds in a partnership. `national-admin` is held on the account, not in a partnership. */
export const partnershipRoles = ['partnership-admin', 'council-member', 'vcs-member', 'viewer'] as const;
export type PartnershipRole = (typeof partnershipRoles)[number];

export const roleLabels: Record<PartnershipRole, string> = {
  'partnership-admin': 'Partnership admin',
  'council-member': 'Council member',
  'vcs-member': 'Voluntary and community sector member',
  viewer: 'Viewer',
};

export const roleDescriptions: Record<PartnershipRole, string> = {
  'partnership-admin': 'Runs the partnership: invites people, changes roles and manages all records.',
  'council-member': 'Works for or represents the council; takes part and edits council records.',
  'vcs-member': 'Works for a voluntary, community or faith organisation; edits their organisation’s records.',
  viewer: 'Can read the partnership’s pages but change nothing.',
};

export function isPartnershipRole(value: unknown): value is PartnershipRole {
  return typeof value === 'string' && (partnershipRoles as readonly string[]).includes(value);
}

export type Permission =
  | 'manage-members'
  | 'read-audit-log'
  | 'read-outbox'
  | 'manage-organisations'
  | 'import-data'
  | 'manage-settings'
  | 'edit'
  /** Start allocation runs and what-ifs (matching needs to services): admins and council members. */
  | 'run-matching';

const permissions: Record<PartnershipRole, readonly Permission[]> = {
  'partnership-admin': [
    'manage-members',
    'read-audit-log',
    'read-outbox',
    'manage-organisations',
    'import-data',
    'manage-settings',
    'edit',
    'run-matching',
  ],
  'council-member': ['edit', 'run-matching'],
  'vcs-member': ['edit'],
  viewer: [],
};

export function roleAllows(role: PartnershipRole, permission: Permission): boolean {
  return permissions[role].includes(permission);
}
