import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClosedRound } from '../../src/app/demo/seed-demo-national.js';
import type { Services } from '../../src/app/services.js';
import { distributionOf } from '../../src/domain/national/benchmark.js';
import { spread } from '../../src/domain/results/statistics.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Benchmarks over the demo's six partnerships taking part: each gives its latest closed round's side medians
 * (the round's own RoundResults), and the contributions are worked out again only when a round or a choice
 * changes.
 */
describe('national benchmark use-cases', () => {
  let test: TestApp;
  let services: Services;
  /** Calls to read a round's groups: every round's results are described afresh unless the memo is used. */
  let groupReads = 0;

  beforeAll(async () => {
    test = await createTestApp();
    services = test.runtime.services;
    const rounds = services.store.rounds;
    const original = rounds.groups.bind(rounds);
    rounds.groups = (roundId: string) => {
      groupReads += 1;
      return original(roundId);
    };
  }, 60_000);
  afterAll(() => test.close());

  /** Each taking part partnership's latest closed round's council median for SF1, from its own results. */
  async function councilMediansFor(code: string): Promise<number[]> {
    const values: number[] = [];
    for (const p of (await services.national.partnerships()).filter((x) => x.benchmarkOptIn)) {
      const closed = (await services.assessments.list(p.id))
        .filter((r) => r.status === 'closed')
        .sort((a, b) => b.round.closesOn.localeCompare(a.round.closesOn))[0];
      if (!closed) continue;
      const view = await services.assessments.find(p.id, closed.round.id);
      const { results } = await services.assessments.results(view as NonNullable<typeof view>);
      const median = results.indicators.find((i) => i.indicatorCode === code)?.councilMedian;
      if (typeof median === 'number') values.push(median);
    }
    return values;
  }

  it('the distribution is the median and quartiles of each partnership’s own side median', async () => {
    const expected = await councilMediansFor('SF1');
    expect(expected).toHaveLength(6);
    const benchmark = await services.national.benchmark({});
    const sf1 = benchmark.rows.find((r) => r.measure.code === 'SF1');
    expect(sf1?.council).toEqual(distributionOf(expected));
    expect(sf1?.council?.lowerQuartile).toBe(spread(expected)?.lowerQuartile);
    expect(benchmark.contributing).toBe(6);
  });

  it('reuses the contributions until a partnership’s latest closed round changes', async () => {
    await services.national.benchmark({});
    const before = groupReads;
    await services.national.benchmark({ region: 'North West' });
    await services.national.benchmark({});
    expect(groupReads).toBe(before);

    const ashvale = await test.partnership('ashvale');
    await seedClosedRound(
      services.store,
      services.clock,
      services.assessments.frameworks,
      ashvale.id,
      9,
      1,
      30,
    );
    await services.national.benchmark({});
    expect(groupReads).toBeGreaterThan(before);
  });
});
