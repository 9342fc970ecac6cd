import type { Side } from '../results/rating.js';
import { seededRandom, type SeededRandom } from '../shared/seeded-random.js';

/** One demo respondent's answers: rating codes as stored ('1'–'4', 'dont-know', 'not-applicable'). */
export interface DemoAnswers {
  readonly ratings: Readonly<Record<string, string>>;
  readonly comments: Readonly<Record<string, string>>;
}

/**
 * How each side tends to see an indicator in the demo: the council side a little more positive than the
 * community side, with clear differences on challenge, funding and commissioning, as the research found.
 */
const councilView: Record<string, number> = { RC2: 3.2, CR2: 3.0, ES3: 3.1, RC3: 2.8, CR4: 2.4 };
const communityView: Record<string, number> = {
  RC2: 1.7,
  CR2: 1.6,
  ES3: 1.9,
  RC3: 1.8,
  CR4: 2.2,
  ES1: 2.9,
  SF5: 2.3,
};

const commentPool: Record<string, readonly string[]> = {
  SF: [
    'The partnership agreement is out of date and few people know it exists.',
    'We share data on need at the forum, but it is patchy.',
    'The council’s map of local groups misses most small faith groups.',
  ],
  RC: [
    'Trust has grown since the pandemic, but it depends on a few officers.',
    'Smaller groups worry that speaking up could affect their grants.',
    'Bad news about budgets often reaches us too late to plan.',
  ],
  ES: [
    'The VCS forum meets regularly and the agenda is shared in advance.',
    'Grant forms are the same length for £500 as for £50,000.',
    'Commissioning is still mostly one-year contracts.',
  ],
  CR: [
    'Payments were late twice this year, which hurt our cash flow.',
    'We found out the council had bid for the same fund after we applied.',
    'The infrastructure support contract has been cut two years running.',
  ],
};

function ratingAround(random: SeededRandom, centre: number): string {
  const roll = random.next();
  if (roll < 0.07) return 'dont-know';
  if (roll < 0.09) return 'not-applicable';
  const value = Math.round(centre + (random.next() - 0.5) * 2.2);
  return String(Math.min(4, Math.max(1, value)));
}

/** Makes `count` plausible answer sets for one group of one round. The same seed always gives the same answers. */
export function demoAnswers(
  seed: number,
  side: Side,
  indicatorCodes: readonly string[],
  count: number,
  improvement = 0,
): DemoAnswers[] {
  const random = seededRandom(seed);
  const view = side === 'council' ? councilView : communityView;
  const baseline = side === 'council' ? 2.7 : 2.3;
  return Array.from({ length: count }, () => {
    const ratings: Record<string, string> = {};
    const comments: Record<string, string> = {};
    for (const code of indicatorCodes) {
      ratings[code] = ratingAround(random, (view[code] ?? baseline) + improvement);
      if (random.next() < 0.12)
        comments[code] = random.pick(commentPool[code.slice(0, 2)] ?? commentPool.SF ?? []);
    }
    return { ratings, comments };
  });
}
