import { describe, expect, it } from 'vitest';
import type { ClashFinding } from './clashes.js';
import { pipelineHighlights } from './highlights.js';

const none: ClashFinding = { kind: 'none', leadOrganisationIds: [] };
const clash: ClashFinding = { kind: 'clash', leadOrganisationIds: ['a', 'b'] };
const coordinating: ClashFinding = {
  kind: 'coordinating',
  coordination: 'joint-bid',
  leadOrganisationIds: ['a', 'b'],
};

const entry = (fundName: string, deadline: string | null, finding: ClashFinding = none) => ({
  opportunity: { fundName, deadline },
  clash: finding,
});

describe('pipelineHighlights', () => {
  const today = '2026-05-10';

  it.each([
    // [label, deadline, finding, clash listed?, closing soon?]
    ['a clash with a later deadline', '2026-08-01', clash, true, false],
    ['a clash with no deadline', null, clash, true, false],
    ['a clash closing today', '2026-05-10', clash, true, true],
    ['a clash whose deadline passed', '2026-05-09', clash, false, false],
    ['a clash being coordinated', '2026-05-12', coordinating, false, true],
    ['no clash, closing in 14 days', '2026-05-24', none, false, true],
    ['no clash, closing in 15 days', '2026-05-25', none, false, false],
    ['no clash, no deadline', null, none, false, false],
  ] as const)('%s: clash %s, closing soon %s', (_label, deadline, finding, listed, soon) => {
    const found = pipelineHighlights([entry('Fund', deadline, finding)], today);
    expect(found.clashes.length).toBe(listed ? 1 : 0);
    expect(found.closingSoon.length).toBe(soon ? 1 : 0);
  });

  it('lists soonest deadline first, as the pipeline does', () => {
    const found = pipelineHighlights(
      [
        entry('Later', '2026-05-20', clash),
        entry('Sooner', '2026-05-11', clash),
        entry('Undated', null, clash),
      ],
      today,
    );
    expect(found.clashes.map((e) => e.opportunity.fundName)).toEqual(['Sooner', 'Later', 'Undated']);
    expect(found.closingSoon.map((e) => e.opportunity.fundName)).toEqual(['Sooner', 'Later']);
  });
});
