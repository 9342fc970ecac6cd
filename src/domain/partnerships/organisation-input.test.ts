import { describe, expect, it } from 'vitest';
import { checkOrganisationInput } from './organisation-input.js';

describe('checkOrganisationInput', () => {
  it.each([
    [
      { name: ' Northmoor  Food Bank ', kind: 'VCS', identifier: 'gb-chc-1234567' },
      { name: 'Northmoor Food Bank', kind: 'vcs', identifier: 'GB-CHC-1234567' },
    ],
    [
      { name: 'Riverside CIC', kind: 'social-enterprise', identifier: 'GB-COH-14123456' },
      { name: 'Riverside CIC', kind: 'social-enterprise', identifier: 'GB-COH-14123456' },
    ],
    [
      { name: 'St Aidan’s', kind: 'faith', identifier: '' },
      { name: 'St Aidan’s', kind: 'faith', identifier: null },
    ],
  ])('accepts %o', (raw, expected) => {
    expect(checkOrganisationInput(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [{ name: 'X', kind: 'vcs', identifier: '' }, ['name']],
    [{ name: 'Good name', kind: 'charity', identifier: '' }, ['kind']],
    [{ name: 'Good name', kind: 'vcs', identifier: 'CHC 123' }, ['identifier']],
    [{ name: '', kind: '', identifier: 'nope' }, ['name', 'kind', 'identifier']],
  ])('rejects %o', (raw, fields) => {
    const result = checkOrganisationInput(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems).sort()).toEqual([...fields].sort());
  });
});
