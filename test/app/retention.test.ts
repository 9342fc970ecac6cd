import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipRecord } from '../../src/app/ports.js';
import type { Services } from '../../src/app/services.js';
import type { RoundResults } from '../../src/domain/results/index.js';
import { createTestApp, FakeClock, type TestApp } from '../support/test-app.js';

const comments = (results: RoundResults) =>
  [results.sides.council, results.sides.community].flatMap((side) =>
    side.status === 'has-data' ? side.indicators.flatMap((i) => i.comments) : [],
  );
const medians = (results: RoundResults) =>
  results.indicators.map((i) => [i.councilMedian, i.communityMedian]);

/** The retention sweep over the demo: comments removed when the partnership says so, figures never. */
describe('applying retention', () => {
  let test: TestApp;
  let services: Services;
  let northmoor: PartnershipRecord;
  const clock = new FakeClock();

  beforeAll(async () => {
    test = await createTestApp({ clock });
    services = test.runtime.services;
    northmoor = await test.partnership('northmoor');
  }, 60_000);
  afterAll(() => test.close());

  const spring = async () => {
    const found = (await services.assessments.list(northmoor.id)).find(
      (r) => r.round.name === 'Spring 2026 full assessment',
    );
    const view = found && (await services.assessments.find(northmoor.id, found.round.id));
    if (!view) throw new Error('no Spring 2026 round');
    return view;
  };

  it('keeps nothing back before the period ends, then keeps the figures and leaves comments out', async () => {
    const saved = await services.privacy.saveRetention(
      northmoor.id,
      { months: '12', removeComments: 'yes' },
      { userId: null, label: 'test' },
    );
    expect(saved.ok).toBe(true);
    const before = (await services.assessments.results(await spring())).results;
    expect(comments(before).length).toBeGreaterThan(0);

    // Nothing more is due today: the demo already applied the year to its oldest round.
    expect(await services.privacy.applyRetention()).toMatchObject({ rounds: 0, responses: 0 });

    const report = await services.privacy.applyRetention(new Date('2030-01-01T12:00:00Z'));
    expect(report.rounds).toBe(2);
    const view = await spring();
    expect(await services.store.responses.submitted(view.round.id)).toEqual([]);
    const after = (await services.assessments.results(view)).results;
    expect(comments(after)).toEqual([]);
    expect(medians(after)).toEqual(medians(before));
    expect(after.groups).toEqual(before.groups);
    expect((await services.store.dataRights.findSnapshot(view.round.id))?.commentsRemoved).toBe(true);
    expect(await services.privacy.answersDeletedAt(view.round.id)).toBe('2030-01-01T12:00:00.000Z');
  });
});
