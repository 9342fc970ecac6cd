import { describe, expect, it } from 'vitest';
import type { ServiceDetails } from './model.js';
import { checkServiceForm, mayEditService, serviceFormFor } from './service-form.js';

const before: ServiceDetails = {
  name: 'Pantry',
  description: 'Food',
  url: null,
  email: null,
  phone: null,
  status: 'active',
  themes: ['food'],
  eligibility: { description: null, minimumAge: null, maximumAge: null },
  cost: null,
  howToAccess: null,
  languages: [],
  accessibility: null,
  capacity: null,
  locations: [
    {
      sourceId: null,
      name: 'Hall',
      address: null,
      postcode: 'M41 0AA',
      latitude: null,
      longitude: null,
      visibility: 'public',
    },
  ],
  areas: [],
  schedules: [{ day: 'monday', opens: '09:00', closes: '12:00' }],
  contacts: [],
};
const themes = ['food', 'money-debt-and-benefits', 'young-people'];

describe('mayEditService', () => {
  const service = { organisationId: 'org-a' };
  it.each([
    ['partnership-admin', null, true],
    ['vcs-member', 'org-a', true],
    ['vcs-member', 'org-b', false],
    ['vcs-member', null, false],
    ['council-member', 'org-a', true],
    ['council-member', 'org-b', false],
    ['viewer', 'org-a', false],
  ] as const)('%s of %s: %s', (role, organisationId, allowed) => {
    expect(mayEditService({ role, organisationId }, service)).toBe(allowed);
  });
});

describe('checkServiceForm', () => {
  it('round-trips a service through the form unchanged', () => {
    const result = checkServiceForm(serviceFormFor(before), before, themes);
    expect(result).toEqual({ ok: true, value: before });
  });

  it('applies changes, keeping locations and opening times, themes in vocabulary order', () => {
    const result = checkServiceForm(
      {
        ...serviceFormFor(before),
        name: '  Community   pantry ',
        themes: ['young-people', 'food'],
        url: 'www.pantry.example.org',
        email: 'Hello@Pantry.example.org',
        minimumAge: '16',
        maximumAge: '25',
        languages: 'English, Polish;Urdu',
        capacityPeople: '1,200',
        capacityPeriod: 'month',
        status: 'temporarily closed',
      },
      before,
      themes,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        ...before,
        name: 'Community pantry',
        themes: ['food', 'young-people'],
        url: 'https://www.pantry.example.org',
        email: 'hello@pantry.example.org',
        eligibility: { description: null, minimumAge: 16, maximumAge: 25 },
        languages: ['English', 'Polish', 'Urdu'],
        capacity: { people: 1200, period: 'month' },
        status: 'temporarily closed',
      },
    });
  });

  it('names every problem by field', () => {
    const result = checkServiceForm(
      {
        ...serviceFormFor(before),
        name: 'x',
        status: 'open',
        themes: ['cake'],
        url: 'not a url',
        email: 'nope',
        minimumAge: '30',
        maximumAge: '20',
        capacityPeople: '40',
        capacityPeriod: '',
      },
      before,
      themes,
    );
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.problems).sort()).toEqual(
      ['capacityPeriod', 'email', 'maximumAge', 'name', 'status', 'themes', 'url'].sort(),
    );
  });
});
