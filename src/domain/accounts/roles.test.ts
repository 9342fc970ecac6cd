import { describe, expect, it } from 'vitest';
import { isPartnershipRole, roleAllows, type Permission, type PartnershipRole } from './roles.js';

describe('roleAllows', () => {
  const cases: [PartnershipRole, Permission, boolean][] = [
    ['partnership-admin', 'manage-members', true],
    ['partnership-admin', 'read-audit-log', true],
    ['council-member', 'manage-members', false],
    ['council-member', 'edit', true],
    ['vcs-member', 'edit', true],
    ['vcs-member', 'read-outbox', false],
    ['viewer', 'edit', false],
    ['viewer', 'read-audit-log', false],
    ['partnership-admin', 'run-matching', true],
    ['council-member', 'run-matching', true],
    ['vcs-member', 'run-matching', false],
    ['viewer', 'run-matching', false],
  ];
  it.each(cases)('%s may %s: %s', (role, permission, expected) => {
    expect(roleAllows(role, permission)).toBe(expected);
  });
});

describe('isPartnershipRole', () => {
  it.each([
    ['viewer', true],
    ['partnership-admin', true],
    ['national-admin', false],
    ['admin', false],
    [undefined, false],
  ])('%s -> %s', (value, expected) => expect(isPartnershipRole(value)).toBe(expected));
});
