import { describe, expect, it } from 'vitest';
import type { NeedRecord } from '../../domain/needs/model.js';
import { demandFromNeeds, peopleOf, relatedAreaCodes, type DemandArea } from './matching-demand.js';

const area = (code: string, level: DemandArea['level'], wardCode: string | null): DemandArea => ({
  code,
  name: code,
  level,
  point: { lat: 53, lng: -2 },
  wardCode,
});
const areas = new Map(
  [
    area('E08000001', 'authority', null),
    area('E05000001', 'ward', 'E05000001'),
    area('E05000002', 'ward', 'E05000002'),
    area('E01000001', 'lsoa', 'E05000001'),
    area('E01000002', 'lsoa', 'E05000001'),
    area('E01000003', 'lsoa', 'E05000002'),
  ].map((a) => [a.code, a]),
);

const need = (overrides: Partial<NeedRecord>): NeedRecord => ({
  id: 'n1',
  partnershipId: 'p',
  areaCode: 'E01000001',
  theme: 'food',
  severity: 3,
  peopleAffected: 40,
  evidence: 'About 40 families.',
  source: 'vcs-frontline',
  reportingOrganisationId: null,
  reportedOn: '2026-01-01',
  sourceId: null,
  createdBy: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('peopleOf', () => {
  it.each([
    [40, 3, { people: 40, known: true }],
    [0, 4, { people: 0, known: true }],
    [12.6, 1, { people: 13, known: true }],
    [null, 1, { people: 10, known: false }],
    [null, 4, { people: 40, known: false }],
  ] as const)('%s people at severity %s → %o', (peopleAffected, severity, expected) => {
    expect(peopleOf(need({ peopleAffected, severity }))).toEqual(expected);
  });
});

describe('relatedAreaCodes', () => {
  it.each([
    ['E01000001', ['E05000001', 'E08000001']],
    ['E05000001', ['E08000001', 'E01000001', 'E01000002']],
    ['E08000001', ['E05000001', 'E05000002', 'E01000001', 'E01000002', 'E01000003']],
  ])('%s → %o', (code, expected) => {
    const found = areas.get(code);
    if (!found) throw new Error(code);
    expect(relatedAreaCodes(found, areas).sort()).toEqual([...expected].sort());
  });
});

describe('demandFromNeeds', () => {
  it('turns each record of a chosen theme into its people at its area, setting aside unknown areas', () => {
    const { demands, unplaced } = demandFromNeeds(
      [
        need({ id: 'a' }),
        need({ id: 'b', theme: 'carers' }),
        need({ id: 'c', peopleAffected: null, severity: 2, areaCode: 'E05000002' }),
        need({ id: 'd', areaCode: 'E01999999' }),
        need({ id: 'e', peopleAffected: 0 }),
      ],
      areas,
      new Set(['food']),
    );
    expect(demands.map((d) => [d.id, d.units, d.peopleKnown, d.areaCode])).toEqual([
      ['a', 40, true, 'E01000001'],
      ['c', 20, false, 'E05000002'],
    ]);
    expect(demands[0]?.relatedAreaCodes).toEqual(['E05000001', 'E08000001']);
    expect(unplaced.map((n) => n.id)).toEqual(['d']);
  });
});
