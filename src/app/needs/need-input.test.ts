import { describe, expect, it } from 'vitest';
import { checkNeedInput, type NeedInput, type NeedRules } from './need-input.js';

const rules: NeedRules = {
  areaCodes: new Set(['E08000009', 'E05000820', 'E01006100']),
  themeIds: new Set(['food', 'loneliness']),
  organisationIds: new Set(['org-1']),
  today: '2026-03-01',
};

const good: NeedInput = {
  areaCode: 'e01006100',
  theme: 'food',
  severity: '3',
  peopleAffected: '1,200',
  evidence: 'About 40 families a week asking the food bank for help.',
  source: 'vcs-frontline',
  reportingOrganisationId: 'org-1',
  reportedOn: '2026-02-14',
};

describe('checkNeedInput', () => {
  it('accepts a good need and cleans its values', () => {
    expect(checkNeedInput(good, rules)).toEqual({
      ok: true,
      value: {
        areaCode: 'E01006100',
        theme: 'food',
        severity: 3,
        peopleAffected: 1200,
        evidence: 'About 40 families a week asking the food bank for help.',
        source: 'vcs-frontline',
        reportingOrganisationId: 'org-1',
        reportedOn: '2026-02-14',
      },
    });
  });

  it('keeps optional fields empty', () => {
    const result = checkNeedInput({ ...good, peopleAffected: '', reportingOrganisationId: '' }, rules);
    expect(result.ok && [result.value.peopleAffected, result.value.reportingOrganisationId]).toEqual([
      null,
      null,
    ]);
  });

  it.each<[string, Partial<NeedInput>, string, string]>([
    ['no area', { areaCode: '' }, 'areaCode', 'Select the area the need is in'],
    ['an area elsewhere', { areaCode: 'E01000001' }, 'areaCode', 'Select an area in this partnership'],
    ['an unknown theme', { theme: 'weather' }, 'theme', 'Select a theme from the list'],
    ['severity 5', { severity: '5' }, 'severity', 'Select how severe the need is'],
    ['a word for people', { peopleAffected: 'lots' }, 'peopleAffected', 'as a whole number'],
    ['no people', { peopleAffected: '0' }, 'peopleAffected', 'from 1 to'],
    ['no evidence', { evidence: '  ' }, 'evidence', 'Describe the need'],
    ['a phone number', { evidence: 'Call 07700 900123' }, 'evidence', 'This looks like a phone number'],
    ['an unknown source', { source: 'rumour' }, 'source', 'Select where the evidence comes from'],
    [
      'another partnership’s organisation',
      { reportingOrganisationId: 'org-9' },
      'reportingOrganisationId',
      'Select an organisation',
    ],
    ['no date', { reportedOn: '' }, 'reportedOn', 'Enter the date'],
    ['30 February', { reportedOn: '2026-02-30' }, 'reportedOn', 'Enter a real date'],
    ['a future date', { reportedOn: '2026-03-02' }, 'reportedOn', 'today or in the past'],
  ])('refuses %s', (_, change, field, message) => {
    const result = checkNeedInput({ ...good, ...change }, rules);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[field]).toContain(message);
  });
});
