import { describe, expect, it } from 'vitest';
import type { GapCell } from './analysis-types.js';
import { GapCellColumns, type GapCellFigures } from './gap-cell-columns.js';

const figures = (overrides: Partial<GapCellFigures>): GapCellFigures => ({
  need: 50,
  statisticsNeed: 40,
  localNeed: 60,
  localRank: 1,
  provision: 0.25,
  serviceCount: 2,
  gapClass: 'thin-provision',
  gapScore: 40,
  nearestKm: 1.5,
  nearestServiceId: 'service-1',
  ...overrides,
});

describe('GapCellColumns', () => {
  const cases: { name: string; set: Partial<GapCellFigures>; read: Partial<GapCell> }[] = [
    { name: 'figures as given', set: {}, read: { need: 50, provision: 0.25, nearestServiceId: 'service-1' } },
    {
      name: 'no need score: nulls and no local rank',
      set: {
        need: null,
        statisticsNeed: null,
        localNeed: null,
        localRank: 0,
        gapClass: 'no-data',
        gapScore: 0,
      },
      read: { need: null, statisticsNeed: null, localNeed: null, localRank: null, gapClass: 'no-data' },
    },
    {
      name: 'no open service: no nearest',
      set: { nearestKm: null, nearestServiceId: null, provision: 0, serviceCount: 0, gapClass: 'unmet-need' },
      read: {
        nearestKm: null,
        nearestServiceId: null,
        provision: 0,
        serviceCount: 0,
        gapClass: 'unmet-need',
      },
    },
    {
      name: 'the last class',
      set: { gapClass: 'no-provision-data' },
      read: { gapClass: 'no-provision-data' },
    },
  ];

  it.each(cases)('reads back $name', ({ set, read }) => {
    const columns = new GapCellColumns(['E01', 'E02'], ['food', 'debt', 'carers']);
    columns.setRankedAreas(1, 7);
    columns.set(1, 1, figures(set));
    expect(columns.at(4)).toMatchObject({ areaCode: 'E02', theme: 'debt', localRankOutOf: 7, ...read });
  });

  it('lays cells out area by area, themes in order, and builds the objects once', () => {
    const columns = new GapCellColumns(['E01', 'E02'], ['food', 'debt']);
    columns.set(0, 1, figures({ need: 10 }));
    columns.set(1, 0, figures({ need: 20 }));
    const cells = columns.cells();
    expect(cells.map((c) => `${c.areaCode}:${c.theme}`)).toEqual([
      'E01:food',
      'E01:debt',
      'E02:food',
      'E02:debt',
    ]);
    expect(cells[1]?.need).toBe(10);
    expect(cells[2]?.need).toBe(20);
    expect(columns.cells()).toBe(cells);
  });
});
