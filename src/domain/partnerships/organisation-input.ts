import { isOrganisationKind, type OrganisationKind } from './organisation-kinds.js';

const identifierPattern = /^(GB-CHC-\d{6,8}|GB-COH-[A-Z0-9]{8}|GB-SC-SC\d{6}|GB-NIC-\d{6}|360G-[A-Z0-9-]+)$/;

export interface OrganisationInput {
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly identifier: string | null;
}

export type OrganisationCheck =
  | { ok: true; value: OrganisationInput }
  | { ok: false; problems: Readonly<Record<'name' | 'kind' | 'identifier', string>> };

/** Checks one organisation as typed on a form or read from a file; problems are written for people. */
export function checkOrganisationInput(raw: {
  name: string;
  kind: string;
  identifier: string;
}): OrganisationCheck {
  const name = raw.name.trim().replace(/\s+/g, ' ');
  const identifier = raw.identifier.trim().toUpperCase();
  const kind = raw.kind.trim().toLowerCase();
  const problems: Partial<Record<'name' | 'kind' | 'identifier', string>> = {};
  if (name.length < 2 || name.length > 160)
    problems.name = 'Enter the organisation’s name, from 2 to 160 characters';
  if (!isOrganisationKind(kind)) {
    problems.kind =
      'Select the kind of organisation: council, vcs, infrastructure, faith, social-enterprise or health';
  }
  if (identifier && !identifierPattern.test(identifier)) {
    problems.identifier =
      'Enter an identifier like GB-CHC-1234567 (a registered charity) or GB-COH-01234567 (a company), or leave it blank';
  }
  if (Object.keys(problems).length > 0 || !isOrganisationKind(kind)) {
    return { ok: false, problems: problems as Record<'name' | 'kind' | 'identifier', string> };
  }
  return { ok: true, value: { name, kind, identifier: identifier || null } };
}
